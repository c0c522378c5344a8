"""Which actor mention an argument token stands for: the mention holding it, else one inside its
noun phrase, with the conjuncts of a role ("Turkey and Saudi Arabia") and both countries of a pair
phrase ("both countries", `both.py`). Split from `arguments.py`, which reads the roles off the parse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsevents.events.both import members
from newsevents.nlp.syntax import NOUN_PHRASE_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsevents.model import ActorMention

MAX_PER_ROLE = 4


class MentionIndex:
    """Finds the actor mention an argument token stands for."""

    def __init__(
        self, doc: Doc, mentions: Sequence[ActorMention], pairs: Sequence[ActorMention] = ()
    ) -> None:
        self.doc = doc
        self.by_token: dict[int, ActorMention] = {}
        self.pairs = tuple(pairs)  # "both countries": two mentions on one phrase (`both.py`)
        # smaller mentions first, so a token gets the tightest mention holding it; a pair phrase's
        # first country stands for its tokens, and `resolve` adds the other
        tightest_last = sorted(mentions, key=lambda m: m.token_end - m.token_start, reverse=True)
        for m in (*tightest_last, *self.pairs[::-1]):
            for i in range(m.token_start, m.token_end):
                self.by_token[i] = m

    def at(self, token: Token) -> ActorMention | None:
        """The mention holding the token, else one it is apposed to, else one inside its noun phrase
        (not its clauses)."""
        found = self.by_token.get(token.i)
        if found is not None:
            return found
        # "another key Egyptian ally, France": the apposed name is the one meant, a modifier another
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.by_token:
                return self.by_token[child.i]
        stack = [token]
        while stack:
            node = stack.pop(0)
            for child in node.children:
                inside = child.dep_ in NOUN_PHRASE_DEPS or (child.dep_ == "prep" and child.lower_ == "of")
                # "the allegations made by Pakistan": the noun's maker, through its participle's agent
                made = (child.dep_, child.tag_) == ("acl", "VBN")
                made = made or (child.dep_, node.dep_) == ("agent", "acl")
                if child.dep_ == "poss" and child.lower_ == "its":
                    continue  # "reiterated its demand that Y": whose it is, not whom it is aimed at
                if inside or made or (child.dep_ == "pobj" and node.dep_ in ("prep", "agent")):
                    hit = self.by_token.get(child.i)
                    if hit is not None:
                        return hit
                    stack.append(child)
        return None

    def resolve(self, tokens: Sequence[Token]) -> tuple[ActorMention, ...]:
        """Mentions for the tokens and their conjuncts ("Turkey and Saudi Arabia"), deduplicated; a
        title's conjuncts hung on its apposed name count ("Prime Minister Narendra Modi and President
        Rodrigo Duterte", the second joined to "Modi")."""
        out: list[ActorMention] = []
        for tok in tokens:
            named = [c for a in tok.children if a.dep_ == "appos" for c in a.conjuncts if c.pos_ == "PROPN"]
            for t in (tok, *tok.conjuncts, *named):
                m = self.at(t)
                for one in members(m, self.pairs) if m is not None else ():
                    if one not in out:
                        out.append(one)
        return tuple(out[:MAX_PER_ROLE])

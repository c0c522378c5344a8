"""Acts told again: "the attack", "the ban", "Tuesday's raid", "responsibility for the bombing".

News states an act once with its actors, then names it again with a definite noun in later
sentences ("Police arrested the editor on Monday. The arrest drew condemnation."); the annotation
guide codes the act in each sentence that states it. A noun trigger of force or restriction
(CAMEO roots 14 to 20) that refers back (a definite or demonstrative determiner, a possessive such
as "Tuesday's") and leaves a side open is the act the article last told of its kind: the latest
earlier event of its family (18, 19 and 20 are one family, force; any other root its own), one
whose trigger shares the noun's stem first ("the ban" after "banned"), lends its code and the
sides the noun does not name, as inferred coreference mentions at the noun. "X claimed
responsibility for the attack" makes X the restated attack's source. A restatement is made
once per sentence and family, and never in a sentence that codes another event of that family:
there the act is already told. An indefinite noun ("an attack", "attacks") tells a new act and is
never a restatement, and a claim of responsibility with no act told before it is no act: the
claim is not the attack.

A restated act is anchored at its antecedent's trigger (the events stage's `anchors`), so the
stages after it date and place the act where the article told it ("the attack" in a sentence
written days later happened on the day the attack did), as the guide dates and places it; a noun
with a date of its own ("Tuesday's attack", "the Feb. 27 deportations") keeps its own anchor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsevents.events.arguments import Arguments, MentionIndex, Role, find_arguments
from newsevents.events.irregular import recode_irregular
from newsevents.events.triggers import TriggerMatch
from newsevents.model import Actor, ActorMention, Event, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.codebook import Codebook

FORCE_ROOTS = frozenset({"18", "19", "20"})
FAMILIES = frozenset({"14", "15", "16", "17", "force"})  # roots 14 to 20
REFERRING = frozenset({"the", "this", "that", "these", "those"})
CLAIMED = frozenset({"responsibility", "credit"})
STEM = 5  # letters of the noun's lemma an antecedent's trigger must hold to be preferred

Make = Callable[[TriggerMatch, Arguments], list[Event]]


def family(root: str) -> str:
    """The kind of act a restating noun may stand for: force (18-20) as one, else its root."""
    return "force" if root in FORCE_ROOTS else root


@dataclass(frozen=True)
class Act:
    """An act the article has told: its trigger's words, code, sides, and the tokens it is anchored at."""

    words: str
    cameo: str
    source: Actor | None
    target: Actor | None
    anchor: tuple[int, int] | None


class Told:
    """The acts one article has told so far, by family; lives for one call of `code_article`."""

    def __init__(self, index: MentionIndex, book: Codebook, anchors: dict[Evidence, tuple[int, int]]) -> None:
        self.index, self.cues, self.codes = index, book.cues, book.codes
        self.anchors = anchors  # the coder's: trigger evidence -> its tokens
        self.told: dict[str, list[Act]] = {}  # family -> its acts, in text order

    def sentence(self, matches: Sequence[TriggerMatch], by_token: dict[int, list[Event]], make: Make) -> None:
        """Code the sentence's restating nouns in place (`make` codes a match with given
        arguments), then remember the sentence's acts for the sentences after it."""
        coded = {family(e.cameo_root) for events in by_token.values() for e in events}
        for match in matches:
            if match.token not in by_token or by_token[match.token] or match.entry.kind != "noun":
                continue
            kind = family(self.codes.get(match.entry.cameo or "").root)
            if kind in coded or kind not in FAMILIES:
                continue
            events = self._restate(match, kind, make)
            if events:
                by_token[match.token] = events[:1]
                coded.add(kind)
        for match in matches:
            self._remember(match, by_token.get(match.token))

    def _remember(self, match: TriggerMatch, events: list[Event] | None) -> None:
        """The act a trigger told: each of its events that is asserted or reported, or, for a noun
        that names a new act with no actor ("came under a bomb attack"), the act alone, so that
        "the attack" later is that one and is dated and placed where it was told."""
        for e in events or ():
            if not e.negated and e.modality != "hypothetical":
                act = Act(e.trigger.text.lower(), e.cameo, e.source, e.target, self.anchors.get(e.trigger))
                self.told.setdefault(family(e.cameo_root), []).append(act)
        token = self.index.doc[match.token]
        if events == [] and match.entry.kind == "noun" and match.entry.cameo and not _refers_back(token):
            words = " ".join(self.index.doc[i].lower_ for i in match.words)
            act = Act(words, match.entry.cameo, None, None, (min(match.words), max(match.words) + 1))
            self.told.setdefault(family(self.codes.get(match.entry.cameo).root), []).append(act)

    def _restate(self, match: TriggerMatch, kind: str, make: Make) -> list[Event]:
        token = self.index.doc[match.token]
        claimer = self._claimer(token)
        if not claimer and not _refers_back(token):
            return []
        args = find_arguments(match, self.index, self.cues)
        if claimer:
            args = replace(args, source=Role(claimer))
        before = self._antecedent(kind, token)
        if before is None:
            return []
        source, target = _lent(args.source, before.source, token), _lent(args.target, before.target, token)
        if not source.mentions and not target.mentions:
            return []
        entry = replace(match.entry, cameo=before.cameo, require="either", mutual=False)
        made = {match.token: make(replace(match, entry=entry), Arguments(source, target))}
        recode_irregular(made, (), self.codes)  # a claimed attack is told by its claimer
        dated = any(t.ent_type_ == "DATE" for t in token.children)
        for event in made[match.token]:
            if before.anchor is not None and not dated:  # "Tuesday's attack" is dated by its own words
                self.anchors[event.trigger] = before.anchor
        return made[match.token]

    def _antecedent(self, kind: str, token: Token) -> Act | None:
        """The latest act of the family whose trigger holds the noun's stem, else the latest."""
        told = self.told.get(kind, [])
        stem = token.lemma_.lower()[:STEM]
        same = [act for act in told if stem in act.words]
        return (same or told or [None])[-1]

    def _claimer(self, token: Token) -> tuple[ActorMention, ...]:
        """Who claimed responsibility (or credit) for the act the noun names, if the parse says so."""
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ != "for":
            return ()
        holder = prep.head
        if holder.lemma_.lower() in CLAIMED:
            verb = holder.head
        elif any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED for c in holder.children):
            verb = holder
        else:
            return ()
        return self.index.resolve([c for c in verb.children if c.dep_ == "nsubj"])


def _refers_back(token: Token) -> bool:
    """A definite, demonstrative or possessive noun ("the attack", "Tuesday's attack")."""
    return any((c.dep_ == "det" and c.lower_ in REFERRING) or c.dep_ == "poss" for c in token.children)


def _lent(own: Role, actor: Actor | None, token: Token) -> Role:
    """The noun's own side, or else the antecedent's actor standing at the noun (inferred)."""
    if own.mentions or actor is None:
        return own
    return Role((ActorMention(actor, token.i, token.i + 1, token.i, "coref"),), inferred=True)

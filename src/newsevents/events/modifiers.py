"""What a noun trigger's modifiers say about its actors: who acts, whom it opposes, who backs it.

"Russian air strikes" and "the regime's offensive" name the doer in a modifier, and so does "the
U.S.-led offensive" its leader; "anti-government rallies" name whom the act opposes; "a
Russian-backed offensive" names a backer, not the doer; and
"a Sudan village attack" or "Baghdad's suicide attack" name where, not who. These readings are
shared by the argument finder (arguments.py) and the coder (coding.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.arguments import MentionIndex
    from newsevents.events.modality import Cues
    from newsevents.model import ActorMention

# how the leader hangs on its participle: "U.S." in "U.S.-led" (npadvmod), "Saudi" in "Saudi-led"
LEADER_DEPS = frozenset({"npadvmod", "compound", "nmod", "amod", "advmod"})


def against(token: Token) -> bool:
    """ "anti-government rallies": the modifier names whom the act opposes, not who acts."""
    if token.lower_.startswith("anti"):
        return True
    i, doc = token.i, token.doc
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti"


def backer(token: Token, index: MentionIndex, cues: Cues) -> ActorMention | None:
    """The mention of X in "an X-backed <noun>" ("a Russian-backed offensive"), or None.

    The backer supports the act without performing it; `coding` may name the performer from
    what the article has already said X backs.
    """
    for word in token.children:
        if word.dep_ not in ("amod", "compound") or word.i > token.i:
            continue
        text = word.lower_.strip("-–")
        glued = "-" in text and text.rsplit("-", 1)[1] in cues.backer_words
        if text not in cues.backer_words and not glued:
            continue
        if glued and word.i in index.by_token:
            return index.by_token[word.i]  # "Russian-backed" as one token
        for child in word.children:
            if child.i < word.i and child.dep_ in ("npadvmod", "compound", "nmod", "amod", "advmod"):
                found = index.by_token.get(child.i)
                if found is not None:
                    return found
    return None


def modifier_source(
    token: Token, index: MentionIndex, with_words: set[int], cues: Cues
) -> tuple[ActorMention, ...]:
    """The actor a noun trigger's modifiers name ("the regime's offensive", "Russian air strikes").

    A modifier counts only when it is itself (part of) a mention: in "military base attacks" the
    base is where the attack fell, not who made it. A place name used as a compound ("a Sudan
    village attack", "the Niger kidnapping") or a capital as possessor ("Baghdad's suicide
    attack") says where, not who; demonyms and possessive countries still name the actor.
    """
    mods = [c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    mods = [c for c in mods if c.i not in with_words and c.lower_.strip("-") not in cues.backer_words]
    found = []
    for c in mods:
        m = index.by_token.get(c.i) or _leader(c, index, cues)
        if m is None or against(c) or _place_word(c, m):
            continue
        found.append(m)
    return tuple(dict.fromkeys(found))


def _leader(word: Token, index: MentionIndex, cues: Cues) -> ActorMention | None:
    """X in "the X-led offensive", "X-led bombing raids": who leads the act makes it (`leader_words`
    in cues.yml), unlike who backs it."""
    if word.lower_ not in cues.leader_words:
        return None
    kids = [index.by_token.get(c.i) for c in word.children if c.i < word.i and c.dep_ in LEADER_DEPS]
    return next((m for m in kids if m is not None), None)


def _place_word(word: Token, m: ActorMention) -> bool:
    if m.kind != "name" or m.actor.code in ("", None):
        return False
    if word.dep_ == "compound" and m.actor.sector is None and word.ent_type_ != "NORP":
        return True  # a country or region named as a noun
    capital = m.actor.sector == "GOV" and m.token_end - m.token_start == 1 and word.ent_type_ == "GPE"
    return word.dep_ in ("poss", "compound") and capital and word.doc[m.head].ent_type_ == "GPE"


def hyphen_parties(
    token: Token, index: MentionIndex, source: tuple[ActorMention, ...] = ()
) -> tuple[ActorMention, ...]:
    """ "US-China talks", "the Israel-Hamas ceasefire", "the India-Pakistan border clash": the
    parties a hyphen joins before a mutual noun, left to right (the actor recogniser keeps each a
    mention of its own); () when no modifier of the noun ends such a pair, or when the noun's
    `source` is some other actor than the pair's."""
    doc = token.doc
    for word in token.children:
        if word.dep_ not in ("amod", "compound", "nmod") or word.i > token.i:
            continue
        last = index.by_token.get(word.i)
        if last is None:
            continue
        found = [last]
        while (start := found[0].token_start) >= 2 and _bare_dash(doc[start - 1]):
            before = index.by_token.get(start - 2)
            if before is None or before in found or doc[start - 2].whitespace_:
                break
            found.insert(0, before)
        if len(found) > 1 and set(source) <= set(found):
            return tuple(found)
    return ()


def _bare_dash(token: Token) -> bool:
    return token.text in ("-", "–") and not token.whitespace_

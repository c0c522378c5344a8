"""Who protests when a protest noun names no one of its own.

Two readings, in order: whoever acts "in protest" protests ("hundreds of people massed outside
the consulate in protest of X": the subject of the verb the idiom hangs from, or the noun a
participle modifies when the parse reads the verb so, and what a count subject counts); else the
people of the place it happens in ("protests erupted in Tunisia"), a place with no sector of its
own. "In protest" is the manner idiom only: a singular noun with no determiner; "killed in ethnic
riots" or "arrested at a protest" tell where something befell people, not what they did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.events.objects import pobjs
from newsevents.events.subjects import subject
from newsevents.model import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.mentions import MentionIndex


def protesters(token: Token, index: MentionIndex) -> tuple[tuple[ActorMention, ...], bool]:
    """The protesters of the protest noun `token` by the readings above, and whether they were
    inferred (always, when found: no role of the noun's own named them)."""
    acting = index.resolve(in_protest(token))
    if acting:
        return acting, True
    placed = tuple(m for m in index.resolve(protest_place(token)) if m.actor.sector is None)
    return placed, bool(placed)


def in_protest(token: Token) -> list[Token]:
    """Who acts "in protest": the subject of the verb the idiom hangs from, and what it counts."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ != "VERB" or not _bare_singular(token):
        return []
    found = subject(prep.head) or ([prep.head.head] if prep.head.dep_ == "acl" else [])
    return found + [g for s in found for c in s.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip


def _bare_singular(token: Token) -> bool:
    return token.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in token.children)


def protest_place(token: Token) -> list[Token]:
    """ "protests erupted in Tunisia", "protests in Tunisia": the people of the place protest."""
    out = pobjs(token, ("in",))
    if token.dep_ == "nsubj":
        out += pobjs(token.head, ("in",))
    return out

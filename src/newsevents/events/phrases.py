"""Two-word and "X of Y" names of a thing, as keys a trigger's `with` list may give.

A `with` word must be a dependent of the trigger, so a thing named by a modifier and a head
("imposed martial law") or by a head and its "of" phrase ("declared a state of emergency") could
only be listed by its head, too broad a word ("law", "state"). A dependent's phrase keys let the
dictionary list the whole name ("martial law", "state of emergency") and leave the head alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

MODIFIER_DEPS = frozenset({"amod", "compound"})


def phrase_keys(token: Token) -> list[str]:
    """ "martial law" for "law" with the modifier "martial" just before it; "state of emergency"
    for "state" with "of emergency" after it; lower-case lemmas."""
    head = token.lemma_.lower()
    before = [c for c in token.lefts if c.dep_ in MODIFIER_DEPS and c.i == token.i - 1]
    out = [f"{c.lemma_.lower()} {head}" for c in before]
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.text.lower() == "of":
            out += [f"{head} of {g.lemma_.lower()}" for g in prep.children if g.dep_ == "pobj"]
    return out

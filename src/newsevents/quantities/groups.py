"""Counts that are no group of their own: a part of a group the sentence counts already, or the
same group counted again in another unit. A second figure for them would add those people twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.nlp.syntax import SUBJECT_DEPS
from newsevents.quantities.kinds import number_of
from newsevents.quantities.lexicon import QuantityLexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


def restated(noun: Token, lex: QuantityLexicon) -> Token | None:
    """The number of the count this figure restates in another unit, or None: "125 families (more
    than 800 people)", "2,400 families, or 12,000 people" (an apposition, or "or" between two
    counts). The caller keeps the figure only when that count is of another kind: the same people
    counted twice would be summed twice.
    """
    first = _first_conjunct(noun)
    if first.dep_ == "appos" or (first.dep_ == "conj" and _or_joined(first)):
        return number_of(first.head, lex)
    return None


def part_of_count(noun: Token, lex: QuantityLexicon) -> bool:
    """A part of a group the sentence counts already: "300 people, including 44 children and 139
    infants" (`parts` of the word lists). A part of a group given no number ("killed several
    people, including two children") is the only count there is, and stays a figure.
    """
    first = _first_conjunct(noun)
    opener = first.head
    if first.dep_ == "pobj" and opener.lower_ in lex.parts and number_of(opener.head, lex) is not None:
        return True
    # "1,000 people were evacuated, of which 838 were relocated"; "26 people, four of whom are
    # policemen"; "800 people evacuated, from which 200 were sheltered": a number "of which",
    # "of whom" or "from which" counts part of the group before it
    holders = (first, first.head) if first.dep_ in SUBJECT_DEPS else (first,)
    return any(_of_which(h) for h in holders)


PART_OPENERS = frozenset({"of", "from", "among"})  # "of which", "from whom", "among whom"


def _of_which(token: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and c.lower_ in PART_OPENERS
        and any(o.lower_ in ("which", "whom") for o in c.children)
        for c in token.children
    )


def _first_conjunct(noun: Token) -> Token:
    while noun.dep_ == "conj" and not _or_joined(noun):
        noun = noun.head
    return noun


def _or_joined(conjunct: Token) -> bool:
    """ "2,400 families or 7,900 people": "or" stands between the conjunct and its head."""
    head = conjunct.head
    return any(c.dep_ == "cc" and c.lower_ == "or" and head.i < c.i < conjunct.i for c in head.children)

"""Figures that retell a count the article has given already.

News tells its lead again further down: "Four engineers were murdered on Sunday ... on Sunday,
terrorists murdered four engineers"; "the three people injured in the attack ... the three
military men suffered serious injuries". The second mention counts the same people, and a sum
over the article (or an export that adds figures per event) would count them twice. A written
figure retells an earlier one when both have the same kind, unit, numbers and status, and the
later one either counts the same noun ("engineers" twice) or is made definite by a determiner of
the word lists' `definite` section ("the three military men"). Two groups of one sentence with
the same count ("nine policemen and nine civilians") are different nouns and stay apart; victims
named one by one are the business of `singles.told_before`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsevents.model import Quantity
from newsevents.quantities.lexicon import QuantityLexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

# what two figures must share to count the same people: kind, unit, value, low, high, status
Key = tuple[str, str | None, int | None, int | None, int | None, str]


@dataclass
class Told:
    """The written figures an article has counted so far, with the nouns they counted."""

    nouns: dict[Key, set[str]] = field(default_factory=dict)

    def retells(self, quantity: Quantity, noun: Token, lex: QuantityLexicon) -> bool:
        """Whether `quantity` (counting `noun`) retells a figure counted before; notes it as counted.

        `noun` is the counted noun, or the number itself for a bare number ("12 were killed"),
        which has no noun to compare and retells only when made definite.
        """
        q = quantity
        key: Key = (q.kind, q.unit, q.value, q.low, q.high, q.status)
        lemma = "" if noun.like_num else noun.lemma_.lower()
        before = self.nouns.setdefault(key, set())
        seen = bool(before)
        definite = any(c.dep_ == "det" and c.lower_ in lex.definite for c in noun.children)
        retold = seen and (definite or (bool(lemma) and lemma in before))
        before.add(lemma)
        return retold

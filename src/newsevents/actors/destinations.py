"""Capitals named as the destination of a visit: the host government, not a place.

A capital alone is an actor only where it acts or owns (resolve.py): "visited Moscow" and "a trip
to Beijing" were left to the geoparser, so a visit to a capital, which CAMEO codes as a visit to
the country (042), had no party on the receiving side and was not coded at all. The words of
travel are data (`data/en/actors/destinations.yml`): a capital that is the direct object of a
visiting verb, or the object of "to" on a word of travel, is the host.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents import data
from newsevents.data import lists

if TYPE_CHECKING:
    from spacy.tokens import Token

FILE = "actors/destinations.yml"
SECTIONS = ("visit_verbs", "visit_words")


@dataclass(frozen=True)
class Destinations:
    """The lemmas of `destinations.yml`: verbs taking the place visited as object, and words of
    travel taking it after "to"."""

    verbs: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, language: str = "en") -> Destinations:
        found = lists.words([data.shipped(FILE, language)], SECTIONS)
        return cls(frozenset(found["visit_verbs"]), frozenset(found["visit_words"]))

    def visited(self, word: Token) -> bool:
        """Whether `word` is the place a visit goes to: "visited Moscow", "his trip to Beijing"."""
        head = word.head
        if word.dep_ == "dobj":
            return head.pos_ == "VERB" and head.lemma_.lower() in self.verbs
        if word.dep_ != "pobj" or head.lower_ != "to" or head.dep_ != "prep":
            return False
        return head.head.lemma_.lower() in self.words

"""Agents of no one country, told by the words that modify them.

A home-sector word whose words name no country ("police", "leaders") is marked `needs_country`
(`resolve.complete`), and the actor-country stage later gives it its event's place or the
article's focus country (geo/actors.py). Some words say outright that the agent belongs to no
one country: "foreign governments", "international rights groups", "world leaders", "Quad
leaders". Such an agent keeps no country: a guessed one would be wrong more often than not (the
story's country is the one they act on, not theirs), and no country is better than a wrong one.
The words are data (`data/en/actors/stateless.yml`), with the words that make such a modifier
part of one state's office instead ("foreign minister"), and the sectors whose agent of no one
country is a non-governmental body, as CAMEO codes Amnesty International (NGOHRI).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents import data
from newsevents.data import lists

if TYPE_CHECKING:
    from spacy.tokens import Token

FILE = "actors/stateless.yml"
SECTIONS = ("no_country", "office_words", "ngo_sectors")
# How a modifier hangs on the noun, directly or through one other modifier ("international
# rights groups": "international" on "rights", "rights" on "groups").
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


@dataclass(frozen=True)
class Stateless:
    """The lower-cased words of `stateless.yml`."""

    words: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()
    ngo_sectors: frozenset[str] = frozenset()  # upper-case sector codes

    @classmethod
    def load(cls, language: str = "en") -> Stateless:
        found = lists.words([data.shipped(FILE, language)], SECTIONS)
        ngo = frozenset(code.upper() for code in found["ngo_sectors"])
        return cls(frozenset(found["no_country"]), frozenset(found["office_words"]), ngo)

    def code_of(self, sector: str) -> str | None:
        """The code of an agent of no one country of `sector`: a non-governmental body's for the
        sectors listed ("international rights groups": NGOHRI), else None (its sector alone)."""
        return f"NGO{sector}" if sector in self.ngo_sectors else None

    def of_no_country(self, head: Token) -> bool:
        """Whether a modifier of `head`, or of a modifier of it, says it is of no one country."""
        near = [t for t in head.lefts if t.dep_ in MODIFIER_DEPS]
        near += [g for t in near for g in t.lefts if g.dep_ in MODIFIER_DEPS]
        return any(self._stateless(t) for t in near)

    def _stateless(self, word: Token) -> bool:
        if word.lower_ not in self.words:
            return False
        after = word.nbor(1) if word.i + 1 < len(word.doc) else None
        return after is None or after.lemma_.lower() not in self.offices

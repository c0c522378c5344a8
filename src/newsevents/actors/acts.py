"""The acts whose doer a plural pronoun may be read from: `data/en/actors/acts.yml`.

A witness's "They shot and killed people on the train" names no one; the story named the gunmen
a sentence or two before. Which verbs are such acts, and which groups can do them, are data, so
a researcher extends them without touching `group_pronouns`.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents import data
from newsevents.data import lists

FILE = "actors/acts.yml"
SECTIONS = ("force_verbs", "force_sectors")


@dataclass(frozen=True)
class Acts:
    """The lemmas of acts of force and the (upper-case) sectors of those who commit them."""

    force_verbs: frozenset[str] = frozenset()
    force_sectors: frozenset[str] = frozenset()

    @classmethod
    def load(cls, language: str = "en") -> Acts:
        found = lists.words([data.shipped(FILE, language)], SECTIONS)
        sectors = frozenset(code.upper() for code in found["force_sectors"])
        return cls(frozenset(found["force_verbs"]), sectors)

"""The acts whose doer a plural pronoun may be read from: `data/en/actors/acts.yml`.

A witness's "They shot and killed people on the train" names no one; the story named the gunmen
a sentence or two before. Which verbs are such acts, and which groups can do them, are data, so
a researcher extends them without touching `group_pronouns`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents import data
from newsevents.data import lists

if TYPE_CHECKING:
    from spacy.tokens import Token

FILE = "actors/acts.yml"
SECTIONS = ("force_verbs", "force_sectors")
OBJECT_DEPS = frozenset({"dobj", "obj"})


@dataclass(frozen=True)
class Acts:
    """The lemmas of acts of force (a verb, or a verb and its object's lemma: "open fire") and the
    (upper-case) sectors of those who commit them."""

    force_verbs: frozenset[str] = frozenset()
    force_sectors: frozenset[str] = frozenset()

    def of_force(self, verb: Token) -> bool:
        """Whether the verb is an act of force by its lemma ("shot"), or with its object ("opened
        fire", "set fire")."""
        lemma = verb.lemma_.lower()
        if lemma in self.force_verbs:
            return True
        objects = (c.lemma_.lower() for c in verb.children if c.dep_ in OBJECT_DEPS)
        return any(f"{lemma} {obj}" in self.force_verbs for obj in objects)

    @classmethod
    def load(cls, language: str = "en") -> Acts:
        found = lists.words([data.shipped(FILE, language)], SECTIONS)
        sectors = frozenset(code.upper() for code in found["force_sectors"])
        return cls(frozenset(found["force_verbs"]), sectors)

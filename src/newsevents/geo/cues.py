"""The words around a name that mark it as a place, and of what kind (data/<language>/geo/cues.yml).

The gazetteer, the toponym finder and the stages that place events and figures all read them;
a user's cue files merge over the shipped one (the `places` section's `cues` setting).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents import data
from newsevents.data.lists import words
from newsevents.model import Feature

Paths = Sequence[str | Path]


@dataclass(frozen=True)
class Cues:
    """Words around a name that mark it as a place (see data/en/geo/cues.yml)."""

    feature_nouns: dict[str, Feature]
    locative: frozenset[str]
    directional: frozenset[str]
    relative: frozenset[str]
    admin1_affixes: tuple[str, ...]
    never_places: frozenset[str] = frozenset()
    weak_names: frozenset[str] = frozenset()
    area_nouns: frozenset[str] = frozenset()
    distance_units: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()  # "al-Fardous": a lower-case word inside a name
    topical: frozenset[str] = frozenset()  # "beyond Ukraine": what is talked of, not where
    residence: frozenset[str] = frozenset()  # "based in Afghanistan": where people live, not an act's place
    modifier_nouns: frozenset[str] = frozenset()  # "Roselle police": the place as a modifier
    force_locative: frozenset[str] = frozenset()  # "shot down over Lebanon": where force was used
    force_object: frozenset[str] = frozenset()  # "the invasion of Ukraine": the land force is done to
    home_acts: frozenset[str] = frozenset()  # CAMEO codes done where the acting state is: sanctions
    visit_acts: frozenset[str] = frozenset()  # CAMEO codes done where the trip goes: "travel to Canada"
    site_nouns: frozenset[str] = frozenset()  # "the village of X", "X camp": an unlisted name is a place
    place_prefixes: frozenset[str] = frozenset()  # "Tal X", "Kafr X": words place names begin with
    water_nouns: frozenset[str] = frozenset()  # "the Indian Ocean": never a site on land (unlisted.py)
    region_titles: frozenset[str] = frozenset()  # "New York Gov.": the name is the region, not its city
    county_plurals: frozenset[str] = frozenset()  # "Barrow and Jackson counties": "counties county"
    local_offices: frozenset[str] = frozenset()  # "the Athens Police Department": the town's office
    party_prefixes: frozenset[str] = frozenset()  # "R-Elbow Lake": a legislator's party and town
    taking_verbs: frozenset[str] = frozenset()  # "rebels attacked Goma": a town as force's object
    quote_marks: frozenset[str] = frozenset()  # a name in quoted words is talked of, not where they were said
    unplaced_heads: frozenset[str] = frozenset()  # "Columbia University": its first word places nothing


CUE_LISTS = (
    "city", "admin1", "district", "country", "locative", "directional", "relative", "admin1_affixes",
    "never_places", "weak_names", "area_nouns", "distance_units", "name_particles", "topical",
    "residence", "modifier_nouns", "force_locative", "force_object", "home_acts",
    "visit_acts", "site_nouns", "place_prefixes", "water_nouns", "region_titles",
    "county_plurals", "local_offices", "party_prefixes", "taking_verbs",
    "quote_marks", "unplaced_heads",
)  # fmt: skip


def load_cues(extra: Paths = (), language: str = "en") -> Cues:
    """The place cue words of data/<language>/geo/cues.yml, with the user's files merged over them."""
    lists = words((data.shipped("geo/cues.yml", language), *extra), CUE_LISTS)
    features: tuple[Feature, ...] = ("city", "admin1", "district", "country")
    nouns: dict[str, Feature] = {word: feature for feature in features for word in lists[feature]}
    sets = CUE_LISTS[8:]  # every list after admin1_affixes, in the order of Cues' fields
    return Cues(
        nouns,
        frozenset(lists["locative"]),
        frozenset(lists["directional"]),
        frozenset(lists["relative"]),
        lists["admin1_affixes"],
        *(frozenset(lists[name]) for name in sets),
    )



"""Home actors placed by a province, state or region of one country named in their own words.

"Doug Ford, Ontario's provincial leader", "Texas police", "the governor of Xinjiang": the first-level
region names its country as a capital does (`placed.py`), so the actor takes that country instead
of the story's. The regions are the shipped first-level table (`data/geo/admin1.csv`, GeoNames,
CC BY 4.0) read through the data layer: a name that more than one country uses ("Punjab",
"Central") names none, and a name the actor dictionary knows as anything ("Gaza", "Victoria",
"Washington") is left to the dictionary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsevents.data import reader, shipped
from newsevents.nlp import entities_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsevents.actors.dictionary import ActorDictionary

REGIONS = "geo/admin1.csv"
COUNTRIES = "geo/countries.csv"
COUNTRY_COLUMNS = ("iso2", "iso3", "name", "lat", "lon", "population", "capital")
REGION_COLUMNS = ("cc", "code", "name", "lat", "lon", "population")
PLACE_LABELS = frozenset({"GPE", "LOC"})
# How a province hangs on the actor's noun when the mention leaves it out: "Texas police".
MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
Found = dict[int, tuple[int, int, str]]  # a province's root -> (start, end, ISO alpha-3 code)


@dataclass(frozen=True)
class Provinces:
    """Lower-cased first-level region name -> the ISO alpha-3 code of its only country."""

    countries: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Provinces:
        rows = reader.rows(shipped(COUNTRIES), COUNTRY_COLUMNS, ",")
        iso3 = {str(r.get("iso2")): str(r.get("iso3")) for r in rows}
        found: dict[str, set[str]] = {}
        for r in reader.rows(shipped(REGIONS), REGION_COLUMNS, ","):
            code = iso3.get(str(r.get("cc")))
            if code:
                found.setdefault(str(r.get("name")).casefold(), set()).add(code)
        return cls({name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1})


def province_countries(doc: Doc, dictionary: ActorDictionary) -> Found:
    """Each place entity that names a first-level region of one country: its root -> (start, end,
    ISO alpha-3 code)."""
    known = dictionary.provinces.countries
    if not known:
        return {}
    out: Found = {}
    for ent in entities_of(doc):
        if ent.label_ not in PLACE_LABELS:
            continue
        words = [t for t in ent if t.tag_ != "POS" and t.lower_ != "the"]
        if not words or not words[0].text[:1].isupper():
            continue
        name = " ".join(t.text for t in words).casefold()
        code = known.get(name)
        if code is None or tuple(t.lower_ for t in words) in dictionary.phrases:
            continue
        out[ent.root.i] = (words[0].i, words[-1].i + 1, code)
    return out


def own_province(doc: Doc, start: int, end: int, head: int, provinces: Found) -> str | None:
    """The country of a province in the actor's own words [start, end), or modifying its head."""
    for root, (a, b, code) in provinces.items():
        if start <= a and b <= end:
            return code
        if doc[root].head.i == head and doc[root].dep_ in MODIFIER_DEPS:
            return code
    return None

"""A county of a country the article names over a town of the same name abroad, in a country it
does not name: "Suffolk" in a story on the United Kingdom (geo/counties.county_at_home)."""

from __future__ import annotations

from collections import Counter

import pytest

import newsevents
from newsevents.geo.counties import county_at_home
from newsevents.geo.gazetteer import Candidate, Entry
from newsevents.geo.toponyms import Toponym

VIRGINIA_TOWN = Entry("Suffolk", 36.73, -76.58, "USA", "city", 88161, "Virginia")
ENGLISH_COUNTY = Entry("Suffolk", 52.2, 1.08, "GBR", "district", 43, "England")


class _Towns:
    """The one thing `county_at_home` asks of the gazetteer: the small places under a name."""

    def __init__(self, *entries: Entry) -> None:
        self.entries = entries

    def towns(self, text: str) -> list[Candidate]:
        return [Candidate(e, True) for e in self.entries if e.name == text]


def _top(**kw: object) -> Toponym:
    return Toponym(0, 7, "Suffolk", label="GPE", cue=True, **kw)  # type: ignore[arg-type]


def test_a_county_of_the_named_country_beats_a_town_abroad() -> None:
    gaz = _Towns(VIRGINIA_TOWN, ENGLISH_COUNTY)
    chosen = county_at_home(_top(), VIRGINIA_TOWN, gaz, Counter({"GBR": 2}))  # type: ignore[arg-type]
    assert chosen is ENGLISH_COUNTY


def test_the_town_stays_where_the_article_names_its_country_or_no_county_country() -> None:
    gaz = _Towns(VIRGINIA_TOWN, ENGLISH_COUNTY)
    for context in (Counter({"GBR": 2, "USA": 1}), Counter({"FRA": 1}), Counter()):
        assert county_at_home(_top(), VIRGINIA_TOWN, gaz, context) is VIRGINIA_TOWN  # type: ignore[arg-type]


def test_a_qualified_town_or_a_world_city_stays() -> None:
    gaz = _Towns(VIRGINIA_TOWN, ENGLISH_COUNTY)
    qualified = _top(qualifier="Va.")
    assert county_at_home(qualified, VIRGINIA_TOWN, gaz, Counter({"GBR": 1})) is VIRGINIA_TOWN  # type: ignore[arg-type]
    big = Entry("Suffolk", 36.73, -76.58, "USA", "city", 5_000_000)
    assert county_at_home(_top(), big, gaz, Counter({"GBR": 1})) is big  # type: ignore[arg-type]


@pytest.mark.model
def test_suffolk_in_a_story_on_britain_is_the_english_county() -> None:
    text = (
        "Turkeys in the United Kingdom have died of avian flu, UK officials said. "
        "The birds came from a farm in Suffolk."
    )
    places = {p.name: p.country for p in newsevents.extract(text).locations}
    assert places.get("Suffolk") == "GBR"

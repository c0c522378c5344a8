"""Physical features, world regions and former states of data/en/geo/features.yml: islands,
rivers, seas and the like that GeoNames' cities and first-level regions do not hold, and the
lookups that news spellings of first-level regions need (Chinese provinces, German states)."""

from __future__ import annotations

import pytest
from tests.geo.conftest import places_by_name

import newsevents
from newsevents import data
from newsevents.data import reader
from newsevents.geo import Gazetteer
from newsevents.geo.gazetteer import normalize

KINDS = {
    "island", "archipelago", "peninsula", "river", "lake", "sea", "gulf", "strait", "canal", "ocean",
    "desert", "mountains", "valley", "plateau", "region", "former_state", "airport",
}  # fmt: skip


def _best(gaz: Gazetteer, name: str) -> tuple[str, str | None, str]:
    entry = max((c.entry for c in gaz.lookup(name)), key=lambda e: e.population)
    return entry.name, entry.country, entry.feature


def test_every_feature_states_its_kind_and_is_an_other_place() -> None:
    records = reader.entries(data.shipped("geo/features.yml", "en"))
    assert len(records) > 250
    for rec in records:
        assert rec.values.get("kind") in KINDS, rec.values["name"]
        assert rec.values["feature"] == ("district" if rec.values["kind"] == "airport" else "other")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sumatra", ("Sumatra", "IDN", "other")),
        ("Lesbos", ("Lesbos", "GRC", "other")),
        ("Korean Peninsula", ("Korean Peninsula", None, "other")),
        ("the Euphrates", ("Euphrates", None, "other")),
        ("Lake Chad", ("Lake Chad", None, "other")),
        ("South Pacific", ("South Pacific", None, "other")),
        ("Soviet Union", ("Soviet Union", None, "other")),
        ("Holy See", ("Vatican", "VAT", "country")),
        ("Baluchistan", ("Balochistan", "PAK", "admin1")),
        ("Zhejiang", ("Zhejiang", "CHN", "admin1")),
        ("Guangxi", ("Guangxi", "CHN", "admin1")),
        ("Rhineland-Palatinate", ("Rheinland-Pfalz", "DEU", "admin1")),
    ],
)
def test_the_feature_or_region_is_found(gaz: Gazetteer, name: str, expected: tuple) -> None:
    assert _best(gaz, name) == expected


@pytest.mark.parametrize(
    ("name", "country"),
    [("Potomac", "USA"), ("Hudson", "USA"), ("Staten Island", "USA"), ("Chios", "GRC"), ("Baja", "HUN")],
)
def test_a_town_keeps_its_name_over_a_feature(gaz: Gazetteer, name: str, country: str) -> None:
    """A river or island named like a town is listed under its full name only ("Potomac River")."""
    entry = max((c.entry for c in gaz.lookup(name)), key=lambda e: e.population)
    assert entry.feature == "city" and entry.country == country


@pytest.mark.model
def test_an_island_in_a_story_is_placed(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = places_by_name(parse, gaz, "Hundreds of migrants landed on Lampedusa and Lesbos this week.")
    assert places["Lampedusa"].country == "ITA" and places["Lesbos"].country == "GRC"


@pytest.mark.model
def test_a_street_named_after_an_ocean_is_not_the_ocean(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = places_by_name(parse, gaz, "A man was shot as he walked along Atlantic Avenue in Brooklyn.")
    assert "Atlantic Ocean" not in places


def test_only_regions_and_former_states_are_read_inside_longer_names(gaz: Gazetteer) -> None:
    assert normalize("Atlantic") in gaz.physical and normalize("the Nile") in gaz.physical
    assert normalize("Soviet Union") not in gaz.physical and normalize("Balkans") not in gaz.physical


@pytest.mark.model
def test_a_region_of_one_country_is_read_inside_a_longer_name(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    """The body is named after its region: "Niger Delta" is the Nigerian delta, not Niger's point;
    "Southern California" is its own region, not the middle of the state."""
    text = "The head of the Niger Delta Development Commission spoke at a Southern California park."
    places = places_by_name(parse, gaz, text)
    assert places["Niger Delta"].country == "NGA" and "Niger" not in places
    assert places["Southern California"].feature == "other" and "California" not in places


@pytest.mark.model
def test_a_river_in_a_story_is_placed(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = places_by_name(parse, gaz, "Fighters crossed the Euphrates near Raqqa on Sunday.")
    assert places["Euphrates"].feature == "other" and places["Euphrates"].country is None
    assert any(p.country == "SYR" and p.feature == "city" for p in places.values())


def _event_places(text: str) -> dict[str, str | None]:
    return {e.trigger.text: e.location.name if e.location else None for e in newsevents.extract(text).events}


@pytest.mark.model
def test_a_region_modifying_an_act_is_its_scope_not_its_scene() -> None:
    places = _event_places(
        "Hundreds of activists denouncing an Asia-Pacific economic summit marched near the "
        "Philippine presidential palace Thursday after slipping through a police blockade."
    )
    assert places.get("denouncing") != "Pacific Ocean"


@pytest.mark.model
def test_an_ocean_beside_an_act_does_not_place_it() -> None:
    places = _event_places(
        "Mauritius is an island nation. India and Mauritius have upgraded their ties, a move analysts "
        "say is aimed at increasing New Delhi's influence in the Indian Ocean. Mauritius welcomed the move."
    )
    assert places["upgraded their ties"] == "Mauritius"


@pytest.mark.model
def test_an_airport_named_alone_is_placed_and_a_city_airport_stays_the_city(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = places_by_name(parse, gaz, "Flights were cancelled at Heathrow and at the Kabul airport.")
    assert places["Heathrow"].country == "GBR" and places["Heathrow"].feature == "district"
    assert places["Kabul"].feature == "city"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The banking app was written in Java, the company said in Seattle.",
        "The Atlantic reported that officials in Washington were divided.",
        "Union Pacific said its trains were delayed in Omaha.",
    ],
)
def test_a_language_a_magazine_or_a_company_is_not_the_feature(text: str) -> None:
    places = {p.name for p in newsevents.extract(text).locations}
    assert not places & {"Java", "Atlantic Ocean", "Pacific Ocean"}


@pytest.mark.model
def test_the_pacific_in_a_story_is_the_ocean() -> None:
    places = {p.name for p in newsevents.extract("The storm formed in the Pacific on Monday.").locations}
    assert "Pacific Ocean" in places

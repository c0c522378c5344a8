"""Towns the tagger took for people as the object of a verb of force ("Rebels attacked Goma"), and
"Congo" alone as the Democratic Republic, water words as no faraway province, and a listed town of
a named country over a faraway village
(geo/toponyms._object_label, data/en/geo/aliases.yml, geo/resolve._narrow and choose)."""

from __future__ import annotations

import pytest

import newsevents


def _places(text: str) -> dict[str, str | None]:
    return {p.name: p.country for p in newsevents.extract(text).locations}


@pytest.mark.model
def test_a_town_attacked_is_a_place() -> None:
    assert _places("Fighting flared in eastern Congo. Rebels attacked Goma on Monday.") == {
        "Democratic Republic of the Congo": "COD",
        "Goma": "COD",
    }


@pytest.mark.model
def test_a_person_attacked_stays_a_person() -> None:
    assert _places("Protesters attacked Trump on Monday. The crowd also hit Biden.") == {}


@pytest.mark.model
def test_the_republic_of_congo_is_named_in_full() -> None:
    assert set(_places("Fighting flared in the Republic of Congo on Monday.").values()) == {"COG"}


@pytest.mark.model
def test_a_water_word_before_state_is_no_faraway_province() -> None:
    places = _places("Mexican gunmen attacked police in the Gulf state of Tabasco.")
    assert "PNG" not in places.values() and places["Tabasco"] == "MEX"
    # in a story on the country that has such a province, it stays
    places = _places("Flooding hit Gulf Province in Papua New Guinea.")
    assert places.get("Gulf") == "PNG"


@pytest.mark.model
def test_a_listed_town_of_a_named_country_beats_a_village_of_another() -> None:
    places = _places("Israeli forces raided the city of Jenin in the occupied West Bank on Monday.")
    assert "POL" not in places.values()

"""Names repaired by their neighbours (geo/joins.py), a title that names a region (geo/toponyms.py,
`region_titles`), and a region counted as context only when the name is that region before any
context (geo/resolve.py, `context_countries`)."""

from __future__ import annotations

import pytest
from tests.geo.conftest import places_by_mention as _places

from newsevents.geo import Gazetteer

pytestmark = pytest.mark.model


def test_a_name_listed_after_a_place_is_one(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    _, doc = parse("Health officials report new cases in Mozambique and Botswana too.")
    assert [e.label_ for e in doc.ents if e.text == "Botswana"] == ["PERSON"]  # the tagger's mistake
    places = _places(parse, gaz, "Health officials report new cases in Mozambique and Botswana too.")
    assert places["Botswana"].country == "BWA"


def test_a_person_after_a_person_is_not_listed_as_a_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(parse, gaz, "The award went to Michael Smith and Chad Johnson on Friday.")
    assert "Chad" not in places


def test_a_name_split_by_of_the_is_found_whole(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Polio cases rose in Angola, Chad and the Democratic Republic of the Congo last year."
    places = _places(parse, gaz, text)
    assert places["Democratic Republic of the Congo"].country == "COD"
    assert "Congo" not in places


def test_a_governor_names_the_state_not_its_city(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(parse, gaz, "Former New York Gov. George Pataki spoke to reporters on Monday.")
    assert places["New York"].feature == "admin1"
    city = _places(parse, gaz, "Thousands marched through New York on Monday.")
    assert city["New York"].feature == "city"


def test_a_city_first_name_is_no_region_of_context(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Gaza is a Palestinian city and a province of Mozambique: alone, the city.
    places = _places(parse, gaz, "Gaza has received 2,000 vaccine doses for its medical workers.")
    assert places["Gaza"].country == "PSE"


def test_an_exonym_in_the_article_s_country(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # GeoNames lists England's Newcastle as "Newcastle upon Tyne", "Newcastle" only as an alternate.
    text = "Doctors in Newcastle have developed the treatment, the first of its kind licensed in Britain."
    assert _places(parse, gaz, text)["Newcastle"].country == "GBR"
    alone = _places(parse, gaz, "Doctors in Newcastle have developed the treatment.")
    assert alone["Newcastle"].country != "GBR"


def test_a_comma_after_a_clause_is_no_list(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Hillary Clinton arrived on Monday. During her visit to Israel, Clinton spoke of peace."
    assert "Clinton" not in _places(parse, gaz, text)
    three = "Cholera was reported in Zambia, Malawi, and Mozambique this month."
    assert {"Zambia", "Malawi", "Mozambique"} <= set(_places(parse, gaz, three))


def test_the_proof_of_a_list_runs_down_the_whole_list(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "After the sale of its stores in Žilina, Nitra, Prešov and Košice the chain sells its last site."
    _, doc = parse(text)
    assert not {e.label_ for e in doc.ents if e.text in ("Prešov", "Košice")} & {"GPE", "LOC"}
    places = _places(parse, gaz, text)
    assert places["Prešov"].country == places["Košice"].country == "SVK"


def test_a_region_after_the_comma_proves_a_weak_name(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Austin is also a first name: alone it needs a place cue, but "Austin, Texas" is the city.
    places = _places(parse, gaz, "Master Sgt Johnathan J. Dunbar of Austin, Texas, died alongside him.")
    assert places["Austin"].admin1 == "Texas"


def test_a_world_region_opens_a_longer_name(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(parse, gaz, "Cooperation brings development in Asia-Pacific and the world.")
    assert places["Asia"].country is None
    # at the end of a longer name it is another region: East Africa is not the continent
    assert "Africa" not in _places(parse, gaz, "Their one week ordeal in East Africa ended on Monday.")

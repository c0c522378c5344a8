"""Places inside organisations' names and unions of states: found on real sentences, listed as
places of the kind "organisation", and never placing an event."""

from __future__ import annotations

import pytest

import newsevents
from newsevents.geo import Gazetteer, name_places
from newsevents.geo.orgnames import Unions, find_in_names, load_unions
from newsevents.model import Place, named_places
from newsevents.nlp.parsed import ParsedArticle

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def unions(gaz: Gazetteer) -> Unions:
    return load_unions(gaz)


def _inside(parse, gaz: Gazetteer, unions: Unions, text: str) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    article, doc = parse(text)
    parsed = ParsedArticle.of(doc, article)
    found = find_in_names(parsed, gaz, unions, name_places(parsed, gaz))
    return {m.text: p for p in found for m in p.mentions}


def test_a_city_at_the_start_of_a_newspapers_name_is_that_city(parse, gaz, unions) -> None:  # type: ignore[no-untyped-def]
    found = _inside(parse, gaz, unions, "The network told The Washington Post the vacation was pre-planned.")
    washington = found["Washington"]
    assert washington.kind == "organisation" and washington.country == "USA"
    assert abs(washington.lat - 38.9) < 0.5 and abs(washington.lon + 77.0) < 0.5  # the capital, not the state


def test_a_union_of_states_takes_the_point_of_its_region(parse, gaz, unions) -> None:  # type: ignore[no-untyped-def]
    found = _inside(parse, gaz, unions, "At the same time, EU airlines have kept leading safety records.")
    europe = gaz.lookup("Europe")[0].entry
    assert found["EU"].kind == "organisation"
    assert (found["EU"].lat, found["EU"].lon) == (europe.lat, europe.lon)


def test_a_country_inside_an_airlines_name_is_the_country(parse, gaz, unions) -> None:  # type: ignore[no-untyped-def]
    found = _inside(parse, gaz, unions, "The chiefs of Air France KLM and Lufthansa Group met on Monday.")
    assert found["France"].feature == "country" and found["France"].country == "FRA"


def test_a_region_inside_a_name_counts_only_in_a_country_the_article_names(parse, gaz, unions) -> None:  # type: ignore[no-untyped-def]
    # "Lakes" is a state of South Sudan; a story on Minnesota names no such place.
    found = _inside(parse, gaz, unions, "Members of the Twin Lakes Association met in Minnesota on Monday.")
    assert "Lakes" not in found


def test_a_university_named_like_a_town_names_no_place(parse, gaz, unions) -> None:  # type: ignore[no-untyped-def]
    found = _inside(parse, gaz, unions, "She taught journalism at Columbia University for six years.")
    assert "Columbia" not in found


def test_a_place_the_article_names_is_not_listed_again(parse, gaz, unions) -> None:  # type: ignore[no-untyped-def]
    found = _inside(parse, gaz, unions, "Officials in Brussels said the European Union would act.")
    assert "Brussels" not in found and found["European Union"].kind == "organisation"


def test_an_organisations_place_is_listed_but_places_no_event() -> None:
    text = "The Washington Post reported that rebels attacked a convoy near Goma on Monday."
    extraction = newsevents.extract(text)
    kinds = {m.text: p.kind for p in extraction.locations for m in p.mentions}
    assert kinds.get("Washington") == "organisation"
    assert "Washington" not in {m.text for p in named_places(extraction.locations) for m in p.mentions}
    assert all(e.location is None or e.location.country != "USA" for e in extraction.events)

"""Places the gazetteer does not list, taken on the text's word (geo/unlisted.py), and the events
they place."""

from __future__ import annotations

import pytest
from tests.events_made import assault
from tests.geo.conftest import listed_and_unlisted

from newsevents.geo import Gazetteer, find_places, locate_events
from newsevents.geo.unlisted import unlisted_places
from newsevents.model import Event, Place
from newsevents.nlp.parsed import ParsedArticle

pytestmark = pytest.mark.model


def _places(parse, gaz: Gazetteer, text: str) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    return {p.name: p for p in listed_and_unlisted(parse, gaz, text)[1]}


def _event(parse, gaz: Gazetteer, text: str, trigger: str) -> Event:  # type: ignore[no-untyped-def]
    parsed, places = listed_and_unlisted(parse, gaz, text)
    return locate_events(parsed, [assault(text, trigger)], places, gaz.cues)[0]


def test_a_village_takes_the_point_of_the_place_it_lies_in(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "The army liberated the village of Aabed in the eastern countryside of Aleppo."
    places = _places(parse, gaz, text)
    village, city = places["Aabed"], places["Aleppo"]
    assert (village.feature, village.country) == ("city", "SYR")
    assert (village.lat, village.lon) == (city.lat, city.lon)
    assert [m.text for m in village.mentions] == ["Aabed"]


def test_site_nouns_and_prefixes_mark_a_name(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebels shelled Tall ad-Dirrah village and the Yarmouk Camp, then attacked Kafr Nabuda, "
        "all near Damascus."
    )
    named = {m.text: p for p in listed_and_unlisted(parse, gaz, text)[1] for m in p.mentions}
    for name in ("Tall ad-Dirrah", "Yarmouk Camp", "Kafr Nabuda"):
        assert named[name].country == "SYR", name


def test_no_evidence_no_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Near the Jewish settlement in Gaza, Mr. Abdelwahid Makaye met Ostrowski on Monday."
    places = _places(parse, gaz, text)
    assert "Jewish" not in places and "Ostrowski" not in places and "Abdelwahid Makaye" not in places


def test_without_a_host_the_name_has_no_point(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    place = _places(parse, gaz, "Gunmen attacked the town of Pageri last month.")["Pageri"]
    assert (place.lat, place.lon, place.country) == (None, None, None)


def test_the_village_places_the_event(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Civilians died when a suicide bomber detonated his explosives inside Kafr Sousah in Damascus."
    event = _event(parse, gaz, text, "detonated")
    assert event.location is not None and event.location.name == "Kafr Sousah"
    assert event.location.country == "SYR" and event.location_source == "clause"


def test_the_article_lists_only_places_on_the_map(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    article, doc = parse("The army liberated the village of Aabed in the eastern countryside of Aleppo.")
    assert [p.name for p in find_places(doc, article, gaz)] == ["Aleppo"]


def test_unlisted_names_never_make_the_focus(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police in Tel Aviv said the raid hit the village of Aabed.\n\n"
        "The village of Aabed was shelled again.\n\n"
        "Officials in Tel Aviv met elders of the village of Aabed.\n\n"
        "Troops opened fire overnight."
    )
    article, doc = parse(text)
    parsed = ParsedArticle.of(doc, article)
    listed = find_places(doc, article, gaz)
    unlisted = unlisted_places(parsed, listed, gaz)
    assert [p.name for p in unlisted] == ["Aabed"] and len(unlisted[0].mentions) == 3
    event = locate_events(parsed, [assault(text, "opened")], listed, gaz.cues, None, (), gaz, unlisted)[0]
    assert event.location is not None and event.location.name == "Tel Aviv"
    assert event.location_source == "article"


def test_a_party_or_paper_after_in_is_no_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Rifts grew in the National Congress Party, the Indian Express reported from Delhi."
    assert set(_places(parse, gaz, text)) <= {"Delhi", "New Delhi"}


def test_the_paragraph_before_hosts_a_village(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen raided a school in Zamfara state on Friday. The girls were taken from the village of "
        "Jangebe. Boko Haram took girls from Chibok in Borno in 2014."
    )
    village = _places(parse, gaz, text)["Jangebe"]
    assert (village.country, village.admin1) == ("NGA", "Zamfara")

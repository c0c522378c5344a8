"""Events at a named site the text sets inside a town (geo/sites.py)."""

from __future__ import annotations

import pytest
from tests.events_made import assault
from tests.geo.conftest import listed_and_unlisted

from newsevents.geo import Gazetteer, locate_events
from newsevents.geo.sites import at_sites, site_in
from newsevents.model import Event

pytestmark = pytest.mark.model


def _placed(parse, gaz: Gazetteer, text: str, trigger: str, sites: bool = True) -> Event:  # type: ignore[no-untyped-def]
    parsed, every = listed_and_unlisted(parse, gaz, text)
    located = locate_events(parsed, [assault(text, trigger)], every, gaz.cues)
    return at_sites(parsed, located, every, gaz.cues)[0] if sites else located[0]


@pytest.mark.parametrize(
    ("text", "town", "site"),
    [
        ("A bomb went off near al-Shaab Stadium in eastern Baghdad.", "Baghdad", "al-Shaab Stadium"),
        ("He blew himself up in al-Zahawi school in western Baghdad.", "Baghdad", "al-Zahawi"),
        ("Gunmen struck the Bardo Museum in the Tunisian capital of Tunis.", "Tunis", "Bardo Museum"),
        ("Police patrolled inside and outside Mecca's Al-Nur hospital.", "Mecca", "Al-Nur"),
    ],
)
def test_the_phrase_sets_the_site_inside_the_town(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer, text: str, town: str, site: str
) -> None:
    parsed, every = listed_and_unlisted(parse, gaz, text)
    host, mention = next((p, m) for p in every for m in p.mentions if m.text == town)
    found = site_in(parsed.doc, host, mention, every, gaz.cues)
    assert found is not None and found[1].text == site


def test_an_event_at_the_town_moves_to_the_site(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Soldiers also patrolled Manger Square in nearby Bethlehem."
    loc = _placed(parse, gaz, text, "patrolled").location
    assert loc is not None and loc.evidence is not None
    assert (loc.evidence.text, loc.precision) == ("Manger Square", "district")
    assert loc.lat is not None and loc.country is not None  # the town's point and country


def test_a_town_with_no_site_beside_it_stays(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen killed 21 tourists in Tunis, police said at Manger Square."
    loc = _placed(parse, gaz, text, "killed").location
    assert loc is not None and loc.evidence is not None and loc.evidence.text == "Tunis"


def test_an_acronym_is_a_body_not_a_site(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    parsed, every = listed_and_unlisted(parse, gaz, "Two bombers struck near the MFO base in Al-Gurah.")
    host, mention = next((p, m) for p in every for m in p.mentions if m.text == "Al-Gurah")
    assert site_in(parsed.doc, host, mention, every, gaz.cues) is None


def test_a_town_in_a_region_keeps_a_city_precision(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "The army fended off an attack on the city of el-Fasher in the western Sudanese region of Darfur."
    assert _placed(parse, gaz, text, "attack", sites=False).location.evidence.text == "Darfur"  # type: ignore[union-attr]
    loc = _placed(parse, gaz, text, "attack").location
    assert loc is not None and loc.evidence is not None
    assert (loc.evidence.text, loc.precision) == ("el-Fasher", "city")

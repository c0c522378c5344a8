"""The seed article end to end: where, when, how many and who said it (issue 5, "Done means")."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import newsevents
from newsevents.model import Extraction, Place, named_places

pytestmark = pytest.mark.model

# true positions of the cities; (lat min, lat max, lon min, lon max) boxes of the countries
CITIES = {
    "Aleppo": (36.2021, 37.1343, "SYR"),
    "Kilis": (36.7184, 37.1212, "TUR"),
    "Geneva": (46.2044, 6.1432, "CHE"),
}
COUNTRIES = {
    "Turkey": ("TUR", (35.8, 42.1, 26.0, 44.8)),
    "Jordan": ("JOR", (29.2, 33.4, 34.9, 39.3)),
    "Iraq": ("IRQ", (29.0, 37.4, 38.8, 48.6)),
    "Syria": ("SYR", (32.3, 37.3, 35.7, 42.4)),
}
ASSAD_SAID = [
    "his so-called support for peace talks",
    "Syrian peace negotiations will not stop",
    "Turkish and Saudi intervention might worsen",
    "he supported the peace talks",
    "put an end to this problem",
    "his attempt to push down the opposition groups",
    "a major Russian-backed offensive is under way",
    "The main battle is about cutting the road",
    "European governments have been a direct cause",
    "I would like to ask every person who left Syria",
]


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Extraction:
    return newsevents.extract(seed_path.read_text(encoding="utf-8"))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    cos = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(min(1.0, max(-1.0, cos)))


def _places(seed: Extraction, name: str) -> list[Place]:
    """The places named `name` (a demonym's place of the same country is checked apart)."""
    named = named_places(seed.locations)
    return [p for p in named if p.name == name and p.lat is not None and p.lon is not None]


@pytest.mark.parametrize("name", sorted(CITIES))
def test_cities_resolved_within_25_km(seed: Extraction, name: str) -> None:
    lat, lon, country = CITIES[name]
    cities = [p for p in _places(seed, name) if p.feature == "city"]
    assert cities and all(p.country == country for p in cities)
    assert min(_km(lat, lon, p.lat, p.lon) for p in cities) < 25  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(COUNTRIES))
def test_countries_resolved_inside_their_borders(seed: Extraction, name: str) -> None:
    code, (lat_lo, lat_hi, lon_lo, lon_hi) = COUNTRIES[name]
    [place] = _places(seed, name)
    assert (place.country, place.feature) == (code, "country")
    assert lat_lo <= place.lat <= lat_hi and lon_lo <= place.lon <= lon_hi  # type: ignore[operator]


def test_the_offensive_is_in_aleppo_on_thursday(seed: Extraction) -> None:
    offensive = [
        e for e in seed.events
        if e.trigger.text == "offensive" and "Russian-backed offensive is under way" in e.evidence.text
    ]  # fmt: skip
    assert offensive, "the Russian-backed offensive is coded"
    for event in offensive:
        assert event.cameo_root == "19" and event.source is not None and event.source.code[:3] == "SYR"
        assert event.location is not None and event.location.name == "Aleppo"
        assert event.location.precision == "admin1"
        assert (event.date, event.date_precision) == ("2016-02-11", "day")


def test_the_three_figures(seed: Extraction) -> None:
    got = {(q.kind, q.value, q.qualifier, q.status): q for q in seed.quantities}
    killed = got[("killed", 250000, "more_than", "cumulative")]
    refugees = got[("refugees", 35000, "about", "reported")]
    projected = got[("refugees", 600000, "about", "projected")]
    assert killed.date == "2016-02-13"  # a running total, as of publication
    assert refugees.location is not None and refugees.location.name == "Kilis"
    assert refugees.location.country == "TUR"
    assert refugees.date == "2016-02-01"  # "since last week": the start of the span
    assert projected.date is None


@pytest.mark.parametrize("opening", ASSAD_SAID)
def test_every_assad_quote_has_him_as_speaker(seed: Extraction, opening: str) -> None:
    quotes = [q for q in seed.quotes if q.text.startswith(opening) or opening in q.text[:80]]
    assert quotes, opening
    assert all(q.speaker is not None and q.speaker.name == "Bashar al-Assad" for q in quotes)

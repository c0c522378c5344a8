"""The seed article, an account of the battle for Aleppo: every Aleppo event placed in Aleppo, each
with where its place came from (issue 12, "Done means")."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsevents
from newsevents.model import Event, Extraction

pytestmark = pytest.mark.model

FIGHTING = ("18", "19", "20")  # assault, fight, mass violence: the battle itself


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Extraction:
    return newsevents.extract(seed_path.read_text(encoding="utf-8"))


def _in_aleppo(event: Event) -> bool:
    loc = event.location
    placed = loc is not None and (loc.name, loc.country) == ("Aleppo", "SYR")
    return placed and event.location_source is not None


def test_every_fighting_event_is_placed_in_aleppo(seed: Extraction) -> None:
    fighting = [e for e in seed.events if e.cameo_root in FIGHTING]
    assert len(fighting) >= 5
    assert all(_in_aleppo(e) for e in fighting), [(e.trigger.text, e.location) for e in fighting]


def test_events_told_without_a_place_take_the_article_focus(seed: Extraction) -> None:
    # "Regime forces have already encircled opposition-held areas in eastern parts of the city."
    [encircled] = [e for e in seed.events if e.trigger.text == "encircled"]
    assert _in_aleppo(encircled) and encircled.location_source == "article"
    assert encircled.location is not None and encircled.location.evidence is None


def test_a_place_the_clause_names_still_wins(seed: Extraction) -> None:
    [halted] = [e for e in seed.events if e.trigger.text.startswith("halted")]
    assert halted.location is not None and halted.location.name == "Geneva"
    assert halted.location_source == "clause"


def test_every_event_is_placed_with_its_source(seed: Extraction) -> None:
    assert seed.events and all(e.location is not None and e.location_source for e in seed.events)

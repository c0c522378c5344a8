"""A capital named as the actor ("Moscow's invasion") is not the place of an act (geo/metonymy.py),
through the whole pipeline; a town named in the possessive that no one reads as an actor is."""

from __future__ import annotations

import pytest

import newsevents
from newsevents.model import Event


def _event(text: str, root: str) -> Event:
    found = [e for e in newsevents.extract(text).events if e.cameo_root == root]
    assert found, [(e.cameo, e.trigger.text) for e in newsevents.extract(text).events]
    return found[0]


@pytest.mark.model
def test_a_capital_in_the_possessive_is_the_government_not_the_place() -> None:
    event = _event("Ukraine's president condemned Moscow's invasion.", "11")
    assert event.target is not None and event.target.country == "RUS"
    assert event.location is None or event.location.name != "Moscow"


@pytest.mark.model
def test_a_capital_as_a_place_still_places() -> None:
    event = _event("Ukraine's president condemned the invasion in Moscow on Monday.", "11")
    assert event.location is not None and event.location.name == "Moscow"

"""Names placed abroad re-read by the article's home country (geo/dominant.py)."""

from __future__ import annotations

import pytest

from newsevents.geo import Gazetteer, find_places
from newsevents.model import Place

pytestmark = pytest.mark.model


def _places(parse, gaz: Gazetteer, text: str) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    article, doc = parse(text)
    return {m.text: p for p in find_places(doc, article, gaz) for m in p.mentions}


def test_a_country_that_is_a_state_of_the_home_country_is_the_state(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Georgia authorities said the man was arrested in Atlanta after a chase from Savannah."
    georgia = _places(parse, gaz, text)["Georgia"]
    assert georgia.feature == "admin1" and georgia.country == "USA"


def test_a_country_among_places_of_its_own_stays(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Georgia said troops left Tbilisi for Batumi, and Washington and New York were told."
    assert _places(parse, gaz, text)["Georgia"].country == "GEO"

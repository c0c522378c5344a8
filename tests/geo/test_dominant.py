"""Names placed abroad re-read by the article's home country (geo/dominant.py)."""

from __future__ import annotations

import pytest
from tests.geo.conftest import places_by_mention as _places

from newsevents.geo import Gazetteer

pytestmark = pytest.mark.model


def test_a_country_that_is_a_state_of_the_home_country_is_the_state(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Georgia authorities said the man was arrested in Atlanta after a chase from Savannah."
    georgia = _places(parse, gaz, text)["Georgia"]
    assert georgia.feature == "admin1" and georgia.country == "USA"


def test_a_country_among_places_of_its_own_stays(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Georgia said troops left Tbilisi for Batumi, and Washington and New York were told."
    assert _places(parse, gaz, text)["Georgia"].country == "GEO"

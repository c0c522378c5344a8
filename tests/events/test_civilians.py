"""A people named by its plural demonym and harmed or coerced is the country's civilians
(events/sides.py, `_as_civilians`), through the whole pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import events_of_root


@pytest.mark.model
def test_people_detained_are_civilians_not_their_state() -> None:
    (arrest,) = events_of_root("Israeli soldiers detained 20 Palestinians in Hebron on Monday.", "17")
    assert arrest.target is not None
    assert (arrest.target.code, arrest.target.country, arrest.target.sector) == ("PSECVL", "PSE", "CVL")


@pytest.mark.model
def test_a_country_attacked_by_name_stays_the_state() -> None:
    (attack,) = events_of_root("Hezbollah fighters attacked Israel on Monday.", "19")
    assert attack.target is not None and attack.target.code == "ISR"


@pytest.mark.model
def test_the_two_sides_of_a_fight_stay_as_named() -> None:
    text = "Russia closed its border because of fighting between Azerbaijanis and Armenians."
    fights = events_of_root(text, "19")
    assert all(e.source is None or e.target is None or e.source.country != e.target.country for e in fights)
    assert all(e.target is None or e.target.sector is None for e in fights)

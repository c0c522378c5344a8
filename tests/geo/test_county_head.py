"""The county at the head of an office's name (geo/counties.py: `county_head`)."""

from __future__ import annotations

import pytest

from newsevents.geo.counties import county_head
from newsevents.geo.cues import load_cues


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Rapides Parish Fire", "Rapides Parish"),
        ("Navarro County Criminal", "Navarro County"),
        ("Navarro County", None),  # a county named alone is no office
        ("Fire District", None),
    ],
)
def test_county_head(text: str, head: str | None) -> None:
    assert county_head(text, load_cues()) == head


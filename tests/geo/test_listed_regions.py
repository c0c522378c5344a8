"""Regions GeoNames lacks, listed in data/en/geo/regions.yml: Kenya's provinces until 2013, still
named in news (GeoNames lists only the counties that replaced them, so "Nyanza" fell to a Rwandan
town of that name), and the Danube Delta."""

from __future__ import annotations

import pytest

import newsevents


def _places(text: str) -> dict[str, str | None]:
    return {p.name: p.country for p in newsevents.extract(text).locations}


@pytest.mark.model
def test_nyanza_in_a_story_on_kenya_is_the_kenyan_province() -> None:
    text = (
        "Cholera has killed 45 people in Kenya. Nyanza Province has felt the worst of it, and cases "
        "were reported in the provinces of Nyanza and Rift Valley."
    )
    places = _places(text)
    assert places.get("Nyanza") == "KEN" and places.get("Rift Valley") == "KEN"
    assert "RWA" not in places.values()


@pytest.mark.model
def test_nyanza_in_a_story_on_rwanda_stays_the_rwandan_town() -> None:
    places = _places("Rwandan police said the bus crashed near the town of Nyanza in southern Rwanda.")
    assert places.get("Nyanza") == "RWA"


@pytest.mark.model
def test_the_danube_delta_is_placed() -> None:
    found = newsevents.extract("Romania found bird flu in the Danube Delta area.").locations
    places = {p.name: p for p in found}
    delta = places["Danube Delta"]
    assert delta.country == "ROU" and delta.lat is not None and 44.5 < delta.lat < 45.8

"""Towns the tagger took for people as the object of a verb of force ("Rebels attacked Goma"), and
"Congo" alone as the Democratic Republic (geo/toponyms._object_label, data/en/geo/aliases.yml)."""

from __future__ import annotations

import pytest

import newsevents


def _places(text: str) -> dict[str, str | None]:
    return {p.name: p.country for p in newsevents.extract(text).locations}


@pytest.mark.model
def test_a_town_attacked_is_a_place() -> None:
    assert _places("Fighting flared in eastern Congo. Rebels attacked Goma on Monday.") == {
        "Democratic Republic of the Congo": "COD",
        "Goma": "COD",
    }


@pytest.mark.model
def test_a_person_attacked_stays_a_person() -> None:
    assert _places("Protesters attacked Trump on Monday. The crowd also hit Biden.") == {}


@pytest.mark.model
def test_the_republic_of_congo_is_named_in_full() -> None:
    assert set(_places("Fighting flared in the Republic of Congo on Monday.").values()) == {"COG"}

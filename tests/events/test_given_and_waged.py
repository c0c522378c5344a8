"""Aid accepted as aid received (the giver named by "from" or by a modifier of what was given:
"accepted Chinese funding") and violence wreaked, through the real pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import countries_of, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "accepted": "Malaysia accepted aid from China.",
    "modifier": "Malaysia accepted Chinese funding for infrastructure projects.",
    "received": "Malaysia received Chinese funding for infrastructure projects.",
    "wreak": "Jihadists are wreaking havoc in northern Mali.",
    "storm": "The storm wreaked havoc in Florida.",
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)



def test_aid_accepted_is_given_by_whom_from_names(extracted: dict[str, Extraction]) -> None:
    assert ("CHN", "MYS", "070") in countries_of(extracted["accepted"].events)


def test_a_demonym_on_what_was_accepted_names_the_giver(extracted: dict[str, Extraction]) -> None:
    assert ("CHN", "MYS", "071") in countries_of(extracted["modifier"].events)


def test_a_demonym_on_what_was_received_names_the_giver(extracted: dict[str, Extraction]) -> None:
    assert countries_of(extracted["received"].events) == {("CHN", "MYS", "071")}


def test_violence_wreaked_by_an_armed_group_is_an_assault(extracted: dict[str, Extraction]) -> None:
    assert any(e.cameo == "180" and e.source is not None for e in extracted["wreak"].events)


def test_havoc_wreaked_by_weather_is_no_event(extracted: dict[str, Extraction]) -> None:
    assert not extracted["storm"].events

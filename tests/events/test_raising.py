"""Acts whose doer is named by a raising or scheduling verb above them ("X is expected to meet Y",
"X is scheduled to travel to Y", "X is due to visit Y", "X is set to sign"), and nouns of backing
that name whom they back with "of" ("X's backing of Y"), through the real pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import countries_of, extract_sentences

from newsevents.events.subjects import RAISING_ADJECTIVES
from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "expected": "Chancellor Olaf Scholz of Germany is expected to meet French President Emmanuel Macron.",
    "scheduled": "Brazilian President Luiz Inacio Lula da Silva is scheduled to travel to China next month.",
    "due": "Japanese Prime Minister Fumio Kishida is due to visit Australia in June.",
    "set": "Kenya is set to sign a trade agreement with Ethiopia.",
    "backing": "Pakistan's backing of the Taliban worried India.",
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)



def test_a_passive_expectation_hands_its_subject_to_the_meeting(extracted: dict[str, Extraction]) -> None:
    assert ("DEU", "FRA", "040") in countries_of(extracted["expected"].events)


def test_a_schedule_hands_its_subject_to_the_trip(extracted: dict[str, Extraction]) -> None:
    assert ("BRA", "CHN", "042") in countries_of(extracted["scheduled"].events)


def test_a_raising_adjective_hands_the_copula_subject_to_the_visit(extracted: dict[str, Extraction]) -> None:
    assert ("JPN", "AUS", "042") in countries_of(extracted["due"].events)
    assert "due" in RAISING_ADJECTIVES


def test_set_to_sign_is_the_subject_signing(extracted: dict[str, Extraction]) -> None:
    triples = countries_of(extracted["set"].events)
    assert ("KEN", "ETH", "057") in triples


def test_backing_of_names_whom_it_backs(extracted: dict[str, Extraction]) -> None:
    triples = countries_of(extracted["backing"].events)
    assert ("PAK", "AFG", "051") in triples

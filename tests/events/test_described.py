"""Acts told in a relative clause on a predicate noun: "X and Y are among (the) countries that have
banned Z", "X is one of the countries that imposed sanctions on Z" tell what X and Y did
(`subjects.described_subject`), through the real pipeline; the sentences are the project's own."""

from __future__ import annotations

import pytest
from tests.events.conftest import countries_of, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "among": "Canada and Belgium are among countries that have banned imports of hunting trophies.",
    "one_of": "Germany is one of the countries that have imposed sanctions on Russia.",
    "not_among": "France is not among the countries that have imposed sanctions on Iran.",
    "capacity": "Putin is the one who can end the war by withdrawing his troops.",
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)


def test_the_subject_of_the_copula_does_what_its_countries_did(extracted: dict[str, Extraction]) -> None:
    coded = countries_of(extracted["among"].events)
    assert {("CAN", None, "163"), ("BEL", None, "163")} <= coded


def test_one_of_the_countries_is_the_doer_too(extracted: dict[str, Extraction]) -> None:
    assert ("DEU", "RUS", "163") in countries_of(extracted["one_of"].events)


def test_a_negated_copula_lends_no_doer(extracted: dict[str, Extraction]) -> None:
    assert not [e for e in extracted["not_among"].events if e.source and e.source.country == "FRA"]


def test_a_capacity_told_of_the_subject_is_no_act(extracted: dict[str, Extraction]) -> None:
    """ "X is the one who can end it by withdrawing": a modal clause tells what X could do."""
    assert not [e for e in extracted["capacity"].events if e.cameo.startswith("08")]

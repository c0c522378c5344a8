"""A hyphen after an abbreviation's full stop parts two words ("U.S.-Ukraine talks", "U.S.-led"), as
the hyphen in "Russia-Ukraine" does, so the countries on either side are found (`nlp.load`). The
sentences are the project's own."""

from __future__ import annotations

import pytest
from tests.events.conftest import code_triples, dated_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("They met for U.S.-Ukraine talks.", ["U.S.", "-", "Ukraine"]),
        ("a joint U.K.-U.S. military base", ["U.K.", "-", "U.S."]),
        ("the U.S.-led coalition", ["U.S.", "-", "led"]),
    ],
)
def test_a_hyphen_after_an_abbreviation_parts_the_words(nlp, text: str, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    tokens = [t.text for t in nlp(text)]
    assert any(tokens[i : i + len(words)] == words for i in range(len(tokens)))


def test_other_hyphens_and_abbreviations_are_left_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [t.text for t in nlp("A well-known U.S. envoy")] == ["A", "well", "-", "known", "U.S.", "envoy"]


def test_the_countries_of_a_dotted_pair_hold_talks() -> None:
    coded = code_triples(dated_events("U.S.-Ukraine talks opened in Jeddah on Tuesday."))
    assert ("USA", "UKR", "046") in coded and ("UKR", "USA", "046") in coded

"""Coercion and cooperation told in the passive or by their state, through the real pipeline: a
gerund after a time preposition on a passive verb done by the one the passive befalls ("was
released after apologizing to X"), a prison sentence being served, and a party whose dissolution is
told with no dissolver named ("the decision to dissolve the X Party"), and talks held with no partner
named ("European ministers are holding talks"), while a press conference held is no meeting."""

from __future__ import annotations

import pytest
from tests.events.conftest import cameos_of, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "apologized": (
        "Cambodian journalist Mech Dara was released after apologizing to Prime Minister Hun Manet."
    ),
    "by_gerund": "The Iranian activist was arrested by police after criticizing the government.",
    "sentence": "The opposition leader is serving a prison sentence for corruption.",
    "dissolve": "Analysts say the decision to dissolve the National Congress Party came at the right time.",
    "talks": "Iranian officials held talks in Vienna on Tuesday.",
    "press": "The French foreign ministry held a press conference on Monday.",
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)


def test_a_passive_subject_does_the_gerund_after_its_verb(extracted: dict[str, Extraction]) -> None:
    apologies = [e for e in extracted["apologized"].events if e.cameo == "055"]
    assert apologies and apologies[0].source is not None
    assert (apologies[0].source.country, apologies[0].source.sector) == ("KHM", "MED")


def test_the_passive_subject_criticises_not_its_agent(extracted: dict[str, Extraction]) -> None:
    criticism = [e for e in extracted["by_gerund"].events if e.cameo.startswith("11")]
    assert criticism and all(e.source is not None and e.source.country == "IRN" for e in criticism)
    assert all(e.source is not None and e.source.sector != "COP" for e in criticism)


def test_a_prison_sentence_served_holds_its_subject(extracted: dict[str, Extraction]) -> None:
    held = [e for e in extracted["sentence"].events if e.cameo == "173"]
    assert held and held[0].target is not None and held[0].source is None


def test_a_dissolved_party_needs_no_dissolver(extracted: dict[str, Extraction]) -> None:
    assert "1722" in cameos_of(extracted["dissolve"])


def test_talks_held_need_no_partner(extracted: dict[str, Extraction]) -> None:
    talks = [e for e in extracted["talks"].events if e.cameo == "046"]
    assert talks and talks[0].source is not None and talks[0].source.country == "IRN"


def test_a_press_conference_held_is_no_meeting(extracted: dict[str, Extraction]) -> None:
    assert not any(code.startswith("04") for code in cameos_of(extracted["press"]))

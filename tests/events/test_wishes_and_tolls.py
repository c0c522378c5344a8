"""Three detection rules, through the real pipeline on sentences of the project's own:

- a wish that another party act is the wisher's appeal to it, and the act wished for is not coded
  as done (`events/wishes.py`);
- an attack verb's participle of harm of the same root ("shelled the district, killing eight
  people") is the attack's toll, not a second attack (`precision.toll_clauses`);
- a verb under a word of schedule ("is scheduled to attend a summit") is coded as the news it is
  (`verb_patterns._scheduled`).
"""

from __future__ import annotations

import pytest
from tests.events.conftest import dated_events, side_triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel wants Hamas to release the hostages.", ("ISR", "PSE", "020")),
        ("China wants the United States to lift its sanctions.", ("CHN", "USA", "020")),
        ("The French president would like Germany to spend more on defence.", ("FRA", "DEU", "020")),
    ],
)
def test_a_wish_that_another_party_act_is_an_appeal_to_it(text: str, expected: tuple) -> None:
    assert side_triples(text) == {expected}


def test_the_act_wished_for_is_not_coded_as_done() -> None:
    coded = side_triples("The American president wants the Russian president to attack Switzerland.")
    assert not any(code.startswith("19") for _, _, code in coded)


def test_a_wish_not_made_is_negated() -> None:
    events = dated_events("China does not want the United States to deploy missiles in South Korea.")
    assert [(e.cameo, e.negated) for e in events] == [("020", True)]


def test_a_wish_to_act_oneself_is_no_appeal() -> None:
    coded = side_triples("The Kenyan government wants to withdraw its troops from Somalia.")
    assert not any(code == "020" for _, _, code in coded)


@pytest.mark.parametrize(
    "text",
    [
        "Turkish warplanes bombed Kurdish positions in northern Iraq, killing 12 fighters.",
        "Rebels shelled a government-held district of Aleppo on Monday, killing at least eight people.",
    ],
)
def test_the_toll_of_an_attack_is_no_second_attack(text: str) -> None:
    assert len(dated_events(text)) == 1


def test_a_toll_of_another_root_keeps_both_readings() -> None:
    text = "A Pakistani suicide bomber detonated explosives near a convoy in Kalat, killing one soldier."
    roots = {e.cameo[:2] for e in dated_events(text)}
    assert roots == {"18", "19"}


def test_an_attack_with_no_target_takes_its_victims() -> None:
    coded = side_triples("Gunmen attacked a market in Zamfara, killing 12 Nigerian villagers.")
    assert len(coded) == 1 and next(iter(coded))[1] == "NGA"


def test_a_killing_told_on_its_own_is_stillside_triples() -> None:
    assert side_triples("Nigerian troops killed 12 villagers in Zamfara.") == {("NGA", "NGA", "190")}


@pytest.mark.parametrize(
    "text",
    [
        "The German chancellor is scheduled to attend a summit in Brussels.",
        "The German chancellor is expected to attend a summit in Brussels.",
    ],
)
def test_an_act_under_a_word_of_schedule_isside_triples(text: str) -> None:
    assert ("DEU", None, "044") in side_triples(text)


def test_an_act_under_a_verb_of_will_stays_uncoded_by_the_converted_dictionary() -> None:
    coded = side_triples("The German chancellor decided to attend a summit in Brussels.")
    assert ("DEU", None, "044") not in coded

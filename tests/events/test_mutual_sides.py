"""Acts two parties do to each other, named by coordinated nationalities on one noun, through the
real pipeline: "Armenian and Azerbaijani troops clashed" is a clash between the two armies, each
way (`parties.named_parties` for entries with `mutual`). Before, the noun named one party and the
clash, which needs both sides, was not coded. The sentences are the project's own.
"""

from __future__ import annotations

import pytest
from tests.events.conftest import code_triples, dated_events

pytestmark = pytest.mark.model


def _coded(text: str) -> set[tuple[str | None, str | None, str]]:
    return code_triples(dated_events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Armenian and Azerbaijani troops clashed on Tuesday.",
        "Clashes between Armenian and Azerbaijani troops erupted on Tuesday.",
    ],
)
def test_coordinated_nationalities_are_the_two_sides_of_a_clash(text: str) -> None:
    coded = _coded(text)
    assert ("ARMMIL", "AZEMIL", "190") in coded and ("AZEMIL", "ARMMIL", "190") in coded


def test_one_nationality_names_one_side_and_no_clash() -> None:
    assert _coded("Armenian troops clashed on Tuesday.") == set()


@pytest.mark.parametrize(
    ("text", "sides", "cameo"),
    [
        ("Russia-Ukraine peace talks opened in Istanbul.", ("RUS", "UKR"), "046"),
        ("The Israel-Hamas ceasefire collapsed on Tuesday.", ("ISR", "PSEREB"), "0871"),
        ("An India-Pakistan border clash erupted on Sunday.", ("IND", "PAK"), "190"),
    ],
)
def test_a_hyphen_pair_is_the_two_sides_of_a_mutual_noun(
    text: str, sides: tuple[str, str], cameo: str
) -> None:
    a, b = sides
    coded = _coded(text)
    assert (a, b, cameo) in coded and (b, a, cameo) in coded


def test_talks_with_no_sides_named_code_nothing() -> None:
    assert _coded("Officials said the talks would resume next week.") == set()


def test_a_verb_holding_the_sides_keeps_its_event_over_bare_talks() -> None:
    assert ("MIL", None, "040") in _coded("The army joined talks on Monday.")


def test_officials_of_several_countries_are_one_party_each() -> None:
    """ "the foreign ministers of A, B and C met": the noun is that sector of every country its "of"
    lists, and the meeting runs between each two of them."""
    coded = _coded("The foreign ministers of Egypt, Jordan and Saudi Arabia met in Cairo on Monday.")
    assert {("EGYGOV", "JORGOV", "040"), ("SAUGOV", "EGYGOV", "040"), ("JORGOV", "SAUGOV", "040")} <= coded
    assert ("FRAGOV", "DEUGOV", "057") in _coded("Leaders of France and Germany signed the treaty.")



def test_the_victims_of_a_clash_are_of_the_side_that_fought_it() -> None:
    # "killed in clashes with X": the passive subject of a verb of falling takes part in the mutual act
    coded = _coded("Three soldiers were killed in clashes with Taliban fighters.")
    assert {("MIL", "AFGGOV", "190"), ("AFGGOV", "MIL", "190")} <= coded


def test_a_fight_named_after_an_attack_takes_the_victims_too() -> None:
    coded = _coded("Five soldiers were also killed in the attack and the ensuing battle with militants.")
    assert any(s == "MIL" and c == "190" for s, _, c in coded)

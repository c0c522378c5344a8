"""A pair phrase ("both countries", "the two governments") stands for the two countries named last
before it (`events/both.py`), "both sides" for the two parties named last; an act the pair does with
no other country named is an act of each on the other in the roots of `sides.PAIR_ROOTS`, and an act
done to "each other" in any root (`parties.reciprocal`). Before, the phrase named nobody and the
act, which needs a source, was dropped. The sentences are the project's own.
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
        "Egypt and Turkey were allies until 2013, when both countries withdrew their ambassadors.",
        "Ankara had tried to mend its relations with Cairo. The two countries withdrew ambassadors in 2013.",
    ],
)
def test_a_pair_withdrawing_ambassadors_acts_on_each_other(text: str) -> None:
    coded = {(s, t, c) for s, t, c in _coded(text) if c.startswith("16")}
    assert {(s, t) for s, t, _ in coded} == {("EGY", "TUR"), ("TUR", "EGY")}


def test_the_two_governments_act_each_as_its_government() -> None:
    coded = _coded("France and Germany disagree on tariffs. The two governments met in Brussels on Monday.")
    assert ("FRAGOV", "DEUGOV", "040") in coded and ("DEUGOV", "FRAGOV", "040") in coded


def test_the_two_neighbours_are_the_two_countries() -> None:
    coded = _coded("India and Pakistan fought three wars. The two neighbours signed a ceasefire in 2003.")
    assert {(s, t) for s, t, c in coded if c.startswith("08")} == {("IND", "PAK"), ("PAK", "IND")}


def test_a_pair_judging_a_third_party_is_not_mutual() -> None:
    coded = _coded("Russia and Ukraine are at war. Both countries condemned the attack by the Islamic State.")
    judges = {s for s, t, c in coded if c.startswith("11")}
    assert judges == {"RUS", "UKR"}
    assert not any({s, t} == {"RUS", "UKR"} for s, t, c in coded if c.startswith("11"))


def test_one_country_named_before_makes_no_pair() -> None:
    assert not _coded("Egypt recalled its envoy in 2013. Both countries withdrew their ambassadors.") & {
        ("EGY", "TUR", "161"), ("TUR", "EGY", "161")}  # fmt: skip


def test_both_sides_are_the_two_parties_named_last_not_who_speaks_of_them() -> None:
    text = (
        "The Rapid Support Forces has been fighting the Sudanese Armed Forces, and the United Nations "
        "says both sides have committed grave human rights abuses."
    )
    accused = {(s, t) for s, t, c in _coded(text) if c.startswith("112")}
    assert accused == {("IGOUNO", "SDNREB"), ("IGOUNO", "SDNMIL")}


@pytest.mark.parametrize(
    "text",
    [
        "India and Pakistan blamed each other for the violence on Monday.",
        "India and Pakistan blamed one another for the violence on Monday.",
        "India and Pakistan clashed on the border. Both sides accused each other of violating the truce.",
    ],
)
def test_each_other_is_every_party_acting_on_the_others(text: str) -> None:
    accused = {(s, t) for s, t, c in _coded(text) if c.startswith("112")}
    assert accused == {("IND", "PAK"), ("PAK", "IND")}

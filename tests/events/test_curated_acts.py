"""Curated entries for acts the converted dictionary codes only through patterns a curated entry
of the same verb hides (a curated verb decides alone): weapons seized, fire exchanged, crowd
weapons fired, tariffs delayed or paused, court orders lifted. Through the real pipeline; the
sentences are the project's own.
"""

from __future__ import annotations

import pytest
from tests.events.conftest import code_triples, dated_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Kenyan police seized 12 firearms and ammunition in a raid on Monday.", "171"),
        ("Police fired tear gas at the protesters in Nairobi on Tuesday.", "175"),
        ("Russia called an emergency session of the U.N. Security Council on Monday.", "026"),
        ("The United States on Monday delayed its tariffs on Canadian goods for a month.", "085"),
        ("China paused its tariffs on American soybeans on Friday.", "085"),
        ("A Kenyan court on Friday lifted an order blocking the new law.", "081"),
    ],
)
def test_a_curated_act_is_coded(text: str, cameo: str) -> None:
    assert cameo in {c for *_, c in code_triples(dated_events(text))}


def test_forces_exchanging_fire_use_force_on_each_other() -> None:
    coded = code_triples(dated_events("Indian and Pakistani troops exchanged fire on Tuesday."))
    assert {("INDMIL", "PAKMIL", "190"), ("PAKMIL", "INDMIL", "190")} <= coded


def test_a_fire_that_is_no_weapon_is_no_repression() -> None:
    coded = code_triples(dated_events("Police fired a colleague for misconduct on Tuesday."))
    assert not any(c == "175" for *_, c in coded)


@pytest.mark.parametrize(
    "text",
    [
        "Russia supports the U.S. ceasefire proposal, President Vladimir Putin said on Thursday.",
        "Germany welcomed the French proposal on Monday.",
    ],
)
def test_support_for_a_proposal_accepts_it(text: str) -> None:
    """Supporting or welcoming another's proposal accepts it, as 'accepted the proposal' does (030),
    not praise (051); support of a side stays praise."""
    codes = {c for *_, c in code_triples(dated_events(text))}
    assert "030" in codes and "051" not in codes


def test_support_of_a_side_stays_praise() -> None:
    assert "051" in {c for *_, c in code_triples(dated_events("The United States supports Israel, it said."))}


@pytest.mark.parametrize(
    "text",
    [
        "Protesters in Yangon were met with tear gas and rubber bullets by police.",
        "Police met the demonstrators with live fire in Mandalay on Sunday.",
    ],
)
def test_force_one_is_met_with_is_no_meeting(text: str) -> None:
    """ "were met with tear gas by police": force on the subject (on demonstrators, repression),
    not a meeting of the police and the protesters."""
    codes = {c for *_, c in code_triples(dated_events(text))}
    assert "175" in codes and "040" not in codes


def test_a_meeting_with_officials_stays_a_meeting() -> None:
    events = dated_events("The Syrian president met with Iranian officials on Monday.")
    assert {c for *_, c in code_triples(events)} == {"040"}


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ('"The vast majority had been raped, often by armed men," the aid group said.', "source"),
        ("Women and girls were raped in El Fasher, the United Nations said on Monday.", "target"),
    ],
)
def test_a_rape_is_coded_as_a_killing_is(text: str, side: str) -> None:
    """Rape with its doer named and no victim an actor, or with its victims alone: an assault (1821),
    as a killing is (`require: victim`)."""
    events = [e for e in dated_events(text) if e.cameo == "1821"]
    assert events and all(getattr(e, side) is not None for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Chinese military aircraft violated Taiwan's airspace on Monday.",
        "Russian warships violated Japan's territorial waters near Hokkaido on Friday.",
    ],
)
def test_a_violated_airspace_is_a_show_of_force(text: str) -> None:
    """The converted dictionary's 150 for a violated airspace, which the curated verb hid."""
    assert "150" in {c for *_, c in code_triples(dated_events(text))}

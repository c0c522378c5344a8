"""A protest with no target of its own is aimed at the party behind what it says it protests
(events/objects.py, `grievance`), through the whole pipeline."""

from __future__ import annotations

import pytest

import newsevents


def _protest_targets(text: str) -> set[str | None]:
    events = newsevents.extract(text).events
    protests = [e for e in events if e.cameo_root == "14"]
    assert protests, [(e.cameo, e.trigger.text) for e in events]
    return {e.target.code if e.target else None for e in protests}


@pytest.mark.model
def test_a_protest_told_with_its_purpose_is_aimed_at_the_owner_of_what_it_protests() -> None:
    text = ("Thousands of students staged demonstrations to protest against the Indonesian"
            " government's decision.")  # fmt: skip
    assert _protest_targets(text) == {"IDNGOV"}


@pytest.mark.model
def test_in_protest_of_an_act_aims_at_its_doer() -> None:
    text = ("Lawyers staged a hunger strike in protest against the arrest of their colleagues by"
            " Egyptian police.")  # fmt: skip
    assert _protest_targets(text) == {"EGYCOP"}
    text = "Refugees began a hunger strike in protest of the Russian government's refusal to help."
    assert _protest_targets(text) == {"RUSGOV"}


@pytest.mark.model
def test_a_protest_with_no_grievance_named_keeps_no_target() -> None:
    assert _protest_targets("Thousands of Kenyans protested in Nairobi on Monday.") == {None}

"""What is talked of is no party: "Biden and Xi discussed Taiwan" is a consultation between the two
(cues.yml `topic_verbs`, events/arguments.verb_arguments)."""

from __future__ import annotations

import pytest

import newsevents


def _sides(text: str) -> set[tuple[str | None, str | None]]:
    events = newsevents.extract(text).events
    return {(e.source.code if e.source else None, e.target.code if e.target else None) for e in events}


@pytest.mark.model
def test_a_country_discussed_is_the_topic() -> None:
    sides = _sides("Biden and Xi discussed Taiwan during their call.")
    assert sides == {("USAGOV", "CHNGOV"), ("CHNGOV", "USAGOV")}


@pytest.mark.model
def test_the_partner_comes_with() -> None:
    assert ("USAGOV", "FRAGOV") in _sides("Blinken discussed Ukraine with his French counterpart.")
    # a verb of meeting takes its object as the partner
    assert ("RUS", "IRN") in _sides("Russia and China met Iran in Beijing.")

"""Accusations whose target the parse hides, through the real pipeline: an accused "it" (one
accuses a party, so the object "it" of an accusation is the latest actor named before it in its
sentence) and evidence presented against a party."""

from __future__ import annotations

import pytest
from tests.events.conftest import judged_events

pytestmark = pytest.mark.model



def _targets(text: str, root: str) -> set[str | None]:
    return {e.target.country if e.target else None for e in judged_events(text) if e.cameo.startswith(root)}


def test_an_accused_it_is_the_party_named_before_it() -> None:
    text = (
        "The separatist group has been fighting an insurgency against the Pakistani state, accusing it of"
        " exploiting the province's natural resources."
    )
    assert "PAK" in _targets(text, "112")


def test_a_criticised_it_is_criticism_with_no_target() -> None:
    """ "criticized it": what one criticises is as often a thing ("the meeting"); the criticism is
    still the critic's."""
    text = "The Iranian ambassador attended the meeting, but the Iranian mission criticized it."
    assert _targets(text, "111") == {None}


def test_evidence_presented_against_a_party_accuses_it() -> None:
    events = judged_events("The Polish government presented evidence against Russia.")
    assert [(e.source.country, e.target.country) for e in events if e.cameo == "112"] == [("POL", "RUS")]

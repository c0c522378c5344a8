"""An adversary named through the actor it opposes, through the real pipeline.

"Berisha's opponents", "critics of Putin": the actor inside the noun's phrase is the one the
adversaries oppose, never the adversaries themselves. Opponents of a government or a leader are
its country's opposition; critics of a country named bare, and its enemies, stand for no actor.
"""

from __future__ import annotations

import hashlib

import pytest

import newsevents
from newsevents.model import Article, Event

pytestmark = pytest.mark.model


def _events(text: str) -> list[Event]:
    article = Article(id=hashlib.sha1(text.encode()).hexdigest()[:16], text=text, published="2023-05-01")
    return [e for e in newsevents.extract(article).events if not e.cameo.startswith("01")]


def _codes(text: str) -> set[tuple[str | None, str | None, str]]:
    """(source code, target code, CAMEO root) of each event."""
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo[:2])
        for e in _events(text)
    }


@pytest.mark.parametrize(
    "text",
    [
        "President Vladimir Putin's critics accused him of rigging the vote.",
        "Critics of President Vladimir Putin accused him of rigging the vote.",
        "President Vladimir Putin's opponents accused him of rigging the vote.",
    ],
)
def test_opponents_of_a_leader_are_the_opposition_accusing_him(text: str) -> None:
    assert ("RUSOPP", "RUSGOV", "11") in _codes(text)


def test_opponents_arrested_are_the_opposition() -> None:
    assert ("RUSCOP", "RUSOPP", "17") in _codes("Putin's critics were arrested by Russian police.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China's critics abroad accused Beijing of genocide.", (None, "CHNGOV", "11")),
        ("Iran's enemies attacked the Iranian embassy.", (None, "IRNGOV", "19")),
    ],
)
def test_critics_of_a_country_and_enemies_stand_for_no_actor(
    text: str, expected: tuple[str | None, ...]
) -> None:
    assert expected in _codes(text)

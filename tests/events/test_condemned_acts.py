"""An owned act a speaker calls wrong ("Russia's illegal aggression", "Israel's heinous attacks")
anywhere in what the speaker says is criticism of its owner (111), through the real pipeline."""

from __future__ import annotations

import hashlib

import pytest

import newsevents
from newsevents.model import Article, Event

pytestmark = pytest.mark.model


def _events(text: str) -> list[Event]:
    article = Article(id=hashlib.sha1(text.encode()).hexdigest()[:16], text=text, published="2023-05-01")
    return [e for e in newsevents.extract(article).events if not e.cameo.startswith("01")]


def _countries(text: str) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.country if e.source else None, e.target.country if e.target else None, e.cameo)
        for e in _events(text)
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Polish foreign minister said, “We support Ukraine in the face of Russia's illegal aggression.”",
        "The Polish foreign minister tweeted, “It’s time to stop Russia’s heinous and cruel attacks.”",
    ],
)
def test_an_owned_act_called_wrong_criticises_its_owner(text: str) -> None:
    assert ("POL", "RUS", "111") in _countries(text)


def test_an_owned_act_not_called_wrong_is_no_criticism() -> None:
    text = "The Polish foreign minister said, “We support Ukraine in the face of Russia's aggression.”"
    assert not [c for _, _, c in _countries(text) if c.startswith("11")]

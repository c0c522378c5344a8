"""Shows of military or police power (CAMEO 150) told with no target, through the real pipeline.

Forces patrolling an area demonstrate their power whether or not the sentence names whom at; the
converted dictionary codes "patrol" only with an aircraft object, so "patrol" has a line of its
own in `verbs.yml` that asks for a source alone. The sentences are the project's own.
"""

from __future__ import annotations

import hashlib

import pytest

import newsevents
from newsevents.model import Article

pytestmark = pytest.mark.model


def _coded(text: str) -> set[tuple[str | None, str | None, str]]:
    """(source code, target code, CAMEO code) of each event."""
    article = Article(id=hashlib.sha1(text.encode()).hexdigest()[:16], text=text, published="2024-05-01")
    events = newsevents.extract(article).events
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo) for e in events
    }


def test_forces_patrolling_an_area_show_their_power() -> None:
    coded = _coded("Indian troops patrolled the border on Monday, the ministry said.")
    assert ("INDMIL", None, "150") in coded


def test_patrolling_with_no_one_named_is_no_event() -> None:
    assert not any(c == "150" for *_, c in _coded("The area is patrolled day and night."))

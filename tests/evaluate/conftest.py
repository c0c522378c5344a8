"""Small hand-made gold and prediction files for the evaluation tests (texts written for the tests)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from newsevents.model import Actor, Article, Event, Evidence, Extraction


def write_jsonl(path: Path, rows: Iterable[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def actor(code: str, country: str | None, sector: str | None) -> Actor:
    return Actor(text=code, name=code, code=code, country=country, sector=sector)


def event(
    text: str,
    source: Actor | None,
    target: Actor | None,
    cameo: str,
    plover: str | None,
    negated: bool = False,
) -> Event:
    whole = Evidence.of(text, 0, len(text))
    return Event(
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        plover=plover,
        quad_class=1,
        goldstein=0.0,
        evidence=whole,
        trigger=whole,
        negated=negated,
    )


def extraction(art_id: str, text: str, events: Iterable[Event] = (), **parts: Any) -> dict[str, Any]:
    """The JSON of one extraction, built through the contract so the test follows it if it changes."""
    return Extraction(Article(id=art_id, text=text), events=tuple(events), **parts).to_dict()


class Kit:
    """The helpers above, handed to tests as one fixture (test folders are not packages)."""

    write_jsonl = staticmethod(write_jsonl)
    actor = staticmethod(actor)
    event = staticmethod(event)
    extraction = staticmethod(extraction)


@pytest.fixture
def kit() -> type[Kit]:
    return Kit

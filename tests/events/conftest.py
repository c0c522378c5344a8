"""Hand-built actor mentions, so event tests do not depend on the actor recogniser."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from newsevents.model import Actor, ActorMention


def make_mention(doc, phrase: str, code: str, kind: str = "name", nth: int = 0) -> ActorMention:  # type: ignore[no-untyped-def]
    """A mention of `phrase` (its `nth` occurrence in the doc) resolved to the actor `code`."""
    pattern = (r"\b" if phrase[0].isalnum() else "") + re.escape(phrase) + (r"\b" if phrase[-1].isalnum() else "")
    found = list(re.finditer(pattern, doc.text))
    if len(found) <= nth:
        raise ValueError(f"{phrase!r} occurs {len(found)} time(s), not {nth + 1}")
    start = found[nth].start()
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    country = code[:3] if code[:3] not in ("IGO", "NGO") else None
    actor = Actor(text=phrase, name=phrase, code=code, country=country, sector=code[3:] or None)
    return ActorMention(actor, span.start, span.end, span.root.i, kind)


@pytest.fixture
def mention() -> Callable[..., ActorMention]:
    return make_mention

"""Hand-built actor mentions, so event tests do not depend on the actor recogniser."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence

import pytest

from newsevents import extract, pipe
from newsevents.events import find_events
from newsevents.model import Actor, ActorMention, Article, Event, Extraction


def make_mention(  # type: ignore[no-untyped-def]
    doc, phrase: str, code: str, kind: str = "name", nth: int = 0,
) -> ActorMention:
    """A mention of `phrase` (its `nth` whole-word occurrence in the doc) resolved to the actor `code`."""
    left = r"\b" if phrase[0].isalnum() else ""
    right = r"\b" if phrase[-1].isalnum() else ""
    found = list(re.finditer(left + re.escape(phrase) + right, doc.text))
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


@pytest.fixture
def code(codebook, parse) -> Callable[..., list[Event]]:  # type: ignore[no-untyped-def]
    """code(codebook, text, [(phrase, actor code[, kind[, nth]]), ...], **article fields) -> events."""

    def _code(text: str, actors: Sequence[tuple], **article: object) -> list[Event]:
        art, doc = parse(text, **article)
        mentions = [make_mention(doc, *spec) for spec in actors]
        return find_events(doc, art, mentions, codebook)

    return _code


def code_triples(events: Sequence[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo) for e in events
    }


@pytest.fixture
def triples() -> Callable[[Sequence[Event]], set[tuple[str | None, str | None, str]]]:
    """(source code, target code, CAMEO) of each event, for compact assertions."""
    return code_triples


def extract_sentences(sentences: dict[str, str], published: str | None = None) -> dict[str, Extraction]:
    """Each named sentence run through the whole pipeline as an article of its own (real text, real
    actors), keyed by its name: the shared body of the module fixtures of sentence-level tests."""
    articles = [{"text": t, "published": published} if published else t for t in sentences.values()]
    return dict(zip(sentences, pipe(articles), strict=True))


def events_of_root(text: str, root: str) -> list[Event]:
    """The events of one CAMEO root the whole pipeline codes in `text`; none found fails with
    what was coded instead, so a rule that stops firing says what took its place."""
    events = extract(text).events
    found = [e for e in events if e.cameo_root == root]
    assert found, [(e.cameo, e.trigger.text) for e in events]
    return found


def dated_events(text: str, published: str = "2024-05-01") -> list[Event]:
    """The events the whole pipeline codes in `text`, as an article published on `published` with an
    id of its text, so sentences that speak of "Monday" or "last week" are dated the same each run."""
    article = Article(id=hashlib.sha1(text.encode()).hexdigest()[:16], text=text, published=published)
    return extract(article).events


def judged_events(text: str) -> list[Event]:
    """The events of `text` (published 2023-05-01) less statements (01x), which the judgement
    and dispute tests never ask about."""
    return [e for e in dated_events(text, "2023-05-01") if not e.cameo.startswith("01")]


def cameos_of(extraction: Extraction) -> set[str]:
    """The CAMEO codes of an extraction's events."""
    return {e.cameo for e in extraction.events}


def countries_of(events: Sequence[Event]) -> set[tuple[str | None, str | None, str]]:
    """(source country, target country, CAMEO code) of each event."""
    return {
        (e.source.country if e.source else None, e.target.country if e.target else None, e.cameo)
        for e in events
    }


def country_triples(text: str) -> set[tuple[str | None, str | None, str]]:
    """(source country, target country, CAMEO code) of each of `judged_events(text)`."""
    return countries_of(judged_events(text))


def _side(actor: Actor | None) -> str | None:
    return (actor.country or actor.code) if actor else None


def side_triples(text: str) -> set[tuple[str | None, str | None, str]]:
    """(source country or code, target country or code, CAMEO code) of each event in `text`: the
    country where a side has one, so a test says which state acted on which whatever the sector."""
    return {(_side(e.source), _side(e.target), e.cameo) for e in dated_events(text)}

"""A hand-built Extraction that fills every table, with offsets that point into its text, and
the throwaway PostgreSQL server every PostgreSQL test module shares (one per session)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from tests.store import pg_server

from newsevents.model import (
    Actor,
    ActorMention,
    Article,
    Event,
    EventLocation,
    Evidence,
    Extraction,
    Place,
    Quantity,
    Quote,
)

TEXT = (
    "Syrian forces press Aleppo offensive\n"
    "\n"
    "Photo: AFP\n"
    "Syrian government forces attacked rebels in Aleppo on Thursday, backed by Russian air strikes.\n"
    "Around 35,000 refugees fled towards Kilis, Turkey's governor said.\n"
    '"We will not stop fighting," Assad said.\n'
)


def _ev(text: str, needle: str, nth: int = 0) -> Evidence:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Evidence.of(text, start, start + len(needle))


def _article(article_id: str, published: str | None, text: str) -> Article:
    return Article(
        id=article_id,
        text=text,
        title="Syrian forces press Aleppo offensive",
        url=f"https://example.org/{article_id}",
        source="Example News",
        published=published,
        origin=f"/tmp/{article_id}.txt",
        furniture=(_ev(text, "Photo: AFP"),),
        title_span=_ev(text, "Syrian forces press Aleppo offensive"),
    )


def _events(text: str, src: Actor, tgt: Actor | None, assad: Actor, cameo: str, event_date: str | None
            ) -> tuple[Event, ...]:  # fmt: skip
    sentence = _ev(
        text, "Syrian government forces attacked rebels in Aleppo on Thursday, backed by Russian air strikes."
    )
    aleppo = EventLocation("Aleppo", 36.2, 37.16, "SYR", "city", _ev(text, "Aleppo", 1))
    attack = Event(src, tgt, cameo, cameo[:2], "ASSAULT", 4, -10.0, sentence, _ev(text, "attacked"),
                   plover_mode="attack", date=event_date, date_precision="day", location=aleppo,
                   confidence=0.8)  # fmt: skip
    retreat = Event(assad, None, "0874", "08", "RETREAT", 2, 5.0, _ev(text, "We will not stop fighting"),
                    _ev(text, "stop"), negated=True, modality="reported", attributed_to=assad,
                    location_reason="statement_no_place")  # fmt: skip
    return attack, retreat


def _places(text: str) -> tuple[Place, ...]:
    aleppo = Place("Aleppo", 36.2, 37.16, "SYR", "city", (_ev(text, "Aleppo"), _ev(text, "Aleppo", 1)),
                   admin1="Aleppo", geonameid=170063)  # fmt: skip
    return aleppo, Place("Kilis", 36.72, 37.12, "TUR", "city", (_ev(text, "Kilis"),), geonameid=300640)


def build(
    article_id: str = "a1",
    published: str | None = "2016-02-13",
    text: str = TEXT,
    event_date: str | None = "2016-02-11",
    source: tuple[str, str | None, str | None] = ("SYRMIL", "SYR", "MIL"),
    target: tuple[str, str | None, str | None] | None = ("SYRREB", "SYR", "REB"),
    cameo: str = "190",
) -> Extraction:
    """One article with two events, actors, a quantity, a quote and two places."""
    src = Actor("Syrian government forces", "Syrian forces", *source, _ev(text, "Syrian government forces"))
    tgt = Actor("rebels", "Syrian rebels", *target, _ev(text, "rebels")) if target else None
    assad = Actor("Assad", "Bashar al-Assad", "SYRGOV", "SYR", "GOV", _ev(text, "Assad"))
    kilis = EventLocation("Kilis", 36.72, 37.12, "TUR", "city")
    quantity = Quantity("refugees", 35000, None, None, "about", "reported",
                        _ev(text, "Around 35,000 refugees fled towards Kilis"), date="2016-02-11",
                        location=kilis, event_index=0)  # fmt: skip
    quote = Quote(assad, "We will not stop fighting", True, "said",
                  _ev(text, '"We will not stop fighting," Assad said.'))  # fmt: skip
    actors = (
        ActorMention(src, 7, 10, 9, "noun"),
        ActorMention(tgt or src, 11, 12, 11, "noun"),
        ActorMention(assad, 40, 41, 40, "name"),
    )
    events = _events(text, src, tgt, assad, cameo, event_date)
    article = _article(article_id, published, text)
    return Extraction(article, events, (quantity,), (quote,), _places(text), actors)


@pytest.fixture
def make_extraction() -> Callable[..., Extraction]:
    return build


def query_set(build: Callable[..., Extraction]) -> list[Extraction]:
    """The four articles the filter tests read: dated, undated, IGO target, no target."""
    return [
        build("syr", published="2016-02-13", event_date="2016-02-11"),
        build("tur", published="2016-03-01", event_date=None, source=("TURGOV", "TUR", "GOV"),
              target=("IGOUNO", None, "IGO"), cameo="1122"),
        build("rus", published="2015-10-01", event_date="2015-09-30", source=("RUSMIL", "RUS", "MIL"),
              target=None, cameo="195"),
        build("none", published=None, event_date=None),
    ]  # fmt: skip






@pytest.fixture
def pg_schema(pg_url: str) -> Iterator[str]:
    """A URL whose connections work in a fresh schema of their own, dropped after the test."""
    with pg_server.schema(pg_url, f"t_{uuid.uuid4().hex[:12]}") as url:
        yield url

"""A small real SQLite store written through `store.write` from hand-built extractions.

Three articles: a strike in Aleppo reported by two outlets (so text search, country, PLOVER
and box filters have something to tell apart), a protest in Kyiv, and an article whose text
is markup and script, to prove the API hands it back as data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsevents.api import create_app
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
from newsevents.store import open_store

MALICIOUS = (
    "Officials <script>window.__pwned = 1</script> met\n\n"
    'Officials <img src=x onerror="window.__pwned = 2"> met in Geneva and agreed to talk.'
)


def _span(text: str, words: str, after: int = 0) -> Evidence:
    start = text.index(words, after)
    return Evidence.of(text, start, start + len(words))


def _actor(text: str, words: str, code: str, country: str | None, sector: str | None,
           country_source: str | None = "text") -> Actor:  # fmt: skip
    return Actor(words, words, code, country, sector, _span(text, words), country_source)  # type: ignore[arg-type]


def strike(article_id: str, source: str, published: str, lead: str) -> Extraction:
    """An air strike by Syrian government forces on rebels in Aleppo, with a toll and a quote."""
    text = (
        f"{lead}\n\nSyrian government forces bombed rebels in Aleppo on Friday, killing 12 people. "
        '"We will answer," a rebel commander said.'
    )
    art = Article(
        id=article_id,
        text=text,
        title=lead,
        source=source,
        published=published,
        url=f"https://example.org/{article_id}",
        title_span=_span(text, lead),
    )
    src = _actor(text, "Syrian government forces", "SYRGOV", "SYR", "GOV")
    tgt = _actor(text, "rebels", "SYRREB", "SYR", "REB", "article")  # "rebels": the article's country
    aleppo = _span(text, "Aleppo")
    sentence = _span(text, "Syrian government forces bombed rebels in Aleppo on Friday, killing 12 people.")
    event = Event(
        source=src,
        target=tgt,
        cameo="195",
        cameo_root="19",
        plover="ASSAULT",
        quad_class=4,
        goldstein=-10.0,
        evidence=sentence,
        trigger=_span(text, "bombed"),
        plover_mode="aerial",
        date="2016-02-12",
        date_precision="day",
        location=EventLocation("Aleppo", 36.2, 37.16, "SYR", "city", aleppo),
        location_source="clause",
        confidence=0.8,
    )
    killed = Quantity("killed", 12, None, None, "exact", "reported", _span(text, "12 people"), event_index=0)
    quote = Quote(
        Actor("a rebel commander", "rebel commander", "SYRREB", "SYR", "REB"),
        "We will answer,",
        True,
        "said",
        _span(text, '"We will answer,"'),
    )
    place = Place("Aleppo", 36.2, 37.16, "SYR", "city", (aleppo,), admin1="Aleppo", geonameid=170063)
    mentions = (ActorMention(src, 0, 3, 2), ActorMention(tgt, 4, 5, 4, kind="noun"))
    return Extraction(art, (event,), (killed,), (quote,), (place,), mentions)


def protest() -> Extraction:
    text = "Protest in Kyiv\n\nUkrainian activists protested against Russia in Kyiv on Sunday."
    art = Article(
        id="kyiv0000000000001", text=text, title="Protest in Kyiv", source="Kyiv Post", published="2016-03-06"
    )
    src = _actor(text, "Ukrainian activists", "UKRCVL", "UKR", "CVL")
    tgt = _actor(text, "Russia", "RUS", "RUS", None)
    kyiv = _span(text, "Kyiv", text.index("\n"))
    event = Event(
        source=src,
        target=tgt,
        cameo="141",
        cameo_root="14",
        plover="PROTEST",
        quad_class=4,
        goldstein=-6.5,
        evidence=_span(text, "Ukrainian activists protested against Russia in Kyiv on Sunday."),
        trigger=_span(text, "protested"),
        date="2016-03-06",
        date_precision="day",
        location=EventLocation("Kyiv", 50.45, 30.52, "UKR", "city", kyiv),
    )
    place = Place("Kyiv", 50.45, 30.52, "UKR", "city", (_span(text, "Kyiv"), kyiv))
    return Extraction(art, (event,), (), (), (place,), (ActorMention(src, 0, 2, 1),))


def malicious() -> Extraction:
    text = MALICIOUS
    art = Article(
        id="evil000000000001",
        text=text,
        title=text.split("\n")[0],
        source="<b>Evil</b> Times",
        published="2016-03-07",
        url="javascript:alert(1)",
    )
    officials = _actor(text, "Officials", "UNK", None, None)
    event = Event(
        source=officials,
        target=None,
        cameo="036",
        cameo_root="03",
        plover="AGREE",
        quad_class=1,
        goldstein=4.0,
        evidence=_span(text, 'Officials <img src=x onerror="window.__pwned = 2"> met in Geneva'),
        trigger=_span(text, "agreed"),
        date="2016-03-07",
        date_precision="day",
    )
    return Extraction(art, (event,), (), (), (), (ActorMention(officials, 0, 1, 0),))


def fill_store(target: str | Path) -> None:
    """Write the API tests' four articles (two reports of one strike, a protest, a hostile one)."""
    with open_store(target) as store:
        store.write(strike("aaaa000000000001", "Reuters", "2016-02-13", "Strike kills 12 in Aleppo"))
        store.write(strike("bbbb000000000002", "AFP", "2016-02-14", "Twelve dead as jets hit Aleppo"))
        store.write(protest())
        store.write(malicious())


def build_store(path: Path) -> Path:
    fill_store(path)
    return path


def unclustered(path: Path) -> Path:
    """The store as an older newsevents left it until its first recluster: every article and
    event, no group or cluster (each event then shows as a cluster of its own), marked behind;
    its summary tables counted as the migration that creates them counts them."""
    import sqlite3

    from newsevents.store import tallies
    from newsevents.store.tables import DERIVED_COLUMNS

    conn = sqlite3.connect(path)
    with conn:
        for table in reversed(DERIVED_COLUMNS):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("UPDATE store_state SET value = '1' WHERE name = 'dirty'")
        tallies.rebuild(conn)
    conn.close()
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four articles, not clustered yet: the API's views of events before any clustering."""
    return unclustered(build_store(tmp_path_factory.mktemp("api") / "events.sqlite"))


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db)), base_url="http://localhost") as test_client:
        yield test_client


@pytest.fixture(scope="session")
def malicious_text() -> str:
    return MALICIOUS

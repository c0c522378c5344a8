"""recluster() and clusters() in the stores, the cluster columns of events(), and the
migration of a store written before clusters existed."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.store import pg_server

from newsevents.model import Actor, Article, Event, EventLocation, Evidence, Extraction
from newsevents.store import EventFilter, Store, open_store
from newsevents.store.migrations import SCHEMA_VERSION
from newsevents.store.tables import DERIVED_COLUMNS

STORY = (
    "Troops clash with rebels near Maiduguri\n\n"
    "MAIDUGURI, Nigeria (Wire) - Nigerian soldiers fought Boko Haram fighters outside Maiduguri on "
    "Sunday, the army said, in the heaviest clashes in the area for months. Residents said gunfire "
    "could be heard for several hours from the eastern edge of the city, and that families fled toward "
    "the centre. A military spokesman said dozens of insurgents were killed and that troops had taken "
    "control of two villages that had been held by the group. Aid workers said roads out of the city "
    "were closed for most of the day and that a camp for displaced people was sheltering new arrivals.\n"
)
OTHER = (
    "Protesters march in Lagos\n\n"
    "LAGOS (Daily) - Thousands of people marched through Lagos on Tuesday to protest against rising "
    "food prices, chanting slogans and carrying placards. Police watched from the roadside and the "
    "march ended peacefully outside the state assembly, organisers said.\n"
)

FAR = (
    "Talks resume in Geneva\n\n"
    "GENEVA (Agency) - Delegations met again on Friday for a new round of talks on a ceasefire, "
    "diplomats said, after a pause of three weeks. No agreement was expected before the weekend.\n"
)


def extraction(art_id: str, text: str, published: str | None, source: str, cameo: str = "190") -> Extraction:
    body = text.index("\n\n") + 2
    sentence = Evidence.of(text, body, text.index(".", body) + 1)
    first_word = Evidence.of(text, body, body + 5)
    place = EventLocation("Maiduguri", 11.85, 13.16, "NGA", "city", None)
    event = Event(
        Actor("Nigerian soldiers", "Nigerian military", "NGAMIL", "NGA", "MIL", first_word),
        Actor("Boko Haram", "Boko Haram", "NGAREB", "NGA", "REB", first_word),
        cameo, cameo[:2], "FIGHT", 4, -10.0, sentence, first_word,
        date="2021-05-02", date_precision="day", location=place,
    )  # fmt: skip
    article = Article(
        id=art_id, text=text, title=text.split("\n", 1)[0], url=f"https://example.org/{art_id}",
        source=source, published=published, title_span=Evidence.of(text, 0, text.index("\n")),
    )  # fmt: skip
    return Extraction(article, (event,), (), (), (), ())


def fill(store: Store) -> None:
    copy = STORY.replace("Troops clash with rebels near Maiduguri", "Army battles insurgents")
    store.write(extraction("wire", STORY, "2021-05-02", "Wire"))
    store.write(extraction("copy", copy, "2021-05-03", "Reposter"))
    store.write(extraction("own", OTHER.replace("Lagos", "Maiduguri", 1), "2021-05-02", "Daily"))
    store.write(extraction("far", FAR, "2021-06-20", "Agency", cameo="141"))


def check_clusters(store: Store) -> None:
    # Each article joined its group and clusters as it was written; a full recluster agrees.
    written, written_events = store.clusters(), store.events()
    assert all(e["cluster_id"] is not None for e in written_events)
    counts = store.recluster()
    assert store.clusters() == written and store.events() == written_events
    assert counts["groups"] == 1 and counts["grouped_articles"] == 2
    assert counts["clusters"] == 2 and counts["events"] == 4
    events = {e["article_id"]: e for e in store.events()}
    assert events["copy"]["duplicate_of"] == "wire"
    assert events["wire"]["duplicate_of"] is None and events["own"]["duplicate_of"] is None
    assert events["wire"]["cluster_id"] == events["copy"]["cluster_id"] == events["own"]["cluster_id"]
    (big,) = [c for c in store.clusters() if c["n_events"] == 3]
    assert big["cluster_id"] == events["wire"]["cluster_id"]
    assert (big["n_articles"], big["n_sources"], big["n_independent"]) == (3, 3, 2)
    assert big["first_article_id"] in ("wire", "own") and big["country"] == "NGA"
    assert big["lat"] == pytest.approx(11.85) and big["date_first"] == "2021-05-02"
    member = big["members"][0]
    assert set(member) == {"article_id", "idx", "evidence_start", "evidence_end", "evidence_text", "source",
                           "published"}  # fmt: skip
    text = STORY if member["article_id"] == "wire" else OTHER.replace("Lagos", "Maiduguri", 1)
    assert text[member["evidence_start"] : member["evidence_end"]] == member["evidence_text"]
    # The events() filters select clusters by any member; limit counts clusters.
    assert [c["cameo_root"] for c in store.clusters(EventFilter(cameo_root=14))] == ["14"]
    assert len(store.clusters(EventFilter(limit=1))) == 1
    assert store.clusters(EventFilter(country="FRA")) == []
    # Idempotent: a second run gives the same clusters.
    before = store.clusters()
    store.recluster()
    assert store.clusters() == before


def test_sqlite_store_clusters(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        fill(store)
        check_clusters(store)


def test_a_version_1_store_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.write(extraction("wire", STORY, "2021-05-02", "Wire"))
    # Make the file what version 1 wrote: no derived tables, version 1.
    conn = sqlite3.connect(path)
    for table in DERIVED_COLUMNS:
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM schema_version WHERE version > 1")
    conn.commit()
    conn.close()
    with open_store(tmp_path / "fresh.db"):
        pass
    fresh = sqlite3.connect(tmp_path / "fresh.db")
    with open_store(path) as store:
        assert store.recluster()["clusters"] == 1
        assert store.events()[0]["cluster_id"] is not None
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    for table in DERIVED_COLUMNS:
        migrated = conn.execute(f"PRAGMA table_info({table})").fetchall()
        assert migrated == fresh.execute(f"PRAGMA table_info({table})").fetchall(), table
        assert tuple(r[1] for r in migrated) == DERIVED_COLUMNS[table]
    index = "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    assert conn.execute(index).fetchall() == fresh.execute(index).fetchall()


def test_deleting_an_article_drops_its_cluster_links(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        fill(store)
        store.recluster()
    conn = sqlite3.connect(tmp_path / "c.db")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM articles WHERE id = 'copy'")
    conn.commit()
    assert conn.execute(
        "SELECT COUNT(*) FROM event_cluster_members WHERE article_id = 'copy'"
    ).fetchone() == (0,)
    assert conn.execute("SELECT COUNT(*) FROM article_groups WHERE article_id = 'copy'").fetchone() == (0,)


# -- PostgreSQL: the same behaviour on a real server (skipped without one) ------------------

@pytest.fixture(scope="module")
def pg_url(pg_url: str) -> Iterator[str]:
    """A schema of this module's own on the session's PostgreSQL server."""
    with pg_server.schema(pg_url, f"c_{uuid.uuid4().hex[:12]}") as scoped:
        yield scoped


def test_postgres_store_clusters_like_sqlite(pg_url: str, tmp_path: Path) -> None:
    with open_store(pg_url) as pg, open_store(tmp_path / "ref.db") as ref:
        fill(pg)
        check_clusters(pg)
        fill(ref)
        ref.recluster()
        assert pg.clusters() == ref.clusters()
        assert pg.events() == ref.events()

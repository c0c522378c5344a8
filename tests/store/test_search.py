"""Text search (`q`) through the trigram indexes gives exactly what the plain LIKE scan gives, on
SQLite (FTS5) and on a real PostgreSQL server (pg_trgm): the same rows, totals and days for
every kind of query text, the plans read the indexes, the indexes follow writes and deletes,
migration step 10 builds them for a store that had none, and a PostgreSQL role that may not
create the extension still gets a working store."""

from __future__ import annotations

import logging
import re
import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.store.conftest import TEXT, build

from newsevents.model import Evidence, Extraction
from newsevents.store import EventQuery, Store, open_store
from newsevents.store import pages as page_sql
from newsevents.store.browse import ItemQuery, article_page_sql, item_page_sql, like_pattern
from newsevents.store.migrations import SCHEMA_VERSION
from newsevents.store.search import TEXT_INDEXES

ALL = 1_000  # more than every row the stories hold

# (article id, title, the sentence the first event states): cases, wildcards, quotes, backslashes
# and letters outside ASCII, in the evidence or only in the title.
STORIES: tuple[tuple[str, str | None, str], ...] = (
    ("s01", "Shelling in Homs", "Forces KILLED 12 people in Homs on Friday."),
    ("s02", "Prices", "Officials reported a 50% rise in bread prices."),
    ("s03", "Leak", "The file_name of the report leaked; the filename was changed."),
    ("s04", "O'Brien's statement", 'O\'Brien said "no" to the proposal.'),
    ("s05", "Éric Zemmour à Köln", "Éric spoke in Köln about the İstanbul talks."),
    ("s06", "Ceasefire talks in Geneva", "Delegates met for a second day."),
    ("s07", None, "A path C:\\data\\killed was found, a 5 K (kelvin) reading too."),
    ("s08", "ÉCOLES FERMÉES", "Schools closed in ÉVRY and évry-courcouronnes."),
    ("s09", "killed in action", "Two soldiers were killed near the border."),
)
QUERIES: tuple[str, ...] = (
    "killed", "KILLED", "Killed 12", "  killed  ", "50%", "%", "_", "e_n", "file_name", "0% r",
    "o'brien", '"no"', "said \"", "'", "éric", "ÉRIC", "köln", "KÖLN", "istanbul", "İstanbul",
    "évry", "ÉVRY", "fermées", "k", "K", "ki", "é", "\\", "c:\\data", "geneva", "ceasefire talks",
    "nothing like this", "s t", "12",
)  # fmt: skip


def _story(n: int, article_id: str, title: str | None, sentence: str) -> Extraction:
    text = TEXT + sentence + "\n"
    base = build(article_id, f"2016-02-{10 + n:02d}", text, f"2016-02-{10 + n:02d}")
    start = text.index(sentence)
    told = Evidence.of(text, start, start + len(sentence))
    first = replace(base.events[0], evidence=told)
    article = replace(base.article, title=title, title_span=None)
    quote, figure = replace(base.quotes[0], evidence=told), replace(base.quantities[0], evidence=told)
    return replace(
        base, article=article, events=(first, *base.events[1:]), quotes=(quote,), quantities=(figure,)
    )


def _fill(store: Store) -> Store:
    for n, story in enumerate(STORIES):
        store.write(_story(n, *story))
    return store


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store holding STORIES, on each backend."""
    found = str(tmp_path / "search.db") if request.param == "sqlite" else request.getfixturevalue("pg_schema")
    _fill(open_store(found)).close()
    yield found


def _scan(url: str, sql: str, params: list[object]) -> list[tuple[Any, ...]]:
    """Rows of a plain SQL statement ("?" placeholders) over its own connection: the scan the
    indexes must agree with, read without the store's code."""
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect("postgresql://" + url.split("://", 1)[1], autocommit=True) as con:
            return [tuple(r) for r in con.execute(sql.replace("?", "%s"), params).fetchall()]
    with sqlite3.connect(url) as con:
        return con.execute(sql, params).fetchall()


def _like(column: str) -> str:
    return f"LOWER({column}) LIKE LOWER(?) ESCAPE '\\'"


def expected_events(url: str, q: str) -> list[tuple[str, int, str | None]]:
    """(article id, idx, day) of the events whose evidence or article title holds `q`, by a scan."""
    pattern = like_pattern(q)
    title = "COALESCE(a.title, '')"
    sql = (
        "SELECT e.article_id, e.idx, COALESCE(e.date, a.published) FROM events e JOIN articles a"
        f" ON a.id = e.article_id WHERE {_like('e.evidence_text')} OR {_like(title)}"
        " ORDER BY e.article_id, e.idx"
    )
    return [(a, int(i), d) for a, i, d in _scan(url, sql, [pattern, pattern])]


def expected_articles(url: str, q: str) -> list[str]:
    """The ids of the articles whose title or text holds `q`, by a scan."""
    pattern = like_pattern(q)
    title = "COALESCE(a.title, '')"
    sql = f"SELECT a.id FROM articles a WHERE {_like(title)} OR {_like('a.text')} ORDER BY a.id"
    return [a for (a,) in _scan(url, sql, [pattern, pattern])]


def expected_items(url: str, table: str, q: str) -> list[str]:
    """The article ids of the quotes or figures whose evidence holds `q`, by a scan."""
    sql = f"SELECT t.article_id FROM {table} t WHERE {_like('t.evidence_text')} ORDER BY t.article_id"
    return [a for (a,) in _scan(url, sql, [like_pattern(q)])]


def test_the_store_searches_through_its_index(url: str) -> None:
    """The store says it uses its index, and the stories hold what the queries are about."""
    with open_store(url, "read") as store:
        assert store.text_search == ("pg_trgm" if url.startswith("postgresql") else "fts5")
        found = store.event_page(EventQuery(q="KiLLeD"), "mentions", ALL).items
        assert {r["article_id"] for r in found} == {"s01", "s07", "s09"}
        assert [r["article_id"] for r in store.event_page(EventQuery(q="50%"), "mentions", ALL).items] == [
            "s02"
        ]
        assert {r["article_id"] for r in store.event_page(EventQuery(q="e_n"), "mentions", ALL).items} == {
            "s03"
        }
        assert store.article_page("geneva", ALL, 0)[0] == 1


@pytest.mark.parametrize("q", QUERIES, ids=range(len(QUERIES)))
def test_search_gives_what_the_scan_gives(url: str, q: str) -> None:
    """Mentions, their total and days, clusters and their total, articles and their total."""
    events = expected_events(url, q)
    articles = expected_articles(url, q)
    with open_store(url, "read") as store:
        query = EventQuery(q=q)
        page = store.event_page(query, "mentions", ALL)
        assert sorted((r["article_id"], r["idx"]) for r in page.items) == [(a, i) for a, i, _ in events]
        assert page.total == len(events)
        assert store.timeline(query, "mentions") == sorted(Counter(d for _, _, d in events if d).items())
        clusters = store.event_page(query, "clusters", ALL)
        member_of = {
            (e["article_id"], e["idx"]): c["cluster_id"] for c in store.clusters() for e in c["members"]
        }
        assert {c["cluster_id"] for c in clusters.items} == {member_of[(a, i)] for a, i, _ in events}
        assert clusters.total == store.count_clusters(query) == len(clusters.items)
        total, found = store.article_page(q, ALL, 0)
        assert sorted(r["id"] for r in found) == articles and total == len(articles)
        for table in ("quotes", "quantities"):
            total, found = store.item_page(table, ItemQuery(q=q), ALL, 0)
            items = expected_items(url, table, q)
            assert sorted(r["article_id"] for r in found) == items and total == len(items)


def _sqlite_plan(db: Path, sql: str, params: list[object]) -> str:
    with sqlite3.connect(db) as con:
        return " | ".join(row[-1] for row in con.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_sqlite_reads_the_trigram_tables(tmp_path: Path) -> None:
    """Counts and pages look `q` up in the FTS5 tables and fetch the events and articles found by
    rowid; under three characters they scan, as before."""
    db = tmp_path / "plan.db"
    _fill(open_store(db)).close()
    query = EventQuery(q="killed")
    for sql, params in (
        page_sql.mention_count_sql("?", query, search="fts5"),
        page_sql.mention_page_sql("?", query, None, 50, 0, search="fts5"),
        page_sql.cluster_count_sql("?", query, search="fts5"),
    ):
        plan = _sqlite_plan(db, sql, params)
        assert "SCAN events_search VIRTUAL TABLE INDEX" in plan, plan
        assert "SCAN articles_search VIRTUAL TABLE INDEX" in plan, plan
        assert not re.search(r"SCAN (e|x)( |$)", plan + " "), plan  # no pass over the events
        assert "SEARCH e USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan  # from the matches
        # A page starts from the matches, not from a walk of its order past rows that fail.
        assert not re.search(r"SCAN (a|c) USING INDEX (articles|event_clusters)_page", plan), plan
    keys = _sqlite_plan(db, *page_sql.cluster_keys_sql("?", query, None, 50, 0, search="fts5"))
    assert "SCAN events_search VIRTUAL TABLE INDEX" in keys and "SCAN c " not in keys, keys
    for sql, params in article_page_sql("?", "government", 50, 0, search="fts5"):  # count, page
        plan = _sqlite_plan(db, sql, params)
        assert "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan
        assert "SCAN articles_search VIRTUAL TABLE INDEX" in plan, plan
    for table in ("quotes", "quantities"):
        for sql, params in item_page_sql("?", table, ItemQuery(q="killed"), 50, 0, search="fts5"):
            plan = _sqlite_plan(db, sql, params)
            assert "SEARCH t USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan
            assert f"SCAN {table}_search VIRTUAL TABLE INDEX" in plan, plan
    # Two characters: no trigram to look up, the scan runs.
    short = page_sql.mention_count_sql("?", EventQuery(q="ki"), search="fts5")
    assert "_search" not in _sqlite_plan(db, *short)
    (count, count_params), _ = article_page_sql("?", "ki", 50, 0, search="fts5")
    assert "_search" not in _sqlite_plan(db, count, count_params)


def test_postgres_reads_the_trigram_indexes(pg_schema: str) -> None:
    """With scans of whole tables and indexes priced out (the test tables are tiny), each LIKE
    is answered from its GIN trigram index: the indexes hold the expressions the queries read."""
    import psycopg

    _fill(open_store(pg_schema)).close()
    query = EventQuery(q="killed")
    with psycopg.connect("postgresql://" + pg_schema.split("://", 1)[1], autocommit=True) as con:
        con.execute("SET enable_seqscan = off")
        con.execute("SET enable_indexscan = off")  # nor a walk of a primary key, filtering each row
        con.execute("ANALYZE")

        def plan(sql: str, params: list[object]) -> str:
            return " | ".join(r[0] for r in con.execute(f"EXPLAIN {sql}", params))

        for sql, params in (
            page_sql.mention_count_sql("%s", query, search="pg_trgm"),
            page_sql.cluster_count_sql("%s", query, search="pg_trgm"),
        ):
            found = plan(sql, params)
            assert "Bitmap Index Scan on events_search_evidence_text" in found, found
            assert "Bitmap Index Scan on articles_search_title" in found, found
        (_, _), (page, params) = article_page_sql("%s", "government", 50, 0, search="pg_trgm")
        found = plan(page, params)
        assert "articles_search_title" in found and "articles_search_text" in found, found
        for table in ("quotes", "quantities"):
            (count, params), _ = item_page_sql("%s", table, ItemQuery(q="killed"), 50, 0, search="pg_trgm")
            assert f"Bitmap Index Scan on {table}_search_evidence_text" in plan(count, params)


def _fts_rows(db: Path, table: str, q: str) -> list[int]:
    with sqlite3.connect(db) as con:
        con.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")  # raises if out of step
        return [r for (r,) in con.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [f'"{q}"'])]


def test_the_trigram_tables_follow_writes_and_deletes(tmp_path: Path) -> None:
    """A delete by hand (children cascade) and an update leave no stale entry: the FTS5
    integrity check, which compares the index with its table, passes, and search agrees."""
    db = tmp_path / "edit.db"
    _fill(open_store(db)).close()
    assert _fts_rows(db, "events_search", "soldiers") and _fts_rows(db, "articles_search", "geneva")
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("DELETE FROM articles WHERE id = 's09'")
        con.execute("UPDATE articles SET title = 'Talks in Lausanne' WHERE id = 's06'")
    assert not _fts_rows(db, "events_search", "soldiers")
    assert not _fts_rows(db, "articles_search", "geneva") and _fts_rows(db, "articles_search", "lausanne")
    for q in ("killed", "geneva", "lausanne"):
        with open_store(db, "read") as store:
            page = store.event_page(EventQuery(q=q), "mentions", ALL)
            assert sorted((r["article_id"], r["idx"]) for r in page.items) == [
                (a, i) for a, i, _ in expected_events(str(db), q)
            ]


def _as_schema_8(db: Path) -> None:
    """The store as newsevents wrote it before text search: no trigram tables, schema 8."""
    with sqlite3.connect(db) as con:
        for name in (i.name for i in TEXT_INDEXES.values()):
            for trigger in ("insert", "delete", "update"):
                con.execute(f"DROP TRIGGER {name}_{trigger}")
            con.execute(f"DROP TABLE {name}")
        con.execute("DELETE FROM schema_version WHERE version > 8")


def test_migration_step_10_builds_the_indexes_of_a_stored_store(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _fill(open_store(db)).close()
    _as_schema_8(db)
    with pytest.raises(Exception, match="older newsevents"):
        open_store(db, "read")
    with open_store(db) as store:  # "create" migrates, as extract does
        assert store.text_search == "fts5"
        page = store.event_page(EventQuery(q="killed"), "mentions", ALL)
        assert {r["article_id"] for r in page.items} == {"s01", "s07", "s09"}
    with sqlite3.connect(db) as con:
        assert max(v for (v,) in con.execute("SELECT version FROM schema_version")) == SCHEMA_VERSION
    assert len(_fts_rows(db, "events_search", "killed")) == 3


def test_postgres_migration_step_10_builds_the_indexes(pg_schema: str) -> None:
    import psycopg

    _fill(open_store(pg_schema)).close()
    conninfo = "postgresql://" + pg_schema.split("://", 1)[1]
    names = (
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE '%_search_%'"
    )
    with psycopg.connect(conninfo, autocommit=True) as con:
        assert len(con.execute(names).fetchall()) == 5
        for (name,) in con.execute(names).fetchall():
            con.execute(f"DROP INDEX {name}")
        con.execute("DELETE FROM schema_version WHERE version > 8")
    open_store(pg_schema).close()
    with psycopg.connect(conninfo, autocommit=True) as con:
        assert {n for (n,) in con.execute(names).fetchall()} == {
            "events_search_evidence_text",
            "articles_search_title",
            "articles_search_text",
            "quotes_search_evidence_text",
            "quantities_search_evidence_text",
        }


@pytest.fixture
def plain_role(pg_url: str) -> Iterator[str]:
    """A URL for a role that may use its own schema but not create an extension, in a database
    without pg_trgm."""
    role, schema = f"r_{uuid.uuid4().hex[:10]}", f"t_{uuid.uuid4().hex[:10]}"
    admin = "postgresql://" + pg_url.split("://", 1)[1]
    import psycopg

    with psycopg.connect(admin, autocommit=True) as con:
        if con.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").fetchone():
            pytest.skip("pg_trgm is installed in the test database already")
        con.execute(f"CREATE ROLE {role} LOGIN")
        con.execute(f"CREATE SCHEMA {schema} AUTHORIZATION {role}")
    user_url = (
        re.sub(r"://[^@/]*@", f"://{role}@", pg_url)
        if "@" in pg_url
        else pg_url.replace("://", f"://{role}@")
    )
    try:
        yield f"{user_url}{'&' if '?' in user_url else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(admin, autocommit=True) as con:
            con.execute(f"DROP SCHEMA {schema} CASCADE")
            con.execute(f"DROP ROLE {role}")


def test_a_role_without_the_extension_keeps_the_scan(
    plain_role: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="newsevents.store.postgres"):
        _fill(open_store(plain_role)).close()
    lines = [r.getMessage() for r in caplog.records if "pg_trgm" in r.getMessage()]
    assert len(lines) == 1 and "scans every row" in lines[0], lines
    for q in ("killed", "geneva", "50%"):
        with open_store(plain_role, "read") as store:
            page = store.event_page(EventQuery(q=q), "mentions", ALL)
            assert sorted((r["article_id"], r["idx"]) for r in page.items) == [
                (a, i) for a, i, _ in expected_events(plain_role, q)
            ]

"""The PostgreSQL store, against a real server: the SQLite store's behaviour, row for row, and
many writers at once.

The server is a throwaway cluster started from the local PostgreSQL binaries (or the one named
by NEWSEVENTS_TEST_PG_URL); see pg_server.py. Without one, every test here is skipped, saying why.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.store.conftest import query_set

from newsevents.errors import StoreError
from newsevents.store import EventFilter, Store, open_store
from newsevents.store import rows as row_builders
from newsevents.store.migrations import SCHEMA_VERSION

HERE = Path(__file__).parent
psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def pg(pg_schema: str) -> Iterator[Store]:
    store = open_store(pg_schema)
    yield store
    store.close()


def _sql(url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


def _without_time(rows: Iterator[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k != "stored_at"} for row in rows]


# -- the same behaviour as the SQLite store --------------------------------------------------


FILTERS = [
    EventFilter(),
    EventFilter(country="syr"),
    EventFilter(country="TUR"),
    EventFilter(actor="igo"),
    EventFilter(actor="SYRMIL"),
    EventFilter(cameo_root=19),
    EventFilter(cameo_root="1122"),
    EventFilter(date_from="2016-02-12"),
    EventFilter(date_to="2016-02-11"),
    EventFilter(date_from="2015-01-01", date_to="2016-02-28", country="SYR", limit=1),
    EventFilter(article_id="rus"),
    EventFilter(limit=0),
    EventFilter(asserted=True, country="SYR"),
]


def test_every_table_reads_back_exactly_as_from_sqlite(pg: Store, tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    """Row for row and value for value (types included) what the SQLite store gives back."""
    extractions = query_set(make_extraction)
    with open_store(tmp_path / "ref.db") as ref:
        for ext in extractions:
            assert ref.write(ext) is True
            assert pg.write(ext) is True
        assert pg.counts() == ref.counts() == {
            "articles": 4, "events": 8, "actors": 12, "quantities": 4, "quotes": 4, "locations": 8,
        }  # fmt: skip
        for table in row_builders.COLUMNS:
            got, want = _without_time(pg.rows(table)), _without_time(ref.rows(table))
            assert got == want, table
            assert [[type(v) for v in r.values()] for r in got] == [
                [type(v) for v in r.values()] for r in want
            ]
        for filters in FILTERS:
            assert pg.events(filters) == ref.events(filters), filters
    (article,) = [a for a in pg.rows("articles") if a["id"] == "syr"]
    assert article["stored_at"].endswith("+00:00")
    assert article["furniture"][0]["text"] == "Photo: AFP"
    ev0 = pg.events(EventFilter(article_id="syr"))[0]
    assert ev0["negated"] is False and ev0["goldstein"] == -10.0 and ev0["title"].startswith("Syrian")
    # Undated articles sort last, as in SQLite.
    assert [r["article_id"] for r in pg.events()][::2] == ["rus", "syr", "tur", "none"]


def test_bad_filters_are_refused_before_any_sql(pg: Store) -> None:
    with pytest.raises(StoreError, match=r"\[E302\].*country"):
        pg.events(EventFilter(country="Syria"))
    with pytest.raises(StoreError, match=r"\[E302\].*no table"):
        list(pg.rows("pg_class"))


def test_writing_twice_changes_nothing(pg: Store, make_extraction) -> None:  # type: ignore[no-untyped-def]
    assert pg.write(make_extraction()) is True and pg.has("a1") and not pg.has("zzz")
    before = (pg.counts(), list(pg.rows("articles")))
    assert pg.write(make_extraction()) is False
    assert (pg.counts(), list(pg.rows("articles"))) == before


def test_an_article_without_items_is_stored(pg: Store, make_extraction) -> None:  # type: ignore[no-untyped-def]
    bare = make_extraction("bare")
    assert pg.write(replace(bare, events=(), quantities=(), quotes=(), locations=(), actors=()))
    assert pg.counts()["articles"] == 1 and pg.counts()["events"] == 0 and pg.events() == []


@pytest.mark.parametrize("failure", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_a_failure_mid_write_leaves_no_partial_article(
    pg: Store,
    make_extraction,
    monkeypatch: pytest.MonkeyPatch,
    failure: BaseException,  # type: ignore[no-untyped-def]
) -> None:
    original = row_builders.quote_rows
    calls = []

    def broken(extraction):  # type: ignore[no-untyped-def]
        calls.append(1)
        raise failure

    monkeypatch.setattr(row_builders, "quote_rows", broken)
    with pytest.raises(type(failure)):
        pg.write(make_extraction())
    assert calls, "the failing builder must have run after the article row was inserted"
    assert not pg.has("a1") and all(n == 0 for n in pg.counts().values())
    monkeypatch.setattr(row_builders, "quote_rows", original)
    assert pg.write(make_extraction()) is True
    assert pg.counts()["quotes"] == 1 and pg.counts()["events"] == 2


def test_a_failing_insert_rolls_back_the_article(pg: Store, make_extraction, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    original = row_builders.event_rows

    def duplicated(extraction):  # type: ignore[no-untyped-def]
        (row, *_) = original(extraction)
        return [row, dict(row)]

    monkeypatch.setattr(row_builders, "event_rows", duplicated)
    with pytest.raises(StoreError, match=r"\[E303\]") as raised:
        pg.write(make_extraction())
    assert isinstance(raised.value.__cause__, psycopg.errors.UniqueViolation)
    assert pg.counts()["articles"] == 0 and pg.counts()["events"] == 0
    monkeypatch.setattr(row_builders, "event_rows", original)
    assert pg.write(make_extraction()) is True  # the connection is usable after the rollback


def test_rows_pages_through_a_table_larger_than_a_page(pg: Store, make_extraction, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsevents.store import postgres

    monkeypatch.setattr(postgres, "PAGE_ROWS", 3)
    for i in range(4):
        pg.write(make_extraction(f"p{i}"))
    events = list(pg.rows("events"))
    assert [(r["article_id"], r["idx"]) for r in events] == [(f"p{i}", j) for i in range(4) for j in (0, 1)]
    assert [a["id"] for a in pg.rows("articles")] == ["p0", "p1", "p2", "p3"]


def test_a_reopened_store_sees_the_data(pg_schema: str, make_extraction) -> None:  # type: ignore[no-untyped-def]
    with open_store(pg_schema) as store:
        store.write(make_extraction("a1"))
    with open_store(pg_schema.replace("postgresql://", "postgres://")) as again:
        assert again.has("a1") and again.write(make_extraction("a1")) is False
        assert again.write(make_extraction("a2")) is True and len(again.events()) == 4
    assert _sql(pg_schema, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]


def test_a_newer_schema_is_refused(pg_schema: str) -> None:
    open_store(pg_schema).close()
    _sql(pg_schema, "INSERT INTO schema_version (version) VALUES (%s)", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match=r"\[E301\].*newer newsevents"):
        open_store(pg_schema)


def test_an_older_schema_is_migrated_with_the_sqlite_steps(
    pg_schema: str, make_extraction, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from newsevents.store import migrations as sqlite_module

    with open_store(pg_schema) as store:
        store.write(make_extraction("a1"))
    monkeypatch.setattr(sqlite_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(
        sqlite_module, "MIGRATIONS", {SCHEMA_VERSION + 1: ("ALTER TABLE events ADD COLUMN reviewed BOOLEAN",)}
    )
    with open_store(pg_schema) as store:
        assert store.has("a1")
    versions = _sql(pg_schema, "SELECT version FROM schema_version ORDER BY version")
    assert versions == [(SCHEMA_VERSION,), (SCHEMA_VERSION + 1,)]
    columns = _sql(pg_schema, "SELECT column_name FROM information_schema.columns "
                   "WHERE table_name = 'events' AND table_schema = current_schema()")  # fmt: skip
    assert ("reviewed",) in columns


def test_other_tables_are_left_alone_and_lookalikes_refused(pg_schema: str) -> None:
    _sql(pg_schema, "CREATE TABLE notes (body TEXT)")
    with open_store(pg_schema) as store:
        assert store.counts()["articles"] == 0
    assert _sql(pg_schema, "SELECT COUNT(*) FROM notes") == [(0,)]
    _sql(pg_schema, "DROP TABLE schema_version")
    with pytest.raises(StoreError, match=r"\[E301\].*not a newsevents store"):
        open_store(pg_schema)


def test_connection_errors_name_the_server_but_never_the_password() -> None:
    with pytest.raises(
        StoreError, match=r"\[E301\] cannot open store postgresql://me:\*\*\*@127\.0\.0\.1:1/x"
    ) as err:
        open_store("postgresql://me:s3cret-pw@127.0.0.1:1/x")
    assert "s3cret-pw" not in str(err.value)
    with pytest.raises(StoreError) as err:
        open_store("postgresql://127.0.0.1:1/x?user=me&password=s3cret-pw")
    assert err.value.code == "E301" and "s3cret-pw" not in str(err.value) and "password=***" in str(err.value)


def test_a_wrong_password_is_not_echoed(pg_url: str) -> None:
    """A real server's refusal (unknown role) comes back as E301 without the password."""
    url = pg_url.replace("postgresql://postgres@", "postgresql://nobody_here:hunter2-pw@")
    with pytest.raises(StoreError, match=r"\[E301\]") as err:
        open_store(url)
    assert "hunter2-pw" not in str(err.value) and "nobody_here:***@" in str(err.value)


# -- many writers at once ----------------------------------------------------------------------

WRITER = """
import json, sys, time
sys.path.insert(0, {here!r})
from conftest import build
from newsevents.store import open_store

ids = json.loads(sys.argv[1])
store = open_store({url!r})
while time.time() < {start}:
    time.sleep(0.005)
written = sum(store.write(build(i)) for i in ids)
store.close()
print(written)
"""


def test_concurrent_writers_lose_nothing_and_duplicate_nothing(pg_schema: str) -> None:
    """Four processes write overlapping sets of 30 articles at the same moment, on a fresh database."""
    import json

    # Writer k takes 15 articles from 15k/2 on, wrapping at 30: every article goes to exactly
    # two writers, in opposite orders, so they collide on the same ids at the same time.
    sets = [[f"c{(15 * k // 2 + j) % 30:02d}" for j in range(15)] for k in range(4)]
    sets = [s if k % 2 else s[::-1] for k, s in enumerate(sets)]
    script = WRITER.format(here=str(HERE), url=pg_schema, start=time.time() + 2.0)
    procs = [
        subprocess.Popen([sys.executable, "-c", script, json.dumps(ids)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for ids in sets
    ]  # fmt: skip
    results = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in results]
    everyone = {i for s in sets for i in s}
    # Each article reported as newly written by exactly one writer.
    assert sum(int(out) for out, _ in results) == len(everyone) == 30
    with open_store(pg_schema) as store:
        assert store.counts() == {
            "articles": 30, "events": 60, "actors": 90, "quantities": 30, "quotes": 30, "locations": 60,
        }  # fmt: skip
        assert sorted(a["id"] for a in store.rows("articles")) == sorted(everyone)
        assert len({(e["article_id"], e["idx"]) for e in store.rows("events")}) == 60

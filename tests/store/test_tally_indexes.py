"""The tallies' count indexes (`tables._counts_index`): a store is created with them and an older
one gains them when opened to write, on SQLite and PostgreSQL; the totals and timelines read
through them are the counts over the rows, and on SQLite they read the index alone, never the
table's rows (one page read a row, scattered, is what a whole-store timeline used to cost)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.store.test_tallies import ARTICLES, PLOVER_QUERIES, QUERIES, _extraction

from newsevents.store import Store, open_store, pages, tallies
from newsevents.store.tables import TABLES

COUNTS = {name: table.name for table in TABLES for name, _ in table.indexes if name.endswith("_counts")}


def _filled(url: str) -> None:
    with open_store(url) as store:
        for n, args in enumerate(ARTICLES):
            store.write(_extraction(n, *args))


def _answers(store: Store) -> list[object]:
    """Each query's totals and timelines, checked against the same counts over the rows."""
    ph, found = store.placeholder, []  # type: ignore[attr-defined]
    for query in (*QUERIES, *PLOVER_QUERIES):
        clusters, mentions = store.count_clusters(query), store.count_mentions(query)
        assert clusters == store.fetch_one(*pages.cluster_count_sql(ph, query))[0], query  # type: ignore[attr-defined]
        assert mentions == store.fetch_one(*pages.mention_count_sql(ph, query))[0], query  # type: ignore[attr-defined]
        days = (store.timeline(query, "clusters"), store.timeline(query, "mentions"))
        found.append((clusters, mentions, *days))
    assert any(row[0] for row in found) and any(row[2] for row in found)
    return found


def _drop(store: Store) -> None:
    """Make the store one written before the indexes were declared."""
    with store.transaction() as cur:  # type: ignore[attr-defined]
        for name in COUNTS:
            cur.execute(f"DROP INDEX {name}")


def _check(url: str) -> None:
    assert sorted(COUNTS.values()) == sorted(tallies.KEYS.keys() - {"facet_tallies"})  # a few rows: none
    _filled(url)
    with open_store(url) as store:
        assert set(COUNTS) <= store.index_names()  # type: ignore[attr-defined]
        created = _answers(store)
        _drop(store)
        assert not set(COUNTS) & store.index_names()  # type: ignore[attr-defined]
        assert _answers(store) == created  # an older store read as it is: the same answers, slower
    with open_store(url) as store:  # opened to write: the indexes are added
        assert set(COUNTS) <= store.index_names()  # type: ignore[attr-defined]
        assert _answers(store) == created


def test_sqlite_tallies_gain_count_indexes_read_alone(tmp_path: Path) -> None:
    path = str(tmp_path / "counts.db")
    _check(path)
    with open_store(path, "read") as store:
        ph = store.placeholder  # type: ignore[attr-defined]
        whole = tallies.Scope(1, tallies.ALL, None, None, None)
        syria = tallies.Scope(0, "SYR", "19", "2016-02-12", None)
        assault = tallies.Scope(1, tallies.ALL, None, None, None, "ASSAULT")
        reads = [tallies.cluster_days_sql(ph, whole), tallies.cluster_total_sql(ph, syria),
                 tallies.event_days_sql(ph, whole), tallies.event_total_sql(ph, syria),
                 tallies.event_days_sql(ph, assault), tallies.cluster_days_sql(ph, assault)]  # fmt: skip
        for sql, params in reads:
            plan = " ".join(r[3] for r in store.fetch_all(f"EXPLAIN QUERY PLAN {sql}", params))  # type: ignore[attr-defined]
            assert "USING COVERING INDEX" in plan and "_counts" in plan, (sql, plan)


def test_postgres_tallies_gain_count_indexes(pg_schema: str) -> None:
    pytest.importorskip("psycopg")
    _check(pg_schema)

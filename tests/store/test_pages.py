"""Pages, counts and timelines read in SQL: the same answers as loading everything and sorting it,
page after page by cursor or by offset, on SQLite and on a real PostgreSQL server alike, and
the page queries walk their indexes instead of scanning tables."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.store.conftest import TEXT, build

from newsevents.errors import StoreError
from newsevents.store import EventFilter, EventQuery, Store, open_store
from newsevents.store import pages as page_sql
from newsevents.store.tables import UNDATED
from newsevents.store.views import single_cluster

# (article id, published, event date, cameo, source): four days, reports that cluster together,
# and undated ones that sort last.
ARTICLES: tuple[tuple[str, str | None, str | None, str, tuple[str, str | None, str | None]], ...] = (
    ("a01", "2016-02-13", "2016-02-11", "190", ("SYRMIL", "SYR", "MIL")),
    ("a02", "2016-02-13", "2016-02-11", "190", ("SYRMIL", "SYR", "MIL")),
    ("a03", "2016-02-14", "2016-02-12", "173", ("TURGOV", "TUR", "GOV")),
    ("a04", "2016-02-14", "2016-02-14", "190", ("RUSMIL", "RUS", "MIL")),
    ("a05", "2016-02-15", None, "190", ("SYRMIL", "SYR", "MIL")),
    ("a06", None, None, "173", ("TURGOV", "TUR", "GOV")),
    ("a07", None, None, "190", ("RUSMIL", "RUS", "MIL")),
    ("a08", "2016-02-16", "2016-02-16", "190", ("SYRMIL", "SYR", "MIL")),
    ("a09", "2016-02-16", "2016-02-16", "173", ("SYRGOV", "SYR", "GOV")),
)
LATE = ARTICLES[-2:]  # written to a store marked behind: in no cluster yet, shown as clusters of their own
QUERIES = (
    EventQuery(),
    EventQuery(EventFilter(asserted=True)),
    EventQuery(EventFilter(cameo_root="19")),
    EventQuery(EventFilter(country="TUR")),
    EventQuery(EventFilter(date_from="2016-02-12", date_to="2016-02-15")),
)


def _extraction(n: int, article_id: str, published: str | None, when: str | None, cameo: str,
                source: tuple[str, str | None, str | None]) -> Any:  # fmt: skip
    text = TEXT + f"Witness {article_id} counted {n + 2} craters near the market.\n"
    return build(article_id, published, text, when, source, cameo=cameo)


def _fill(store: Store) -> Store:
    for n, args in enumerate(ARTICLES[: -len(LATE)]):
        store.write(_extraction(n, *args))
    store.recluster()
    # As a run of an older newsevents (or one stopped before its recluster) leaves a store: marked
    # behind, so the articles written next wait in no cluster instead of joining one as written.
    with store.transaction() as cur:
        cur.execute("UPDATE store_state SET value = '1' WHERE name = 'dirty'")
    for n, args in enumerate(LATE, len(ARTICLES) - len(LATE)):
        store.write(_extraction(n, *args))
    return store


@pytest.fixture(params=["sqlite", "postgres"])
def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """An opener of a store holding ARTICLES, on each backend."""
    url = str(tmp_path / "pages.db") if request.param == "sqlite" else request.getfixturevalue("pg_schema")
    _fill(open_store(url)).close()
    yield lambda: open_store(url, "read")


def expected_clusters(store: Store, query: EventQuery) -> list[dict[str, Any]]:
    """Every matching cluster by the full reads, in the documented order: clustered ones with a
    matching member, then the matching events in no cluster yet, dated first, oldest first."""
    found = store.clusters(query.filters)
    found += [single_cluster(r) for r in store.events(query.filters) if r["cluster_id"] is None]
    return sorted(found, key=lambda c: (c["date_first"] or UNDATED, str(c["cluster_id"])))


def walk(store: Store, query: EventQuery, view: str, limit: int) -> list[dict[str, Any]]:
    """Every page from the first, each from the `next` of the one before."""
    items: list[dict[str, Any]] = []
    after = None
    for _ in range(100):
        page = store.event_page(query, view, limit, 0, after)  # type: ignore[arg-type]
        items += page.items
        assert len(page.items) <= limit
        if page.next is None:
            return items
        assert len(page.items) == limit
        after = page.next
    raise AssertionError("the cursor never reached the last page")


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_cluster_pages_by_cursor_and_by_offset_are_the_full_read_in_order(
    opener: Callable[[], Store], query: EventQuery
) -> None:
    with opener() as store:
        assert store.behind()  # LATE is waiting for clustering, so both kinds of cluster are paged
        expected = expected_clusters(store, query)
        if query == EventQuery():  # the store holds clusters of several reports, and single ones
            assert any(c["n_events"] > 1 for c in expected) and any("-" in c["cluster_id"] for c in expected)
        for limit in (1, 2, 5):
            assert walk(store, query, "clusters", limit) == expected
            offsets = range(0, len(expected), limit)
            by_offset = [store.event_page(query, "clusters", limit, o) for o in offsets]
            assert [c for page in by_offset for c in page.items] == expected
            assert {page.total for page in by_offset} == {len(expected)}
        assert store.event_page(query, "clusters", 3, len(expected)).items == []


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_mention_pages_are_the_events_in_order(opener: Callable[[], Store], query: EventQuery) -> None:
    with opener() as store:
        expected = [{k: v for k, v in r.items() if k != "duplicate_of"} for r in store.events(query.filters)]
        assert expected
        for limit in (1, 4):
            assert walk(store, query, "mentions", limit) == expected
        page = store.event_page(query, "mentions", 2, 1)
        assert page.items == expected[1:3] and page.total == len(expected)
        rest = store.event_page(query, "mentions", 100, 1, store.event_page(query, "mentions", 1).next)
        assert rest.items == expected[2:]  # offset counts from the cursor


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
def test_timelines_stats_and_single_reads_agree_with_the_full_read(
    opener: Callable[[], Store], query: EventQuery
) -> None:
    with opener() as store:
        expected = expected_clusters(store, query)
        days = Counter(c["date_first"] for c in expected if c["date_first"])
        assert store.timeline(query, "clusters") == sorted(days.items())
        assert store.count_clusters(query) == len(expected)
        for cluster in expected:
            assert store.cluster(cluster["cluster_id"]) == cluster
        if query == EventQuery(EventFilter(asserted=True)):
            assert store.stats(asserted=True)["clusters"] == len(expected)
        assert store.asserted_clusters(query, [c["cluster_id"] for c in expected]) == {
            c["cluster_id"] for c in expected_clusters(store, EventQuery(EventFilter(asserted=True))
                                                       if query == EventQuery() else query)
            if c["cluster_id"] in {x["cluster_id"] for x in expected}
        } or query != EventQuery()  # fmt: skip


def test_both_backends_give_the_same_pages(tmp_path: Path, pg_schema: str) -> None:
    with _fill(open_store(tmp_path / "same.db")) as lite, _fill(open_store(pg_schema)) as pg:
        for query in QUERIES:
            for view in ("clusters", "mentions"):
                assert walk(lite, query, view, 2) == walk(pg, query, view, 2)
                assert lite.timeline(query, view) == pg.timeline(query, view)  # type: ignore[arg-type]


@pytest.mark.parametrize("view", ["clusters", "mentions"])
def test_a_cursor_that_is_not_one_is_a_bad_filter(opener: Callable[[], Store], view: str) -> None:
    with opener() as store:
        other = store.event_page(EventQuery(), "mentions" if view == "clusters" else "clusters", 1).next
        for bad in ("", "not base64!", "WzFd", other):
            with pytest.raises(StoreError, match=r"\[E302\].*cursor"):
                store.event_page(EventQuery(), view, 1, 0, bad)  # type: ignore[arg-type]


def _sqlite_plan(db: Path, sql: str, params: list[object]) -> str:
    import sqlite3

    with sqlite3.connect(db) as con:
        return " | ".join(row[-1] for row in con.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_sqlite_walks_the_page_indexes(tmp_path: Path) -> None:
    """The first page reads the page index in order and a page from a cursor seeks into it: no
    table is scanned without an index and no result is sorted whole (SQLite may still order one
    article's few events, its "RIGHT PART OF ORDER BY"), so a page costs its own rows."""
    db = tmp_path / "plan.db"
    _fill(open_store(db)).close()
    asserted = EventQuery(EventFilter(asserted=True))
    plans = [
        (_sqlite_plan(db, *page_sql.cluster_keys_sql("?", asserted, after, 100, 0)), "c",
         "event_clusters_page")
        for after in (None, ("2016-02-13", "0" * 16))
    ] + [
        (_sqlite_plan(db, *page_sql.mention_page_sql("?", asserted, after, 100, 0)), "a", "articles_page")
        for after in (None, ("2016-02-13", "a02", 0))
    ]
    for plan, alias, index in plans:
        assert re.search(rf"(SCAN|SEARCH) {alias} USING (COVERING )?INDEX {index}\b", plan), plan
        assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
        assert not re.search(r"SCAN \w+( |$)(?!USING)", plan + " "), plan
    assert re.search(r"SEARCH c USING (COVERING )?INDEX event_clusters_page \(<expr>>\?\)", plans[1][0])
    # A filter with an index of its own (a CAMEO root) still checks each cluster from its members.
    rooted = EventQuery(EventFilter(asserted=True, cameo_root="19"))
    plan = _sqlite_plan(db, *page_sql.cluster_keys_sql("?", rooted, None, 100, 0))
    assert "SEARCH m USING INDEX event_cluster_members_cluster (cluster_id=?)" in plan, plan
    assert "events_cameo_root" not in plan, plan
    assert re.search(r"SEARCH a USING (COVERING )?INDEX articles_page \(<expr>>\?\)", plans[3][0])


def test_postgres_can_walk_the_page_indexes(pg_schema: str) -> None:
    """With sequential scans priced out (the test tables are tiny, so the planner would rather
    read them whole), every table of a page query is read through an index, and the unfiltered
    cluster page through its page index, in order: the queries are written so that the indexes
    can serve them. (Which plan wins on a large store is measured in docs/scale.md.)"""
    import psycopg

    _fill(open_store(pg_schema)).close()
    conninfo = "postgresql://" + pg_schema.split("://", 1)[1]
    asserted, everything = EventQuery(EventFilter(asserted=True)), EventQuery()
    with psycopg.connect(conninfo, autocommit=True) as con:
        con.execute("SET enable_seqscan = off")
        con.execute("ANALYZE")

        def plan(sql: str, params: list[object]) -> str:
            return " | ".join(r[0] for r in con.execute(f"EXPLAIN {sql}", params))

        for query in (asserted, everything):
            for sql, params in (
                page_sql.cluster_keys_sql("%s", query, ("2016-02-13", "0" * 16), 100, 0),
                page_sql.mention_page_sql("%s", query, ("2016-02-13", "a02", 0), 100, 0),
                page_sql.cluster_count_sql("%s", query),
            ):
                assert "Seq Scan" not in plan(sql, params), plan(sql, params)
        clusters = plan(*page_sql.cluster_keys_sql("%s", everything, ("2016-02-13", "0" * 16), 100, 0))
        assert "Scan using event_clusters_page" in clusters and "Sort" not in clusters, clusters


def test_a_store_opened_to_write_gets_the_declared_indexes_it_lacks(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "old.db"
    _fill(open_store(db)).close()
    with sqlite3.connect(db) as con:
        con.execute("DROP INDEX event_clusters_page")
        con.execute("DROP INDEX articles_page")

    def indexes() -> set[str]:
        with sqlite3.connect(db) as con:
            return {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}

    with open_store(db, "read") as store:  # reading never changes a store, and still answers
        expected = expected_clusters(store, EventQuery())
        assert store.event_page(EventQuery(), "clusters", 2).items == expected[:2]
    assert not indexes() & {"event_clusters_page", "articles_page"}
    open_store(db, "write").close()
    assert {"event_clusters_page", "articles_page"} <= indexes()

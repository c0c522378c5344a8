"""A date range over whole lists (exports, `Store.events`) is written as the event's own date or,
for an undated event, its article's: the same events as the range over
`COALESCE(e.date, a.published)`, found through the (cameo_root, date) index, on both engines,
in a store created with the index and in an older one that gains it when opened to write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.store.conftest import query_set

from newsevents.model import Extraction
from newsevents.store import EventFilter, Store, open_store
from newsevents.store.query import _where, events_sql

INDEX = "events_root_date"

FILTERS = [
    EventFilter(date_from="2016-02-01", date_to="2016-02-29"),
    EventFilter(cameo_root="19", date_from="2016-02-01", date_to="2016-02-29"),
    EventFilter(country="SYR", cameo_root="19", date_from="2016-02-01", date_to="2016-02-29"),
    EventFilter(date_to="2016-02-11"),
    EventFilter(date_from="2016-03-01"),
    EventFilter(cameo_root="11", date_from="2016-03-01", date_to="2016-03-01"),
    EventFilter(date_from="2015-09-30", date_to="2015-09-30"),
    EventFilter(cameo_root="19", date_from="2016-02-12", date_to="2016-02-13"),
]


def _articles(build: Callable[..., Extraction]) -> list[Extraction]:
    """The filter tests' articles (dated events, undated events of dated articles, undated events of
    an undated article) and an undated event of an article published inside the ranges."""
    dated, *others = query_set(build)
    return [dated, build("late", published="2016-02-13", event_date=None), *others]


def _keys(store: Store, sql: str, params: list[Any]) -> list[tuple[str, int]]:
    return [(row[0], row[1]) for row in store.fetch_all(sql, params)]  # type: ignore[attr-defined]


def _answers(store: Store) -> list[list[tuple[str, int]]]:
    """Each filter's events as the split range selects them, checked against the COALESCE form."""
    found = []
    for f in FILTERS:
        split = events_sql(f, store.placeholder)  # type: ignore[attr-defined]
        coalesced = events_sql(f, store.placeholder, where=_where(f, store.placeholder))  # type: ignore[attr-defined]
        assert "COALESCE(e.date" not in split[0] and "COALESCE(e.date" in coalesced[0]
        keys = _keys(store, *split)
        assert keys == _keys(store, *coalesced), f
        assert keys == [(r["article_id"], r["idx"]) for r in store.events(f)], f
        found.append(keys)
    return found


def _check_answers(answers: list[list[tuple[str, int]]]) -> None:
    """The ranges are not vacuous: undated events fall back to their article's day, the undated
    article matches no range."""
    assert answers[0] == [("late", 0), ("late", 1), ("syr", 0), ("syr", 1)]
    assert answers[2] == [("late", 0), ("syr", 0)]  # root 19 of Syria; event 1 is root 08
    assert answers[3] == [("rus", 0), ("rus", 1), ("syr", 0)]
    assert answers[4] == [("tur", 0), ("tur", 1)]
    assert answers[5] == [("tur", 0)]
    assert answers[7] == [("late", 0)]
    assert all(key[0] != "none" for keys in answers for key in keys)


def _drop_index(store: Store) -> None:
    """Make the store one written before the index was declared."""
    with store.transaction() as cur:  # type: ignore[attr-defined]
        cur.execute(f"DROP INDEX {INDEX}")


def _filled(target: str | Path, build: Callable[..., Extraction]) -> None:
    with open_store(target) as store:
        for extraction in _articles(build):
            store.write(extraction)


def test_sqlite_ranges_select_as_before_and_gain_the_index(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "dates.db"
    _filled(path, make_extraction)
    with open_store(path) as store:
        assert INDEX in store.index_names()  # type: ignore[attr-defined]
        created = _answers(store)
        _drop_index(store)
    with open_store(path, "read") as store:  # an older store read as it is: no index, same events
        assert INDEX not in store.index_names()  # type: ignore[attr-defined]
        assert not store.splits_dates  # type: ignore[attr-defined]  # each branch would walk the root
        assert _answers(store) == created
    with open_store(path) as store:  # opened to write: the index is added
        assert INDEX in store.index_names()  # type: ignore[attr-defined]
        assert store.splits_dates  # type: ignore[attr-defined]
        assert _answers(store) == created
        sql, params = events_sql(FILTERS[2], store.placeholder)  # type: ignore[attr-defined]
        plan = " ".join(row[3] for row in store.fetch_all(f"EXPLAIN QUERY PLAN {sql}", params))  # type: ignore[attr-defined]
        assert f"{INDEX} (cameo_root=? AND date>? AND date<?)" in plan, plan
    _check_answers(created)


def test_postgres_ranges_select_as_before_and_gain_the_index(pg_schema: str, make_extraction) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("psycopg")
    _filled(pg_schema, make_extraction)
    with open_store(pg_schema) as store:
        assert INDEX in store.index_names()  # type: ignore[attr-defined]
        created = _answers(store)
        _drop_index(store)
        assert INDEX not in store.index_names()  # type: ignore[attr-defined]
        assert _answers(store) == created
    with open_store(pg_schema) as store:
        assert INDEX in store.index_names()  # type: ignore[attr-defined]
        assert store.splits_dates  # type: ignore[attr-defined]
        assert _answers(store) == created
    _check_answers(created)

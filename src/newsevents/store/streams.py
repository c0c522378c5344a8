"""Whole tables read a page at a time: the events and clusters an export writes, however many.

`Store.events()` and `Store.clusters()` build lists, which is what a caller that needs the rows
together wants, and what a million-event export cannot afford (the GDELT table of a million
events held 8.9 GB). These give the same rows in the same order as iterators: the engine sorts
(SQLite spills its sorter to temporary files, PostgreSQL to its work files) and hands rows over
as they are read, through `stream` (`core.SQLStore`, and a server-side cursor on PostgreSQL), so
the memory held is one page's, whatever the store's size.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from itertools import islice
from typing import Any

from newsevents.store import browse, pages
from newsevents.store import rows as row_builders
from newsevents.store.browse import EventQuery
from newsevents.store.query import (
    CLUSTER_COLUMNS,
    EVENT_COLUMNS,
    Conditions,
    EventFilter,
    clusters_sql,
    events_sql,
)
from newsevents.store.search import Search
from newsevents.store.views import BY_ID_CHUNK

Row = dict[str, Any]
CLUSTER_PAGE = 500  # clusters whose members are fetched in one statement (a bound parameter each)
DATE_INDEX = "events_root_date"  # what a date range's two branches each read one range of


class StoreStreams:
    """Streaming reads over the plumbing of `core.SQLStore` (`stream`, `fetch_all`, `placeholder`)."""

    placeholder: str
    text_search: Search

    def stream(self, sql: str, params: Any = ()) -> Iterator[tuple[Any, ...]]:
        """Supplied by `core.SQLStore` and the dialects."""
        raise NotImplementedError

    def fetch_all(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """Supplied by `core.SQLStore`."""
        raise NotImplementedError

    def _clusters_by_id(self, ids: list[str]) -> list[Row]:
        """Supplied by `views.StoreViews`."""
        raise NotImplementedError

    def index_names(self) -> set[str]:
        """Supplied by `core.SQLStore` and the dialects."""
        raise NotImplementedError

    @cached_property
    def splits_dates(self) -> bool:
        """Whether a date range is read as two index ranges (`query._date_branches`): only where
        the (cameo_root, date) index exists, since without it an engine walks the root's events
        in each branch, twice the one walk of a single range (an older store opened read-only;
        the first writable open adds the index). Looked up once per open store."""
        return DATE_INDEX in self.index_names()

    def iter_events(
        self, filters: EventFilter = EventFilter(), query: EventQuery | None = None  # noqa: B008 (frozen)
    ) -> Iterator[Row]:
        """The rows of `events(filters)`, in its order, read as they are written out; with `query`
        (whose `filters` these are), only those a browser's PLOVER type, box and text select."""
        where = self._conditions(query)
        sql, params = events_sql(filters, self.placeholder, where=where, split=self.splits_dates)
        for rec in self.stream(sql, params):
            yield row_builders.decode(dict(zip(EVENT_COLUMNS, rec, strict=True)))

    def iter_clusters(
        self, filters: EventFilter = EventFilter(), query: EventQuery | None = None  # noqa: B008 (frozen)
    ) -> Iterator[Row]:
        """The rows of `clusters(filters)`, members included, in its order: the clusters stream,
        and each page of them fetches its members by id (the members' cluster index). With
        `query`, the clusters with a member its PLOVER type, box and text select."""
        where = self._conditions(query)
        sql, params = clusters_sql(filters, self.placeholder, where=where, split=self.splits_dates)
        found = (dict(zip(CLUSTER_COLUMNS, rec, strict=True)) for rec in self.stream(sql, params))
        while page := list(islice(found, CLUSTER_PAGE)):
            yield from self._with_members(page)

    def _conditions(self, query: EventQuery | None) -> Conditions | None:
        """A browser query's conditions, its text looked up the store's way (`text_search`)."""
        if query is None:
            return None
        return browse.event_clauses(query, self.placeholder, self.text_search)

    def _with_members(self, clusters: list[Row]) -> list[Row]:
        """The clusters with their members, fetched in one statement by the clusters' ids."""
        ids = [c["cluster_id"] for c in clusters]
        members = self.fetch_all(pages.members_by_id_sql(self.placeholder, len(ids)), ids)
        return row_builders.attach_members(clusters, members)

    # -- what a page of exported rows reads beside them: its clusters' events, their articles' rows --

    def cluster_events(self, filters: EventFilter, cluster_ids: list[str]) -> list[Row]:
        """The rows of `events(filters)` that belong to these clusters, in its order."""
        ids = sorted(set(cluster_ids))
        found: list[Row] = []
        for chunk in _chunks(ids):
            sql, params = events_sql(filters, self.placeholder, len(chunk))
            found += [row_builders.decode(dict(zip(EVENT_COLUMNS, rec, strict=True)))
                      for rec in self.fetch_all(sql, [*params, *chunk])]  # fmt: skip
        if len(ids) > BY_ID_CHUNK:  # each chunk is in `events()` order; together they must be too
            found.sort(key=_event_order)
        return found

    def rows_of(self, table: str, article_ids: list[str]) -> list[Row]:
        """The rows of `rows(table)` that belong to these articles, in its (key) order."""
        columns = row_builders.COLUMNS[table]
        key = "id" if table == "articles" else "article_id"
        order = "id" if table == "articles" else "article_id, idx"
        found: list[Row] = []
        for chunk in _chunks(sorted(set(article_ids))):
            marks = ", ".join([self.placeholder] * len(chunk))
            sql = f"SELECT {', '.join(columns)} FROM {table} WHERE {key} IN ({marks}) ORDER BY {order}"
            found += [row_builders.decode(dict(zip(columns, rec, strict=True)))
                      for rec in self.fetch_all(sql, chunk)]  # fmt: skip
        return found

    def clusters_by_id(self, ids: list[str]) -> list[Row]:
        """The clusters named (those that exist), each with its members, in no promised order."""
        return self._clusters_by_id(sorted(set(ids)))


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), BY_ID_CHUNK):
        yield ids[start : start + BY_ID_CHUNK]


def _event_order(e: Row) -> tuple[bool, str, str, int]:
    """`events_sql`'s ORDER BY: undated articles last, then by day, article and event."""
    return (e["published"] is None, e["published"] or "", e["article_id"], e["idx"])

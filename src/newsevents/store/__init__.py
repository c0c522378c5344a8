"""Where extractions are kept: one small interface, one SQL core, and dialects by URL scheme.

`open_store(url)` picks the backend from the URL's scheme in a registry (`register_backend`),
which the built-in SQLite and PostgreSQL stores go through too; callers use only the `Store`
methods, so SQL never leaves this package. Every table and column is declared once in
`tables.py`; docs/store.md explains them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol, runtime_checkable

from newsevents.model import Extraction
from newsevents.store.browse import Bin, EventQuery, ItemQuery
from newsevents.store.core import SQLStore
from newsevents.store.query import EventFilter
from newsevents.store.registry import open_store, register_backend, store_exists, unregister_backend
from newsevents.store.sqlite import SQLiteStore
from newsevents.store.tables import COLUMNS
from newsevents.store.views import Page, View

__all__ = [
    "TABLES", "EventFilter", "EventQuery", "ItemQuery", "Page", "SQLStore", "SQLiteStore", "Store", "View",
    "open_store", "register_backend", "store_exists", "unregister_backend",
]  # fmt: skip

TABLES: tuple[str, ...] = tuple(COLUMNS)

Row = dict[str, Any]


@runtime_checkable
class Store(Protocol):
    """What every store offers; `core.SQLStore` is the behaviour callers may rely on."""

    def has(self, article_id: str) -> bool:
        """True when the article is fully stored."""
        ...

    def write(self, extraction: Extraction) -> bool:
        """Store the article and its items atomically; False if it was already stored."""
        ...

    def events(self, filters: EventFilter = ...) -> list[Row]:
        """Flat event rows with the article's title, url, source and published joined in."""
        ...

    def rows(self, table: str) -> Iterator[Row]:
        """Every row of one table (one of TABLES), for export."""
        ...

    def clusters(self, filters: EventFilter = ...) -> list[Row]:
        """One row per event cluster with a member event matching `filters` (the events()
        filters; `limit` counts clusters), each with a `members` list of its evidence."""
        ...

    def iter_events(self, filters: EventFilter = ..., query: EventQuery | None = None) -> Iterator[Row]:
        """The rows of `events(filters)` in its order, read page by page (exports of any size);
        with `query` (whose filters these are), narrowed by its PLOVER type, box and text."""
        ...

    def iter_clusters(self, filters: EventFilter = ..., query: EventQuery | None = None) -> Iterator[Row]:
        """The rows of `clusters(filters)` in its order, members included, read page by page;
        with `query`, the clusters with a member its PLOVER type, box and text select."""
        ...

    def cluster_events(self, filters: EventFilter, cluster_ids: list[str]) -> list[Row]:
        """The rows of `events(filters)` that belong to these clusters (an export page's reports)."""
        ...

    def rows_of(self, table: str, article_ids: list[str]) -> list[Row]:
        """The rows of `rows(table)` that belong to these articles, in key order."""
        ...

    def clusters_by_id(self, ids: list[str]) -> list[Row]:
        """The clusters named, with their members."""
        ...

    def recluster(self) -> dict[str, int]:
        """Recompute near-duplicate article groups and event clusters over the whole store."""
        ...

    def behind(self) -> bool:
        """True when articles were written without being clustered (a store migrated from an
        older schema, or written by an older newsevents): the next extract reclusters, show says so."""
        ...

    def cluster_count(self) -> int:
        """How many event clusters the store holds."""
        ...

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        ...

    def event_page(
        self, query: EventQuery, view: View, limit: int, offset: int = 0, after: str | None = None,
        total: int | None = None,
    ) -> Page:
        """A page of clusters or mentions matching `query`, from the cursor `after` (the `next`
        of the page before) and `offset` rows on, with the total (counted unless `total` gives
        it) and the next page's cursor."""
        ...

    def asserted_clusters(self, query: EventQuery, ids: list[str]) -> set[str]:
        """Which of these clusters have a member matching `query` that is asserted."""
        ...

    def timeline(self, query: EventQuery, view: View) -> list[tuple[str, int]]:
        """(day, count) of matching clusters or mentions, oldest first."""
        ...

    def binned_timeline(
        self, query: EventQuery, view: View, unit: Bin = "day"
    ) -> tuple[str, list[tuple[str, int]]]:
        """(bin used, (first day of bin, count)) by day, week, month, or "auto" by the span."""
        ...

    def event(self, article_id: str, idx: int) -> Row | None:
        """One event row, or None."""
        ...

    def cluster(self, cluster_id: str) -> Row | None:
        """One cluster with its members, or None."""
        ...

    def cluster_of(self, row: Row) -> Row:
        """The cluster an event row belongs to."""
        ...

    def article_page(self, q: str | None, limit: int, offset: int) -> tuple[int, list[Row]]:
        """(total, page) of article summaries, newest first."""
        ...

    def article(self, article_id: str) -> Row | None:
        """An article with every item extracted from it, or None."""
        ...

    def item_page(self, table: str, query: ItemQuery, limit: int, offset: int) -> tuple[int, list[Row]]:
        """(total, page) of quotes or quantities."""
        ...

    def stats(self, asserted: bool = False) -> Row:
        """What the store holds: counts, clusters, date span, tallies (of asserted events only)."""
        ...

    def close(self) -> None: ...

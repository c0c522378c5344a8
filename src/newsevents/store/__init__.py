"""Where extractions are kept: one small interface, an SQLite store and a PostgreSQL store.

`open_store(url)` picks the store from the URL; callers use only the `Store` methods, so
SQL never leaves this package. The tables are documented in `schema.sql` and docs/store.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from newsevents.errors import StoreError
from newsevents.model import Extraction
from newsevents.store.query import EventFilter
from newsevents.store.rows import COLUMNS
from newsevents.store.sqlite import SQLiteStore

__all__ = ["TABLES", "EventFilter", "SQLiteStore", "Store", "open_store"]

TABLES: tuple[str, ...] = tuple(COLUMNS)


@runtime_checkable
class Store(Protocol):
    """What every store offers; see SQLiteStore for the behaviour callers may rely on."""

    def has(self, article_id: str) -> bool:
        """True when the article is fully stored."""
        ...

    def write(self, extraction: Extraction) -> bool:
        """Store the article and its items atomically; False if it was already stored."""
        ...

    def events(self, filters: EventFilter = ...) -> list[dict[str, Any]]:
        """Flat event rows with the article's title, url, source and published joined in."""
        ...

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one table (one of TABLES), for export."""
        ...

    def clusters(self, filters: EventFilter = ...) -> list[dict[str, Any]]:
        """One row per event cluster with a member event matching `filters` (the events()
        filters; `limit` counts clusters), each with a `members` list of its evidence."""
        ...

    def recluster(self) -> dict[str, int]:
        """Recompute near-duplicate article groups and event clusters over the whole store."""
        ...

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        ...

    def close(self) -> None: ...


_POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def open_store(url: str | Path) -> Store:
    """Open (creating if needed) the store named by `url`.

    A plain path or `sqlite:///path` opens an SQLite file, created with its schema on
    first use (`sqlite:///data/x.db` is relative, `sqlite:////abs/x.db` absolute, as in
    SQLAlchemy). `postgresql://user:pass@host:port/db` (also `postgres://`,
    `postgresql+psycopg://`, and libpq query options such as `?sslmode=require`) opens the
    PostgreSQL store, creating its tables in an empty database.
    """
    if isinstance(url, Path):
        return SQLiteStore(url)
    text = str(url).strip()
    if not text:
        raise StoreError("E301", detail="'': no path or URL given")
    if text.startswith("sqlite:///"):
        path = text[len("sqlite:///") :]
        if not path:
            raise StoreError("E301", detail=f"{text}: no file path after sqlite:///")
        return SQLiteStore(path)
    if text.startswith(_POSTGRES_SCHEMES):
        # Imported on use, so SQLite users never load the PostgreSQL driver.
        from newsevents.store.postgres import PostgresStore

        return PostgresStore(text)
    if "://" in text:
        scheme = text.split("://", 1)[0]
        raise StoreError(
            "E301", detail=f"{scheme}://...: unknown kind of store (use a file path or sqlite:///)"
        )
    return SQLiteStore(text)


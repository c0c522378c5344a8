"""The shared store: the same tables as the SQLite store, in a PostgreSQL database.

For teams and for many writers at once. Behaviour callers may rely on is the SQLite store's:
one transaction per article (the article row and all its children commit together or not at
all), idempotent by article id, and rows read back as the same plain values. Concurrent
writers from any number of processes or machines lose nothing and create no duplicates: the
article row goes in with `INSERT ... ON CONFLICT (id) DO NOTHING`, and its children only when
that insert created the row, inside the same transaction. A second writer of the same article
waits on the first one's unique-key lock and then inserts nothing.

The schema is the portable `schema.sql`, run as is; schema creation and migration hold a
transaction-level advisory lock, so several workers opening a fresh database at once create it
once. Passwords never appear in error messages or in `repr`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import psycopg

from newsevents.errors import StoreError
from newsevents.model import Extraction
from newsevents.store import rows as row_builders
from newsevents.store import sqlite as sqlite_store
from newsevents.store.query import (
    CLUSTER_COLUMNS,
    CLUSTER_INPUT_COLUMNS,
    EVENT_COLUMNS,
    EventFilter,
    cluster_input_sql,
    clusters_sql,
    events_sql,
    members_sql,
)

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10
PAGE_ROWS = 2_000  # rows() reads a table in pages of this many rows, keyed on its primary key
# Any constant will do: it names the lock every newsevents process takes to create or migrate
# the schema, so two of them never run CREATE TABLE at the same moment.
_SCHEMA_LOCK = 0x6E657773  # "news"


class PostgresStore:
    """A `Store` in a PostgreSQL database, created with its schema on first open."""

    def __init__(self, url: str) -> None:
        self.url = redact(url)
        self._conn = _connect(url)
        try:
            self._init_schema()
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError("E301", detail=f"{self.url}: {_clean(exc, url)}") from exc
        except BaseException:
            self._conn.close()
            raise

    def _init_schema(self) -> None:
        """Create the schema in an empty database, migrate an older one, refuse a newer or foreign one."""
        conn = self._conn
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            tables = {
                name
                for (name,) in conn.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                )
            }
            ours = set(row_builders.COLUMNS) | {"schema_version"}
            if not tables & ours:
                for stmt in sqlite_store.schema_statements():
                    conn.execute(stmt)
                conn.execute(
                    "INSERT INTO schema_version (version) VALUES (%s)", (sqlite_store.SCHEMA_VERSION,)
                )
                log.debug("created schema version %d in %s", sqlite_store.SCHEMA_VERSION, self.url)
                return
            if "schema_version" not in tables:
                raise StoreError(
                    "E301",
                    detail=f"{self.url}: has tables named like newsevents ones, but is not a "
                    "newsevents store (no schema_version)",
                )
            version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
            known = sqlite_store.SCHEMA_VERSION
            if version > known:
                raise StoreError(
                    "E301",
                    detail=f"{self.url}: written by a newer newsevents (schema version {version}, "
                    f"this one knows {known}); upgrade newsevents",
                )
            # The same portable steps as the SQLite store, in the same transaction as the check.
            for step in range(version + 1, known + 1):
                for stmt in sqlite_store.MIGRATIONS.get(step, ()):
                    conn.execute(stmt)
                conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (step,))
            if version < known:
                log.info("migrated %s from schema version %d to %d", self.url, version, known)

    # -- writing ---------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        cur = self._conn.execute("SELECT 1 FROM articles WHERE id = %s", (article_id,))
        return cur.fetchone() is not None

    def write(self, extraction: Extraction) -> bool:
        """Store one article with everything extracted from it, in one transaction.

        Returns True once committed, False when the article was already stored (by this or any
        other writer; then nothing changes). Any failure, KeyboardInterrupt included, rolls the
        whole article back.
        """
        conn = self._conn
        stored_at = datetime.now(UTC).isoformat(timespec="seconds")
        with conn.transaction(), conn.cursor() as cur:
            article = row_builders.article_row(extraction.article, stored_at)
            cur.execute(_insert_sql("articles", on_conflict="(id) DO NOTHING"), article)
            if cur.rowcount == 0:
                return False
            for table, builder_name in row_builders.CHILD_TABLES:
                builder = getattr(row_builders, builder_name)
                batch = list(builder(extraction))
                if batch:
                    cur.executemany(_insert_sql(table), batch)
        return True

    # -- reading ---------------------------------------------------------------------------

    def events(self, filters: EventFilter = EventFilter()) -> list[dict[str, Any]]:  # noqa: B008 (frozen)
        sql, params = events_sql(filters, placeholder="%s")
        cur = self._conn.execute(sql, params)
        return [row_builders.decode(dict(zip(EVENT_COLUMNS, rec, strict=True))) for rec in cur]

    def clusters(self, filters: EventFilter = EventFilter()) -> list[dict[str, Any]]:  # noqa: B008 (frozen)
        """One row per event cluster with a member matching `filters`, each with its `members`."""
        sql, params = clusters_sql(filters, placeholder="%s")
        cur = self._conn.execute(sql, params)
        found = [dict(zip(CLUSTER_COLUMNS, rec, strict=True)) for rec in cur]
        sql, params = members_sql(filters, placeholder="%s")
        return sqlite_store.attach_members(found, self._conn.execute(sql, params).fetchall())

    def recluster(self) -> dict[str, int]:
        """Recompute near-duplicate groups and event clusters over the whole store, in one
        transaction (the derived tables are locked against a concurrent recluster)."""
        conn = self._conn
        with conn.transaction(), conn.cursor() as cur:
            tables = ", ".join(row_builders.DERIVED_COLUMNS)
            cur.execute(f"LOCK TABLE {tables} IN EXCLUSIVE MODE")
            cur.execute(cluster_input_sql())
            events = [dict(zip(CLUSTER_INPUT_COLUMNS, rec, strict=True)) for rec in cur.fetchall()]
            derived = row_builders.derived_rows(self.rows("articles"), events)
            for table in reversed(row_builders.DERIVED_COLUMNS):
                cur.execute(f"DELETE FROM {table}")
            for table, rows in derived.items():
                if rows:
                    cur.executemany(sqlite_store.derived_insert_sql(table, "%({})s"), rows)
        return sqlite_store.recluster_counts(derived)

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of `table` in key order, decoded (JSON as lists), read page by page.

        Paging on the primary key keeps memory flat for any table size and leaves the
        connection free between pages, so a caller may write while it reads.
        """
        columns = sqlite_store._columns(table)
        keys = ("id",) if table == "articles" else ("article_id", "idx")
        select = f"SELECT {', '.join(columns)} FROM {table}"
        order = f" ORDER BY {', '.join(keys)} LIMIT {PAGE_ROWS}"
        after = f" WHERE ({', '.join(keys)}) > ({', '.join(['%s'] * len(keys))})"
        last: tuple[Any, ...] | None = None
        while True:
            cur = self._conn.execute(select + (after if last else "") + order, last)
            page = cur.fetchall()
            for rec in page:
                yield row_builders.decode(dict(zip(columns, rec, strict=True)))
            if len(page) < PAGE_ROWS:
                return
            last = tuple(page[-1][columns.index(k)] for k in keys)

    def counts(self) -> dict[str, int]:
        sql = " UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM {t}" for t in row_builders.COLUMNS)
        found = dict(self._conn.execute(sql).fetchall())
        return {table: found[table] for table in row_builders.COLUMNS}

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PostgresStore({self.url!r})"


def _connect(url: str) -> psycopg.Connection[Any]:
    """Open the connection in autocommit mode: the store opens each transaction itself."""
    conninfo = "postgresql://" + url.split("://", 1)[1] if "://" in url else url
    try:
        return psycopg.connect(conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.Error as exc:
        raise StoreError("E301", detail=f"{redact(url)}: {_clean(exc, url)}") from None


def redact(url: str) -> str:
    """The URL with any password (in the authority or as `password=`) replaced by ***."""
    scheme, sep, rest = url.partition("://")
    if sep:
        authority, slash, path = rest.partition("/")
        creds, at, host = authority.rpartition("@")
        if at and ":" in creds:
            rest = f"{creds.split(':', 1)[0]}:***@{host}{slash}{path}"
    return re.sub(r"(password=)[^&\s]*", r"\1***", f"{scheme}{sep}{rest}", flags=re.IGNORECASE)


def _clean(exc: BaseException, url: str) -> str:
    """The driver's message on one line, with the password removed in case the driver echoed it."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    password = _password(url)
    return text.replace(password, "***") if password else text


def _password(url: str) -> str | None:
    authority = url.partition("://")[2].partition("/")[0]
    creds, at, _ = authority.rpartition("@")
    if at and ":" in creds:
        return creds.split(":", 1)[1] or None
    match = re.search(r"password=([^&\s]+)", url, flags=re.IGNORECASE)
    return match.group(1) if match else None


def _insert_sql(table: str, on_conflict: str | None = None) -> str:
    columns = sqlite_store._columns(table)
    values = ", ".join(f"%({c})s" for c in columns)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})"
    if on_conflict:
        sql += f" ON CONFLICT {on_conflict}"
    return sql

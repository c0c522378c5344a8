"""The embedded store: one SQLite file any SQLite tool can open (schema in `schema.sql`).

Writes are one transaction per article: the article row and all its children commit
together or not at all, so a crash or Ctrl-C mid-batch never leaves half an article, and
every article `write` reported as stored is on disk. Re-writing an article changes nothing.
WAL mode lets readers (the API, `show`) work while a batch writes.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any

from newsevents.errors import StoreError
from newsevents.model import Extraction
from newsevents.store import rows as row_builders
from newsevents.store.query import (
    CLUSTER_COLUMNS,
    CLUSTER_INPUT_COLUMNS,
    EVENT_COLUMNS,
    MEMBER_COLUMNS,
    EventFilter,
    cluster_input_sql,
    clusters_sql,
    events_sql,
    members_sql,
)

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
BUSY_TIMEOUT_MS = 30_000  # how long a writer waits for another process's transaction

# Statements that take a file from version N-1 to N, keyed by N. A new file gets the whole
# current schema.sql at once; these are only for files written by an older newsevents.
# Keep them portable: the PostgreSQL store will run the same steps.
MIGRATIONS: Mapping[int, tuple[str, ...]] = MappingProxyType({
    # 2: near-duplicate groups and event clusters, filled by recluster().
    2: (
        "CREATE TABLE IF NOT EXISTS article_groups (article_id TEXT NOT NULL PRIMARY KEY"
        " REFERENCES articles (id) ON DELETE CASCADE, group_id TEXT NOT NULL,"
        " similarity DOUBLE PRECISION NOT NULL)",
        "CREATE INDEX IF NOT EXISTS article_groups_group ON article_groups (group_id)",
        "CREATE TABLE IF NOT EXISTS event_clusters (cluster_id TEXT NOT NULL PRIMARY KEY,"
        " cameo_root TEXT NOT NULL, plover TEXT, quad_class INTEGER, source_code TEXT,"
        " target_code TEXT, country TEXT, location_name TEXT, lat DOUBLE PRECISION,"
        " lon DOUBLE PRECISION, date_first TEXT, date_last TEXT, n_events INTEGER NOT NULL,"
        " n_articles INTEGER NOT NULL, n_sources INTEGER NOT NULL, n_independent INTEGER NOT NULL,"
        " first_article_id TEXT NOT NULL, first_published TEXT)",
        "CREATE INDEX IF NOT EXISTS event_clusters_date ON event_clusters (date_first)",
        "CREATE TABLE IF NOT EXISTS event_cluster_members (article_id TEXT NOT NULL,"
        " idx INTEGER NOT NULL, cluster_id TEXT NOT NULL, PRIMARY KEY (article_id, idx),"
        " FOREIGN KEY (article_id, idx) REFERENCES events (article_id, idx) ON DELETE CASCADE)",
        "CREATE INDEX IF NOT EXISTS event_cluster_members_cluster ON event_cluster_members (cluster_id)",
    ),
})  # fmt: skip


def schema_statements() -> list[str]:
    """The statements of the shipped `schema.sql`, comments dropped, for any engine to run."""
    text = resources.files("newsevents.store").joinpath("schema.sql").read_text(encoding="utf-8")
    lines = [line.split("--", 1)[0].rstrip() for line in text.splitlines()]
    return [stmt.strip() for stmt in "\n".join(lines).split(";") if stmt.strip()]


class SQLiteStore:
    """A `Store` in one SQLite file, created with its schema on first open."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._conn = _connect(self.path)
        try:
            self._init_schema()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError("E301", detail=f"{self.path}: {exc}") from exc
        except StoreError:
            self._conn.close()
            raise

    def _init_schema(self) -> None:
        """Create the schema in a new file, migrate an older one, refuse a newer or foreign one."""
        conn = self._conn
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            with _transaction(conn):
                for stmt in schema_statements():
                    conn.execute(stmt)
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            log.debug("created schema version %d in %s", SCHEMA_VERSION, self.path)
            return
        if "schema_version" not in tables:
            raise StoreError(
                "E301",
                detail=f"{self.path}: an SQLite database, but not a newsevents store (no schema_version)",
            )
        version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                "E301",
                detail=f"{self.path}: written by a newer newsevents (schema version {version}, "
                f"this one knows {SCHEMA_VERSION}); upgrade newsevents",
            )
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        """Bring an older file up to SCHEMA_VERSION in one transaction, step by step."""
        conn = self._conn
        with _transaction(conn):
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for stmt in MIGRATIONS.get(step, ()):
                    conn.execute(stmt)
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (step,))
        log.info("migrated %s from schema version %d to %d", self.path, version, SCHEMA_VERSION)

    # -- writing ---------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def write(self, extraction: Extraction) -> bool:
        """Store one article with everything extracted from it, in one transaction.

        Returns True once committed, False when the article was already stored (then nothing
        changes). Rows are built inside the transaction, so any failure while building or
        inserting them rolls the whole article back.
        """
        conn = self._conn
        stored_at = datetime.now(UTC).isoformat(timespec="seconds")
        with _transaction(conn):
            article = row_builders.article_row(extraction.article, stored_at)
            cur = conn.execute(_insert_sql("articles", on_conflict="(id) DO NOTHING"), article)
            if cur.rowcount == 0:
                return False
            for table, builder_name in row_builders.CHILD_TABLES:
                builder = getattr(row_builders, builder_name)
                conn.executemany(_insert_sql(table), builder(extraction))
        return True

    # -- reading ---------------------------------------------------------------------------

    def events(self, filters: EventFilter = EventFilter()) -> list[dict[str, Any]]:  # noqa: B008 (frozen)
        sql, params = events_sql(filters)
        cur = self._conn.execute(sql, params)
        return [row_builders.decode(dict(zip(EVENT_COLUMNS, rec, strict=True))) for rec in cur]

    def clusters(self, filters: EventFilter = EventFilter()) -> list[dict[str, Any]]:  # noqa: B008 (frozen)
        """One row per event cluster with a member matching `filters`, each with its `members`."""
        sql, params = clusters_sql(filters)
        found = [dict(zip(CLUSTER_COLUMNS, rec, strict=True)) for rec in self._conn.execute(sql, params)]
        sql, params = members_sql(filters)
        return attach_members(found, self._conn.execute(sql, params))

    def recluster(self) -> dict[str, int]:
        """Recompute near-duplicate groups and event clusters over the whole store.

        Reads and rewrites in one transaction, so readers see the old or the new derived
        tables, never a mix, and no article is written in between. Returns counts.
        """
        conn = self._conn
        with _transaction(conn):
            cur = conn.execute(cluster_input_sql())
            events = [dict(zip(CLUSTER_INPUT_COLUMNS, rec, strict=True)) for rec in cur]
            derived = row_builders.derived_rows(self.rows("articles"), events)
            for table in reversed(row_builders.DERIVED_COLUMNS):
                conn.execute(f"DELETE FROM {table}")
            for table, rows in derived.items():
                conn.executemany(derived_insert_sql(table), rows)
        return recluster_counts(derived)

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of `table` in key order, decoded (booleans as bool, JSON as lists)."""
        columns = _columns(table)
        key = "id" if table == "articles" else "article_id, idx"
        cur = self._conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {key}")
        for rec in cur:
            yield row_builders.decode(dict(zip(columns, rec, strict=True)))

    def counts(self) -> dict[str, int]:
        return {
            table: self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in row_builders.COLUMNS
        }

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"


def _connect(path: str) -> sqlite3.Connection:
    """Open the file with explicit transactions, WAL, foreign keys and a busy timeout."""
    if path != ":memory:":
        target = Path(path)
        if target.is_dir():
            raise StoreError("E301", detail=f"{path}: is a directory, not a database file")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError("E301", detail=f"{path}: {exc}") from exc
    try:
        # isolation_level=None: the store issues BEGIN/COMMIT itself, one transaction per article.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: each commit is on disk before `write` returns, even across a power cut.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        raise StoreError("E301", detail=f"{path}: {exc}") from exc
    return conn


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception including KeyboardInterrupt.

    IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout
    instead of failing when a read lock would need upgrading.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        elif self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


def attach_members(clusters: list[dict[str, Any]], members: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """Each cluster row with its `members` list, from rows in `MEMBER_COLUMNS` order."""
    by_id: dict[str, list[dict[str, Any]]] = {c["cluster_id"]: [] for c in clusters}
    for rec in members:
        member = dict(zip(MEMBER_COLUMNS, rec, strict=True))
        by_id.setdefault(member.pop("cluster_id"), []).append(member)
    for cluster in clusters:
        cluster["members"] = by_id[cluster["cluster_id"]]
    return clusters


def recluster_counts(derived: Mapping[str, list[Any]]) -> dict[str, int]:
    """What `recluster()` reports: groups, grouped articles, clusters and clustered events."""
    return {
        "groups": len({r["group_id"] for r in derived["article_groups"]}),
        "grouped_articles": len(derived["article_groups"]),
        "clusters": len(derived["event_clusters"]),
        "events": len(derived["event_cluster_members"]),
        "multi_report_clusters": sum(1 for r in derived["event_clusters"] if r["n_articles"] > 1),
    }


def _columns(table: str) -> tuple[str, ...]:
    try:
        return row_builders.COLUMNS[table]
    except KeyError:
        known = ", ".join(row_builders.COLUMNS)
        raise StoreError("E302", detail=f"no table {table!r}; the tables are {known}") from None


def derived_insert_sql(table: str, placeholder: str = ":{}") -> str:
    """INSERT for a derived table with named parameters (":name" here, "%(name)s" for psycopg)."""
    columns = row_builders.DERIVED_COLUMNS[table]
    values = ", ".join(placeholder.format(c) for c in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})"


def _insert_sql(table: str, on_conflict: str | None = None) -> str:
    columns = _columns(table)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})"
    if on_conflict:
        sql += f" ON CONFLICT {on_conflict}"
    return sql

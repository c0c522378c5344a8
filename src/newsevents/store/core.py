"""The SQL store, written once: schema, writes, reads and reclustering over any DB-API dialect.

A dialect (`sqlite.py`, `postgres.py`, or a user's) supplies only what differs between
engines: how to connect, the parameter placeholder, how a transaction and the schema lock are
taken, which tables exist, and how to describe a driver error. Everything a caller relies on
is here, so it holds for every dialect alike:

- one transaction per article: the article row and all its children commit together or not at
  all, and any failure, KeyboardInterrupt included, rolls the whole article back;
- idempotent by article id: the article row goes in with `INSERT ... ON CONFLICT (id) DO
  NOTHING`, and its children only when that insert created the row;
- rows read back as the same plain values (booleans as bool, JSON columns as lists);
- every text is stored with U+0000 replaced by U+FFFD, one character for one, on every dialect:
  PostgreSQL's TEXT cannot hold NUL, and one rule for all keeps offsets right and results equal;
  an integer outside 64 bits is refused (E304) before it reaches the driver;
- each article joins its near-duplicate group and its events' clusters in its own transaction
  (`incremental.py`), so a run stopped anywhere leaves no stored article unclustered;
- `behind()` tells whether articles were written without that clustering: in a store migrated
  from an older schema, or written by an older newsevents, until one `recluster()` commits (the
  flag is set in the article's own transaction and cleared in the recluster's).

How a store is opened (`access`): "create" makes the schema in an empty database and migrates an
older one (extract); "write" needs an existing store (dedup); "read" opens it read-only, checked,
and never creates or migrates anything (show, export, serve); "browse" is "read" without the
integrity check, for the API's per-request opens after `serve` checked the store once.

The browsing reads (pages, timelines, one article, stats) come from `views.StoreViews`.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, suppress
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Literal, Self

from newsevents.errors import StoreError
from newsevents.model import Extraction
from newsevents.store import incremental, migrations, tallies
from newsevents.store import rows as row_builders
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
from newsevents.store.rows import clean_params as _clean_params
from newsevents.store.rows import storable
from newsevents.store.search import Search
from newsevents.store.streams import StoreStreams
from newsevents.store.views import StoreViews

log = logging.getLogger(__name__)
STREAM_BATCH = 1_000  # records `stream` takes from the engine at a time

Row = dict[str, Any]
Access = Literal["create", "write", "read", "browse"]
ACCESS: tuple[Access, ...] = ("create", "write", "read", "browse")
_SET_DIRTY = "UPDATE store_state SET value = '1' WHERE name = 'dirty' AND value <> '1'"
_CLEAR_DIRTY = "UPDATE store_state SET value = '0' WHERE name = 'dirty'"


class SQLStore(StoreViews, StoreStreams):
    """A `Store` over one DB-API connection; subclasses are the dialects.

    `label` names the database in messages (never with a password); `placeholder` is the
    driver's positional parameter marker and `named` its named one, as a format string.
    """

    placeholder = "?"
    named = ":{}"
    thread_bound = True  # the connection works only in its opening thread (SQLite): no pool
    not_a_store = "not a newsevents store (no schema_version)"
    driver_errors: tuple[type[BaseException], ...] = ()

    def __init__(self, target: str, access: Access = "create") -> None:
        if access not in ACCESS:
            raise ValueError(f"access must be one of {ACCESS}, not {access!r}")
        self.access: Access = access
        self._conn: Any = self.connect(target)
        try:
            if access != "browse":
                self.check()
            migrations.prepare(self)
        except self.driver_errors as exc:
            self._conn.close()
            raise StoreError("E301", detail=f"{self.label}: {self.describe(exc)}") from exc
        except BaseException:
            self._conn.close()
            raise

    # -- what a dialect supplies -----------------------------------------------------------

    @property
    def label(self) -> str:
        """How messages name this database."""
        raise NotImplementedError

    def connect(self, target: str) -> Any:
        """Open the DB-API connection for `target` as `self.access` allows (E301 when it cannot)."""
        raise NotImplementedError

    @property
    def read_only(self) -> bool:
        """True when this store was opened only to read: nothing is created, migrated or written."""
        return self.access in ("read", "browse")

    def check(self) -> None:
        """Refuse a damaged database at open (E301), before any command reads or writes it."""

    def widen_integers(self, cur: Any) -> None:
        """Migration step 3 for engines whose INTEGER is 32 bits: make every integer column 64-bit."""

    def widen_keys(self, cur: Any) -> None:
        """Migration step 6 for engines whose INTEGER is 32 bits: the new tables' integers (a band
        key reaches 2^32) become 64-bit."""

    def add_search(self, cur: Any) -> None:
        """Migration step 10, and part of a new schema: the indexes text search (`q`) reads
        (`store/search.py`); an engine without any keeps the plain scan."""

    @property
    def text_search(self) -> Search:
        """How this store finds `q`: through which index, or "scan"."""
        return "scan"

    def transaction(self) -> AbstractContextManager[Any]:
        """A cursor inside one transaction: committed on success, rolled back on any exception."""
        raise NotImplementedError

    def write_transaction(self) -> AbstractContextManager[Any]:
        """The transaction one article is written in: `transaction()` unless the dialect can send
        its statements without waiting for each one's result (see `inserted`)."""
        return self.transaction()

    def inserted(self, cur: Any) -> int:
        """Rows the last statement of `cur` inserted, waiting for its result if it was only sent."""
        return int(cur.rowcount)

    def schema_lock(self) -> AbstractContextManager[None]:
        """Held while the schema is checked, created or migrated."""
        raise NotImplementedError

    def table_names(self) -> set[str]:
        """The tables that exist in the database (or its current schema)."""
        raise NotImplementedError

    def column_names(self, table: str) -> set[str]:
        """The columns `table` has in the database (migrations add only the missing ones)."""
        raise NotImplementedError

    def index_names(self) -> set[str]:
        """The indexes that exist, so a writable open adds only the declared ones missing; a dialect
        that cannot list them leaves it empty, and every declared index is created IF NOT EXISTS."""
        return set()

    def is_fresh(self, tables: set[str]) -> bool:
        """True when the schema should be created here: no newsevents table exists yet."""
        return not tables & migrations.OUR_TABLES

    def lock_derived(self, cur: Any) -> None:
        """Lock the derived tables against a concurrent recluster, inside its transaction."""

    def page_rows(self) -> int | None:
        """`rows()` reads in pages of this many rows (None: one query for the whole table)."""
        return None

    def type_map(self, sql_type: str) -> str:
        """The engine's name for a portable SQL type; the portable name by default."""
        return sql_type

    def data_version(self) -> Hashable | None:
        """A value that moves whenever another connection commits, never to come back, cheap to
        read; None where the engine has none (then no answer may be kept across reads)."""
        return None

    def describe(self, exc: BaseException) -> str:
        """A driver error in one line, safe to show."""
        return " ".join(str(exc).split()) or type(exc).__name__

    # -- plumbing ----------------------------------------------------------------------------

    def fetch_all(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """Every record of one statement; the one way views and migrations read."""
        return list(self._conn.execute(sql, _clean_params(params)).fetchall())

    def stream(self, sql: str, params: Any = ()) -> Iterator[tuple[Any, ...]]:
        """The records of one statement a batch at a time, never all at once (`streams.py`)."""
        cur = self._conn.cursor()
        try:
            cur.execute(sql, _clean_params(params))
            while batch := cur.fetchmany(STREAM_BATCH):
                yield from batch
        finally:
            # An export abandoned midway is closed wherever its generator is collected, which may
            # be another thread than the connection's: the cursor then goes with the connection.
            with suppress(*self.driver_errors):
                cur.close()

    def fetch_one(self, sql: str, params: Any = ()) -> tuple[Any, ...]:
        """The first record of one statement (counts, MIN/MAX)."""
        found: tuple[Any, ...] = self._conn.execute(sql, _clean_params(params)).fetchone()
        return found

    def _records(self, sql: str, params: Any, columns: tuple[str, ...]) -> list[Row]:
        found = self.fetch_all(sql, params)
        return [row_builders.decode(dict(zip(columns, rec, strict=True))) for rec in found]

    def _insert_sql(self, table: str, columns: tuple[str, ...], on_conflict: str | None = None) -> str:
        values = ", ".join(self.named.format(c) for c in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})"
        return sql + (f" ON CONFLICT {on_conflict}" if on_conflict else "")

    def insert_rows(
        self, cur: Any, table: str, columns: tuple[str, ...], rows: Sequence[Sequence[Any]],
        on_conflict: str | None = None,
    ) -> None:
        """Insert `rows` (values in `columns` order) into `table`, in their order, with `cur`; every
        write of several rows goes through here, so a dialect can send them its cheapest way. The
        default is `executemany` of one single-row INSERT: an embedded engine pays nothing per
        statement."""  # fmt: skip
        if rows:
            values = ", ".join([self.placeholder] * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})"
            cur.executemany(sql + (f" ON CONFLICT {on_conflict}" if on_conflict else ""), rows)

    # -- writing ---------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        """True when the article is stored (with all its children: they commit together)."""
        sql = f"SELECT 1 FROM articles WHERE id = {self.placeholder}"
        return bool(self.fetch_all(sql, (article_id,)))

    def behind(self) -> bool:
        """True when an article was written after the last recluster committed (or none ran)."""
        found = self.fetch_all("SELECT value FROM store_state WHERE name = 'dirty'")
        return bool(found) and found[0][0] == "1"

    def write(self, extraction: Extraction) -> bool:
        """Store one article with everything extracted from it, in one transaction.

        Returns True once committed, False when the article was already stored (by this or any
        other writer; then nothing changes). Rows are built inside the transaction, so any
        failure while building or inserting them rolls the whole article back.
        """
        self._writable()
        stored_at = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with self.write_transaction() as cur:
                article = storable("articles", row_builders.article_row(extraction.article, stored_at))
                cur.execute(self._insert_sql("articles", _columns("articles"), "(id) DO NOTHING"), article)
                if self.inserted(cur) == 0:
                    return False
                written = {"articles": 1}
                for table, builder_name in row_builders.CHILD_TABLES:
                    columns = _columns(table)
                    batch = [storable(table, r) for r in getattr(row_builders, builder_name)(extraction)]
                    self.insert_rows(cur, table, columns, [[r[c] for c in columns] for r in batch])
                    written[table] = len(batch)
                self._cluster_new(cur, article, written)
        except self.driver_errors as exc:
            raise self.write_error(exc) from exc
        return True

    def _cluster_new(self, cur: Any, article: Row, written: dict[str, int]) -> None:
        """Count, group and cluster the article with what is stored, in its own transaction; in a
        store still behind (an older run stopped before its recluster, or a migration), only count
        and mark it, since the lookups need every stored article's keys and the recluster to come
        adds them. The counts come after the lock, so writers never wait on each other's rows;
        the article's sketch, which needs only its text, comes before, so the lock is held for
        the lookups and not for the MinHash."""
        sketch = incremental.sketch_of(article)
        self.lock_derived(cur)
        tallies.add_article(self, cur, article["id"], written)
        cur.execute("SELECT value FROM store_state WHERE name = 'dirty'")
        found = cur.fetchone()
        if found is None or found[0] == "1":
            cur.execute(_SET_DIRTY)
            return
        incremental.add_article(self, cur, article, sketch)

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("E303", detail=f"{self.label}: opened read-only")

    def write_error(self, exc: BaseException) -> StoreError:
        """A driver error while writing (a full disk, a read-only file) as one E303 line; the
        transaction was rolled back, so the store holds what it held before."""
        return StoreError("E303", detail=f"{self.label}: {self.describe(exc)}")

    def recluster(self) -> dict[str, int]:
        """Recompute near-duplicate groups and event clusters over the whole store.

        Reads and rewrites in one transaction, so readers see the old or the new derived
        tables, never a mix, and no article is written in between. Returns counts.
        """
        self._writable()
        try:
            with self.transaction() as cur:
                self.lock_derived(cur)
                cur.execute(_CLEAR_DIRTY)  # before reading: a write committed after this sets it again
                cur.execute(cluster_input_sql())
                events = [dict(zip(CLUSTER_INPUT_COLUMNS, rec, strict=True)) for rec in cur.fetchall()]
                derived = row_builders.derived_rows(self.rows("articles"), events)
                for table in reversed(row_builders.DERIVED_COLUMNS):
                    cur.execute(f"DELETE FROM {table}")
                for table, batch in derived.items():
                    columns = row_builders.DERIVED_COLUMNS[table]
                    self.insert_rows(cur, table, columns, [[r[c] for c in columns] for r in batch])
                tallies.rebuild(cur)
        except self.driver_errors as exc:
            raise self.write_error(exc) from exc
        return recluster_counts(derived)

    # -- reading ---------------------------------------------------------------------------

    def events(self, filters: EventFilter = EventFilter()) -> list[Row]:  # noqa: B008 (frozen)
        """Flat event rows matching `filters`, with the article's title, url, source and published."""
        sql, params = events_sql(filters, self.placeholder, split=self.splits_dates)
        return self._records(sql, params, EVENT_COLUMNS)

    def clusters(self, filters: EventFilter = EventFilter()) -> list[Row]:  # noqa: B008 (frozen)
        """One row per event cluster with a member matching `filters`, each with its `members`."""
        sql, params = clusters_sql(filters, self.placeholder, split=self.splits_dates)
        found = [dict(zip(CLUSTER_COLUMNS, rec, strict=True)) for rec in self.fetch_all(sql, params)]
        sql, params = members_sql(filters, self.placeholder, split=self.splits_dates)
        return row_builders.attach_members(found, self.fetch_all(sql, params))

    def rows(self, table: str) -> Iterator[Row]:
        """Every row of `table` in key order, decoded; read page by page where the dialect pages,
        which keeps memory flat and leaves the connection free between pages."""
        columns = _columns(table)
        keys = ("id",) if table == "articles" else ("article_id", "idx")
        select = f"SELECT {', '.join(columns)} FROM {table}"
        page = self.page_rows()
        if page is None:
            for rec in self._conn.execute(f"{select} ORDER BY {', '.join(keys)}"):
                yield row_builders.decode(dict(zip(columns, rec, strict=True)))
            return
        after = f" WHERE ({', '.join(keys)}) > ({', '.join([self.placeholder] * len(keys))})"
        last: tuple[Any, ...] | None = None
        while True:
            sql = select + (after if last else "") + f" ORDER BY {', '.join(keys)} LIMIT {page}"
            found = self.fetch_all(sql, last or ())
            for rec in found:
                yield row_builders.decode(dict(zip(columns, rec, strict=True)))
            if len(found) < page:
                return
            last = tuple(found[-1][columns.index(k)] for k in keys)

    def cluster_count(self) -> int:
        """How many event clusters the store holds."""
        return int(self.fetch_one("SELECT COUNT(*) FROM event_clusters")[0])

    def counts(self) -> dict[str, int]:
        """Rows per table of `write`."""
        sql = " UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM {t}" for t in row_builders.COLUMNS)
        found = dict(self.fetch_all(sql))
        return {table: found[table] for table in row_builders.COLUMNS}

    def close(self) -> None:
        """Close the connection; an open transaction was already committed or rolled back."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.label!r})"


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

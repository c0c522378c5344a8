"""The shared dialect: the same tables as the SQLite store, in a PostgreSQL database.

For teams and for many writers at once; the store itself is `core.SQLStore`. Concurrent
writers from any number of processes or machines lose nothing and create no duplicates: a
second writer of the same article waits on the first one's unique-key lock and then inserts
nothing. Schema creation and migration hold a transaction-level advisory lock, so several
workers opening a fresh database at once create it once. Passwords never appear in error
messages or in `repr`.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from newsevents.errors import StoreError
from newsevents.store import rows as row_builders
from newsevents.store import search
from newsevents.store.core import Access, SQLStore
from newsevents.store.migrations import OUR_TABLES
from newsevents.store.search import TEXT_INDEXES
from newsevents.store.tables import SUMMARY_COLUMNS

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10
_STREAMS = itertools.count(1)  # names the server-side cursors of `stream`
PAGE_ROWS = 2_000  # rows() reads a table in pages of this many rows, keyed on its primary key
# Values in one multi-row INSERT: well under the protocol's 65,535 parameters, and a statement
# of a few hundred kilobytes at most, whatever the rows hold.
MAX_PARAMS = 8_000
# Any constant will do: it names the lock every newsevents process takes to create or migrate
# the schema, so two of them never run CREATE TABLE at the same moment.
_SCHEMA_LOCK = 0x6E657773  # "news"
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


class PostgresStore(SQLStore):
    """A `Store` in a PostgreSQL database, created with its schema on first open."""

    placeholder = "%s"
    named = "%({})s"
    thread_bound = False  # psycopg connections may pass between threads, one user at a time
    not_a_store = "has tables named like newsevents ones, but is not a newsevents store (no schema_version)"
    driver_errors = (psycopg.Error,)

    def __init__(self, url: str, access: Access = "create") -> None:
        self.url = redact(url)
        self._pipe: psycopg.Pipeline | None = None  # the pipeline of the article being written
        self._raw_url = url  # kept only to strip the password from driver messages
        super().__init__(url, access)

    @property
    def label(self) -> str:
        return self.url

    def connect(self, target: str) -> psycopg.Connection[Any]:
        conn = _connect(target)
        if self.read_only:
            # The server itself refuses any write in this session: reading never alters a store.
            conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        return conn

    def data_version(self) -> str:
        """The server's current snapshot as text (oldest running transaction id, next id, the ids
        running): two reads that give the same text see exactly the same committed rows.

        It moves when a writer starts or ends anywhere on the server, never repeats (the next id
        only grows and, for one next id, the running ones only end), and costs one round trip.
        Writes to other databases of the server move it too: a kept answer is then dropped
        needlessly, never kept wrongly. `txid_current_snapshot` (PostgreSQL 9.4+) is what
        `pg_current_snapshot` (13+) renamed."""
        (snapshot,) = self.fetch_one("SELECT txid_current_snapshot()::text")
        return str(snapshot)

    def type_map(self, sql_type: str) -> str:
        """INTEGER is 32 bits here: every integer column is BIGINT, as in SQLite, so a figure
        over 2^31 ("3 billion displaced") is stored as on the embedded store."""
        return "BIGINT" if sql_type == "INTEGER" else sql_type

    def widen_integers(self, cur: Any) -> None:
        """Migration step 3: every 32-bit integer column of our tables becomes BIGINT."""
        cur.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND data_type = 'integer' AND table_name = ANY(%s) ORDER BY 1, 2",
            (sorted(OUR_TABLES),),
        )
        for table, column in cur.fetchall():
            cur.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE BIGINT')

    def widen_keys(self, cur: Any) -> None:
        """Migration step 6: the integer columns of the lookup tables it adds become BIGINT."""
        widened = {"article_sketches": ("shingles",), "article_band_keys": ("band", "band_key"),
                   "event_keys": ("idx", "day")}  # fmt: skip
        for table, columns in widened.items():
            for column in columns:
                cur.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE BIGINT')

    def add_search(self, cur: Any) -> None:
        """GIN trigram indexes on what text search reads (`search.trigram_ddl`), with pg_trgm
        created where it is missing. A role that may not create the extension keeps the scan:
        one logged line, and the store is made all the same (an administrator can add the
        extension and the indexes later; `q` answers the same either way)."""
        opclass = self._trigram_opclass()
        if opclass is None:
            return
        for index in TEXT_INDEXES.values():
            for stmt in search.trigram_ddl(index, opclass):
                cur.execute(stmt)

    def _trigram_opclass(self) -> str | None:
        """pg_trgm's GIN operator class, schema-qualified (the extension may live in another
        schema than the store's), creating the extension first if the database has none."""
        try:
            with self._conn.transaction():  # a savepoint: a refusal leaves the migration going
                self._conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except psycopg.Error as exc:
            log.warning("%s: cannot create the pg_trgm extension (%s): text search scans every row",
                        self.url, _clean(exc, self._raw_url))  # fmt: skip
            return None
        found = self.fetch_all(
            "SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace"
            " WHERE x.extname = 'pg_trgm'"
        )
        return f'"{found[0][0]}".gin_trgm_ops' if found else None

    @property
    def text_search(self) -> search.Search:
        """The LIKE written so the trigram indexes serve it; without them it is the same scan."""
        return "pg_trgm"

    def describe(self, exc: BaseException) -> str:
        """The driver's message without the password, in case the driver echoed it."""
        return _clean(exc, self._raw_url)

    def table_names(self) -> set[str]:
        """Tables of the current schema only, so `?options=-csearch_path%3D...` keeps stores apart."""
        sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        return {name for (name,) in self.fetch_all(sql)}

    def index_names(self) -> set[str]:
        sql = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        return {name for (name,) in self.fetch_all(sql)}

    def column_names(self, table: str) -> set[str]:
        sql = ("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
               " AND table_name = %s")  # fmt: skip
        return {name for (name,) in self.fetch_all(sql, (table,))}

    @contextmanager
    def schema_lock(self) -> Iterator[None]:
        # The check, the creation or migration and the version row share one transaction.
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            yield

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Cursor[Any]]:
        with self._conn.transaction(), self._conn.cursor() as cur:
            yield cur

    def insert_rows(
        self, cur: Any, table: str, columns: tuple[str, ...], rows: Sequence[Sequence[Any]],
        on_conflict: str | None = None,
    ) -> None:
        """One multi-row INSERT for up to `MAX_PARAMS` values, not one statement a row: the server
        parses, plans and runs one statement, and the client adapts and waits for one result,
        where `executemany` paid that for every row (an article's actors, band keys and counts
        were about 200 statements). The server coerces each row to the columns' types, as it
        does a single-row INSERT, and inserts the rows in their order, so upserts take their
        rows' locks in the order the caller sorted them."""  # fmt: skip
        if not rows:
            return
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        tail = f" ON CONFLICT {on_conflict}" if on_conflict else ""
        row = f"({', '.join(['%s'] * len(columns))})"
        step = max(1, MAX_PARAMS // len(columns))
        for start in range(0, len(rows), step):
            chunk = rows[start : start + step]
            cur.execute(head + ", ".join([row] * len(chunk)) + tail, [v for r in chunk for v in r])

    @contextmanager
    def write_transaction(self) -> Iterator[psycopg.Cursor[Any]]:
        """The article's transaction in pipeline mode: a statement whose result nobody reads (the
        inserts, the lock, the counts' upserts) is sent without waiting for the server, and the
        client waits only where it reads a result, about ten times an article instead of 25. A
        failed statement raises at the next read or at the end, and the whole article rolls back
        as before."""  # fmt: skip
        with self._conn.transaction(), self._conn.pipeline() as pipe, self._conn.cursor() as cur:
            self._pipe = pipe
            try:
                yield cur
            finally:
                self._pipe = None

    def inserted(self, cur: Any) -> int:
        """In pipeline mode a statement's row count arrives only once the pipeline is synced."""
        if self._pipe is not None:
            self._pipe.sync()
        return int(cur.rowcount)

    def lock_derived(self, cur: Any) -> None:
        """Two concurrent reclusters from different machines would interleave without it."""
        # store_state too: a writer's flag update holds ROW EXCLUSIVE on it until its article
        # commits, so the recluster waits for writers in flight and the next ones wait for it.
        tables = ", ".join([*row_builders.DERIVED_COLUMNS, *SUMMARY_COLUMNS, "store_state"])
        cur.execute(f"LOCK TABLE {tables} IN EXCLUSIVE MODE")

    def stream(self, sql: str, params: Any = ()) -> Iterator[tuple[Any, ...]]:
        """A server-side cursor in a read transaction of its own: the server keeps the result and
        sends it `PAGE_ROWS` at a time, and other statements on the connection run beside it."""
        name = f"newsevents_stream_{next(_STREAMS)}"
        with self._conn.transaction(), self._conn.cursor(name=name) as cur:
            cur.itersize = PAGE_ROWS
            cur.execute(sql, params)
            yield from cur

    def page_rows(self) -> int:
        """Paged reads: a server-side table may be far larger than memory."""
        return PAGE_ROWS


def open_postgres(url: str, access: Access = "create") -> PostgresStore:
    """The registry's opener for postgresql://, postgres:// and postgresql+psycopg:// URLs."""
    return PostgresStore(url, access)


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

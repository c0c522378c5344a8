"""The embedded dialect: one SQLite file any SQLite tool can open.

Only what SQLite does differently lives here; the store itself is `core.SQLStore`. Transactions
are explicit `BEGIN IMMEDIATE ... COMMIT`, so a crash or Ctrl-C mid-batch never leaves half an
article and every article `write` reported as stored is on disk (`synchronous = FULL`). WAL mode
lets readers (the API, `show`) work while a batch writes; writers queue on a busy timeout.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from newsevents.errors import StoreError
from newsevents.store.core import SQLStore

BUSY_TIMEOUT_MS = 30_000  # how long a writer waits for another process's transaction


class SQLiteStore(SQLStore):
    """A `Store` in one SQLite file, created with its schema on first open."""

    placeholder = "?"
    named = ":{}"
    not_a_store = "an SQLite database, but not a newsevents store (no schema_version)"
    driver_errors = (sqlite3.DatabaseError,)

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        super().__init__(self.path)

    @property
    def label(self) -> str:
        return self.path

    def connect(self, target: str) -> sqlite3.Connection:
        return connect(target)

    def is_fresh(self, tables: set[str]) -> bool:
        # A file holding any other table is someone else's database: left untouched.
        return not tables

    def table_names(self) -> set[str]:
        """Every table in the file, ours or not (a foreign file is refused, never changed)."""
        return {name for (name,) in self.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version`: changes when another connection commits to the file."""
        return int(self.fetch_one("PRAGMA data_version")[0])

    def schema_lock(self) -> nullcontext[None]:
        # No lock to check the schema: a reader must not queue behind a writer on every open.
        # Creating and migrating take the write lock through their own transaction.
        return nullcontext()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Cursor]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception including KeyboardInterrupt.

        IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout
        instead of failing when a read lock would need upgrading.
        """
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn.cursor()
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def connect(path: str) -> sqlite3.Connection:
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


def open_sqlite(url: str) -> SQLiteStore:
    """The registry's opener for `sqlite:///path` (relative) and `sqlite:////abs/path`."""
    if not url.startswith("sqlite:///"):
        raise StoreError("E301", detail="sqlite://...: unknown kind of store (use a file path or sqlite:///)")
    path = url[len("sqlite:///") :]
    if not path:
        raise StoreError("E301", detail=f"{url}: no file path after sqlite:///")
    return SQLiteStore(path)


def sqlite_exists(url: str) -> bool:
    """Whether the file a `sqlite:///` URL names is there (commands that read refuse to create one)."""
    return Path(url.removeprefix("sqlite:///")).exists()



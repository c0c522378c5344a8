"""The embedded dialect: one SQLite file any SQLite tool can open.

Only what SQLite does differently lives here; the store itself is `core.SQLStore`. Transactions
are explicit `BEGIN IMMEDIATE ... COMMIT`, so a crash or Ctrl-C mid-batch never leaves half an
article and every article `write` reported as stored is on disk (`synchronous = FULL`). WAL mode
lets readers (the API, `show`) work while a batch writes; writers queue on a busy timeout.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from newsevents.errors import StoreError
from newsevents.store import search
from newsevents.store.core import Access, SQLStore
from newsevents.store.search import TEXT_INDEXES

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 30_000  # how long a writer waits for another process's transaction


# A reader's page cache (SQLite's default is 2 MB): a page of clusters or events on a store of a
# million events descends some ten B-trees a row, and at 2 MB their inner pages do not stay, so
# each request read a few thousand pages again from the system's cache, 5-10 ms of every page
# of the API. Only what is read is kept, so a small store never fills it.
READ_CACHE_KIB = 32 * 1024
FULL_CHECK_BYTES = 64 * 2**20  # files up to this size get PRAGMA quick_check at every open


def _file_bytes(path: str) -> int:
    """The size of the file at `path`; 0 when there is none (a new store, no write-ahead log)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


class SQLiteStore(SQLStore):
    """A `Store` in one SQLite file, created with its schema on first open (access "create")."""

    placeholder = "?"
    named = ":{}"
    not_a_store = "an SQLite database, but not a newsevents store (no schema_version)"
    driver_errors = (sqlite3.DatabaseError,)
    keeps_join_order = True

    def __init__(self, path: str | Path, access: Access = "create") -> None:
        self.path = str(path)
        self._search: search.Search | None = None
        super().__init__(self.path, access)

    @property
    def label(self) -> str:
        return self.path

    def connect(self, target: str) -> sqlite3.Connection:
        return connect(target, self.access)

    def check(self) -> None:
        """PRAGMA quick_check: a truncated or overwritten file is refused at open with one line,
        instead of failing in the middle of a command (it reads every page once, but checks no
        index against its table, so it costs a fraction of integrity_check). Reading every page
        of a large store would cost every `show` seconds, so a file over FULL_CHECK_BYTES gets
        the checks that cost nothing: its header and schema read, and its length the length its
        header says (a truncated file is short); a page damaged inside it is reported when read."""
        if _file_bytes(self.path) > FULL_CHECK_BYTES:
            verdict = self._shallow_check()
        else:
            found = self.fetch_all("PRAGMA quick_check(1)")
            verdict = found[0][0] if found else "no answer"
        if verdict != "ok":
            raise StoreError("E301", detail=f"{self.path}: the file is corrupt ({verdict})")
        if not self.read_only:
            # Only once the file is known sound: switching to WAL writes its header.
            use_wal(self._conn)

    def add_search(self, cur: sqlite3.Cursor) -> None:
        """An FTS5 trigram table per searched table, filled from its rows and kept in step by
        triggers (`search.fts5_ddl`). An SQLite built without FTS5, or older than 3.34 (no trigram
        tokenizer), keeps the scan, said once."""
        for index in TEXT_INDEXES.values():
            try:
                for stmt in search.fts5_ddl(index):
                    cur.execute(stmt)
            except sqlite3.OperationalError as exc:
                if "fts5" not in str(exc) and "tokenizer" not in str(exc):  # no FTS5, or before 3.34
                    raise
                log.warning("%s: this SQLite has no FTS5 trigram tables (%s): text search scans every row",
                            self.path, exc)  # fmt: skip
                return
            for stmt in search.fts5_fill(index):
                cur.execute(stmt)

    @property
    def text_search(self) -> search.Search:
        """How `q` is found: "fts5" once the store has its trigram tables (schema 10 or later,
        written by an SQLite with FTS5), else "scan"; asked once per open store."""
        if self._search is None:
            names = [i.name for i in TEXT_INDEXES.values()]
            sql = f"SELECT COUNT(*) FROM sqlite_master WHERE name IN ({', '.join('?' * len(names))})"
            self._search = "fts5" if self.fetch_one(sql, names)[0] == len(names) else "scan"
        return self._search

    def _shallow_check(self) -> str:
        """"ok", or why the file is not whole: the schema is read (a damaged header fails here)
        and the file is as long as its pages, unless a write-ahead log holds pages not yet
        copied back into it."""
        self.fetch_all("SELECT name FROM sqlite_master")
        (pages,), (size,) = self.fetch_one("PRAGMA page_count"), self.fetch_one("PRAGMA page_size")
        if _file_bytes(self.path + "-wal") == 0 and _file_bytes(self.path) < pages * size:
            return f"{pages} pages of {size} bytes, but the file is shorter"
        return "ok"

    def describe(self, exc: BaseException) -> str:
        """The driver's message, saying what it means for a file (corrupt, full, read-only)."""
        return explain(exc)

    def is_fresh(self, tables: set[str]) -> bool:
        # A file holding any other table is someone else's database: left untouched.
        return not tables

    def table_names(self) -> set[str]:
        """Every table in the file, ours or not (a foreign file is refused, never changed)."""
        return {name for (name,) in self.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def index_names(self) -> set[str]:
        return {name for (name,) in self.fetch_all("SELECT name FROM sqlite_master WHERE type = 'index'")}

    def column_names(self, table: str) -> set[str]:
        return {row[1] for row in self.fetch_all(f"PRAGMA table_info({table})")}

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


def use_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL unless it is already. Switching needs the file to itself and
    SQLite answers "locked" at once, busy timeout or not, while another process opens or
    creates the same store: so wait for it here, as long as a writer would wait for a write."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
            return
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def explain(exc: BaseException) -> str:
    """An SQLite error in one line that says what it means for the file."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # the primary code of an extended one
    if code == sqlite3.SQLITE_NOTADB or "file is not a database" in text:
        return "the file is corrupt or not an SQLite database (file is not a database)"
    if code == sqlite3.SQLITE_CORRUPT or "malformed" in text:
        return f"the file is corrupt ({text})"
    if code == sqlite3.SQLITE_FULL:
        return f"the disk or the database is full ({text}); nothing of the failed article was kept"
    if code == sqlite3.SQLITE_READONLY:
        return f"the file is read-only ({text})"
    return text


def connect(path: str, access: Access = "create") -> sqlite3.Connection:
    """Open the file with explicit transactions, WAL, foreign keys and a busy timeout.

    Only access "create" may make the file (and its folder); the others need a non-empty file
    there, "write" one it may write; "read"/"browse" never create, migrate or write (the store
    refuses it), and open the file read-only (SQLite's mode=ro) when it may not be written.
    """
    if path == ":memory:":
        return _pragmas(_open(path, path), path)
    target = Path(path)
    _check_file(target, access)
    if access == "create":
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError("E301", detail=f"{path}: {exc}") from exc
    mode = {"create": "rwc", "write": "rw"}.get(access, "ro")
    if mode == "ro" and _writable(target) and _writable(target.parent):
        # A reader of a file it could write opens it without "create" but not read-only, so
        # the last connection to close still folds the WAL back and removes -wal and -shm; the
        # store itself never writes with access "read" or "browse".
        mode = "rw"
    uri = f"{target.resolve().as_uri()}?mode={mode}"
    if mode == "ro" and not _writable(target.parent):
        # WAL needs its -shm file beside the database; in a folder nobody may write, no writer
        # can change the file either, so SQLite may read it as immutable.
        uri += "&immutable=1"
    conn = _pragmas(_open(uri, path), path)
    if access in ("read", "browse"):
        conn.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
    return conn


def _check_file(target: Path, access: Access) -> None:
    """One clear line for what SQLite itself would report vaguely, or not at all."""
    path = str(target)
    if target.is_dir():
        raise StoreError("E301", detail=f"{path}: is a directory, not a database file")
    if access == "create" and not target.exists():
        return
    if not target.exists():
        raise StoreError("E301", detail=f"{path}: no such store (no store at that path; extract makes one)")
    if access != "create" and target.stat().st_size == 0:
        raise StoreError("E301", detail=f"{path}: not a newsevents store (the file is empty)")
    if access in ("create", "write") and not (_writable(target) and _writable(target.parent)):
        raise StoreError(
            "E301",
            detail=f"{path}: the store is read-only (the file or its folder may not be written); "
            "show, export and serve can read it, extract and dedup need to write it",
        )


def _writable(path: Path) -> bool:
    """Writable for us, and not marked read-only: a file or folder without any write bit counts
    as read-only even for root, who may write anything."""
    try:
        return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)
    except OSError:
        return False


def _open(uri: str, path: str) -> sqlite3.Connection:
    try:
        # isolation_level=None: the store issues BEGIN/COMMIT itself, one transaction per article.
        return sqlite3.connect(uri, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               uri=uri.startswith("file:"))  # fmt: skip
    except sqlite3.Error as exc:
        raise StoreError("E301", detail=f"{path}: {explain(exc)}") from exc


def _pragmas(conn: sqlite3.Connection, path: str) -> sqlite3.Connection:
    """The connection's settings; WAL is switched on by `SQLiteStore.check`, after the check."""
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # FULL: each commit is on disk before `write` returns, even across a power cut.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError("E301", detail=f"{path}: {explain(exc)}") from exc
    return conn


def open_sqlite(url: str, access: Access = "create") -> SQLiteStore:
    """The registry's opener for `sqlite:///path` (relative) and `sqlite:////abs/path`."""
    if not url.startswith("sqlite:///"):
        raise StoreError("E301", detail="sqlite://...: unknown kind of store (use a file path or sqlite:///)")
    path = url[len("sqlite:///") :]
    if not path:
        raise StoreError("E301", detail=f"{url}: no file path after sqlite:///")
    return SQLiteStore(path, access)


def sqlite_exists(url: str) -> bool:
    """Whether the file a `sqlite:///` URL names is there (commands that read refuse to create one)."""
    return Path(url.removeprefix("sqlite:///")).exists()

"""How the API reaches its store under load: one open store per thread, and answers kept until
the store changes.

Opening the store per request cost a connection, its pragmas and the schema check every time,
and every cluster view, timeline and stats answer re-read and re-encoded the whole store. Under
50 concurrent clients those costs queue behind one another. So:

- `Stores` keeps stores open where the backend reports a data version: one per thread on
  SQLite (its connections stay in the thread that opened them), a pool of a few on PostgreSQL
  (autocommit connections, lent to one request at a time); a backend with no data version gets
  a store per request;
- `ResponseCache` keeps the bytes of successful GET answers under /api/, keyed by the URL, and
  drops them all as soon as the store's data version moves (any commit by another connection:
  `extract`, `dedup`; on PostgreSQL, any change of the server's snapshot), so a store written
  meanwhile is still read fresh.
"""

from __future__ import annotations

import asyncio
import itertools
import queue
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Hashable, Iterator, MutableMapping
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import HTTPException

from newsevents.api.hosts import ASGIApp, Receive, Scope, Send
from newsevents.store import Store, open_store

MAX_CACHE_BYTES = 64 * 2**20  # all cached answers together
MAX_ENTRY_BYTES = 4 * 2**20  # one answer larger than this is not kept


# Stores a server process keeps open and lends out where connections may change threads
# (PostgreSQL): a request borrows one for its queries. The server's thread pool is larger (40), so
# a burst waits a few milliseconds for a store rather than opening connections past the server's
# max_connections (100 by default) once several worker processes run.
POOL_SIZE = 8
POOL_WAIT_S = 0.05  # a full pool's waiter looks again for a freed place this often

# Routes run at once by one server process (Starlette's default is 40 threads). Each thread keeps
# an SQLite store of its own (`Stores`), whose page cache warms only with the requests that
# thread answers: forty threads under fifty clients each saw a request now and then and read
# their pages from the system again every time, where four are each warm after a few. Two
# CPUs run no more than two queries at a time, so more threads only wait in turn on them (on
# the million-event store, fifty clients cost the server 15-16 ms of CPU a request on four
# threads, 17-18 on eight; docs/scale.md).
THREADS = 4

MAX_TOTALS = 1024  # event-page totals kept (`Totals`): a few dozen bytes each


@asynccontextmanager
async def few_threads(app: Any) -> AsyncIterator[None]:
    """The app's lifespan: routes run on at most THREADS threads of this process."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield


class Stores:
    """The store at `db`, opened once and lent out: per thread where the driver binds a connection
    to its thread (SQLite), from a pool of at most POOL_SIZE where it does not (PostgreSQL), and
    once per request where the backend has no data version (nothing may then be kept)."""

    def __init__(self, db: str | Path) -> None:
        self.db = str(db)
        self._local = threading.local()
        self._serial = itertools.count(1)  # tells apart stores that may share an id() over time
        self._unversioned = False  # the backend has no data version: open per request, keep nothing
        self._mode: str | None = None  # "thread" or "pool", fixed by the first store opened
        self._pool: queue.LifoQueue[Store] = queue.LifoQueue()
        self._lent = threading.BoundedSemaphore(POOL_SIZE)  # stores open or lent, at most POOL_SIZE
        self._probe: Store | None = None  # the pool's version reader (`version`)
        self._probe_lock = threading.Lock()

    def _learn_mode(self) -> None:
        """On first use, open a store and learn from it how stores are kept: none where it has no
        data version, else per thread or in a pool (`thread_bound`); the store opened is kept."""
        if self._mode is not None or self._unversioned:
            return
        store = open_store(self.db, "browse")
        if store.data_version() is None:
            store.close()
            self._unversioned = True
            return
        self._mode = "thread" if getattr(store, "thread_bound", True) else "pool"
        if self._mode == "pool" and self._lent.acquire(blocking=False):
            self._pool.put(store)
        elif self._mode == "thread" and getattr(self._local, "store", None) is None:
            self._local.store = (next(self._serial), store)
        else:
            store.close()

    def _kept(self) -> tuple[int, Store]:
        """This thread's store (thread mode)."""
        kept: tuple[int, Store] | None = getattr(self._local, "store", None)
        if kept is None:
            store = open_store(self.db, "browse")
            kept = (next(self._serial), store)
            self._local.store = kept
        return kept

    def _drop(self) -> None:
        kept = getattr(self._local, "store", None)
        self._local.store = None
        if kept is not None:
            kept[1].close()

    @contextmanager
    def opened(self) -> Iterator[Store]:
        """A store for one request; one that failed a request is closed, and the next is fresh."""
        self._learn_mode()
        if self._unversioned:
            with open_store(self.db, "browse") as store:
                yield store
            return
        if self._mode == "pool":
            with self._borrowed() as store:
                yield store
            return
        kept = self._kept()
        try:
            yield kept[1]
        except HTTPException:
            raise
        except BaseException:
            self._drop()
            raise

    @contextmanager
    def _borrowed(self) -> Iterator[Store]:
        """A pooled store: an idle one, else a new one while fewer than POOL_SIZE are open, else
        the next one given back. PostgreSQL connections are in autocommit, so an idle one holds
        no transaction and no lock; one that failed a request is closed, not given back."""
        store = self._take()
        try:
            yield store
        except HTTPException:
            self._pool.put(store)
            raise
        except BaseException:
            store.close()
            self._lent.release()
            raise
        self._pool.put(store)

    def _take(self) -> Store:
        """An idle store, else a new one while the pool has room, else the first one given back
        (looking again for room now and then: a store closed after a failure frees its place)."""
        while True:
            try:
                return self._pool.get_nowait()
            except queue.Empty:
                pass
            if self._lent.acquire(blocking=False):
                try:
                    return open_store(self.db, "browse")
                except BaseException:
                    self._lent.release()
                    raise
            try:
                return self._pool.get(timeout=POOL_WAIT_S)
            except queue.Empty:
                continue

    def version(self) -> Hashable | None:
        """Which state of the store this thread's store sees: equal values, no commit in between.

        None when the backend cannot tell (then nothing may be cached). A pool's version is read
        on a store of its own, never a lent one, so the event loop never waits for a request."""
        self._learn_mode()
        if self._unversioned:
            return None
        if self._mode == "pool":
            return self._pool_version()
        kept = self._kept()
        try:
            return (kept[0], kept[1].data_version())
        except Exception:
            self._drop()
            return None

    def _pool_version(self) -> Hashable | None:
        with self._probe_lock:
            try:
                if self._probe is None:
                    self._probe = open_store(self.db, "browse")
                return self._probe.data_version()
            except Exception:
                if self._probe is not None:
                    self._probe.close()
                self._probe = None
                return None


class ResponseCache:
    """ASGI middleware: successful GET answers under /api/ kept until `version()` changes."""

    def __init__(self, app: ASGIApp, version: Callable[[], Hashable | None]) -> None:
        self.app = app
        self.version = version
        self._seen: Hashable | None = None
        self._entries: OrderedDict[bytes, tuple[list[Any], bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._pending: dict[tuple[bytes, Hashable], tuple[asyncio.AbstractEventLoop, asyncio.Event]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        version = self.version()
        if version is None:
            await self.app(scope, receive, send)
            return
        key = scope["path"].encode("utf-8", "surrogateescape") + b"?" + scope.get("query_string", b"")
        hit = self._lookup(key, version)
        if hit is None:
            hit = await self._in_flight(key, version)
        if hit is not None:
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        loop, done = asyncio.get_running_loop(), asyncio.Event()
        self._pending[(key, version)] = (loop, done)
        try:
            await self.app(scope, receive, self._recorder(send, key, version))
        finally:
            self._pending.pop((key, version), None)
            done.set()

    async def _in_flight(self, key: bytes, version: Hashable) -> tuple[list[Any], bytes] | None:
        """The answer of an identical request being made now in this event loop, once it is made.

        Fifty clients opening the dashboard at once ask the same questions; one of them computes
        each answer and the others wait for it instead of computing it again alongside."""
        pending = self._pending.get((key, version))
        if pending is None or pending[0] is not asyncio.get_running_loop():
            return None
        await pending[1].wait()
        return self._lookup(key, version)

    def _lookup(self, key: bytes, version: Hashable) -> tuple[list[Any], bytes] | None:
        with self._lock:
            if version != self._seen:
                self._entries.clear()
                self._bytes = 0
                self._seen = version
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def _keep(self, key: bytes, version: Hashable, headers: list[Any], body: bytes) -> None:
        if len(body) > MAX_ENTRY_BYTES:
            return
        with self._lock:
            if version != self._seen:  # the store moved on while this answer was made
                return
            self._entries[key] = (headers, body)
            self._bytes += len(body)
            while self._bytes > MAX_CACHE_BYTES:
                _, (_, old) = self._entries.popitem(last=False)
                self._bytes -= len(old)

    def _recorder(self, send: Send, key: bytes, version: Hashable) -> Send:
        """`send`, noting a 200 answer's headers and body to keep once it is complete."""
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def recording(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(key, version, list(start.get("headers", [])), b"".join(chunks))
            await send(message)

        return recording


class Totals:
    """The totals of event pages, kept per store state, so the pages after the first under the
    same filters (by cursor or offset) skip the count that costs more than the page itself.

    Keyed by the `Stores.version()` of the thread that counted, with the view and the query: a
    commit anywhere moves the version, and the total is counted afresh. At most MAX_TOTALS are
    kept, the oldest dropped first."""

    def __init__(self) -> None:
        self._kept: OrderedDict[Hashable, int] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> int | None:
        with self._lock:
            return self._kept.get(key)

    def put(self, key: Hashable, total: int) -> None:
        with self._lock:
            self._kept[key] = total
            self._kept.move_to_end(key)
            while len(self._kept) > MAX_TOTALS:
                self._kept.popitem(last=False)

"""GET /api/export: the rows the dashboard shows, as a CSV or Parquet file to download.

The file is written by `newsevents.export` (`rows_for` and `write_rows`, the code behind
`newsevents export`). CSV is sent as it is written: a thread of its own reads the store page by
page (`Store.iter_events`, `iter_clusters`) on a connection of its own and hands the text over
in chunks through a short queue, so a year of events costs the server a few chunks of memory,
not the file, and the first bytes leave before the last row is read. A filter the store refuses
is found before anything is sent (the first chunk is awaited), so it is still a 400. Parquet
needs a path to write to: it is written into a temporary folder, sent, and removed once sent,
so a half-written file is never sent.
"""

import io
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from newsevents.errors import DownloadAbandoned
from newsevents.export import columns_for, rows_for, types_for, write_rows
from newsevents.store import EventQuery, Store

Opener = Callable[[], AbstractContextManager[Store]]
CHUNK_CHARS = 64 * 1024  # text handed to the response at a time
CHUNKS_AHEAD = 4  # chunks the writing thread may get ahead of the client

EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}
ExportFormat = Annotated[Literal["csv", "parquet"], Query(alias="format", description="csv or parquet")]
ExportTable = Annotated[
    Literal["events", "clusters"],
    Query(description="events (one row per report) or clusters (one per real-world event)"),
]


def export_routes(
    app: FastAPI, opened: Opener, reader: Opener, query_dep: Any, errors: dict[int | str, dict[str, Any]]
) -> None:
    """Add GET /api/export to `app`: `query_dep` is the event filters' dependency of /api/events
    (an `Annotated[EventQuery, Depends(...)]`), `errors` its documented error answers. `opened`
    gives a store for the Parquet file, `reader` a store of its own for a streamed CSV."""

    @app.get(
        "/api/export",
        response_class=Response,
        responses={200: {"content": {t: {} for t in EXPORT_TYPES.values()}}, **errors},
        tags=["events"],
    )
    def export(
        query: query_dep,  # type: ignore[valid-type]
        fmt: ExportFormat = "csv",
        table: ExportTable = "events",
    ) -> Response:
        """The rows the filters select, as a file: the native columns of `newsevents export`
        (docs/exports.md), written by the same code; Content-Disposition names the file."""
        if fmt == "csv":
            chunks = _csv_chunks(reader, query, table)
            first = next(chunks, "")  # a refused filter raises here, before any byte is sent
            return StreamingResponse(
                _chained(first, chunks), media_type=EXPORT_TYPES[fmt],
                headers={"Content-Disposition": f'attachment; filename="newsevents-{table}.csv"'},
            )  # fmt: skip
        folder = Path(tempfile.mkdtemp(prefix="newsevents-export-"))
        path = folder / f"newsevents-{table}.{fmt}"
        try:
            with opened() as store:
                rows = export_rows(store, query, table)
                write_rows(rows, path, fmt, columns_for(table, "native"), types=types_for(table, "native"))
        except ImportError as exc:  # Parquet without pyarrow: one line, not a 500
            shutil.rmtree(folder, ignore_errors=True)
            hint = f"{fmt} downloads need {exc.name or 'pyarrow'}: pip install 'newsevents[parquet]'"
            raise HTTPException(503, hint) from None
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return FileResponse(
            path, media_type=EXPORT_TYPES[fmt], filename=path.name,
            background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
        )  # fmt: skip


def export_rows(store: Store, query: EventQuery, table: str) -> Iterator[dict[str, Any]]:
    """`rows_for(store, table)` under the query's event filters; when it also asks for a PLOVER
    type, a box or text, the rows /api/events lists for it, selected in SQL and streamed like
    the others (never gathered first)."""
    if query.plover is None and query.bbox is None and query.q is None:
        return rows_for(store, table, "native", query.filters)
    if table == "clusters":
        return store.iter_clusters(query.filters, query)
    return store.iter_events(query.filters, query)


_DONE = object()


class _Chunks(io.TextIOBase):
    """A text stream that hands what is written to a bounded queue, in chunks: the writing
    thread waits while the client is slow, and stops (`Abandoned`) once the client has gone."""

    def __init__(self) -> None:
        super().__init__()
        self.queue: queue.Queue[Any] = queue.Queue(CHUNKS_AHEAD)
        self.gone = threading.Event()
        self._parts: list[str] = []
        self._size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= CHUNK_CHARS:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            self.put("".join(self._parts))
            self._parts, self._size = [], 0

    def put(self, item: Any) -> None:
        while not self.gone.is_set():
            try:
                self.queue.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise DownloadAbandoned


def _csv_chunks(reader: Opener, query: EventQuery, table: str) -> Iterator[str]:
    """The CSV of `export_rows` as text chunks, written by a thread on a store of its own; an
    error in that thread (a refused filter, a store gone) is raised here, where it is read."""
    out = _Chunks()

    def produce() -> None:
        try:
            with reader() as store:
                rows = export_rows(store, query, table)
                write_rows(rows, out, "csv", columns_for(table, "native"), types=types_for(table, "native"))
            out.flush()
            out.put(_DONE)
        except DownloadAbandoned:
            return
        except BaseException as exc:  # handed to the reading side, which raises it
            try:
                out.put(exc)
            except DownloadAbandoned:
                return

    threading.Thread(target=produce, name="newsevents-export", daemon=True).start()
    try:
        while (item := out.queue.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        out.gone.set()


def _chained(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest

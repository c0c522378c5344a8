"""GET /api/export: the rows the dashboard shows, as a CSV or Parquet file to download.

The file is written by `newsevents.export` (`rows_for` and `write_rows`, the code behind
`newsevents export`) into a temporary folder, sent, and removed once sent; Parquet needs a path
to write to, and one path for both formats keeps a half-written file from ever being sent.
"""

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from newsevents.export import columns_for, rows_for, types_for, write_rows
from newsevents.store import EventQuery, Store

Opener = Callable[[], AbstractContextManager[Store]]
ALL_ROWS = 2**62

EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}
ExportFormat = Annotated[Literal["csv", "parquet"], Query(alias="format", description="csv or parquet")]
ExportTable = Annotated[
    Literal["events", "clusters"],
    Query(description="events (one row per report) or clusters (one per real-world event)"),
]


def export_routes(
    app: FastAPI, opened: Opener, query_dep: Any, errors: dict[int | str, dict[str, Any]]
) -> None:
    """Add GET /api/export to `app`: `query_dep` is the event filters' dependency of /api/events
    (an `Annotated[EventQuery, Depends(...)]`), `errors` its documented error answers."""

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
    """`rows_for(store, table)` under the query's event filters, narrowed to what /api/events lists
    for the same query when it also asks for a PLOVER type, a box or text."""
    rows = rows_for(store, table, "native", query.filters)
    if query.plover is None and query.bbox is None and query.q is None:
        return rows
    if table == "clusters":
        ids = {c["cluster_id"] for c in store.matching_clusters(query)}
        return (r for r in rows if r["cluster_id"] in ids)
    _, found = store.mention_page(query, ALL_ROWS, 0)
    keys = {(r["article_id"], r["idx"]) for r in found}
    return (r for r in rows if (r["article_id"], r["idx"]) in keys)

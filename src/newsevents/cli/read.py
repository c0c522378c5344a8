"""The commands that read a store: `show`, `export`, `serve` and `dedup`.

Each opens the store through the backend registry with the access it needs: `show`, `export`
and `serve` read-only (a missing, empty, corrupt or older store is one E301 line, and nothing
is ever created or changed), `dedup` to write an existing store; then asks it through its
methods (no SQL here) and closes it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from newsevents.cli.common import (
    RegistryChoice,
    db_option,
    err,
    event_filter,
    fail,
    filter_options,
    plural,
    quiet_stdout,
    reports_errors,
)

if TYPE_CHECKING:
    from newsevents.store.core import Access


@click.command()
@db_option
@filter_options
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many rows.")
@click.option("--view", type=click.Choice(["clusters", "events"]), default="clusters", show_default=True,
              help="clusters: one row per real-world event with its report count; events: every report.")
@reports_errors()
def show(db: str, country: str | None, actor: str | None, cameo_root: str | None, date_from: str | None,
         date_to: str | None, limit: int, view: str) -> None:
    """List stored events in a table, in order of publication.

    Example: newsevents show --db events.sqlite --country SYR --cameo-root 19
    """
    filters = dict(country=country, actor=actor, cameo_root=cameo_root, date_from=date_from,
                   date_to=date_to, limit=limit)
    rows, behind = _query(db, filters, clusters=view == "clusters")
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("date", "source", "cameo", "plover", "target", "where", "reports", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(_cluster_cells(r) if view == "clusters" else _event_cells(r)))
    Console(width=None if sys.stdout.isatty() else 160).print(table)
    err(f"newsevents: {len(rows)} {'event clusters' if view == 'clusters' else 'events'}")
    if view == "clusters" and behind:
        err("newsevents: articles were stored without clustering (a store upgraded from an older "
            f"newsevents); the next extract or watch reclusters, or run `newsevents dedup --db {db}`, "
            "or use --view events")


def _event_cells(r: dict[str, Any]) -> list[str]:
    return [
        r.get("date") or r.get("published") or "",
        r.get("source_code") or "",
        r.get("cameo") or "",
        r.get("plover") or "",
        r.get("target_code") or "",
        r.get("location_name") or "",
        "1",
        _clip(r.get("evidence_text") or ""),
    ]


def _cluster_cells(r: dict[str, Any]) -> list[str]:
    members = r.get("members") or []
    first = members[0].get("evidence_text", "") if members else ""
    days = r.get("date_first") or r.get("first_published") or ""
    if r.get("date_last") and r.get("date_last") != r.get("date_first"):
        days += f"..{r['date_last']}"
    return [
        days,
        r.get("source_code") or "",
        r.get("cameo_root") or "",
        r.get("plover") or "",
        r.get("target_code") or "",
        r.get("location_name") or "",
        plural(r.get("n_articles") or 1, "article") + ", " + plural(r.get("n_sources") or 1, "outlet"),
        _clip(first),
    ]


def _clip(evidence: str, width: int = 100) -> str:
    text = " ".join(evidence.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _query(db: str, filters: dict[str, Any], clusters: bool = False) -> tuple[list[dict[str, Any]], bool]:
    """The rows asked for, and whether the store is behind on clustering."""
    with _open(db, "read") as store:
        chosen = event_filter(**filters)
        rows = _first_rows(store, chosen, clusters)
        behind = getattr(store, "behind", None)
        return rows, bool(behind and behind())


def _first_rows(store: Any, chosen: Any, clusters: bool) -> list[dict[str, Any]]:
    """The first `limit` rows in the documented order: one page read through the store's indexes
    where the store pages (every SQL store), so a filter on a large store costs a page, not every
    match sorted; else (a store of another kind, or no limit) the full read."""
    from newsevents.store import EventQuery

    if hasattr(store, "event_page") and isinstance(chosen.limit, int) and chosen.limit >= 1:
        view = "clusters" if clusters else "mentions"
        return list(store.event_page(EventQuery(filters=chosen), view, chosen.limit, 0, counted=False).items)
    found: list[dict[str, Any]] = store.clusters(chosen) if clusters else store.events(chosen)
    return found


def _open(db: str, access: Access) -> Any:
    """The store at `db` with `access`: reading commands never create or change it."""
    from newsevents.store import open_store

    return open_store(db, access)


def _file_formats() -> list[str]:
    from newsevents.export import file_formats, presets

    return [*file_formats(), *presets()]


def _column_sets() -> list[str]:
    from newsevents.export import column_sets

    return list(column_sets())


@click.command()
@db_option
@click.option("--format", "fmt", type=RegistryChoice(_file_formats), required=True,
              help="A file format, or a preset that is a column set in its original's format: gdelt "
              "(GDELT 2.0's 61 columns, tab-separated, no header), plover (PLOVER records, JSON Lines).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write (default or '-': "
              "stdout; parquet needs a file). Written to a temporary file, then renamed into place.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists (refused otherwise).")
@click.option("--raw-cells", is_flag=True, help="CSV: write text cells as stored, even those a spreadsheet "
              "would run as a formula (=, +, -, @ first); by default they get a leading '.")
@click.option("--table", type=click.Choice(["events", "clusters", "quantities", "quotes", "articles"]),
              default="clusters", show_default=True,
              help="clusters: one row per real-world event (reports merged); events: one row per report.")
@click.option("--columns", type=RegistryChoice(_column_sets),
              help="Column set: native (ours, the default), gdelt (the GDELT 2.0 event table), plover, acled "
              "or ucdp (UCDP GED); a preset --format sets it.")
@click.option("--header/--no-header", default=None,
              help="CSV and TSV: begin with a header line (default: yes, but no for --format gdelt).")
@click.option("--include-unasserted", is_flag=True,
              help="Also export negated, hypothetical and reported events where a table holds asserted "
              "events only by default (gdelt, acled, ucdp; gdelt then has two flag columns after its 61).")
@filter_options
@reports_errors(also=(ValueError,))
def export(db: str, fmt: str, output: str | None, force: bool, raw_cells: bool, table: str,
           columns: str | None, header: bool | None, include_unasserted: bool, country: str | None,
           actor: str | None, cameo_root: str | None, date_from: str | None, date_to: str | None) -> None:
    """Write stored events, event clusters, figures, quotes or articles as CSV, TSV, JSON Lines or
    Parquet, in our columns or those of GDELT, PLOVER, ACLED or UCDP GED.

    Columns are documented in docs/exports.md.

    Example: newsevents export --db events.sqlite --format gdelt -o events.export.CSV
    """
    from newsevents.export import columns_for, rows_for, types_for, write_rows

    fmt, columns, header = _preset(fmt, columns, header)
    output = None if output == "-" else output
    n: int | None = None  # stays None when the reader of standard output went away midway
    with _open(db, "read") as store, _stdout_checked(output):
        filters = event_filter(country=country, actor=actor, cameo_root=cameo_root, date_from=date_from,
                               date_to=date_to, asserted=False if include_unasserted else None)
        rows, order = rows_for(store, table, columns, filters), columns_for(table, columns, filters)
        n = write_rows(rows, Path(output) if output else sys.stdout, fmt, order,
                       overwrite=force, escape_formulas=not raw_cells, header=header,
                       types=types_for(table, columns, filters))
    if n is not None:
        err(f"newsevents: wrote {n} {table}" + (f" to {output}" if output else ""))


def _preset(fmt: str, columns: str | None, header: bool | None) -> tuple[str, str, bool]:
    """The file format, column set and header a `--format` means: a preset names all three (an
    explicit --header/--no-header wins); a file format takes the native columns by default."""
    from newsevents.export import presets

    chosen = presets().get(fmt)
    if chosen is None:
        return fmt, columns or "native", True if header is None else header
    if columns not in (None, chosen.columns):
        fail(f"--format {fmt} writes the {chosen.columns} columns; leave out --columns {columns}")
    return chosen.file_format, chosen.columns, chosen.header if header is None else header


@contextmanager
def _stdout_checked(output: str | None) -> Iterator[None]:
    """Standard output flushed inside the block, so a full disk behind `> file` is one line, not
    a traceback; after a failure it points at /dev/null, or the interpreter's own flush at exit
    would print the same failure again."""
    from newsevents.errors import ExportError

    if output is not None:
        yield
        return
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped reading (`| head`): the export ends, quietly
        quiet_stdout()
    except OSError as exc:
        quiet_stdout()
        raise ExportError("E307", path="standard output", reason=exc.strerror or str(exc)) from exc
    except ExportError as exc:
        quiet_stdout()
        if not isinstance(exc.__cause__, BrokenPipeError):  # the writer's own wrapping of the same
            raise


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback only by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.option("--allowed-host", "allowed", multiple=True, metavar="NAME",
              help="Also answer requests whose Host header is NAME (repeatable; '*' for any). "
              "Loopback names and --host are always answered; others get 400 (DNS rebinding).")
@click.option("--allow-writes", is_flag=True,
              help="Let POST /api/extract store the articles it is sent with \"store\": true "
              "(otherwise refused with 403: the store is only read).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes answering on the port, each with its own store connection: "
              "more answer more clients at once (up to one or two per CPU), at a store connection "
              "and an app's memory each.")
@reports_errors()
def serve(db: str, host: str, port: int, allowed: tuple[str, ...], allow_writes: bool, workers: int) -> None:
    """Serve the REST API and the dashboard over a store (API schema at /openapi.json).

    Example: newsevents serve --db events.sqlite --workers 2   (then open http://127.0.0.1:8000/)
    """
    from newsevents.extras import require

    require("server", "serve")
    import uvicorn

    from newsevents.api import create_app

    app = create_app(db, served_on=host, hosts=allowed, allow_writes=allow_writes)  # fails early if bad
    _check_port(host, port)
    err(f"newsevents: dashboard at http://{host}:{port}/ (Ctrl-C to stop)")
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    import os

    from newsevents.api.workers import FACTORY, app_settings

    os.environ.update(app_settings(db, host, allowed, allow_writes))  # the spawned workers inherit it
    uvicorn.run(FACTORY, factory=True, workers=workers, host=host, port=port, log_level="warning")


def _check_port(host: str, port: int) -> None:
    """Fail in one line when the address cannot be listened on (in use, not this machine's);
    uvicorn would log a traceback-like error and exit instead."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(address)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        fail(f"cannot listen on {host}:{port}: {reason}")


@click.command()
@db_option
@reports_errors()
def dedup(db: str) -> None:
    """Link near-duplicate articles and group events that report one real-world event.

    Recomputes the article groups and event clusters over the whole store (extract does this
    after each batch); exports, the API and the dashboard read them.

    Example: newsevents dedup --db events.sqlite
    """
    with _open(db, "write") as store:
        counts = store.recluster()
    err(
        f"newsevents: {counts['grouped_articles']} articles in {counts['groups']} near-duplicate groups; "
        f"{counts['events']} events in {counts['clusters']} clusters "
        f"({counts['multi_report_clusters']} reported by more than one article)"
    )

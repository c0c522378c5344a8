"""The `newsevents` command: thin, it parses arguments, calls the library and formats output.

Data goes to stdout, everything for humans (progress, problems, the summary) to stderr, so
`newsevents extract ... --format jsonl | jq` stays clean.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from newsevents import __version__
from newsevents.errors import NewsEventsError, Problem
from newsevents.model import Extraction
from newsevents.settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = "newsevents.sqlite"
EXIT_SKIPPED = 1
EXIT_RESOURCE = 3


def _err(text: str) -> None:
    click.echo(text, err=True)


def db_option(func: F) -> F:
    return click.option(
        "--db", "db", default=DEFAULT_DB, show_default=True, help="Store: a SQLite path or sqlite:/// URL."
    )(func)


def filter_options(func: F) -> F:
    """The event filters shared by `show` and `export`."""
    opts = [
        click.option("--country", help="ISO 3166 alpha-3 of the source or target actor, e.g. SYR."),
        click.option("--actor", help="Actor code prefix of the source or target, e.g. SYRGOV or IGO."),
        click.option("--cameo-root", help="Two-digit CAMEO root, e.g. 19 (fight)."),
        click.option("--since", "date_from", help="Events on or after this date (YYYY-MM-DD)."),
        click.option("--until", "date_to", help="Events on or before this date (YYYY-MM-DD)."),
    ]
    for opt in reversed(opts):
        func = opt(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
def main() -> None:
    """Turn news articles into geocoded, evidence-linked event data (CAMEO and PLOVER).

    Example: newsevents extract article.txt --format json
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "none"]), default="none",
              show_default=True, help="Print each article's extraction to stdout.")
@db_option
@click.option("--no-db", is_flag=True, help="Do not write to any store.")
@click.option("--no-text", is_flag=True, help="Leave article.text out of the printed JSON.")
@click.option("--config", type=click.Path(dir_okay=False), help="A settings YAML file (see settings.yml).")
@click.option("--batch-size", type=int, help="Articles per spaCy batch.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this process; dask: partitions (JSONL files) on a Dask cluster.")
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="newsevents-out",
              show_default=True, help="With --engine dask: folder for the Parquet and JSONL results.")
@click.option("--workers", type=int, help="Worker processes (default: every core); with --engine dask, the "
              "local cluster size.")
def extract(paths: tuple[str, ...], fmt: str, db: str, no_db: bool, no_text: bool, config: str | None,
            batch_size: int | None, quiet: bool, engine: str, scheduler: str | None, out_dir: str,
            workers: int | None) -> None:
    """Extract events from files, directories (recursively) or - (standard input).

    Reads plain text (title, blank line, body; NAME.meta.json beside it gives url, outlet and
    date), HTML pages and JSON Lines. Stores into --db (default ./newsevents.sqlite) unless
    --no-db; already stored articles are skipped, so re-running is safe.

    With --engine dask, each .jsonl(.gz) file is one partition processed on a Dask cluster; the
    results go to --out as Parquet and JSONL, then into --db unless --no-db.

    Example: newsevents extract corpus/ --db events.sqlite
    """
    from newsevents import ingest, pipeline

    try:
        settings = load_settings(config).with_overrides(
            batch_size=batch_size, include_text=not no_text, workers=workers
        )
        store = None if no_db else _open_store(db)
        if engine == "dask":
            _extract_dask(paths, Path(out_dir), settings, scheduler, store, quiet)
            return
        built = pipeline.build(settings)
    except NewsEventsError as exc:
        _err(f"newsevents: {exc}")
        sys.exit(EXIT_RESOURCE)
    tally = _Tally()
    items = ingest.read(list(paths), settings)
    stream = pipeline.run(_skip_stored(items, store, tally), settings, built)
    try:
        for item in _progress(stream, quiet):
            _handle(item, fmt, settings, store, tally)
        if store is not None and tally.stored:
            tally.clusters = store.recluster().get("clusters")
    except KeyboardInterrupt:
        _err("newsevents: interrupted; every article reported as stored is in the store")
        tally.interrupted = True
    finally:
        if store is not None:
            store.close()
    if not quiet:
        _err(tally.summary())
    sys.exit(EXIT_SKIPPED if tally.failed or tally.interrupted else 0)


def _extract_dask(paths: tuple[str, ...], out: Path, settings: Settings, scheduler: str | None,
                  store: Any, quiet: bool) -> None:
    """The same pipeline over partitions on a Dask cluster, then an idempotent load into the store."""
    from newsevents.distributed import load_into_store, run_dask

    summary = run_dask(list(paths), out, settings, scheduler, n_workers=max(2, settings.workers))
    for problem in summary.problems:
        _err(str(problem))
    stored = already = 0
    if store is not None:
        loaded = load_into_store(out, store)
        stored, already = loaded.written, loaded.already_stored
        if stored:
            store.recluster()
        store.close()
    if not quiet:
        _err(f"newsevents: {len(summary.partitions)} partitions; read {summary.articles} articles; "
             f"stored {stored}; already stored {already}; skipped {len(summary.problems)}; "
             f"events {summary.events}; elapsed {summary.seconds:.1f}s; results in {out}")
    sys.exit(EXIT_SKIPPED if any(p.fatal for p in summary.problems) else 0)


class _Tally:
    """Counts for the one summary line at the end of a batch."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.read = self.stored = self.already = self.events = 0
        self.skipped: Counter[str] = Counter()
        self.failed = False
        self.interrupted = False
        self.clusters: int | None = None

    def summary(self) -> str:
        reasons = ", ".join(f"{n} {code}" for code, n in sorted(self.skipped.items()))
        skipped = sum(self.skipped.values())
        elapsed = time.monotonic() - self.start
        parts = [
            "read " + _plural(self.read, "article"),
            f"stored {self.stored}",
            f"already stored {self.already}",
            f"skipped {skipped}" + (f" ({reasons})" if reasons else ""),
            f"events {self.events}",
            f"elapsed {elapsed:.1f}s",
        ]
        if self.clusters:
            parts.insert(-1, f"store now holds {self.clusters} event clusters")
        return "newsevents: " + "; ".join(parts)


def _skip_stored(items: Iterable[Any], store: Any, tally: _Tally) -> Iterator[Any]:
    """Drop articles already in the store before parsing them: re-runs cost reading, not parsing."""
    for item in items:
        if store is not None and not isinstance(item, Problem) and store.has(item.id):
            tally.read += 1
            tally.already += 1
            continue
        yield item


def _handle(item: Extraction | Problem, fmt: str, settings: Settings, store: Any, tally: _Tally) -> None:
    if isinstance(item, Problem):
        _err(str(item))
        if item.fatal:
            tally.skipped[item.code] += 1
            tally.failed = True
        return
    tally.read += 1
    tally.events += len(item.events)
    if fmt == "json":
        click.echo(item.to_json(include_text=settings.include_text))
    elif fmt == "jsonl":
        click.echo(item.to_json(include_text=settings.include_text, indent=None))
    if store is not None:
        if store.write(item):
            tally.stored += 1
        else:
            tally.already += 1


def _progress(stream: Iterable[Any], quiet: bool) -> Iterator[Any]:
    """A progress bar with articles per second on a terminal; a line every few seconds when piped."""
    if quiet:
        yield from stream
        return
    if not sys.stderr.isatty():
        yield from _progress_lines(stream)
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("extract", total=None, rate="-")
        start = time.monotonic()
        for n, item in enumerate(stream, 1):
            rate = n / max(time.monotonic() - start, 1e-6)
            bar.update(task, completed=n, rate=f"{rate:.1f}")
            yield item


def _progress_lines(stream: Iterable[Any], every: float = 5.0) -> Iterator[Any]:
    """Plain progress lines for logs; the rate counts from the first article, not from start-up."""
    start = last = None
    for n, item in enumerate(stream, 1):
        now = time.monotonic()
        if start is None:
            start = last = now
        elif now - last >= every:
            last = now
            _err(f"newsevents: {n} articles, {(n - 1) / (now - start):.1f} articles/s")
        yield item


def _require_store(db: str) -> None:
    """Commands that read a store refuse to create an empty one by mistake."""
    if not Path(db.removeprefix("sqlite:///")).exists() and not db.startswith("postgres"):
        raise click.ClickException(f"no store at {db}; run `newsevents extract ... --db {db}` first")


def _open_store(db: str) -> Any:
    from newsevents.store import open_store

    return open_store(db)


def _filters(**kw: Any) -> Any:
    from newsevents.store import EventFilter

    return EventFilter(**kw)


@main.command()
@db_option
@filter_options
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many rows.")
@click.option("--view", type=click.Choice(["clusters", "events"]), default="clusters", show_default=True,
              help="clusters: one row per real-world event with its report count; events: every report.")
def show(db: str, country: str | None, actor: str | None, cameo_root: str | None, date_from: str | None,
         date_to: str | None, limit: int, view: str) -> None:
    """List stored events in a table, in order of publication.

    Example: newsevents show --db events.sqlite --country SYR --cameo-root 19
    """
    filters = dict(country=country, actor=actor, cameo_root=cameo_root, date_from=date_from,
                   date_to=date_to, limit=limit)
    rows = _query(db, filters, clusters=view == "clusters")
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("date", "source", "cameo", "plover", "target", "where", "reports", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(_cluster_cells(r) if view == "clusters" else _event_cells(r)))
    Console(width=None if sys.stdout.isatty() else 160).print(table)
    _err(f"newsevents: {len(rows)} {'event clusters' if view == 'clusters' else 'events'}")
    if view == "clusters" and not rows and _query(db, {**filters, "limit": 1}):
        _err("newsevents: events are stored but not clustered yet; run `newsevents dedup --db "
             f"{db}` or use --view events")


def _event_cells(r: dict[str, Any]) -> list[str]:
    return [
        r.get("date") or r.get("published") or "",
        r.get("source_code") or "",
        r.get("cameo") or "",
        r.get("plover") or "",
        r.get("target_code") or "",
        r.get("location_name") or "",
        "1",
        _clip(r.get("trigger_text") or "", r.get("evidence_text") or ""),
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
        _plural(r.get("n_articles") or 1, "article") + ", " + _plural(r.get("n_sources") or 1, "outlet"),
        _clip("", first),
    ]


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _clip(trigger: str, evidence: str, width: int = 100) -> str:
    text = " ".join(evidence.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _query(db: str, filters: dict[str, Any], clusters: bool = False) -> list[dict[str, Any]]:
    try:
        _require_store(db)
        store = _open_store(db)
        try:
            chosen = _filters(**filters)
            return store.clusters(chosen) if clusters else store.events(chosen)
        finally:
            store.close()
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write (default: stdout; "
              "parquet needs a file).")
@click.option("--table", type=click.Choice(["events", "clusters", "quantities", "quotes", "articles"]),
              default="clusters", show_default=True,
              help="clusters: one row per real-world event (reports merged); events: one row per report.")
@click.option("--columns", type=click.Choice(["native", "gdelt", "plover"]), default="native",
              show_default=True, help="Column set: ours, the GDELT 2.0 event table, or PLOVER.")
@filter_options
def export(db: str, fmt: str, output: str | None, table: str, columns: str, country: str | None,
           actor: str | None, cameo_root: str | None, date_from: str | None, date_to: str | None) -> None:
    """Write stored events, event clusters, figures, quotes or articles as CSV, JSON Lines or Parquet.

    Columns are documented in docs/exports.md.

    Example: newsevents export --db events.sqlite --table clusters --columns gdelt --format csv -o events.csv
    """
    from newsevents.export import columns_for, rows_for, write_rows

    _require_store(db)
    try:
        store = _open_store(db)
        try:
            filters = _filters(country=country, actor=actor, cameo_root=cameo_root, date_from=date_from,
                               date_to=date_to)
            rows = rows_for(store, table, columns, filters)
            n = write_rows(rows, Path(output) if output else sys.stdout, fmt, columns_for(table, columns))
        finally:
            store.close()
    except (NewsEventsError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    _err(f"newsevents: wrote {n} {table}" + (f" to {output}" if output else ""))


@main.command()
@click.argument("gold", type=click.Path(exists=True))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Predictions as JSON Lines from `newsevents extract --format jsonl` (default: run the "
              "pipeline on the gold texts).")
@click.option("--limit", type=int, help="Score only the first N gold records.")
@click.option("--split", help="Score only records of this split (e.g. TST4 for muc4).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@click.option("--config", type=click.Path(dir_okay=False), help="A settings YAML file (see settings.yml).")
def evaluate(gold: str, pred: str | None, limit: int | None, split: str | None, fmt: str,
             config: str | None) -> None:
    """Score extraction against a gold set: precision, recall and F1, misses and false alarms.

    GOLD is a gold.jsonl file or a folder holding one (events, toponyms, quotes or figures).

    Example: newsevents evaluate ../shared/eval/external/petrarch2_gsr_validation
    """
    from newsevents.evaluate import use_benchmarks

    try:
        use_benchmarks()  # the scorers live in a source checkout's benchmarks/, not in the package
        from benchmarks.evaluation.run import run_evaluation

        report = run_evaluation(Path(gold), Path(pred) if pred else None, limit, load_settings(config),
                                split=split)
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(report.render(fmt))


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback only by default).")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
def serve(db: str, host: str, port: int) -> None:
    """Serve the REST API and the dashboard over a store (API schema at /openapi.json).

    Example: newsevents serve --db events.sqlite --port 8000   (then open http://127.0.0.1:8000/)
    """
    _require_store(db)
    import uvicorn

    from newsevents.api import create_app

    try:
        app = create_app(db)
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from exc
    _err(f"newsevents: dashboard at http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@db_option
def dedup(db: str) -> None:
    """Link near-duplicate articles and group events that report one real-world event.

    Recomputes the article groups and event clusters over the whole store (extract does this
    after each batch); exports, the API and the dashboard read them.

    Example: newsevents dedup --db events.sqlite
    """
    _require_store(db)
    try:
        store = _open_store(db)
        try:
            counts = store.recluster()
        finally:
            store.close()
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from exc
    _err(
        f"newsevents: {counts['grouped_articles']} articles in {counts['groups']} near-duplicate groups; "
        f"{counts['events']} events in {counts['clusters']} clusters "
        f"({counts['multi_report_clusters']} reported by more than one article)"
    )

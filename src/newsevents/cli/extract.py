"""`newsevents extract`: read, extract and store, with progress and one summary line.

Data goes to stdout, everything for humans (progress, problems, the summary) to stderr, so
`newsevents extract ... --format jsonl | jq` stays clean.

Printing and storing are separate: `--format json|jsonl` prints, `--db` stores, and only a run
that asks for neither stores into the default ./newsevents.sqlite. So `extract a.txt --format
json` prints the same JSON every time and writes nothing. A store that does not exist yet is
created when the first article has been read, so a run that reads nothing (a missing file)
leaves no empty store behind.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from newsevents.cli.common import (
    DEFAULT_DB,
    EXIT_RESOURCE,
    EXIT_SKIPPED,
    err,
    logs,
    open_store,
    plural,
    quiet_stdout,
    reports_errors,
)
from newsevents.errors import Problem
from newsevents.model import Extraction
from newsevents.settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])
PRINTING = ("json", "jsonl")  # the --format values that print; "none" prints nothing


def _extract_options(func: F) -> F:
    """The options of `extract`, in the order --help lists them."""
    options = [
        click.argument("paths", nargs=-1, required=True),
        click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "none"]), default="none",
                     show_default=True, help="Print each article's extraction to stdout; with json or "
                     "jsonl and no --db, nothing is stored."),
        click.option("--db", help=f"Store: a SQLite path or sqlite:/// URL  [default: {DEFAULT_DB}, "
                     "unless --format prints]"),
        click.option("--no-db", is_flag=True, help="Do not write to any store, even with --db."),
        click.option("--no-text", is_flag=True, help="Leave article.text out of the printed JSON."),
        click.option("--config", type=click.Path(dir_okay=False),
                     help="A settings YAML file (see settings.yml)."),
        click.option("--batch-size", type=int, help="Articles per spaCy batch."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="local: this process; dask: partitions (JSONL files) on a Dask cluster."),
        click.option("--scheduler",
                     help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
        click.option("--out", "out_dir", type=click.Path(file_okay=False), default="newsevents-out",
                     show_default=True, help="With --engine dask: folder for the Parquet and JSONL results."),
        click.option("--workers", type=int,
                     help="Worker processes (default: every core); with --engine dask, the "
                     "local cluster size."),
    ]  # fmt: skip
    for option in reversed(options):
        func = option(func)
    return func


@click.command()
@_extract_options
@logs
@reports_errors(EXIT_RESOURCE, prefix="newsevents: ")
def extract(paths: tuple[str, ...], fmt: str, db: str | None, no_db: bool, no_text: bool,
            config: str | None, batch_size: int | None, quiet: bool, engine: str, scheduler: str | None,
            out_dir: str, workers: int | None) -> None:
    """Extract events from files, directories (recursively) or - (standard input).

    Reads plain text (title, blank line, body; NAME.meta.json beside it gives url, outlet and
    date), HTML pages and JSON Lines, each also gzip-compressed (NAME.jsonl.gz).

    --format json or jsonl prints each extraction and writes nothing unless --db is given;
    without --format, the extractions are stored into --db (default ./newsevents.sqlite).
    Articles already stored are not stored again, so re-running is safe; with --format they
    are still printed. A store is created only once an article has been read.

    With --engine dask, each .jsonl(.gz) file is one partition processed on a Dask cluster; the
    results go to --out as Parquet and JSONL, then into the store as above.

    Example: newsevents extract corpus/ --db events.sqlite
    """
    from newsevents import ingest, pipeline

    settings = load_settings(config).with_overrides(
        batch_size=batch_size, include_text=not no_text, workers=workers
    )
    store = _StoreOnDemand.for_run(db, fmt, no_db)
    if engine == "dask":
        _extract_dask(paths, Path(out_dir), settings, scheduler, store, quiet)
        return
    built = pipeline.build(settings)
    tally = _Tally()
    articles = _skip_stored(ingest.read(list(paths), settings), store, fmt, tally)
    stream = pipeline.run(articles, settings, built)
    try:
        for item in _progress(stream, quiet):
            _handle(item, fmt, settings, store, tally)
            if tally.reader_gone and store is None:
                break  # nothing is stored and nobody reads what is printed: the run is done
        if store is not None:
            store.catch_up(tally)
    except KeyboardInterrupt:  # the workers ignore SIGINT; the pool stopped them on the way out
        tally.interrupted = True
    finally:
        stream.close()  # a run that ended early stops its workers now, not at exit
        if store is not None:
            store.close()
    if tally.printed_again and store is not None:
        err(f"newsevents: {plural(tally.printed_again, 'article')} already stored in {store.url}: "
            "printed from a fresh extraction, not written again")
    if not quiet or tally.interrupted:
        err(tally.summary(counts=not quiet))
    sys.exit(EXIT_SKIPPED if tally.failed or tally.interrupted else 0)


class _StoreOnDemand:
    """The run's store, opened when first needed: an existing store at once (a bad one fails
    before the model loads), a new one only when an article has been read, so a run that reads
    nothing creates no empty store."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._store: Any = None
        if _exists(url):
            self.get()

    @classmethod
    def for_run(cls, db: str | None, fmt: str, no_db: bool) -> _StoreOnDemand | None:
        """The store a run writes: none with --no-db, --db when given, else the default one
        unless the run prints its extractions (printing alone writes nothing)."""
        if no_db or (db is None and fmt in PRINTING):
            return None
        return cls(db if db is not None else DEFAULT_DB)

    @property
    def opened(self) -> bool:
        return self._store is not None

    def get(self) -> Any:
        """The store, opened (and created if need be) on the first call."""
        if self._store is None:
            self._store = open_store(self.url)
        return self._store

    def catch_up(self, tally: _Tally) -> None:
        """After the batch: each article was clustered as it was stored, so only a store written
        by an older newsevents (or just migrated) is clustered in full, once; the summary gets
        the store's cluster count."""
        if self.opened and self.get().behind():
            self.get().recluster()
        if tally.stored:
            tally.clusters = self.get().cluster_count()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def _exists(url: str) -> bool:
    """Whether there is something at `url` to open now: an existing store, a file or folder that
    is no store (refused at once), or a backend that cannot tell (a database server)."""
    from newsevents.errors import StoreError
    from newsevents.store import store_exists

    try:
        return store_exists(url)
    except StoreError:
        return True  # let opening it say what is wrong, before any work is done


def _extract_dask(paths: tuple[str, ...], out: Path, settings: Settings, scheduler: str | None,
                  store: _StoreOnDemand | None, quiet: bool) -> None:
    """The same pipeline over partitions on a Dask cluster, then an idempotent load into the store."""
    from newsevents.distributed import load_into_store, run_dask

    summary = run_dask(list(paths), out, settings, scheduler, n_workers=max(2, settings.workers))
    for problem in summary.problems:
        err(str(problem))
    stored = already = 0
    if store is not None and (summary.articles or store.opened):
        loaded = load_into_store(out, store.get())
        stored, already = loaded.written, loaded.already_stored
        if store.get().behind():
            store.get().recluster()
    if store is not None:
        store.close()
    if not quiet:
        err(f"newsevents: {len(summary.partitions)} partitions; read {summary.articles} articles; "
             f"stored {stored}; already stored {already}; skipped {len(summary.problems)}; "
             f"events {summary.events}; elapsed {summary.seconds:.1f}s; results in {out}")
    sys.exit(EXIT_SKIPPED if any(p.fatal for p in summary.problems) else 0)


class _Tally:
    """Counts for the one summary line at the end of a batch."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.read = self.stored = self.already = self.events = 0
        self.printed_again = 0  # already stored, printed from a fresh extraction
        self.kept: set[str] = set()  # ids of those articles, never written again
        self.skipped: Counter[str] = Counter()
        self.failed = False
        self.interrupted = False
        self.reader_gone = False  # standard output's reader closed the pipe: nothing more printed
        self.clusters: int | None = None

    def summary(self, counts: bool = True) -> str:
        """The one closing line: the counts, said to be partial after an interruption."""
        stop = "interrupted; every article reported as stored is in the store"
        if not counts:
            return "newsevents: " + stop
        reasons = ", ".join(f"{n} {code}" for code, n in sorted(self.skipped.items()))
        skipped = sum(self.skipped.values())
        elapsed = time.monotonic() - self.start
        parts = [
            "read " + plural(self.read, "article"),
            f"stored {self.stored}",
            f"already stored {self.already}",
            f"skipped {skipped}" + (f" ({reasons})" if reasons else ""),
            f"events {self.events}",
            f"elapsed {elapsed:.1f}s",
        ]
        if self.clusters:
            parts.insert(-1, f"store now holds {self.clusters} event clusters")
        if self.interrupted:
            parts.insert(0, stop)
        return "newsevents: " + "; ".join(parts)


def _skip_stored(
    items: Iterable[Any], store: _StoreOnDemand | None, fmt: str, tally: _Tally
) -> Iterator[Any]:
    """Drop articles already in the store before parsing them: re-runs cost reading, not parsing.
    A run that prints extracts them again instead (the store keeps no lossless copy to print
    from) and marks them so they are not written twice."""
    for item in items:
        if store is not None and not isinstance(item, Problem) and store.get().has(item.id):
            if fmt in PRINTING:
                tally.kept.add(item.id)
            else:
                tally.read += 1
                tally.already += 1
                continue
        yield item


def _handle(item: Extraction | Problem, fmt: str, settings: Settings, store: _StoreOnDemand | None,
            tally: _Tally) -> None:
    if isinstance(item, Problem):
        err(str(item))
        if item.fatal:
            tally.skipped[item.code] += 1
            tally.failed = True
        return
    tally.read += 1
    tally.events += len(item.events)
    if fmt in PRINTING and not tally.reader_gone:
        _print(item, fmt, settings, tally)
    if store is None:
        return
    if item.article.id in tally.kept:
        tally.already += 1
        tally.printed_again += 1
    elif store.get().write(item):
        tally.stored += 1
    else:
        tally.already += 1


def _print(item: Extraction, fmt: str, settings: Settings, tally: _Tally) -> None:
    """Print one extraction. A reader that has gone (`| head`) ends the printing, quietly, as
    Unix tools do, and a run that also stores goes on storing every article."""
    try:
        click.echo(item.to_json(include_text=settings.include_text, indent=2 if fmt == "json" else None))
    except BrokenPipeError:
        quiet_stdout()
        tally.reader_gone = True


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
            err(f"newsevents: {n} articles, {(n - 1) / (now - start):.1f} articles/s")
        yield item

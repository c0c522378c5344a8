"""`newsevents watch`: follow a folder or a JSON Lines feed, and store articles as they arrive.

Every article is written in one transaction with its groups and clusters (see the store), so the
store is whole and clustered after each one, whenever the command is stopped. A restart looks at
every file again: articles are keyed by a hash of their text, so those stored before are
skipped before parsing, and what arrived while it was down is read then. Nothing else is kept
between runs. The work runs in this one process: articles come a few at a time, and a pool of
workers would cost more to start than it saves.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from newsevents.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_RESOURCE,
    db_option,
    err,
    fail,
    logs,
    open_store,
    reports_errors,
)
from newsevents.errors import Problem
from newsevents.model import Article, Extraction
from newsevents.settings import Settings, load_settings


class _Status:
    """Counts, shown as one live line on a terminal (rich) and as one summary line at the end."""

    def __init__(self, where: str, live: bool) -> None:
        self.where = where
        self.stored = self.already = self.skipped = self.events = 0
        self.clusters: int | None = None
        self.last: str | None = None
        self._spinner: Any = None
        self._console: Any = None
        if live:
            from rich.console import Console

            self._console = Console(stderr=True)
            self._spinner = self._console.status(self.line())
            self._spinner.start()

    def line(self) -> str:
        """The counts in one line (the live line, and the end of the summary)."""
        parts = [f"stored {self.stored}", f"already stored {self.already}", f"skipped {self.skipped}",
                 f"events {self.events}"]  # fmt: skip
        if self.clusters is not None:
            parts.append(f"store holds {self.clusters} event clusters")
        if self.last:
            parts.append(f"last article at {self.last}")
        return f"watching {self.where}: " + "; ".join(parts)

    def say(self, text: str) -> None:
        """A line for humans above the live line (a problem with one input)."""
        if self._console is not None:
            self._console.print(text, markup=False, highlight=False)
        else:
            err(text)

    def update(self) -> None:
        if self._spinner is not None:
            self._spinner.update(self.line())

    def stop(self) -> None:
        if self._spinner is not None:
            self._spinner.stop()
            self._spinner = None


@click.command()
@click.argument("path")
@db_option
@click.option("--config", type=click.Path(dir_okay=False), help="A settings YAML file (see settings.yml).")
@click.option("--interval", type=click.FloatRange(min=0.05), default=1.0, show_default=True,
              help="Seconds between looks at the folder.")  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No status line and no summary line.")
@logs
@reports_errors(EXIT_RESOURCE, prefix="newsevents: ")
def watch(path: str, db: str, config: str | None, interval: float, quiet: bool) -> None:
    """Follow a folder (new and changed files, recursively) or - (JSON Lines on standard input):
    extract and store each article as it arrives, clustered as it is stored.

    Runs until Ctrl-C (or the end of standard input). A restart skips what is stored (articles
    are keyed by their text) and reads what arrived meanwhile, so nothing is lost or stored
    twice. A file whose text changed is a new article: the old version stays, and the two are
    grouped as near-duplicates. A file is read once it is unchanged for one --interval.

    Example: newsevents watch incoming/ --db events.sqlite
    """
    from newsevents import pipeline

    folder = None if path == "-" else Path(path)
    if folder is not None and not folder.is_dir():
        fail(f"{path}: not a folder (watch follows a folder, or - for JSON Lines on standard input)",
             prefix="newsevents: ")  # fmt: skip
    settings = load_settings(config).with_overrides(workers=1)
    store = open_store(db)
    status = _Status("standard input" if folder is None else path, not quiet and sys.stderr.isatty())
    interrupted = False
    try:
        if store.behind():  # written by an older newsevents: cluster it once, then per article
            store.recluster()
        built = pipeline.build(settings)
        status.clusters = store.cluster_count()
        status.update()
        if folder is None:
            _follow_stdin(settings, built, store, status)
        else:
            _follow_folder(folder, interval, settings, built, store, status)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        status.stop()
        store.close()
    if interrupted:
        err("newsevents: interrupted; every article reported as stored is in the store; " + status.line())
        sys.exit(EXIT_INTERRUPTED)
    if not quiet:
        err("newsevents: " + status.line())


def _follow_folder(folder: Path, interval: float, settings: Settings, built: Any, store: Any,
                   status: _Status) -> None:  # fmt: skip
    """Look at the folder every `interval` seconds and store what is new, until interrupted."""
    from newsevents import ingest
    from newsevents.ingest.follow import FolderWatch

    watcher = FolderWatch(folder)
    said: set[str] = set()
    while True:
        ready, problems = watcher.changed()
        lines = {str(p) for p in problems}
        for line in sorted(lines - said):  # a folder gone unreadable is said once, not every look
            status.say(line)
        said = lines
        if ready:
            _store_all(ingest.read([str(p) for p in ready], settings), settings, built, store, status)
        time.sleep(interval)


def _follow_stdin(settings: Settings, built: Any, store: Any, status: _Status) -> None:
    """Store each JSON line as soon as it has arrived, until the stream ends."""
    from newsevents import ingest

    for item in ingest.read_lines(sys.stdin.buffer, settings):
        _store_all([item], settings, built, store, status)


def _store_all(items: Iterable[Article | Problem], settings: Settings, built: Any, store: Any,
               status: _Status) -> None:  # fmt: skip
    """Extract and store `items`, reporting each problem in one line; the batch goes on."""
    from newsevents import pipeline

    before = status.stored
    for result in pipeline.run(_unstored(items, store, status), settings, built):
        if isinstance(result, Problem):
            status.say(str(result))
            status.skipped += int(result.fatal)
        elif isinstance(result, Extraction):
            if store.write(result):
                status.stored += 1
                status.events += len(result.events)
                status.last = time.strftime("%H:%M:%S")
            else:
                status.already += 1
        status.update()
    if status.stored > before:
        status.clusters = store.cluster_count()
        status.update()


def _unstored(items: Iterable[Article | Problem], store: Any, status: _Status) -> Iterator[Article | Problem]:
    """Articles not stored yet: a restart re-reads every file, but parses only what is new."""
    for item in items:
        if isinstance(item, Article) and store.has(item.id):
            status.already += 1
            continue
        yield item

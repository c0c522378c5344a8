"""Following a folder: which article files are new or changed since the last look, once settled.

A file is handed over when it is new or its size or modification time changed, and only once it
looked the same on two scans in a row, so a file still being written is never read half-way
(the price is one polling interval of delay). Polling with `os.scandir`/`os.stat` needs no
platform's notification API, works on network mounts, and costs one listing per interval.

What a changed file means is the store's business: articles are keyed by a hash of their text,
so a file whose text changed gives a new article (the new version, grouped with the old one as
a near-duplicate), and one whose text is the same gives an article already stored.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsevents.errors import Problem
from newsevents.ingest import files
from newsevents.ingest.text import sidecar_path

Stamp = tuple[int, int]  # (size, modification time in ns)


class FolderWatch:
    """The article files under one folder, as `walk` finds them, with what was handed over."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._done: dict[Path, Stamp] = {}  # handed over, with the stamp it had then
        self._last: dict[Path, Stamp] = {}  # seen on the previous scan

    def changed(self) -> tuple[list[Path], list[Problem]]:
        """Files new or changed since handed over and unchanged since the previous scan, in
        `walk` order, with the problems of listing the folder. A text file counts as changed
        when its `.meta.json` sidecar changed too."""
        now: dict[Path, Stamp] = {}
        problems: list[Problem] = []
        for item in files.walk(self.folder):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            stamp = _stamp(item)
            if stamp is not None:
                now[item] = stamp
        ready = [p for p, stamp in now.items() if self._last.get(p) == stamp and self._done.get(p) != stamp]
        self._last = now
        for path in ready:
            self._done[path] = now[path]
        return ready, problems


def _stamp(path: Path) -> Stamp | None:
    """Size and mtime of the file and of its sidecar, if any; None when it vanished meanwhile."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    size, mtime = info.st_size, info.st_mtime_ns
    try:
        extra = os.stat(sidecar_path(path))
        size, mtime = size + extra.st_size, max(mtime, extra.st_mtime_ns)
    except OSError:
        pass
    return size, mtime

"""Where an export goes, and how it gets there without harming what was there before.

A regular file is never written in place: the rows go to a temporary file in the same folder,
which is flushed to disk and renamed over the target only once every row is written, so an
export that fails (a full disk, a bad row, Ctrl-C) leaves the old file, or none, never a
truncated one. An existing regular file is replaced only when the caller says so
(`overwrite`, the CLI's `--force`). Anything else that exists (a terminal, /dev/stdout, a FIFO,
a device) is written directly, as a stream: renaming over it would be wrong. A format that
needs a file path (Parquet) writes such a target through a temporary file whose bytes are then
copied in, because writers that need a path may delete it on failure (pyarrow does), and a
device such as /dev/full must never be deleted. Every failure to write is one `ExportError`
naming the path and the reason (E307, E308).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from newsevents.errors import ExportError


def is_stream(path: Path) -> bool:
    """True when `path` exists and is not a regular file (a device, a FIFO, a terminal)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


@contextmanager
def target(path: Path, overwrite: bool, text: bool) -> Iterator[IO[str] | Path]:
    """A text handle (`text`) or a path to write the export to, put in place at `path` on success.

    ExportError when `path` cannot be written; any exception inside the block removes what
    was written so far and is raised on.
    """
    if path.is_dir():
        raise ExportError("E307", path=path, reason="it is a folder")
    if is_stream(path):
        with failures(path):
            if not text:
                yield from _copied_in(path)
                return
            with path.open("w", encoding="utf-8", newline="") as handle:
                yield handle
        return
    if path.exists() and not overwrite:
        raise ExportError("E308", path=path)
    folder = path.parent
    if not folder.is_dir():
        raise ExportError("E307", path=path, reason=f"there is no folder {str(folder)!r}")
    with failures(path, "cannot make a temporary file beside it"):
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    temporary = Path(name)
    try:
        with failures(path):
            if text:
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                    yield handle
                    handle.flush()
                    os.fsync(handle.fileno())
            else:
                os.close(fd)
                yield temporary
            os.chmod(temporary, _mode(path))
            os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _copied_in(path: Path) -> Iterator[Path]:
    """A temporary file to write, whose bytes are then copied into the stream at `path`."""
    fd, name = tempfile.mkstemp(prefix="newsevents-export-", suffix=".part")
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb") as source, path.open("wb") as sink:
            shutil.copyfileobj(source, sink)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


@contextmanager
def failures(path: Path | str, step: str = "") -> Iterator[None]:
    """OSError (including pyarrow's, which subclass it) as one ExportError naming `path`."""
    try:
        yield
    except OSError as exc:
        reason = exc.strerror or (str(exc).splitlines() or [type(exc).__name__])[0]
        raise ExportError("E307", path=path, reason=f"{step} ({reason})" if step else reason) from exc


def _mode(path: Path) -> int:
    """The permissions the export gets: the replaced file's, else what the umask allows."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask

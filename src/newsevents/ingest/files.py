"""Turning paths into decoded texts: walking folders, and refusing bad files before parsing.

Every check that can be made without reading (existence, kind, size) is made on `stat`, so a
stray 50 MB dump is never loaded and a FIFO, socket or device is never opened (opening a FIFO
waits forever for a writer). Reading is capped at `max_file_bytes + 1` bytes as well, in case a
file grows between the check and the read. The size limit is per article: a text or HTML file
is one article, while a JSON Lines file or stream is read line by line as it is parsed
(`Stream`), so a feed of any size is read in memory bounded by its longest line.

Paths are kept as the OS gave them (names that are not UTF-8 included), but every origin
printed or stored is `display(path)`: such bytes are written as backslash escapes.

A name ending in `.gz` (`feed.jsonl.gz`, `a.txt.gz`) is read through gzip, streamed like its
plain twin and judged by the name without `.gz`, and so is standard input that starts with
gzip's magic number; the limits apply to the decompressed bytes, so a small file that inflates
to gigabytes is cut off like a large one. A corrupt or truncated
gzip file is one E117 naming it (a JSON Lines file keeps the lines read before the damage).
"""

from __future__ import annotations

import gzip
import io
import os
import re
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from newsevents.errors import IngestError, Problem
from newsevents.ingest.encoding import SNIFF_BYTES, binary_or_wide, check_bytes, decode, problem

__all__ = [
    "Source", "Stream", "display", "is_gzip", "kind_of", "problem", "read_path", "read_stream", "walk",
]

TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm"}
JSONL_EXT = {".jsonl", ".ndjson"}
SIDECAR_SUFFIX = ".meta.json"
GZIP_SUFFIX = ".gz"
GZIP_MAGIC = b"\x1f\x8b"  # how standard input is known to be gzip, having no name
# What reading a damaged gzip file raises: a bad header or checksum (BadGzipFile, an OSError),
# a stream cut short (EOFError), or bad compressed data (zlib.error).
GZIP_ERRORS = (OSError, EOFError, zlib.error)
CHUNK_BYTES = 1 << 16
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
FILE_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a directory",
}


@dataclass(frozen=True)
class Source:
    """A decoded input: its text, where it came from, and which reader should parse it."""

    origin: str
    text: str
    kind: str  # "text" or "html" ("jsonl" only when built by hand; readers get a Stream)
    path: Path | None = None
    received: str | None = None  # the UTC day the file was last written (`Article.received`)


@dataclass(frozen=True)
class Stream:
    """A JSON Lines input, not yet read: its bytes come in chunks as the lines are parsed."""

    origin: str
    chunks: Iterator[bytes]
    kind: str = "jsonl"


def display(path: str | os.PathLike[str]) -> str:
    """The path as printable, storable text: bytes of a name that are not UTF-8 (held as lone
    surrogates by Python) become backslash escapes, so `caf\\xe9.txt` prints instead of raising,
    and so do control characters, so a name with a newline still makes one report line."""
    raw = os.fspath(path)
    text = raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def kind_of(path: Path) -> str | None:
    """The reader for a file inside a folder by its name, or None to skip it silently."""
    name = path.name.lower()
    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
        return None
    suffix = Path(name.removesuffix(GZIP_SUFFIX)).suffix
    if suffix in TEXT_EXT:
        return "text"
    if suffix in HTML_EXT:
        return "html"
    if suffix in JSONL_EXT:
        return "jsonl"
    return None


def is_gzip(path: Path) -> bool:
    """Whether the file is read through gzip: by its name, as the kind is."""
    return path.name.lower().endswith(GZIP_SUFFIX)


def _listing(folder: str) -> list[os.DirEntry[str]] | Problem:
    try:
        with os.scandir(folder) as entries:
            return sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        return problem(display(folder), "E103", exc.strerror or str(exc))


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None  # reported when the file is read (E109, E103)
    return info.st_dev, info.st_ino


def walk(folder: Path) -> Iterator[Path | Problem]:
    """Readable article files under `folder`, recursively, in sorted order; hidden entries skipped.

    Iterative (no depth limit) and loop-proof: each real directory is entered once, however many
    symbolic links lead to it, and a file reached twice (through links) is yielded once.
    """
    root = str(folder)
    seen_dirs = {_identity(root)}
    seen_files: set[tuple[int, int]] = set()
    first = _listing(root)
    if isinstance(first, Problem):
        yield first
        return
    stack = [iter(first)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            key = _identity(entry.path)
            if key is None or key in seen_dirs:
                continue
            seen_dirs.add(key)
            listing = _listing(entry.path)
            if isinstance(listing, Problem):
                yield listing
            else:
                stack.append(iter(listing))
            continue
        path = Path(entry.path)
        if not kind_of(path):
            continue
        key = _identity(entry.path)
        if key is not None:
            if key in seen_files:
                continue
            seen_files.add(key)
        yield path


def _regular(path: Path) -> os.stat_result | Problem:
    """The file's status when it is a regular file (following links); else the Problem."""
    origin = display(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return problem(origin, "E109")
    except OSError as exc:
        return problem(origin, "E103", exc.strerror or str(exc))
    if not stat.S_ISREG(info.st_mode):
        what = FILE_KINDS.get(stat.S_IFMT(info.st_mode), "a special file")
        return problem(origin, "E103", f"not a regular file ({what})")
    return info


def read_path(path: Path, kind: str, max_bytes: int) -> Source | Stream | Problem:
    """Stat, size-check, read and decode one file; a JSON Lines file is streamed instead, and a
    gzip file is decompressed as it is read (its size on disk says nothing of the text's)."""
    origin = display(path)
    info = _regular(path)
    if isinstance(info, Problem):
        return info
    packed = is_gzip(path)
    if kind != "jsonl" and not packed and info.st_size > max_bytes:
        return problem(origin, "E107", f"{info.st_size:,} bytes")
    try:
        handle = _open(path, packed)
    except OSError as exc:
        return problem(origin, "E103", exc.strerror or str(exc))
    if kind == "jsonl":
        return Stream(origin, _chunks(handle, b"", close=True, packed=packed))
    with handle:
        try:
            data = handle.read(max_bytes + 1)
        except GZIP_ERRORS as exc:
            return _unreadable(origin, exc, packed)
    return _finish(origin, data, kind, max_bytes, path, _modified_day(info))


def _modified_day(info: os.stat_result) -> str | None:
    """The UTC day a file was last written: when a desk received it, for an article that gives
    no date of its own; None for a time the platform cannot turn into a date."""
    try:
        return datetime.fromtimestamp(info.st_mtime, UTC).date().isoformat()
    except (OSError, OverflowError, ValueError):
        return None


def _open(path: Path, packed: bool) -> IO[bytes]:
    """The file's bytes, decompressed when it is gzip; the caller closes it (a stream when done)."""
    if packed:
        return gzip.open(path, "rb")
    return path.open("rb")


def _unreadable(origin: str, exc: BaseException, packed: bool, where: str = "") -> Problem:
    """E117 for damaged gzip data, E103 for a failed read (a disk error) of a plain file."""
    if packed and not (isinstance(exc, OSError) and exc.errno is not None):
        return problem(origin, "E117", where + _reason(exc))
    return problem(origin, "E103", where + _reason(exc))


def _reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__


def read_stream(stream: IO[bytes], max_bytes: int, origin: str = "<stdin>") -> Source | Stream | Problem:
    """Standard input: the format is sniffed from the first bytes, since there is no file name to
    go by (gzip by its magic number, then what it holds); JSON Lines is then streamed, anything
    else read whole (up to the limit)."""
    head = _as_bytes(stream.read(SNIFF_BYTES))
    packed = head.startswith(GZIP_MAGIC)
    try:
        if packed:
            stream = gzip.GzipFile(fileobj=_Joined(head, stream), mode="rb")
            head = stream.read(SNIFF_BYTES)
        if sniff(head.decode("utf-8-sig", "ignore")) == "jsonl" and binary_or_wide(origin, head) is None:
            return Stream(origin, _chunks(stream, head, close=False, packed=packed))
        rest = max_bytes + 1 - len(head)
        data = head + (_as_bytes(stream.read(rest)) if rest > 0 else b"")
    except GZIP_ERRORS as exc:
        return _unreadable(origin, exc, packed)
    return _finish(origin, data, "sniff", max_bytes, None)


class _Joined(io.RawIOBase):
    """Bytes already read (the sniffed head), then the rest of the stream: what gzip decompresses
    when standard input turns out to be compressed."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = _as_bytes(self._rest.read(len(buffer)))
        buffer[: len(data)] = data
        return len(data)


def _as_bytes(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data  # a text stream passed by hand


def _chunks(handle: IO[bytes], head: bytes, close: bool, packed: bool = False) -> Iterator[bytes]:
    """`head`, then the rest of `handle` in chunks; the file is closed when the reader is done.

    A read that fails part-way (damaged gzip data, a disk error) raises IngestError (E117 or
    E103), which the JSON Lines reader reports in one line after the lines read before it.
    """
    try:
        if head:
            yield head
        while True:
            try:
                chunk = _as_bytes(handle.read(CHUNK_BYTES))
            except GZIP_ERRORS as exc:
                bad = _unreadable("", exc, packed)
                raise IngestError(bad.code, detail=_reason(exc)) from exc
            if not chunk:
                break
            yield chunk
    finally:
        if close:
            handle.close()


def _finish(
    origin: str, data: bytes, kind: str, max_bytes: int, path: Path | None, received: str | None = None
) -> Source | Problem:
    if len(data) > max_bytes:
        return problem(origin, "E107", f"more than {max_bytes:,} bytes")
    bad = check_bytes(origin, data)
    if bad:
        return bad
    text = decode(origin, data)
    if isinstance(text, Problem):
        return text
    if kind in ("sniff", "sniff-no-jsonl"):
        kind = sniff(text, allow_jsonl=kind == "sniff")
    return Source(origin, text, kind, path, received)


def sniff(text: str, allow_jsonl: bool = True) -> str:
    """JSONL if the first non-blank line opens a JSON object, HTML if it looks like markup."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if allow_jsonl and first.startswith("{"):
        return "jsonl"
    head = text[:2048].lower()
    markers = ("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ", "<meta ")
    if head.lstrip().startswith("<") and any(m in head for m in markers):
        return "html"
    return "text"

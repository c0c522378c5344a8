"""Turning paths into decoded texts: walking folders, and refusing bad files before parsing.

Every check that can be made without reading (existence, kind, size) is made on `stat`, so a
stray 50 MB dump is never loaded. Reading is capped at `max_file_bytes + 1` bytes as well, in
case a file grows between the check and the read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newsevents.errors import Problem, message

TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm"}
JSONL_EXT = {".jsonl", ".ndjson"}
SIDECAR_SUFFIX = ".meta.json"
CONTROL_SHARE = 0.05  # more control bytes than this (outside tab/newline/CR/FF) means binary
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Source:
    """A decoded input: its text, where it came from, and which reader should parse it."""

    origin: str
    text: str
    kind: str  # "text", "html" or "jsonl"
    path: Path | None = None


def problem(origin: str, code: str, detail: str | None = None, fatal: bool = True) -> Problem:
    text = message(code, detail=detail) if detail is not None else message(code)
    return Problem(origin, code, text, fatal)


def kind_of(path: Path) -> str | None:
    """The reader for a file inside a folder by its name, or None to skip it silently."""
    name = path.name.lower()
    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
        return None
    suffix = path.suffix.lower()
    if suffix in TEXT_EXT:
        return "text"
    if suffix in HTML_EXT:
        return "html"
    if suffix in JSONL_EXT:
        return "jsonl"
    return None


def walk(folder: Path) -> Iterator[Path | Problem]:
    """Readable article files under `folder`, recursively, in sorted order; hidden entries skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield problem(str(folder), "E103", exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from walk(path)
        elif kind_of(path):
            yield path


def check_bytes(origin: str, data: bytes) -> Problem | None:
    """E101 for an empty file, E102 for binary content; None when the bytes may be text."""
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        return problem(origin, "E101")
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return problem(origin, "E102")
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if control / len(head) > CONTROL_SHARE:
        return problem(origin, "E102")
    return None


def decode(origin: str, data: bytes) -> str | Problem:
    """UTF-8 only (a BOM is dropped); any other encoding is reported, never guessed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex().upper()
        return problem(origin, "E105", f"byte 0x{bad} at offset {exc.start}")


def read_path(path: Path, kind: str, max_bytes: int) -> Source | Problem:
    """Stat, size-check, read and decode one file."""
    origin = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return problem(origin, "E109")
    except OSError as exc:
        return problem(origin, "E103", exc.strerror or str(exc))
    if size > max_bytes:
        return problem(origin, "E107", f"{size:,} bytes")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return problem(origin, "E103", exc.strerror or str(exc))
    return _finish(origin, data, kind, max_bytes, path)


def read_stream(stream: IO[bytes], max_bytes: int, origin: str = "<stdin>") -> Source | Problem:
    """Standard input: the format is sniffed, since there is no file name to go by."""
    data = stream.read(max_bytes + 1)
    if isinstance(data, str):  # a text stream was passed; keep going rather than fail
        data = data.encode("utf-8")
    return _finish(origin, data, "sniff", max_bytes, None)


def _finish(origin: str, data: bytes, kind: str, max_bytes: int, path: Path | None) -> Source | Problem:
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
    return Source(origin, text, kind, path)


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

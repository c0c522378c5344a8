"""JSON Lines: one article per line with `text` and optional title, url, source, published, id.

A file or stream is read as it is parsed, a chunk at a time, so a feed of any size is read in
memory bounded by its longest line. The size limit (`max_file_bytes`) applies to each line, as
it does to each text or HTML file: a longer line is reported with its number and skipped
without being held in memory. A broken line is reported with its number and the next line is
read; the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import chain

from newsevents.errors import IngestError, Problem
from newsevents.ingest.article import Meta
from newsevents.ingest.encoding import UTF8_BOM, binary_or_wide, decode, problem
from newsevents.ingest.files import Stream
from newsevents.ingest.text import meta_from_fields, without_surrogates

FIELDS = {
    "title": "title",
    "url": "url",
    "source": "source",
    "outlet": "source",
    "published": "published",
    "publication_date": "published",
    "date": "published",
    "id": "id",
}


def split(chunks: Iterable[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a byte stream without their newlines; None for a line longer than
    `max_bytes`, whose bytes are dropped as they come instead of being gathered."""
    line = bytearray()
    too_long = False
    for chunk in chunks:
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            if not too_long:
                line += chunk[start:end]
            yield None if too_long or len(line) > max_bytes else bytes(line)
            line.clear()
            too_long = False
            start = end + 1
        if not too_long:
            line += chunk[start:]
            if len(line) > max_bytes:
                line.clear()
                too_long = True
    if too_long:
        yield None
    elif line:
        yield bytes(line)


def records(stream: Stream, max_bytes: int) -> Iterator[tuple[str, str, Meta] | Problem]:
    """(origin "path:LINE", article text, metadata) per good line, a Problem per bad one.

    A stream that starts like binary or UTF-16 data is one Problem; one with no line of text
    is empty (E101), as an empty text file is. A stream whose bytes stop coming part-way (a
    damaged gzip file) ends with one Problem naming the last good line; the lines before it stand.
    """
    chunks = iter(stream.chunks)
    number = 0
    try:
        first = next(chunks, b"")
        bad = binary_or_wide(stream.origin, first)
        if bad is not None:
            yield bad
            return
        seen = False
        for number, raw in enumerate(split(chain([first], chunks), max_bytes), start=1):
            where = f"{stream.origin}:{number}"
            if raw is None:
                seen = True
                yield problem(where, "E116", f"more than {max_bytes:,} bytes")
                continue
            if number == 1:
                raw = raw.removeprefix(UTF8_BOM)
            if not raw.strip():
                continue
            seen = True
            line = decode(where, raw)
            if isinstance(line, Problem):
                yield line
            else:
                yield from record(line, where)
    except IngestError as exc:  # the bytes stopped coming: damaged gzip data, a disk error
        after = f"after line {number}: " if number else ""
        yield problem(stream.origin, exc.code, after + str(exc.fields.get("detail", "")))
        return
    if not seen:
        yield problem(stream.origin, "E101")


def record(line: str, where: str) -> Iterator[tuple[str, str, Meta] | Problem]:
    """One line: the article it holds, after any warnings about its fields, or one Problem."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        yield problem(where, "E104", f"{exc.msg} at column {exc.colno}")
        return
    except RecursionError:
        yield problem(where, "E104", "values nested too deeply")
        return
    if not isinstance(data, dict):
        yield problem(where, "E104", f"expected a JSON object, got {type(data).__name__}")
        return
    data, repaired = without_surrogates(data)
    body = data.get("text")
    if not isinstance(body, str) or not body.strip():
        yield problem(where, "E108")
        return
    if repaired:
        yield problem(where, "E113", ", ".join(f"'{key}'" for key in repaired), fatal=False)
    if isinstance(data.get("id"), int):
        data["id"] = str(data["id"])
    meta, warnings = meta_from_fields(data, where, FIELDS, "E104")
    yield from warnings
    yield where, body, meta

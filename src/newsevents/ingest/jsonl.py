"""JSON Lines: one article per line with `text` and optional title, url, source, published, id.

A broken line is reported with its line number and the next line is read; the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsevents.errors import Problem
from newsevents.ingest.article import Meta
from newsevents.ingest.files import problem
from newsevents.ingest.text import meta_from_fields

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


def records(text: str, origin: str) -> Iterator[tuple[str, str, Meta] | Problem]:
    """(origin "path:LINE", article text, metadata) per good line, a Problem per bad one."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield problem(where, "E104", f"{exc.msg} at column {exc.colno}")
            continue
        if not isinstance(data, dict):
            yield problem(where, "E104", f"expected a JSON object, got {type(data).__name__}")
            continue
        body = data.get("text")
        if not isinstance(body, str) or not body.strip():
            yield problem(where, "E108")
            continue
        if isinstance(data.get("id"), int):
            data["id"] = str(data["id"])
        meta, warnings = meta_from_fields(data, where, FIELDS, "E104")
        yield from warnings
        yield where, body, meta

"""Records a program hands over (`newsevents.pipe`): a text, or a mapping read as a JSON line is.

A mapping holds `text` and optional `title`, `url`, `source`, `published` and `id` (and the
aliases a JSON line may use: `outlet`, `publication_date`, `date`). Each record is named by its
position, `record 3`, in every problem about it, so a notebook can find it in its own list.
A record that cannot be an article (no text, neither text nor mapping) is one fatal problem;
a bad field (a date that is not one, an address that is not http(s), an unknown key that is
probably a typo) is a warning, and the article is read without that field, as from a file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from newsevents.errors import Problem
from newsevents.ingest.article import Meta
from newsevents.ingest.encoding import problem
from newsevents.ingest.jsonl import FIELDS
from newsevents.ingest.text import meta_from_fields, without_surrogates

KNOWN = ("text", *FIELDS)


def where(index: int) -> str:
    """How problems and `Article.origin` name the record at `index` (counted from 0)."""
    return f"record {index}"


def record_parts(
    record: object, metadata: Mapping[str, object], index: int
) -> Iterator[tuple[str, Meta] | Problem]:
    """The text and metadata of one record, after any warnings about its fields, or one Problem.

    `metadata` fills the keys the record itself does not give (a plain text gives none).
    """
    origin = where(index)
    if isinstance(record, str):
        given: dict[str, object] = {"text": record}
    elif isinstance(record, Mapping):
        given = {str(key): value for key, value in record.items()}
    else:
        yield problem(origin, "E410", type(record).__name__)
        return
    data, repaired = without_surrogates({**{str(k): v for k, v in metadata.items()}, **given})
    body = data.get("text")
    if not isinstance(body, str) or not body.strip():
        yield problem(origin, "E412")
        return
    unknown = sorted(key for key in data if key not in KNOWN)
    if unknown:
        detail = f"unknown key(s) {unknown}, ignored; the fields are {', '.join(KNOWN)}"
        yield problem(origin, "E411", detail, fatal=False)
    if repaired:
        yield problem(origin, "E113", ", ".join(f"'{key}'" for key in repaired), fatal=False)
    if isinstance(data.get("id"), int) and not isinstance(data.get("id"), bool):
        data["id"] = str(data["id"])
    meta, warnings = meta_from_fields(data, origin, FIELDS, "E411")
    yield from warnings
    yield body, meta

"""Ingestion: files, folders and standard input in; `Article`s (or `Problem`s) out.

    read(paths, settings, stdin=None) -> Iterator[Article | Problem]
    from_records(records, settings, metadata=None) -> Iterator[Article | Problem]  # texts, dicts
    article_from_text(text, *, title=None, url=None, source=None, published=None, origin=None,
                      rules=None) -> Article
    article_id(text) -> str
    load_ingest_rules(files, language) -> IngestRules   # furniture cues, outlets, stopword lists

`read` never raises for bad input: each bad file (or JSONL line) becomes one `Problem` naming
it, and the batch goes on; bad metadata is a warning (a `Problem` with `fatal=False`) and the
article is kept without it. Formats: plain text (title line, blank line, body) with an optional
`NAME.meta.json` sidecar, HTML pages, and JSON Lines; `-` reads standard input and sniffs which.
JSON Lines (files and standard input) are streamed: `max_file_bytes` limits each article (a
line, a text file, a page), never a whole feed.
The data files (furniture cues, outlets, stopword lists) are loaded once per `read` call from
the settings' language and `ingest:` section, and handed to every article built in it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO

from newsevents.errors import Problem
from newsevents.ingest import files, html, jsonl, language, records, text
from newsevents.ingest.article import Meta, article_id, body_text, build
from newsevents.ingest.rules import IngestRules, load_ingest_rules
from newsevents.model import Article
from newsevents.settings import Settings

__all__ = [
    "IngestRules", "article_from_text", "article_id", "from_records", "load_ingest_rules", "read",
    "read_lines",
]  # fmt: skip

Metadata = Mapping[str, object] | Sequence[Mapping[str, object]] | None


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: str | None = None,
    origin: str | None = None,
    rules: IngestRules | None = None,
) -> Article:
    """An Article over `text` exactly as given (offsets point into it); the given metadata wins
    over what the text itself says. Never fails and never checks language: that is `read`'s job.

    `rules` are loaded ingest data (`load_ingest_rules`); without them the shipped English ones
    are loaded for this call, so a caller building many articles loads them once and passes them.
    """
    loaded = rules if rules is not None else load_ingest_rules()
    return build(text, Meta(title=title, url=url, source=source, published=published), loaded, origin)


def read(
    paths: Sequence[str], settings: Settings, stdin: IO[bytes] | None = None
) -> Iterator[Article | Problem]:
    """Articles from files, folders (recursively, sorted) and `-` (standard input), in order.

    The ingest data files are loaded when the first item is read (a bad user file is an E202).
    """
    rules = load_ingest_rules(settings.ingest, settings.language)
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _from_source(files.read_stream(stream, settings.max_file_bytes), settings, rules)
        else:
            yield from _from_path(Path(raw), settings, rules)


def read_lines(stream: IO[bytes], settings: Settings, origin: str = "<stdin>") -> Iterator[Article | Problem]:
    """Articles from a JSON Lines feed that stays open (`newsevents watch -`), each yielded as soon
    as its line has arrived: one read per line and no look-ahead, unlike `read`, which sniffs the
    format from the first bytes and would wait for them."""
    rules = load_ingest_rules(settings.ingest, settings.language)
    yield from _from_source(files.Stream(origin, iter(stream.readline, b"")), settings, rules)


def from_records(
    items: Iterable[object], settings: Settings, metadata: Metadata = None
) -> Iterator[Article | Problem]:
    """Articles from texts, mappings (`records.py`) or Articles, in order, each after its warnings.

    `metadata` is one mapping for every record or a list of one per record (a list of another
    length is a ValueError, raised once the shorter side runs out). A text or mapping is read and
    checked as a JSON line is (English, a body after the title); an Article is taken as it is.
    """
    rules = load_ingest_rules(settings.ingest, settings.language)
    per_record = metadata if isinstance(metadata, Sequence) else None
    count = 0
    for index, item in enumerate(items):
        count = index + 1
        if per_record is not None and index >= len(per_record):
            raise ValueError(f"metadata has {len(per_record)} entries but there are more records")
        meta = per_record[index] if per_record is not None else (metadata or {})
        if isinstance(item, Article):
            yield item
            continue
        for part in records.record_parts(item, meta, index):
            if isinstance(part, Problem):
                yield part
            else:
                yield _checked(build(part[0], part[1], rules, records.where(index)), rules, settings)
    if per_record is not None and count < len(per_record):
        raise ValueError(f"metadata has {len(per_record)} entries for {count} records")


def _from_path(path: Path, settings: Settings, rules: IngestRules) -> Iterator[Article | Problem]:
    """A file named on the command line (read whatever its name) or a folder (walked)."""
    try:
        is_dir = path.is_dir()
        exists = path.exists() or path.is_symlink()
    except OSError as exc:
        yield files.problem(files.display(path), "E103", exc.strerror or str(exc))
        return
    if not exists:
        yield files.problem(files.display(path), "E109")
    elif is_dir:
        for item in files.walk(path):
            if isinstance(item, Problem):
                yield item
            else:
                yield from _from_file(item, str(files.kind_of(item)), settings, rules)
    else:
        yield from _from_file(path, files.kind_of(path) or "sniff-no-jsonl", settings, rules)


def _from_file(path: Path, kind: str, settings: Settings, rules: IngestRules) -> Iterator[Article | Problem]:
    yield from _from_source(files.read_path(path, kind, settings.max_file_bytes), settings, rules)


def _from_source(
    source: files.Source | files.Stream | Problem, settings: Settings, rules: IngestRules
) -> Iterator[Article | Problem]:
    if isinstance(source, Problem):
        yield source
        return
    if isinstance(source, files.Source) and source.kind == "jsonl":  # sniffed after reading whole
        source = files.Stream(source.origin, iter([source.text.encode("utf-8")]))
    if isinstance(source, files.Stream):
        for record in jsonl.records(source, settings.max_file_bytes):
            if isinstance(record, Problem):
                yield record
            else:
                where, body, meta = record
                yield _checked(build(body, meta, rules, where), rules, settings)
        return
    meta, warnings = text.read_sidecar(source.path) if source.path else (Meta(), [])
    meta = replace(meta, received=source.received)
    yield from warnings
    if source.kind == "html":
        yield from _from_html(source, meta, settings, rules)
        return
    yield _checked(build(source.text, meta, rules, source.origin), rules, settings)


def _from_html(
    source: files.Source, meta: Meta, settings: Settings, rules: IngestRules
) -> Iterator[Article | Problem]:
    extracted = html.extract(source.text, meta, source.origin)
    if extracted is None:
        yield files.problem(source.origin, "E112")
        return
    body, found, warnings = extracted
    yield from warnings
    given = Meta(
        title=found.title or "", url=found.url, source=found.source, published=found.published, id=found.id,
        received=meta.received,
    )
    yield _checked(build(body, given, rules, source.origin), rules, settings)


def _checked(article: Article, rules: IngestRules, settings: Settings) -> Article | Problem:
    """The article, or the Problem that keeps it out: not English (said first, since a text in
    another script often has no line the title rule reads as a body), or a title with no body."""
    origin = article.origin or "<text>"
    body = body_text(article)
    guess = language.not_english(body or article.text, settings.min_english_ratio, rules.languages)
    if guess is not None:
        return files.problem(origin, "E106", guess)
    if article.title_span is not None and not body:
        return files.problem(origin, "E110")
    return article

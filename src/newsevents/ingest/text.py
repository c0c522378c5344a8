"""Plain-text articles (title line, blank line, body) and their `NAME.meta.json` sidecars."""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsevents.errors import Problem
from newsevents.ingest import dates
from newsevents.ingest.article import Meta
from newsevents.ingest.files import SIDECAR_SUFFIX, problem

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


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> tuple[Meta, list[Problem]]:
    """The metadata beside `path`, if any. A broken sidecar is a warning (E111, not fatal): the
    article is still worth reading without it. Unknown keys are ignored; null means unknown."""
    side = sidecar_path(path)
    if not side.exists():
        return Meta(), []
    origin = str(side)
    try:
        if side.stat().st_size > MAX_SIDECAR_BYTES:
            return Meta(), [problem(origin, "E111", "file is too large", fatal=False)]
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        return Meta(), [problem(origin, "E111", f"cannot read it ({exc})", fatal=False)]
    except json.JSONDecodeError as exc:
        return Meta(), [
            problem(origin, "E111", f"not valid JSON ({exc.msg} at line {exc.lineno})", fatal=False)
        ]
    if not isinstance(data, dict):
        return Meta(), [problem(origin, "E111", "not a JSON object", fatal=False)]
    return meta_from_fields(data, origin, SIDECAR_KEYS, "E111")


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
            norm = value if ISO_DATE.fullmatch(value) and dates.normalise(value) else dates.find(value)
            if norm is None:
                problems.append(problem(origin, code, f"'{key}' is not a date: {value!r}", fatal=False))
                continue
            value = norm
        values[field] = value.strip()
    return Meta(**values), problems

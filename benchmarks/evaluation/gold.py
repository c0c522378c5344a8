"""Reading gold sets: one JSON object per line, its format told by the shape of the records.

Six shapes are scored (see the external gold README, "Uniform record shapes"): sentences with
`events`, articles with `toponyms`, articles with `quotes`, excerpts with displacement `figures`,
MUC-style documents with incident `templates` (dates, casualties), and sentences whose `events`
give a trigger and the `locations` where it happened (kind `event_locations`), and snippets with
one `event_type` label and no `events` (kind `event_types`, CASE 2021 Task 2).
Gold annotated on whole stories kept beside it (`stories.jsonl`) is read by stories.py
(kind `story_events`).
A bad line stops the run with one line naming `file:line`, because a silently skipped gold record
would make every figure after it wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from newsevents.errors import GoldError

Kind = Literal[
    "events", "toponyms", "quotes", "figures", "templates", "event_locations", "event_types", "story_events"
]
KINDS: tuple[Kind, ...] = ("events", "toponyms", "quotes", "figures", "templates")
# The record key that holds a kind's items (event locations are events with a trigger and places).
ITEMS_KEY: dict[str, str] = {"event_locations": "events"}
# Record shapes that are recognised but not scored: key (in an event) -> what they hold.
UNSCORED = {
    "arguments": "event arguments",
    "event_type": "event types without actors",
}
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
# A wire dateline at the head of a text: "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) --".
DATELINE = re.compile(r"^[^\n]{0,80}?,\s*(\d{1,2})\s+([A-Z]{3})\s+(\d{2}|\d{4})\b")


@dataclass(frozen=True)
class GoldRecord:
    """One gold item: the text, where it was read, and its annotations as given."""

    id: str
    text: str
    line: int
    date: str | None
    items: tuple[Mapping[str, Any], ...]
    raw: Mapping[str, Any]


@dataclass(frozen=True)
class GoldSet:
    name: str  # the folder name, e.g. petrarch2_gsr_validation
    path: Path
    kind: Kind
    records: tuple[GoldRecord, ...]


def gold_files(path: Path) -> list[Path]:
    """The gold.jsonl files a path names: the file itself, the folder's, or its sub-folders'."""
    if path.is_file():
        return [path]
    if (path / "gold.jsonl").is_file():
        return [path / "gold.jsonl"]
    if path.is_dir():
        found = sorted(path.glob("*/gold.jsonl"))
        if found:
            return found
    raise GoldError("E401", detail=f"{path}: no gold.jsonl there")


def _first_event(record: Mapping[str, Any]) -> Mapping[str, Any]:
    events = record.get("events")
    return events[0] if isinstance(events, list) and events and isinstance(events[0], dict) else {}


def unscored_shape(record: Mapping[str, Any]) -> str | None:
    """What a record holds when it is a known shape this scorer does not read, else None."""
    inner = _first_event(record)
    return next((what for key, what in UNSCORED.items() if key in inner), None)


def detect_kind(record: Mapping[str, Any]) -> Kind | None:
    """The format of a record from its keys; None for shapes this scorer does not read."""
    if isinstance(record.get("event_type"), str) and "events" not in record:
        return "event_types"
    inner = _first_event(record)
    if "trigger" in inner and "locations" in inner:
        return "event_locations"
    if unscored_shape(record):
        return None
    for kind in KINDS:
        if isinstance(record.get(kind), list):
            return kind
    return None


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD from the date spellings of the gold sets ("20080804", "2009-03-20 12:24:52-05")."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) >= 8 and text[:8].isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        return text[:10]
    return None


def dateline_date(text: str) -> str | None:
    """The date of a wire dateline opening the text ("LIMA, 4 FEB 90 (EFE) --"), as YYYY-MM-DD.

    MUC documents carry no date field but every one opens with such a line; it is the day the
    report was filed, which is what the pipeline needs as the publication date.
    """
    m = DATELINE.match(text.upper())
    if not m or m.group(2) not in MONTHS:
        return None
    day, month, year = int(m.group(1)), MONTHS.index(m.group(2)) + 1, int(m.group(3))
    if year < 100:
        year += 1900 if year >= 50 else 2000
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None


def _bad(origin: str, detail: str) -> GoldError:
    return GoldError("E402", detail=f"{origin}: {detail}")


def _record(obj: Any, origin: str, number: int, kind: Kind) -> GoldRecord:
    if not isinstance(obj, dict):
        raise _bad(origin, "expected a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise _bad(origin, "no 'text' string")
    if kind == "templates" and isinstance(obj.get("text_mixed_case"), str):
        text = obj["text_mixed_case"]  # template slots carry no offsets; the parser reads case
    key = ITEMS_KEY.get(kind, kind)
    items = obj.get(key)
    if kind == "event_types":
        if not isinstance(obj.get("event_type"), str):
            raise _bad(origin, "no 'event_type' string (the file's first record has one)")
        items = [{"event_type": obj["event_type"]}]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise _bad(origin, f"'{key}' is not a list of objects (the file's first record has '{key}')")
    rid = obj.get("id")
    return GoldRecord(
        id=str(rid) if rid is not None else f"line{number}",
        text=text,
        line=number,
        date=iso_date(obj.get("date")) or (dateline_date(text) if kind == "templates" else None),
        items=tuple(items),
        raw=obj,
    )


def read_gold(path: Path, limit: int | None = None, split: str | None = None) -> GoldSet:
    """Read one gold.jsonl; the first record fixes the format, every later one must share it.

    `split` keeps only records whose `split` field equals it (MUC's TST4, PolNeAR's test);
    `limit` then keeps the first N of those.
    """
    try:
        # JSON Lines break at "\n" only: `splitlines` would also cut a record at a Unicode line
        # or paragraph separator (U+2028, U+2029) written raw inside one of its strings.
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError("E401", detail=f"{path}: {exc}") from exc
    kind: Kind | None = None
    records: list[GoldRecord] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if limit is not None and len(records) >= limit:
            break
        origin = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _bad(origin, f"broken JSON ({exc.msg}, column {exc.colno})") from exc
        if kind is None:
            kind = detect_kind(obj) if isinstance(obj, dict) else None
            if kind is None:
                shape = unscored_shape(obj) if isinstance(obj, dict) else None
                what = (
                    f"{shape} are not scored"
                    if shape
                    else "no events, toponyms, quotes, figures or templates list"
                )
                raise _bad(origin, what)
        if split is not None and isinstance(obj, dict) and obj.get("split") != split:
            continue
        records.append(_record(obj, origin, number, kind))
    if kind is None:
        raise GoldError("E401", detail=f"{path}: no records")
    name = path.parent.name if path.name == "gold.jsonl" else path.stem
    return GoldSet(name, path, kind, tuple(records))

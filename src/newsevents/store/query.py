"""Event filters: checking a user's filter values and turning them into portable SQL.

Validation happens here, before any SQL runs, so a bad value gets the same `[E302]` message
from every store. The SQL is plain enough for SQLite and PostgreSQL alike; only the
parameter placeholder differs, and the caller names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsevents.errors import StoreError
from newsevents.store.rows import COLUMNS

_ISO3 = re.compile(r"[A-Za-z]{3}")
_ACTOR = re.compile(r"[A-Za-z0-9]{1,30}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class EventFilter:
    """What `Store.events` selects; every field left None selects everything.

    `country` (ISO3) and `actor` (a code prefix such as "SYR", "SYRGOV", "IGO") match the
    source or the target; `cameo_root` accepts "19", 19 or a full code such as "190";
    `date_from`/`date_to` (YYYY-MM-DD, inclusive) apply to the event's date, or to the
    article's published date when the event has none.
    """

    country: str | None = None
    actor: str | None = None
    cameo_root: str | int | None = None
    date_from: str | None = None
    date_to: str | None = None
    article_id: str | None = None
    limit: int | None = None


# Event columns, then the article fields joined in (the article's `source` is the outlet;
# the event's actors live in source_* and target_*, so the names never clash).
EVENT_COLUMNS: tuple[str, ...] = (*COLUMNS["events"], "title", "url", "source", "published")


def events_sql(filters: EventFilter, placeholder: str = "?") -> tuple[str, list[object]]:
    """The SELECT for `filters` and its parameters, in the order `EVENT_COLUMNS` lists."""
    clauses, params = _where(filters, placeholder)
    cols = ", ".join([*(f"e.{c}" for c in COLUMNS["events"]), "a.title", "a.url", "a.source", "a.published"])
    sql = f"SELECT {cols} FROM events e JOIN articles a ON a.id = e.article_id"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    # `published IS NULL` first puts undated articles last in every engine.
    sql += " ORDER BY (a.published IS NULL), a.published, e.article_id, e.idx"
    limit = _limit(filters.limit)
    if limit is not None:
        sql += f" LIMIT {limit}"
    return sql, params


def _where(f: EventFilter, ph: str) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if f.country is not None:
        country = _check(f.country, _ISO3, "country", "an ISO 3166 alpha-3 code such as SYR").upper()
        clauses.append(f"(e.source_country = {ph} OR e.target_country = {ph})")
        params += [country, country]
    if f.actor is not None:
        prefix = _check(f.actor, _ACTOR, "actor", "a code prefix of letters and digits such as SYRGOV")
        # The pattern holds only letters and digits, so no LIKE wildcard can slip in.
        pattern = prefix.upper() + "%"
        clauses.append(f"(e.source_code LIKE {ph} OR e.target_code LIKE {ph})")
        params += [pattern, pattern]
    if f.cameo_root is not None:
        clauses.append(f"e.cameo_root = {ph}")
        params.append(cameo_root(f.cameo_root))
    when = "COALESCE(e.date, a.published)"
    start, end = _date(f.date_from, "date_from"), _date(f.date_to, "date_to")
    if start is not None and end is not None and start > end:
        raise StoreError("E302", detail=f"date_from {start} is after date_to {end}")
    if start is not None:
        clauses.append(f"{when} >= {ph}")
        params.append(start)
    if end is not None:
        clauses.append(f"{when} <= {ph}")
        params.append(end)
    if f.article_id is not None:
        clauses.append(f"e.article_id = {ph}")
        params.append(str(f.article_id))
    return clauses, params


def cameo_root(value: str | int) -> str:
    """The two-digit CAMEO root ("01".."20") named by 19, "19", "190" or "1902"."""
    if isinstance(value, bool):
        raise StoreError("E302", detail=f"cameo_root {value!r} is not a CAMEO code")
    text = f"{value:02d}" if isinstance(value, int) else str(value).strip()
    if len(text) == 1 and text.isdigit():
        text = "0" + text
    root = text[:2]
    if not (text.isascii() and text.isdigit() and len(text) <= 4 and 1 <= int(root) <= 20):
        raise StoreError(
            "E302", detail=f"cameo_root {value!r} is not a CAMEO root (two digits, 01 to 20, such as 19)"
        )
    return root


def _check(value: str, pattern: re.Pattern[str], name: str, expected: str) -> str:
    text = str(value).strip()
    if not pattern.fullmatch(text):
        raise StoreError("E302", detail=f"{name} {value!r} is not {expected}")
    return text


def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        date.fromisoformat(text)
    except ValueError:
        raise StoreError("E302", detail=f"{name} {value!r} is not a date as YYYY-MM-DD") from None
    return text


def _limit(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise StoreError("E302", detail=f"limit {value!r} is not a whole number of 0 or more")
    return value

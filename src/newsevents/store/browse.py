"""The SQL behind browsing a store page by page: the reads of the REST API and the dashboard.

`Store.events` answers "every event matching these filters"; a browser needs more: a page of
rows with the total behind it, text search, a bounding box, a PLOVER type, one article with
every item extracted from it, and counts per day. Each function here returns SQL and its
parameters for the store (`views.StoreViews`) to run; every value reaches the database as a
parameter, and the only text formatted into SQL is column and table names from `tables.py`
and the dialect's placeholder, so the same SQL serves SQLite ("?") and PostgreSQL ("%s"):
`LOWER(..) LIKE LOWER(..)` instead of engine-specific case-insensitive matching, `ESCAPE '\\'`
for literal wildcards.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from newsevents.errors import StoreError
from newsevents.store import rows as row_builders
from newsevents.store import search as text_search
from newsevents.store.query import CODE_TAIL, EventFilter, _where
from newsevents.store.search import Search
from newsevents.store.tables import NO_DAY, UNDATED

Row = dict[str, Any]

CHILD_TABLES: tuple[str, ...] = ("events", "actors", "quantities", "quotes", "locations")
ARTICLE_FIELDS: tuple[str, ...] = ("id", "title", "url", "source", "published")
MAX_QUERY_CHARS = 200
_PLOVER = re.compile(r"[A-Za-z_]{2,30}")
_KIND = re.compile(r"[A-Za-z_ -]{1,40}")
_WHEN = "COALESCE(e.date, a.published)"


@dataclass(frozen=True)
class EventQuery:
    """`EventFilter` plus what only a browser asks for.

    `bbox` is (min_lon, min_lat, max_lon, max_lat) in degrees; a box whose min_lon is greater
    than its max_lon crosses the antimeridian. `q` matches evidence text or article title,
    case-insensitively, as a literal substring.
    """

    filters: EventFilter = field(default_factory=EventFilter)
    plover: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None


# Event rows: the event's columns, its article's, and its cluster (`cluster_id`, null for an
# event stored since the last `recluster()`).
EVENT_NAMES: tuple[str, ...] = (*row_builders.COLUMNS["events"], *ARTICLE_FIELDS[1:], "cluster_id")
EVENT_SELECT: tuple[str, ...] = (
    *(f"e.{c}" for c in row_builders.COLUMNS["events"]),
    *(f"a.{c}" for c in ARTICLE_FIELDS[1:]),
    "m.cluster_id",
)
EVENTS_FROM = (
    "FROM events e JOIN articles a ON a.id = e.article_id"
    " LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.idx = e.idx"
)

Sql = tuple[str, list[object]]


def event_page_sql(
    ph: str, query: EventQuery, limit: int, offset: int, search: Search = "scan"
) -> tuple[Sql, Sql]:
    """(count, page) queries for one page of flat event rows in `Store.events` order; the page's
    columns are `EVENT_NAMES`."""
    where, params = event_where(query, ph, search)
    count = (f"SELECT COUNT(*) {EVENTS_FROM}{where}", params)
    sql = (
        f"SELECT {', '.join(EVENT_SELECT)} {EVENTS_FROM}{where}"
        f" ORDER BY (a.published IS NULL), a.published, e.article_id, e.idx LIMIT {ph} OFFSET {ph}"
    )
    return count, (sql, [*params, count_value(limit, "limit"), count_value(offset, "offset")])


def timeline_sql(ph: str, query: EventQuery, search: Search = "scan") -> Sql:
    """(day, events) for every day with a matching event, oldest first."""
    where, params = event_where(query, ph, search)
    return f"SELECT {_WHEN} AS day, COUNT(*) {EVENTS_FROM}{where} GROUP BY {_WHEN} ORDER BY day", params


Bin = Literal["day", "week", "month", "year", "auto"]
Unit = Literal["day", "week", "month", "year"]
# "auto" bins by week past WEEKLY_AFTER days, by month past MONTHLY_AFTER and by year past
# YEARLY_AFTER: a bar a day over years is thinner than a pixel, and a chart of 600 weekly bars or
# of 250 monthly ones (a background act of 2006 in a story of 2026) is no better.
WEEKLY_AFTER = 120
MONTHLY_AFTER = 2 * 365
YEARLY_AFTER = 15 * 365


def choose_bin(first: str, last: str) -> Unit:
    """The bin "auto" picks for days from `first` to `last` (YYYY-MM-DD, inclusive)."""
    span = (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days + 1
    if span > YEARLY_AFTER:
        return "year"
    return "month" if span > MONTHLY_AFTER else "week" if span > WEEKLY_AFTER else "day"


@lru_cache(maxsize=1 << 16)
def bin_start(day: str, unit: Unit) -> str:
    """The first day of the bin holding `day`: itself, its week's Monday (ISO weeks), the 1st of
    its month or of its year.

    Kept per (day, unit): a timeline of a million events bins the same ten thousand days on
    every request, and parsing each one again was most of a binned timeline's Python time."""
    when = date.fromisoformat(day[:10])
    if unit == "week":
        when -= timedelta(days=when.weekday())
    elif unit == "month":
        when = when.replace(day=1)
    elif unit == "year":
        when = when.replace(month=1, day=1)
    return when.isoformat()


def binned(days: Iterable[tuple[str, int]], unit: Bin) -> tuple[str, list[tuple[str, int]]]:
    """(the bin used, (first day of bin, count) oldest first) from per-day counts.

    Done on the per-day rows the database returns rather than in SQL, because ISO weeks have
    no expression SQLite and PostgreSQL share; there is at most one row a day, so it is cheap."""
    rows = sorted((day, n) for day, n in days if _DAY.match(day))  # a day the store holds malformed is
    chosen = unit if unit != "auto" else (choose_bin(rows[0][0], rows[-1][0]) if rows else "day")
    if chosen == "day":  # left out rather than failing the whole chart
        return chosen, rows
    out: dict[str, int] = {}
    for day, n in rows:
        start = bin_start(day, chosen)
        out[start] = out.get(start, 0) + n
    return chosen, sorted(out.items())


_DAY = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def event_where(
    query: EventQuery, ph: str, search: Search = "scan", unindexed: bool = False
) -> tuple[str, list[object]]:
    """The WHERE clause (with its leading space, or empty) and parameters for `query`; `q` is
    looked up the store's way (`search`, `Store.text_search`), with the scan's answers (see
    `query._where` for `unindexed`)."""
    clauses, params = event_clauses(query, ph, search, unindexed)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def event_clauses(
    query: EventQuery, ph: str, search: Search = "scan", unindexed: bool = False
) -> tuple[list[str], list[object]]:
    """`event_where`'s conditions one by one, for a statement that adds its own."""
    clauses, params = _where(query.filters, ph, unindexed)
    if query.plover is not None:
        clauses.append(f"e.plover = {ph}")
        params.append(plover_type(query.plover))
    if query.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = check_bbox(query.bbox)
        clauses.append(f"e.location_lat BETWEEN {ph} AND {ph}")
        params += [min_lat, max_lat]
        joiner = "AND" if min_lon <= max_lon else "OR"  # OR: the box crosses the antimeridian
        clauses.append(f"(e.location_lon >= {ph} {joiner} e.location_lon <= {ph})")
        params += [min_lon, max_lon]
    if query.q is not None:
        sql, more = text_search.event_match(search, ph, search_text(query.q), like_pattern(query.q))
        clauses.append(sql)
        params += more
    return clauses, params


def plover_type(value: str) -> str:
    """A PLOVER event type in upper case ("assault" -> "ASSAULT"); E302 when malformed."""
    text = str(value).strip()
    if not _PLOVER.fullmatch(text):
        raise StoreError("E302", detail=f"plover {value!r} is not a PLOVER event type such as ASSAULT")
    return text.upper()


def check_bbox(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The box if it is four finite degrees within range with min_lat <= max_lat; E302 otherwise."""
    if len(box) != 4 or not all(isinstance(v, int | float) and math.isfinite(v) for v in box):
        raise StoreError("E302", detail=f"bbox {box!r} is not four numbers min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = (float(v) for v in box)
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise StoreError("E302", detail=f"bbox longitudes {min_lon}, {max_lon} must lie in -180..180")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise StoreError("E302", detail=f"bbox latitudes {min_lat}, {max_lat} must lie in -90..90, min first")
    return min_lon, min_lat, max_lon, max_lat


def search_text(text: str) -> str:
    """What `q` searches for: the text without surrounding blanks; E302 when empty, too long or
    not text."""
    q = str(text).strip()
    if not q or len(q) > MAX_QUERY_CHARS:
        raise StoreError("E302", detail=f"text search must be 1 to {MAX_QUERY_CHARS} characters")
    if "\x00" in q or any("\ud800" <= ch <= "\udfff" for ch in q):
        raise StoreError("E302", detail="text search holds characters that are not text")
    return q


def like_pattern(text: str) -> str:
    """`%text%` with LIKE's wildcards and the escape character taken literally."""
    q = search_text(text)
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# -- articles -------------------------------------------------------------------------------


ARTICLE_SUMMARY: tuple[str, ...] = (*ARTICLE_FIELDS, "n_events")


def article_page_sql(
    ph: str, q: str | None, limit: int, offset: int, search: Search = "scan"
) -> tuple[Sql, Sql]:
    """(count, page) queries for article summaries (`ARTICLE_SUMMARY`) with their event count,
    newest first; `q` searches title and text (`search` as in `event_where`)."""
    where, params = "", []
    if q is not None:
        sql, params = text_search.article_match(search, ph, search_text(q), like_pattern(q))
        where = f" WHERE {sql}"
    cols = ", ".join(f"a.{c}" for c in ARTICLE_FIELDS)
    sql = (
        f"SELECT {cols}, (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS n_events"
        f" FROM articles a{where} ORDER BY COALESCE(a.published, '{NO_DAY}') DESC, a.id"
        f" LIMIT {ph} OFFSET {ph}"
    )  # the key of the index `articles_newest`: newest first, undated last, as one index walk
    count = (f"SELECT COUNT(*) FROM articles a{where}", params)
    return count, (sql, [*params, count_value(limit, "limit"), count_value(offset, "offset")])


def article_sql(ph: str, table: str) -> str:
    """The rows of one table for one article (`article_id` the only parameter), in idx order."""
    cols = ", ".join(row_builders.COLUMNS[table])
    order = "" if table == "articles" else " ORDER BY idx"
    key = "id" if table == "articles" else "article_id"
    return f"SELECT {cols} FROM {table} WHERE {key} = {ph}{order}"


# -- quotes and quantities ------------------------------------------------------------------


@dataclass(frozen=True)
class ItemQuery:
    """Filters for quotes and quantities: `kind` is the figure's kind (quantities) and
    `speaker` a speaker code prefix (quotes); `q` searches the evidence."""

    article_id: str | None = None
    kind: str | None = None
    speaker: str | None = None
    q: str | None = None


def item_names(table: str) -> tuple[str, ...]:
    """The columns of an `item_page_sql` row."""
    return (*row_builders.COLUMNS[table], "title", "published")


def item_count_sql(ph: str, table: str, query: ItemQuery, search: Search = "scan") -> Sql:
    """How many `quotes` or `quantities` rows match: over the items alone (every item has its
    article), so a kind or a speaker is counted in its index without visiting a row."""
    if table not in ("quotes", "quantities"):
        raise StoreError("E302", detail=f"no item table {table!r}; use quotes or quantities")
    clauses, params = _item_where(table, query, ph, search)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return f"SELECT COUNT(*) FROM {table} t{where}", params


def item_page_sql(
    ph: str, table: str, query: ItemQuery, limit: int, offset: int, search: Search = "scan",
    rare: bool = False, unindexed: bool = True,
) -> tuple[Sql, Sql]:
    """(count, page) queries for `quotes` or `quantities` rows with the article's title and
    published; `q` searches the evidence (`search` as in `event_where`). `rare` says few items
    match (a speaker or a kind the count found seldom): the page then starts from them, found
    by their index and sorted, where the walk in page order would pass many articles for each
    match. `unindexed` hides the filters' indexes from the walk (for SQLite, which
    would otherwise run one per article walked); PostgreSQL needs them seen to estimate how
    many rows match, else it reads every item and sorts them."""
    count = item_count_sql(ph, table, query, search)
    clauses, params = _item_where(table, query, ph, search)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    # The articles in page order by their index `articles_page`, then each one's items by key:
    # SQLite keeps a CROSS JOIN's loop order, so a page reads its rows and not every item. The
    # kind is written as an expression there, so that each article's items are found by key and
    # not by the kind's index (every figure of that kind, once per article walked).
    walked, _ = _item_where(table, query, ph, search, unindexed=unindexed)
    joined = " AND ".join(["t.article_id = a.id", *walked])
    cols = ", ".join([*(f"t.{c}" for c in row_builders.COLUMNS[table]), "a.title", "a.published"])
    source = f"FROM articles a CROSS JOIN {table} t WHERE {joined}"
    if rare or (query.q is not None and text_search.indexed(search, search_text(query.q))):
        # A searched page starts from the index's matches: a walk would pass every article for
        # a text found nowhere.
        source = f"FROM {table} t JOIN articles a ON a.id = t.article_id{where}"
    order = f"COALESCE(a.published, '{UNDATED}'), a.id, t.idx"
    sql = f"SELECT {cols} {source} ORDER BY {order} LIMIT {ph} OFFSET {ph}"
    return count, (sql, [*params, count_value(limit, "limit"), count_value(offset, "offset")])


def _item_where(
    table: str, query: ItemQuery, ph: str, search: Search, unindexed: bool = False
) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if query.article_id is not None:
        clauses.append(f"t.article_id = {ph}")
        params.append(str(query.article_id))
    if query.kind is not None:
        if table != "quantities":
            raise StoreError("E302", detail="kind filters quantities only")
        kind = str(query.kind).strip()
        if not _KIND.fullmatch(kind):
            raise StoreError("E302", detail=f"kind {query.kind!r} is not a figure kind such as killed")
        clauses.append(f"COALESCE(t.kind, '') = {ph}" if unindexed else f"t.kind = {ph}")
        params.append(kind.lower())
    if query.speaker is not None:
        if table != "quotes":
            raise StoreError("E302", detail="speaker filters quotes only")
        speaker = str(query.speaker).strip()
        if not re.fullmatch(r"[A-Za-z0-9]{1,30}", speaker):
            raise StoreError("E302", detail=f"speaker {query.speaker!r} is not an actor code prefix")
        # The range around the LIKE is what the speaker index serves, on every engine and in any
        # collation, as for an actor (`query._where`); the LIKE keeps the answer what it was.
        code = "COALESCE(t.speaker_code, '')" if unindexed else "t.speaker_code"
        start = speaker.upper()
        clauses.append(f"{code} >= {ph} AND {code} <= {ph} AND {code} LIKE {ph}")
        params += [start, start + "Z" * CODE_TAIL, start + "%"]
    if query.q is not None:
        sql, more = text_search.item_match(search, ph, table, search_text(query.q), like_pattern(query.q))
        clauses.append(sql)
        params += more
    return clauses, params


# -- overview -------------------------------------------------------------------------------


def overview_sql(ph: str, asserted: bool = False) -> tuple[Sql, dict[str, Sql]]:
    """(date span, tallies): MIN and MAX of the event day, and (key, count) rows of events per
    quad class, PLOVER type, CAMEO root and country (of either actor); with `asserted`, of
    asserted events only (`EventFilter.asserted`), the counts an analyst sums."""
    clauses, params = _where(EventFilter(asserted=asserted or None), ph)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    also = " AND " + " AND ".join(clauses) if clauses else ""
    base = f"FROM events e JOIN articles a ON a.id = e.article_id{where}"
    span = (f"SELECT MIN({_WHEN}), MAX({_WHEN}) {base}", params)
    tallies = {
        "quad_class": (f"SELECT e.quad_class, COUNT(*) FROM events e{where} GROUP BY e.quad_class", params),
        "plover": (
            f"SELECT e.plover, COUNT(*) FROM events e WHERE e.plover IS NOT NULL{also} GROUP BY e.plover",
            params,
        ),
        "cameo_root": (f"SELECT e.cameo_root, COUNT(*) FROM events e{where} GROUP BY e.cameo_root", params),
        "country": (
            f"SELECT c, COUNT(*) FROM (SELECT e.source_country AS c FROM events e{where} UNION ALL"
            f" SELECT e.target_country FROM events e{where}) t WHERE c IS NOT NULL GROUP BY c",
            [*params, *params],
        ),
    }
    return span, tallies


def count_value(value: int, name: str) -> int:
    """A LIMIT or OFFSET checked to be a whole number in range; E302 otherwise."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 2**62:
        raise StoreError("E302", detail=f"{name} {value!r} is not a whole number of 0 or more")
    return value

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
from newsevents.store.tables import COLUMNS, DERIVED_COLUMNS

_ISO3 = re.compile(r"[A-Za-z]{3}")
_ACTOR = re.compile(r"[A-Za-z0-9]{1,30}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CODE_TAIL = 40  # longer than any actor code: prefix + this many Z sorts after every code it starts


@dataclass(frozen=True)
class EventFilter:
    """What `Store.events` selects; every field left None selects everything.

    `country` (ISO3) and `actor` (a code prefix such as "SYR", "SYRGOV", "IGO") match the
    source or the target; `cameo_root` accepts "19", 19 or a full code such as "190";
    `date_from`/`date_to` (YYYY-MM-DD, inclusive) apply to the event's date, or to the
    article's published date when the event has none. `asserted=True` keeps asserted events
    only (not negated, neither hypothetical nor reported): the counts and tables an analyst
    sums use it, because "Russia hasn't targeted civilian areas" is no assault to count.
    """

    country: str | None = None
    actor: str | None = None
    cameo_root: str | int | None = None
    date_from: str | None = None
    date_to: str | None = None
    article_id: str | None = None
    limit: int | None = None
    asserted: bool | None = None


# Event columns, then the article fields joined in (the article's `source` is the outlet;
# the event's actors live in source_* and target_*, so the names never clash).
# Then the event's cluster and, for an article that copies an earlier one, that article's id
# (both null until the next `recluster()`).
EVENT_COLUMNS: tuple[str, ...] = (
    *COLUMNS["events"], "title", "url", "source", "published", "cluster_id", "duplicate_of"
)

# What `recluster()` reads per event: the fields clustering compares, the evidence it keeps.
CLUSTER_INPUT_COLUMNS: tuple[str, ...] = (
    "article_id", "idx", "cameo_root", "plover", "quad_class",
    "source_code", "source_country", "target_code", "target_country", "date", "date_precision",
    "date_source", "location_name", "location_lat", "location_lon", "location_country", "location_precision",
    "evidence_start", "evidence_end", "evidence_text", "source", "published",
)  # fmt: skip

# A cluster row as `Store.clusters()` returns it (then its `members`), and each member.
CLUSTER_COLUMNS: tuple[str, ...] = DERIVED_COLUMNS["event_clusters"]
MEMBER_COLUMNS: tuple[str, ...] = (
    "cluster_id", "article_id", "idx", "evidence_start", "evidence_end", "evidence_text", "source",
    "published",
)

_EVENTS_FROM = (
    "FROM events e JOIN articles a ON a.id = e.article_id"
    " LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.idx = e.idx"
    " LEFT JOIN article_groups g ON g.article_id = e.article_id"
)

_CLUSTER_EVENTS_FROM = (
    "FROM event_cluster_members m JOIN events e ON e.article_id = m.article_id AND e.idx = m.idx"
    " JOIN articles a ON a.id = e.article_id"
    " LEFT JOIN article_groups g ON g.article_id = e.article_id"
)


Conditions = tuple[list[str], list[object]]  # SQL conditions over e (events), a (articles), m


def events_sql(
    filters: EventFilter,
    placeholder: str = "?",
    clusters: int = 0,
    where: Conditions | None = None,
    split: bool = True,
) -> tuple[str, list[object]]:
    """The SELECT for `filters` and its parameters, in the order `EVENT_COLUMNS` lists; with
    `clusters`, only the events of that many clusters, whose ids the caller appends to the
    parameters (`Store.cluster_events`): then the clusters' members lead the join, so each
    engine starts from the members' cluster index instead of every event. `where` replaces the
    filters' conditions with a browser query's (`browse.event_clauses`: PLOVER type, box, text).
    `split` reads a date range as two index ranges (`_date_branches`)."""
    cols = ", ".join([
        *(f"e.{c}" for c in COLUMNS["events"]), "a.title", "a.url", "a.source", "a.published",
        "m.cluster_id", "CASE WHEN g.group_id <> e.article_id THEN g.group_id END",
    ])  # fmt: skip
    # `published IS NULL` first puts undated articles last in every engine.
    order = "(a.published IS NULL), a.published, e.article_id, e.idx"
    named = "(published IS NULL), published, article_id, idx"  # the same, over the union's columns
    if split and where is None and not clusters and (branches := _date_branches(filters, placeholder)):
        # Each branch is one index range; together they select what one COALESCE range does.
        sql = " UNION ALL ".join(f"SELECT {cols} {_EVENTS_FROM}{_joined(c)}" for c, _ in branches)
        sql = f"SELECT * FROM ({sql}) found ORDER BY {named}"
        params = [p for _, branch in branches for p in branch]
    else:
        clauses, params = _given(filters, placeholder, where)
        source = _EVENTS_FROM
        if clusters:
            clauses.append(f"m.cluster_id IN ({', '.join([placeholder] * clusters)})")
            source = _CLUSTER_EVENTS_FROM
        sql = f"SELECT {cols} {source}{_joined(clauses)} ORDER BY {order}"
    limit = _limit(filters.limit)
    if limit is not None:
        sql += f" LIMIT {limit}"
    return sql, params


def cluster_input_sql() -> str:
    """Every event with the article fields clustering needs, in `CLUSTER_INPUT_COLUMNS` order."""
    cols = ", ".join(f"a.{c}" if c in ("source", "published") else f"e.{c}" for c in CLUSTER_INPUT_COLUMNS)
    return f"SELECT {cols} FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.article_id, e.idx"


def clusters_sql(
    filters: EventFilter, placeholder: str = "?", where: Conditions | None = None, split: bool = True
) -> tuple[str, list[object]]:
    """Clusters with at least one member event matching `filters` (or the conditions `where`,
    and `split`, as in `events_sql`), earliest first.

    The filters are the events' (`events_sql`), so a cluster is found by any of its reports.
    """
    if split and where is None and (branches := _date_branches(filters, placeholder)):
        found = " UNION ALL ".join(f"SELECT m.cluster_id {_EVENTS_FROM}{_joined(c)}" for c, _ in branches)
        params = [p for _, branch in branches for p in branch]
    else:
        clauses, params = _given(filters, placeholder, where)
        found = f"SELECT m.cluster_id {_EVENTS_FROM}{_joined(clauses)}"
    cols = ", ".join(f"c.{c}" for c in CLUSTER_COLUMNS)
    sql = (
        f"SELECT {cols} FROM event_clusters c WHERE c.cluster_id IN ({found})"
        " ORDER BY (c.date_first IS NULL), c.date_first, c.cluster_id"
    )
    limit = _limit(filters.limit)
    if limit is not None:
        sql += f" LIMIT {limit}"
    return sql, params


def members_sql(filters: EventFilter, placeholder: str = "?", split: bool = True) -> tuple[str, list[object]]:
    """Every member event of the clusters `clusters_sql(filters)` selects, in `MEMBER_COLUMNS`
    order, grouped by cluster with the earliest report first."""
    chosen, params = clusters_sql(filters, placeholder, split=split)
    cols = ", ".join(["m.cluster_id", *(f"e.{c}" for c in MEMBER_COLUMNS[1:6]), "a.source", "a.published"])
    sql = (
        f"SELECT {cols} FROM event_cluster_members m"
        " JOIN events e ON e.article_id = m.article_id AND e.idx = m.idx"
        " JOIN articles a ON a.id = e.article_id"
        f" WHERE m.cluster_id IN (SELECT chosen.cluster_id FROM ({chosen}) chosen)"
        " ORDER BY m.cluster_id, (a.published IS NULL), a.published, e.article_id, e.idx"
    )
    return sql, params


def _given(filters: EventFilter, ph: str, where: Conditions | None) -> Conditions:
    """`where` as fresh lists, or else the filters' conditions (`_where`)."""
    return (list(where[0]), list(where[1])) if where is not None else _where(filters, ph)


def _joined(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def _date_branches(filters: EventFilter, ph: str) -> list[Conditions]:
    """A date range's conditions as two branches, events dated in the range and undated events
    whose article was published in it, or none when `filters` has no range.

    Together they select what the range over `COALESCE(e.date, a.published)` does, but each is
    one range of the (cameo_root, date) or date index, where the COALESCE (or an OR of the two in
    one WHERE, which the engines do not split without statistics) walks every event of the root.
    Statements that read all they select use them (`events_sql`, `clusters_sql`: exports and
    lists) when the store has that index (`streams.DATE_INDEX`): without it each branch would
    walk the root. The browser's pages walk an order and stop at a page, and keep one WHERE.
    """
    if filters.date_from is None and filters.date_to is None:
        return []
    return [_where(filters, ph, branch="dated"), _where(filters, ph, branch="undated")]


def _where(
    f: EventFilter, ph: str, unindexed: bool = False, branch: str | None = None
) -> tuple[list[str], list[object]]:
    """The clauses and parameters of `f`; `unindexed` writes the indexed columns as expressions
    (same truth, NULL included), so that a walk in another index's order looks each event up by
    its key instead of running the filter's index once per step. `branch` ("dated", "undated")
    keeps one side of the date range (`_date_branches`)."""
    col = (lambda c: f"COALESCE({c}, '')") if unindexed else (lambda c: c)
    clauses: list[str] = []
    params: list[object] = []
    if f.country is not None:
        country = _check(f.country, _ISO3, "country", "an ISO 3166 alpha-3 code such as SYR").upper()
        clauses.append(f"({col('e.source_country')} = {ph} OR {col('e.target_country')} = {ph})")
        params += [country, country]
    if f.actor is not None:
        prefix = _check(f.actor, _ACTOR, "actor", "a code prefix of letters and digits such as SYRGOV")
        # The pattern holds only letters and digits, so no LIKE wildcard can slip in. The range
        # around it says the same of codes (upper-case letters and digits) in a form an index
        # serves on every engine and collation, where LIKE is a scan of every event.
        start = prefix.upper()
        pattern, end = start + "%", start + "Z" * CODE_TAIL
        either = [f"({col(c)} >= {ph} AND {col(c)} <= {ph} AND {col(c)} LIKE {ph})"
                  for c in ("e.source_code", "e.target_code")]  # fmt: skip
        clauses.append(f"({either[0]} OR {either[1]})")
        params += [start, end, pattern, start, end, pattern]
    if f.cameo_root is not None:
        clauses.append(f"{col('e.cameo_root')} = {ph}")
        params.append(cameo_root(f.cameo_root))
    when = {"dated": "e.date", "undated": "a.published"}.get(branch or "", "COALESCE(e.date, a.published)")
    if branch == "undated":
        clauses.append("e.date IS NULL")
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
    if f.asserted:
        clauses.append(f"NOT e.negated AND e.modality = {ph}")
        params.append("asserted")
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

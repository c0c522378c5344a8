"""The summary tables: counts kept beside the rows, so that totals, timelines and stats read a
few summary rows instead of every matching event, however large the store grows.

Three tables (declared in `tables.py`) hold them:

- `event_tallies`: events per (level, country, CAMEO root, day);
- `cluster_tallies`: clusters per (level, country, CAMEO root, first day, and the first and last
  day of the members counted), since a cluster is found by any of its members;
- `facet_tallies`: rows per table, and events per quad class, PLOVER type, CAMEO root and
  country, for the stats route;
- `plover_tallies` and `cluster_plover_tallies`: the `event_tallies` and `cluster_tallies` of a
  PLOVER filter, with the type in the root's place (a type is not a function of the root, nor
  of the full CAMEO code once the extractor's rules have refined it, so it is counted as
  stored; a cluster counts under each type its members have).

`level` 1 counts asserted events only (the API's default), 0 every event; `country` '*' counts
everything, and a country counts the events (or clusters) with an actor of that country, each
event once however many of its actors have it, which is what the country filter selects.

They are kept in the write's own transaction: `add_article` adds what one article brings,
`change_clusters` swaps the counts of the clusters an incremental join rewrote, and `rebuild`
counts everything anew (a recluster, the migration that creates them). Every count is made by
the same SELECT ... GROUP BY over the rows, restricted to the article or the clusters at hand,
so a summary is by construction what a GROUP BY over the whole store would give.

The reads (`Scope` and the `*_sql` functions) answer the filters a summary can: country,
CAMEO root, asserted, and dates (for clusters, since or until, not both: a cluster whose members
straddle a range without one inside it would be counted), and a PLOVER type instead of a root.
Any other filter (actor, box, text, article, a PLOVER type with a root) leaves the caller
counting in SQL over the rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsevents.store.browse import EventQuery, Sql, plover_type
from newsevents.store.query import _where, cameo_root
from newsevents.store.tables import COLUMNS, NO_DAY, SUMMARY_COLUMNS

if TYPE_CHECKING:
    from newsevents.store.core import SQLStore

ALL = "*"  # the country of the rows that count every event
KEYS: dict[str, tuple[str, ...]] = {table: cols[:-1] for table, cols in SUMMARY_COLUMNS.items()}

# Each event is looked at once per (level, actor slot): level 0 always, level 1 when asserted;
# slot '*' always, 's' and 't' when that actor has a country (the target only when it differs
# from the source's, so an event counts once under a country).
_SLOTS = (
    "(SELECT 0 AS level, '*' AS slot UNION ALL SELECT 0, 's' UNION ALL SELECT 0, 't'"
    " UNION ALL SELECT 1, '*' UNION ALL SELECT 1, 's' UNION ALL SELECT 1, 't') x"
)
_LEVELS = "(SELECT 0 AS level UNION ALL SELECT 1) x"
# And once under its CAMEO root and once under '*' (every root), so that a count or a timeline
# without a root filter reads one row a day, not one per root.
_ROOTS = "(SELECT '*' AS root UNION ALL SELECT 'own') y"
_ROOT = "CASE y.root WHEN '*' THEN '*' ELSE {} END"
_ASSERTED = "(x.level = 0 OR (NOT e.negated AND e.modality = 'asserted'))"
_COUNTRY = "CASE x.slot WHEN '*' THEN '*' WHEN 's' THEN e.source_country ELSE e.target_country END"
_SLOT_OK = (
    "(x.slot = '*' OR (x.slot = 's' AND e.source_country IS NOT NULL) OR (x.slot = 't'"
    " AND e.target_country IS NOT NULL"
    " AND (e.source_country IS NULL OR e.target_country <> e.source_country)))"
)
_DAY = f"COALESCE(e.date, a.published, '{NO_DAY}')"
_WHEN = "COALESCE(e.date, a.published)"
_EVENTS = "FROM events e JOIN articles a ON a.id = e.article_id"
ROW_TABLES: tuple[str, ...] = tuple(COLUMNS)  # the tables `write` fills


def _in(ph: str, n: int) -> str:
    return f"({', '.join([ph] * n)})"


def event_select(where: str = "") -> str:
    """(level, country, cameo_root, day, n) of the events, optionally AND-ed with `where`."""
    root = _ROOT.format("e.cameo_root")
    return (
        f"SELECT x.level, {_COUNTRY}, {root}, {_DAY}, COUNT(*) {_EVENTS}"
        f" CROSS JOIN {_SLOTS} CROSS JOIN {_ROOTS} WHERE {_ASSERTED} AND {_SLOT_OK}{where}"
        f" GROUP BY x.level, {_COUNTRY}, {root}, {_DAY}"
    )


def plover_select(where: str = "") -> str:
    """(level, country, plover, day, n) of the events that have a PLOVER type, optionally AND-ed
    with `where`: `event_select` with the type in the root's place (and no row for every type,
    which is `event_tallies`' row for every root)."""
    return (
        f"SELECT x.level, {_COUNTRY}, e.plover, {_DAY}, COUNT(*) {_EVENTS} CROSS JOIN {_SLOTS}"
        f" WHERE {_ASSERTED} AND {_SLOT_OK} AND e.plover IS NOT NULL{where}"
        f" GROUP BY x.level, {_COUNTRY}, e.plover, {_DAY}"
    )


def cluster_select(where: str = "", table: str = "cluster_tallies") -> str:
    """(level, country, cameo_root, day, first_day, last_day, n) of the clusters: per cluster
    and (level, country) present among its members, the span of those members' days; for
    `cluster_plover_tallies`, per PLOVER type present among them too, in the root's place."""
    if table == "cluster_plover_tallies":
        kind, rollup, typed = "e.plover", "", " AND e.plover IS NOT NULL"
    else:
        kind, rollup, typed = _ROOT.format("c.cameo_root"), f" CROSS JOIN {_ROOTS}", ""
    keys = ", ".join(KEYS[table])
    per_cluster = (
        f"SELECT x.level AS level, {_COUNTRY} AS country, {kind} AS {KEYS[table][2]},"
        f" COALESCE(c.date_first, '{NO_DAY}') AS day, COALESCE(MIN({_WHEN}), '{NO_DAY}') AS first_day,"
        f" COALESCE(MAX({_WHEN}), '{NO_DAY}') AS last_day FROM event_clusters c"
        " JOIN event_cluster_members m ON m.cluster_id = c.cluster_id"
        " JOIN events e ON e.article_id = m.article_id AND e.idx = m.idx"
        f" JOIN articles a ON a.id = e.article_id CROSS JOIN {_SLOTS}{rollup}"
        f" WHERE {_ASSERTED} AND {_SLOT_OK}{typed}{where}"
        f" GROUP BY c.cluster_id, x.level, {_COUNTRY}, {kind}, c.date_first"
    )
    return f"SELECT {keys}, COUNT(*) FROM ({per_cluster}) t GROUP BY {keys}"


def facet_select(where: str = "") -> str:
    """(level, facet, value, n): events per quad class, PLOVER type, CAMEO root and actor country
    (each actor's country, as the stats route counts them)."""
    also = where
    parts = [
        f"SELECT x.level, 'quad_class', COALESCE(CAST(e.quad_class AS TEXT), 'None'), COUNT(*) FROM events e"
        f" CROSS JOIN {_LEVELS} WHERE {_ASSERTED}{also} GROUP BY x.level, e.quad_class",
        f"SELECT x.level, 'plover', e.plover, COUNT(*) FROM events e CROSS JOIN {_LEVELS}"
        f" WHERE {_ASSERTED} AND e.plover IS NOT NULL{also} GROUP BY x.level, e.plover",
        f"SELECT x.level, 'cameo_root', e.cameo_root, COUNT(*) FROM events e CROSS JOIN {_LEVELS}"
        f" WHERE {_ASSERTED}{also} GROUP BY x.level, e.cameo_root",
        f"SELECT x.level, 'published', COALESCE(a.published, '{NO_DAY}'), COUNT(*) {_EVENTS} CROSS JOIN"
        f" {_LEVELS} WHERE {_ASSERTED}{also} GROUP BY x.level, COALESCE(a.published, '{NO_DAY}')",
        f"SELECT x.level, 'country', c, COUNT(*) FROM (SELECT e.source_country AS c, e.negated,"
        f" e.modality FROM events e WHERE e.source_country IS NOT NULL{also} UNION ALL SELECT"
        f" e.target_country, e.negated, e.modality FROM events e WHERE e.target_country IS NOT NULL{also})"
        f" e CROSS JOIN {_LEVELS}"
        f" WHERE {_ASSERTED} GROUP BY x.level, c",
    ]
    return " UNION ALL ".join(parts)


def rows_select() -> str:
    """(0, 'rows', table, n) for each table `write` fills that holds rows."""
    parts = [f"SELECT 0 AS level, 'rows' AS facet, '{t}' AS value, COUNT(*) AS n FROM {t}"
             for t in ROW_TABLES]  # fmt: skip
    return f"SELECT * FROM ({' UNION ALL '.join(parts)}) r WHERE r.n > 0"


def fill_statements(only: Collection[str] = tuple(SUMMARY_COLUMNS)) -> tuple[str, ...]:
    """Fill the empty summary tables (those named in `only`) from the rows, one INSERT ... SELECT
    each: a recluster fills them all, and each migration step the tables it creates."""

    def insert(table: str, select: str) -> str:
        return f"INSERT INTO {table} ({', '.join(SUMMARY_COLUMNS[table])}) {select}"

    every = (
        ("event_tallies", event_select()),
        ("cluster_tallies", cluster_select()),
        ("facet_tallies", facet_select()),
        ("facet_tallies", rows_select()),
        ("plover_tallies", plover_select()),
        ("cluster_plover_tallies", cluster_select(table="cluster_plover_tallies")),
    )
    return tuple(insert(table, select) for table, select in every if table in only)


def rebuild(cur: Any) -> None:
    """Count everything anew: empty the summary tables and fill them from the rows."""
    for table in SUMMARY_COLUMNS:
        cur.execute(f"DELETE FROM {table}")
    for stmt in fill_statements():
        cur.execute(stmt)


# -- keeping them current, in the write's transaction -------------------------------------------


def add_article(store: SQLStore, cur: Any, article_id: str, rows: dict[str, int]) -> None:
    """Add the counts of one article just written (`rows`: rows it put in each table)."""
    ph = store.placeholder
    only = f" AND e.article_id = {ph}"
    selects = (("event_tallies", event_select(only)), ("facet_tallies", facet_select(only)),
               ("plover_tallies", plover_select(only)))  # fmt: skip
    for table, select in selects:
        cur.execute(select, [article_id] * select.count(ph))
        _apply(store, cur, table, Counter({tuple(r[:-1]): int(r[-1]) for r in cur.fetchall()}))
    _apply(store, cur, "facet_tallies", Counter({(0, "rows", t): n for t, n in rows.items() if n}))


CLUSTER_SUMMARIES = ("cluster_tallies", "cluster_plover_tallies")  # what a cluster's rewrite changes


def cluster_counts(
    store: SQLStore, cur: Any, cluster_ids: Iterable[str]
) -> dict[str, Counter[tuple[Any, ...]]]:
    """The counts of these clusters as they stand now, per cluster summary table."""
    ids = sorted(set(cluster_ids))
    out: dict[str, Counter[tuple[Any, ...]]] = {table: Counter() for table in CLUSTER_SUMMARIES}
    if not ids:
        return out
    for table in CLUSTER_SUMMARIES:
        cur.execute(cluster_select(f" AND c.cluster_id IN {_in(store.placeholder, len(ids))}", table), ids)
        out[table] = Counter({tuple(r[:-1]): int(r[-1]) for r in cur.fetchall()})
    return out


def change_clusters(
    store: SQLStore, cur: Any, before: dict[str, Counter[tuple[Any, ...]]], after: Iterable[str]
) -> None:
    """Replace the counts `before` (of clusters since deleted) by those of the clusters `after`."""
    now = cluster_counts(store, cur, after)
    for table in CLUSTER_SUMMARIES:
        delta = now[table]
        delta.subtract(before[table])
        _apply(store, cur, table, delta)


def _apply(store: SQLStore, cur: Any, table: str, delta: Counter[tuple[Any, ...]]) -> None:
    """Add `delta` to the rows of `table` (creating them), then drop the rows it took to zero. In
    key order, so concurrent writers take the rows' locks in one order."""
    changed = sorted((k, n) for k, n in delta.items() if n)
    if not changed:
        return
    keys, ph = KEYS[table], store.placeholder
    conflict = f"({', '.join(keys)}) DO UPDATE SET n = {table}.n + excluded.n"
    store.insert_rows(cur, table, (*keys, "n"), [(*k, n) for k, n in changed], conflict)
    gone = [k for k, n in changed if n < 0]
    if gone:
        match = " AND ".join(f"{k} = {ph}" for k in keys)
        cur.executemany(f"DELETE FROM {table} WHERE {match} AND n <= 0", gone)


# -- reading them -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """The filters of a query that the summary tables can answer: all of them, or it is None.
    `plover` and `cameo_root` are never both set."""

    level: int
    country: str
    cameo_root: str | None
    date_from: str | None
    date_to: str | None
    plover: str | None = None


def scope(query: EventQuery) -> Scope | None:
    """The summary scope of `query`, or None when a filter needs the rows (actor, box, text,
    article, a PLOVER type together with a root). Values are checked as the SQL path checks them
    (E302)."""
    f = query.filters
    _where(f, "?")  # the same checks and messages as a count over the rows
    plover = plover_type(query.plover) if query.plover is not None else None
    if any(v is not None for v in (f.actor, f.article_id, query.bbox, query.q)):
        return None
    if plover is not None and f.cameo_root is not None:
        return None
    country = str(f.country).strip().upper() if f.country is not None else ALL
    root = cameo_root(f.cameo_root) if f.cameo_root is not None else None
    return Scope(1 if f.asserted else 0, country, root, f.date_from, f.date_to, plover)


def _match(ph: str, s: Scope, first: str, last: str) -> Sql:
    kind, value = ("plover", s.plover) if s.plover is not None else ("cameo_root", s.cameo_root or ALL)
    clauses = [f"level = {ph}", f"country = {ph}", f"{kind} = {ph}"]
    params: list[object] = [s.level, s.country, value]
    if s.date_from is not None:
        clauses.append(f"{last} >= {ph}")  # NO_DAY sorts before every date
        params.append(s.date_from)
    if s.date_to is not None:
        clauses.append(f"{first} <= {ph} AND {first} <> '{NO_DAY}'")
        params.append(s.date_to)
    return " WHERE " + " AND ".join(clauses), params


def _events_of(s: Scope) -> str:
    return "plover_tallies" if s.plover is not None else "event_tallies"


def event_total_sql(ph: str, s: Scope) -> Sql:
    """How many events match."""
    where, params = _match(ph, s, "day", "day")
    return f"SELECT COALESCE(SUM(n), 0) FROM {_events_of(s)}{where}", params


def event_days_sql(ph: str, s: Scope) -> Sql:
    """(day, events) of the matching dated events, oldest first."""
    where, params = _match(ph, s, "day", "day")
    sql = f"SELECT day, SUM(n) FROM {_events_of(s)}{where} AND day <> '{NO_DAY}' GROUP BY day ORDER BY day"
    return sql, params


def answers_clusters(s: Scope | None) -> bool:
    """True when the cluster counts of `s` are exact: not both ends of a date range."""
    return s is not None and (s.date_from is None or s.date_to is None)


def _clusters_of(s: Scope) -> str:
    return "cluster_plover_tallies" if s.plover is not None else "cluster_tallies"


def cluster_total_sql(ph: str, s: Scope) -> Sql:
    """How many clusters have a matching member (`answers_clusters(s)` must hold)."""
    where, params = _match(ph, s, "first_day", "last_day")
    return f"SELECT COALESCE(SUM(n), 0) FROM {_clusters_of(s)}{where}", params


def cluster_days_sql(ph: str, s: Scope, undated: bool = False) -> Sql:
    """(first day, clusters) of the dated clusters with a matching member (and of the undated
    ones, as NO_DAY, with `undated`)."""
    where, params = _match(ph, s, "first_day", "last_day")
    dated = "" if undated else f" AND day <> '{NO_DAY}'"
    return f"SELECT day, SUM(n) FROM {_clusters_of(s)}{where}{dated} GROUP BY day", params


def span_sql(ph: str, level: int) -> Sql:
    """The first and last day of the events (of `level`); two index probes."""
    of = f"FROM event_tallies WHERE level = {ph} AND country = '{ALL}' AND day > '{NO_DAY}'"
    return f"SELECT (SELECT MIN(day) {of}), (SELECT MAX(day) {of})", [level, level]


def facets_sql(ph: str, level: int, facets: tuple[str, ...]) -> Sql:
    """(facet, value, n) of `facets` at `level`, and the rows per table."""
    chosen = f"level = {ph} AND facet IN {_in(ph, len(facets))}"
    sql = f"SELECT facet, value, n FROM facet_tallies WHERE ({chosen}) OR (level = 0 AND facet = 'rows')"
    return f"{sql} ORDER BY facet, value", [level, *facets]


def published_days_sql(ph: str, level: int) -> Sql:
    """(published day, events) at `level`, NO_DAY for undated articles: where each day's events
    start in the mentions order."""
    return f"SELECT value, n FROM facet_tallies WHERE level = {ph} AND facet = 'published'", [level]


def rows_sql(ph: str, table: str) -> Sql:
    """How many rows `table` holds."""
    sql = f"SELECT COALESCE(SUM(n), 0) FROM facet_tallies WHERE level = 0 AND facet = 'rows' AND value = {ph}"
    return sql, [table]


def page_days(days: list[tuple[str, int]], offset: int, limit: int) -> tuple[tuple[str, ...], int] | None:
    """Where a page of `limit` rows from row `offset` lies among rows counted per day (in page
    order): the days that hold it, from the one that holds row `offset`, and that row's offset
    within that first day; None past the last row."""
    skipped = 0
    for i, (_, n) in enumerate(days):
        if skipped + n > offset:
            chosen, rows = [], skipped - offset
            for day, count in days[i:]:
                chosen.append(day)
                rows += count
                if rows >= limit:
                    break
            return tuple(chosen), offset - skipped
        skipped += n
    return None

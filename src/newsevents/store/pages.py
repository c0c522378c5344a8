"""The SQL of browsing that does not grow with the store: keyset pages, counts and days.

A page of clusters or events is read by walking an index from where the last page ended (a
keyset), never by loading every match and slicing it, so page 1,000 costs what page 1 does.
The orders are the ones `Store.events` and `Store.clusters` promise, written as index keys:

- clusters: `(COALESCE(date_first, UNDATED), cluster_id)`, the index `event_clusters_page`;
- events (mentions): `(COALESCE(published, UNDATED), article_id, idx)`, the index
  `articles_page`, then each article's events by their primary key.

A cluster is chosen when any of its member events matches the filters (a correlated EXISTS
over `event_cluster_members`, probed by its cluster index for each cluster the walk passes).
Events stored since the last recluster are in no cluster yet and are shown as clusters of their
own ("single" clusters, id `<article_id>-<idx>`): their SQL is separate, because finding them
takes a scan of the events, which the store runs only while it is behind its clustering.

Every function returns SQL and its parameters; the only text formatted in is column and table
names, the dialect's placeholder and the constant `UNDATED`, as in `browse.py`.
"""

from __future__ import annotations

from newsevents.store import search as text_search
from newsevents.store.browse import (
    EVENT_SELECT,
    EVENTS_FROM,
    EventQuery,
    Sql,
    count_value,
    event_where,
    search_text,
)
from newsevents.store.query import CLUSTER_COLUMNS, MEMBER_COLUMNS
from newsevents.store.search import Search
from newsevents.store.tables import UNDATED

CLUSTER_KEY = f"COALESCE(c.date_first, '{UNDATED}')"
MENTION_KEY = f"COALESCE(a.published, '{UNDATED}')"
SINGLE_KEY = f"COALESCE(e.date, a.published, '{UNDATED}')"
SINGLE_ID = "e.article_id || '-' || CAST(e.idx AS TEXT)"
_MEMBERS_OF = (
    "FROM event_cluster_members m JOIN events e ON e.article_id = m.article_id AND e.idx = m.idx"
    " JOIN articles a ON a.id = e.article_id"
)
_UNCLUSTERED = "m.cluster_id IS NULL"

ClusterKey = tuple[str, str]  # (sort key, cluster id)
MentionKey = tuple[str, str, int]  # (sort key, article id, idx)


# A cluster's members, then their events and articles, in that loop order: SQLite keeps the
# order of a CROSS JOIN, so the check starts from the cluster's few members (found by the
# cluster index) instead of from every event an indexed filter selects (a CAMEO root's tens of
# thousands), once per cluster the page walks past. PostgreSQL plans it freely.
_MEMBERS_FIRST = "FROM event_cluster_members m CROSS JOIN events e CROSS JOIN articles a"
_MEMBER_LINKS = "e.article_id = m.article_id AND e.idx = m.idx AND a.id = e.article_id"


def member_match(query: EventQuery, ph: str, search: Search = "scan") -> Sql:
    """The condition "cluster c has a member event matching `query`", or "" for no filter."""
    where, params = event_where(query, ph, search)
    if not where:
        return "", []
    links = f"m.cluster_id = c.cluster_id AND {_MEMBER_LINKS}"
    return f"EXISTS (SELECT 1 {_MEMBERS_FIRST}{where} AND {links})", params


def _by_text(query: EventQuery, search: Search) -> bool:
    """True when `q` is looked up in an index: a page then starts from the matches, whose cost
    the total pays anyway, instead of walking the page order and checking every row it passes
    (all of them, for a text found nowhere)."""
    return query.q is not None and text_search.indexed(search, search_text(query.q))


def _and(*clauses: str) -> str:
    kept = [c for c in clauses if c]
    return (" WHERE " + " AND ".join(kept)) if kept else ""


def _limits(ph: str, limit: int, offset: int) -> tuple[str, list[object]]:
    return f" LIMIT {ph} OFFSET {ph}", [count_value(limit, "limit"), count_value(offset, "offset")]


def cluster_keys_sql(
    ph: str, query: EventQuery, after: ClusterKey | None, limit: int, offset: int,
    days: tuple[str, ...] | None = None, rare: bool = False, search: Search = "scan",
) -> Sql:
    """(sort key, cluster id) of the clusters after `after` with a member matching `query`, only
    on `days` (sort keys) when given: one seek of the index per day instead of a walk. `rare`
    says few events match, and a `q` looked up in an index says the same: their clusters are
    then found from them and sorted, where a walk of the clusters would check thousands for
    each one that matches."""
    match, params = member_match(query, ph, search)
    if rare or _by_text(query, search):  # the matching events name their clusters: no walk
        source, params = _matching_events(query, ph, members=True, search=search)
        match = f"c.cluster_id IN (SELECT m.cluster_id {source})"
    if days:
        match = " AND ".join(c for c in (f"{CLUSTER_KEY} IN ({', '.join([ph] * len(days))})", match) if c)
        params = [*days, *params]
    seek = ""
    if after is not None:
        # The `>=` alone is a range on the index's first column, so the walk starts there.
        seek = f"{CLUSTER_KEY} >= {ph} AND ({CLUSTER_KEY} > {ph} OR c.cluster_id > {ph})"
        params = [*params, after[0], after[0], after[1]]
    tail, more = _limits(ph, limit, offset)
    sql = (
        f"SELECT {CLUSTER_KEY}, c.cluster_id FROM event_clusters c{_and(match, seek)}"
        f" ORDER BY {CLUSTER_KEY}, c.cluster_id{tail}"
    )
    return sql, [*params, *more]


def single_keys_sql(
    ph: str, query: EventQuery, after: ClusterKey | None, limit: int, offset: int, search: Search = "scan"
) -> Sql:
    """(sort key, single cluster id, article id, idx) of the matching events in no cluster."""
    where, params = event_where(query, ph, search)
    seek = ""
    if after is not None:
        seek = f"({SINGLE_KEY} > {ph} OR ({SINGLE_KEY} = {ph} AND {SINGLE_ID} > {ph}))"
        params = [*params, after[0], after[0], after[1]]
    tail, more = _limits(ph, limit, offset)
    sql = (
        f"SELECT {SINGLE_KEY}, {SINGLE_ID}, e.article_id, e.idx {EVENTS_FROM}"
        f"{_and(where.removeprefix(' WHERE '), _UNCLUSTERED, seek)} ORDER BY 1, 2{tail}"
    )
    return sql, [*params, *more]


def _matching_events(query: EventQuery, ph: str, members: bool, search: Search = "scan") -> Sql:
    """FROM and WHERE over the events matching `query`, joined to their articles only when a
    filter reads the article (a date falls back to `published`, text search reads the title):
    a count over events alone reads one table instead of three."""
    where, params = event_where(query, ph, search)
    f = query.filters
    source = "FROM events e"
    if f.date_from is not None or f.date_to is not None or query.q is not None:
        source += " JOIN articles a ON a.id = e.article_id"
    if members:
        source += " JOIN event_cluster_members m ON m.article_id = e.article_id AND m.idx = e.idx"
    return f"{source}{where}", params


def cluster_count_sql(ph: str, query: EventQuery, search: Search = "scan") -> Sql:
    """How many clusters have a member matching `query`: the clusters table's size when nothing
    is filtered, else the distinct clusters of the matching events (one pass over the events,
    cheaper than asking each cluster about its members)."""
    if not event_where(query, ph, search)[0]:
        return "SELECT COUNT(*) FROM event_clusters c", []
    source, params = _matching_events(query, ph, members=True, search=search)
    return f"SELECT COUNT(DISTINCT m.cluster_id) {source}", params


def capped_cluster_count_sql(ph: str, query: EventQuery, cap: int, search: Search = "scan") -> Sql:
    """How many clusters have a member matching `query`, counted no further than `cap`: the
    distinct clusters of the matching events, read until `cap` of them are found."""
    source, params = _matching_events(query, ph, members=True, search=search)
    inner = f"SELECT DISTINCT m.cluster_id {source} LIMIT {ph}"
    return f"SELECT COUNT(*) FROM ({inner}) capped", [*params, count_value(cap, "cap")]


def capped_mention_count_sql(ph: str, query: EventQuery, cap: int, search: Search = "scan") -> Sql:
    """How many events match `query`, counted no further than `cap`."""
    source, params = _matching_events(query, ph, members=False, search=search)
    return f"SELECT COUNT(*) FROM (SELECT 1 {source} LIMIT {ph}) capped", [*params, count_value(cap, "cap")]


def single_count_sql(ph: str, query: EventQuery, search: Search = "scan") -> Sql:
    """How many matching events are in no cluster."""
    where, params = event_where(query, ph, search)
    return f"SELECT COUNT(*) {EVENTS_FROM}{_and(where.removeprefix(' WHERE '), _UNCLUSTERED)}", params


def cluster_days_sql(ph: str, query: EventQuery, search: Search = "scan") -> Sql:
    """(first day, clusters) for the dated clusters with a member matching `query`."""
    chosen, params = "", []
    if event_where(query, ph, search)[0]:
        source, params = _matching_events(query, ph, members=True, search=search)
        chosen = f"c.cluster_id IN (SELECT m.cluster_id {source})"
    where = _and("c.date_first IS NOT NULL", chosen)
    return f"SELECT c.date_first, COUNT(*) FROM event_clusters c{where} GROUP BY c.date_first", params


def single_days_sql(ph: str, query: EventQuery, search: Search = "scan") -> Sql:
    """(day, events) for the matching dated events in no cluster."""
    where, params = event_where(query, ph, search)
    day = "COALESCE(e.date, a.published)"
    cond = _and(where.removeprefix(" WHERE "), _UNCLUSTERED, f"{day} IS NOT NULL")
    return f"SELECT {day}, COUNT(*) {EVENTS_FROM}{cond} GROUP BY {day}", params


def clusters_by_id_sql(ph: str, count: int) -> str:
    """The `CLUSTER_COLUMNS` of `count` clusters named by id (the parameters)."""
    cols = ", ".join(f"c.{c}" for c in CLUSTER_COLUMNS)
    return f"SELECT {cols} FROM event_clusters c WHERE c.cluster_id IN ({', '.join([ph] * count)})"


def members_by_id_sql(ph: str, count: int) -> str:
    """The members (`MEMBER_COLUMNS`) of `count` clusters named by id, earliest report first."""
    cols = ", ".join(["m.cluster_id", *(f"e.{c}" for c in MEMBER_COLUMNS[1:6]), "a.source", "a.published"])
    return (
        f"SELECT {cols} {_MEMBERS_OF} WHERE m.cluster_id IN ({', '.join([ph] * count)})"
        " ORDER BY m.cluster_id, (a.published IS NULL), a.published, e.article_id, e.idx"
    )


def matching_ids_sql(ph: str, query: EventQuery, count: int, search: Search = "scan") -> Sql:
    """Which of `count` clusters (named by id, the last parameters) have a member matching `query`."""
    match, params = member_match(query, ph, search)
    chosen = f"c.cluster_id IN ({', '.join([ph] * count)})"
    return f"SELECT c.cluster_id FROM event_clusters c{_and(match, chosen)}", params


# Mentions in page order: the articles by their page index, then each one's events by key.
# SQLite's CROSS JOIN keeps that loop order (PostgreSQL plans it freely), chosen only when no
# filter has an index of its own on events: a rare actor or country is better found by its
# index and its few events sorted than by walking every article.
_ARTICLES_THEN_EVENTS = (
    "FROM articles a CROSS JOIN events e"
    " LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.idx = e.idx"
)


def mention_page_sql(
    ph: str, query: EventQuery, after: MentionKey | None, limit: int, offset: int, common: bool = False,
    unindexed: bool = False, search: Search = "scan",
) -> Sql:
    """One page of event rows (`browse.EVENT_NAMES`, then the sort key) after `after`. `common`
    says the indexed filters match so many events (the summary knows) that walking the
    articles in order fills a page sooner than sorting every match; `unindexed` hides their
    indexes from an engine that would otherwise run one per article walked (SQLite), while
    PostgreSQL needs them seen to estimate the walk right. A `q` looked up in an index never
    walks: the page starts from its matches."""
    f = query.filters
    walk = common or all(v is None for v in (f.country, f.actor, f.cameo_root, f.article_id))
    walk = walk and not _by_text(query, search)
    where, params = event_where(query, ph, search, unindexed=walk and common and unindexed)
    joined, source = ("e.article_id = a.id", _ARTICLES_THEN_EVENTS) if walk else ("", EVENTS_FROM)
    seek = ""
    if after is not None:
        seek = (
            f"{MENTION_KEY} >= {ph} AND ({MENTION_KEY} > {ph} OR a.id > {ph}"
            f" OR (a.id = {ph} AND e.idx > {ph}))"
        )
        params = [*params, after[0], after[0], after[1], after[1], after[2]]
    tail, more = _limits(ph, limit, offset)
    sql = (
        f"SELECT {', '.join(EVENT_SELECT)}, {MENTION_KEY} {source}"
        f"{_and(joined, where.removeprefix(' WHERE '), seek)} ORDER BY {MENTION_KEY}, a.id, e.idx{tail}"
    )
    return sql, [*params, *more]


def mention_count_sql(ph: str, query: EventQuery, search: Search = "scan") -> Sql:
    """How many events match `query`."""
    source, params = _matching_events(query, ph, members=False, search=search)
    return f"SELECT COUNT(*) {source}", params

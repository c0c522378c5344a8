"""What the API asks of a store, in one place: events as clusters or mentions, and the rest.

A store that groups events (`store.clusters(EventFilter)`) answers the cluster view itself;
the API then narrows its clusters by what `EventFilter` does not carry (PLOVER type, box,
text). A store without clusters is read as if every event were its own cluster, so the API
and the dashboard work on any store.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from newsevents.store import EventFilter, Store, browse

Row = dict[str, Any]
View = Literal["clusters", "mentions"]
ALL = 2**62  # "no limit" for a page
SINGLE_SEP = "-"  # cluster ids of single events: "<article_id>-<idx>"


def list_events(
    store: Store, query: browse.EventQuery, view: View, limit: int, offset: int
) -> tuple[int, list[Row]]:
    """(total, page) of clusters or event rows matching `query`."""
    if view == "clusters" and hasattr(store, "clusters"):
        found = matching_clusters(store, query)
        return len(found), found[offset : offset + limit]
    conn, ph = browse.connection(store)
    total, rows = browse.event_page(conn, ph, query, limit, offset)
    if view == "mentions":
        return total, rows
    return total, [single_cluster(r) for r in rows]


def timeline(store: Store, query: browse.EventQuery, view: View) -> list[tuple[str, int]]:
    """(day, count) oldest first: clusters by their first report's day, or events by date."""
    if view == "clusters" and hasattr(store, "clusters"):
        days = Counter(c["date_first"] for c in matching_clusters(store, query) if c.get("date_first"))
        return sorted(days.items())
    conn, ph = browse.connection(store)
    return browse.event_timeline(conn, ph, query)


def matching_clusters(store: Any, query: browse.EventQuery) -> list[Row]:
    """Every cluster with a member event matching `query`, earliest first.

    The events are selected with all filters in the store; their clusters come from
    `store.clusters`. An event stored since the store last clustered is in no cluster yet,
    and is listed as a cluster of its own, so nothing stored is ever missing from the view.
    """
    conn, ph = browse.connection(store)
    _, rows = browse.event_page(conn, ph, query, ALL, 0)
    wanted = {r["cluster_id"] for r in rows if r.get("cluster_id") is not None}
    found = [c for c in store.clusters(query.filters) if c["cluster_id"] in wanted] if wanted else []
    found += [single_cluster(r) for r in rows if r.get("cluster_id") is None]
    found.sort(key=lambda c: (c.get("date_first") is None, c.get("date_first") or "", str(c["cluster_id"])))
    return found


def single_cluster(row: Row) -> Row:
    """An event row seen as a cluster of one report."""
    return {
        "cluster_id": f"{row['article_id']}{SINGLE_SEP}{row['idx']}",
        "cameo_root": row["cameo_root"],
        "plover": row.get("plover"),
        "quad_class": row["quad_class"],
        "source_code": row.get("source_code"),
        "target_code": row.get("target_code"),
        "country": row.get("location_country") or row.get("source_country") or row.get("target_country"),
        "location_name": row.get("location_name"),
        "lat": row.get("location_lat"),
        "lon": row.get("location_lon"),
        "date_first": row.get("date") or row.get("published"),
        "date_last": row.get("date") or row.get("published"),
        "n_events": 1,
        "n_articles": 1,
        "n_sources": 1,
        "first_article_id": row["article_id"],
        "members": [member(row)],
    }


def member(row: Row) -> Row:
    keys = (
        "article_id",
        "idx",
        "evidence_start",
        "evidence_end",
        "evidence_text",
        "source",
        "title",
        "published",
    )
    return {k: row.get(k) for k in keys}


def event(store: Store, article_id: str, idx: int) -> Row | None:
    """One event row, or None."""
    for row in store.events(EventFilter(article_id=article_id)):
        if row["idx"] == idx:
            return row
    return None


def cluster_of(store: Store, row: Row) -> Row | None:
    """The cluster an event row belongs to (its own single cluster on a store without clusters)."""
    cluster_id = row.get("cluster_id")
    if cluster_id is not None and hasattr(store, "clusters"):
        for found in store.clusters(EventFilter(article_id=row["article_id"])):  # type: ignore[attr-defined]
            if found["cluster_id"] == cluster_id:
                return found
    return single_cluster(row)


def cluster(store: Store, cluster_id: str) -> Row | None:
    """The cluster with this id, or None."""
    if hasattr(store, "clusters"):
        for found in store.clusters(EventFilter()):  # type: ignore[attr-defined]
            if str(found["cluster_id"]) == cluster_id:
                return found
    article_id, sep, idx = cluster_id.rpartition(SINGLE_SEP)
    if not sep or not idx.isdigit() or not article_id:
        return None
    row = event(store, article_id, int(idx))
    return single_cluster(row) if row is not None else None

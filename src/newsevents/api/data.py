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
    """The store's clusters for `query.filters`, narrowed by PLOVER type, box and text."""
    plover = browse.plover_type(query.plover) if query.plover is not None else None
    box = browse.check_bbox(query.bbox) if query.bbox is not None else None
    needle = browse.like_pattern(query.q)[1:-1].lower() if query.q is not None else None
    if needle is not None:  # back from LIKE's escaping to the literal text
        needle = needle.replace("\\%", "%").replace("\\_", "_").replace("\\\\", "\\")
    out = []
    for cluster in store.clusters(query.filters):
        if plover is not None and cluster.get("plover") != plover:
            continue
        if box is not None and not _in_box(cluster.get("lat"), cluster.get("lon"), box):
            continue
        if needle is not None and not any(
            needle in (m.get("evidence_text") or "").lower() for m in cluster.get("members", ())
        ):
            continue
        out.append(cluster)
    return out


def _in_box(lat: float | None, lon: float | None, box: tuple[float, float, float, float]) -> bool:
    if lat is None or lon is None:
        return False
    min_lon, min_lat, max_lon, max_lat = box
    in_lon = min_lon <= lon <= max_lon if min_lon <= max_lon else (lon >= min_lon or lon <= max_lon)
    return min_lat <= lat <= max_lat and in_lon


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
        found = cluster(store, str(cluster_id))
        if found is not None:
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

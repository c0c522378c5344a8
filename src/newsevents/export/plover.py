"""The PLOVER column set: events and clusters as records of the PLOVER specification's JSON
format (openeventdata/PLOVER), with the dead and injured figures linked to each event."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsevents.export.registry import ColumnSet


def plover_rows(store: Any, table: str, filters: Any) -> Iterator[dict[str, Any]]:
    """Events (mentions) or clusters matching `filters` as PLOVER records."""
    if table == "clusters":
        clusters = store.clusters(filters)
        figures, events_by_key = _figures(store), _events_by_key(store)
        return (_plover_cluster(c, events_by_key, figures) for c in clusters)
    events = store.events(filters)
    figures = _figures(store)
    return (_plover_event(e, figures) for e in events)


def plover_columns(table: str) -> list[str]:
    """The PLOVER record's fields, for events and clusters alike."""
    return list(PLOVER_FIELDS)


# Field names of the PLOVER specification's JSON records (openeventdata/PLOVER), in order.
PLOVER_FIELDS: tuple[str, ...] = (
    "id", "event_date", "event_type", "mode", "context", "actor", "recipient", "location",
    "dead", "injured", "event_text", "source_text", "story_id", "story_date", "publication", "url",
    "language", "cameo", "quad_class", "reports",
)  # fmt: skip
_DEAD_KINDS = frozenset({"killed"})
_INJURED_KINDS = frozenset({"injured"})


def _plover_event(e: dict[str, Any], figures: dict[tuple[str, int], dict[str, int]]) -> dict[str, Any]:
    counts = figures.get((e["article_id"], e["idx"]), {})
    return {
        "id": f"{e['article_id']}:{e['idx']}",
        "event_date": e.get("date") or e.get("published"),
        "event_type": e.get("plover"),
        "mode": e.get("plover_mode"),
        "context": [],
        "actor": _plover_actor(e, "source"),
        "recipient": _plover_actor(e, "target"),
        "location": _plover_location(
            e.get("location_name"),
            e.get("location_country"),
            e.get("location_lat"),
            e.get("location_lon"),
            e.get("location_precision"),
        ),
        "dead": counts.get("dead"),
        "injured": counts.get("injured"),
        "event_text": e.get("trigger_text"),
        "source_text": e.get("evidence_text"),
        "story_id": e["article_id"],
        "story_date": e.get("published"),
        "publication": e.get("source"),
        "url": e.get("url"),
        "language": "en",
        "cameo": e.get("cameo"),
        "quad_class": e.get("quad_class"),
        "reports": 1,
    }


def _plover_cluster(
    c: dict[str, Any],
    events: dict[tuple[str, int], dict[str, Any]],
    figures: dict[tuple[str, int], dict[str, int]],
) -> dict[str, Any]:
    """A cluster as one PLOVER record: its earliest report's words, the members' highest counts."""
    keys = [(m["article_id"], m["idx"]) for m in c.get("members", [])]
    first = events.get(keys[0], {}) if keys else {}
    dead = [figures[k]["dead"] for k in keys if "dead" in figures.get(k, {})]
    injured = [figures[k]["injured"] for k in keys if "injured" in figures.get(k, {})]
    record = _plover_event(first, {}) if first else dict.fromkeys(PLOVER_FIELDS)
    record.update({
        "id": c["cluster_id"],
        "event_date": c.get("date_first"),
        "event_type": c.get("plover") or record.get("event_type"),
        "location": _plover_location(
            c.get("location_name"), c.get("country"), c.get("lat"), c.get("lon"), None
        ),
        "dead": max(dead) if dead else None,
        "injured": max(injured) if injured else None,
        "story_id": c.get("first_article_id"),
        "story_date": c.get("first_published"),
        "quad_class": c.get("quad_class"),
        "reports": c.get("n_articles"),
    })  # fmt: skip
    return record


def _plover_actor(e: dict[str, Any], side: str) -> dict[str, Any] | None:
    if not e.get(f"{side}_code"):
        return None
    return {
        "text": e.get(f"{side}_text"),
        "name": e.get(f"{side}_name"),
        "code": e.get(f"{side}_code"),
        "country": e.get(f"{side}_country"),
        "sector": e.get(f"{side}_sector"),
    }


def _plover_location(
    name: str | None, country: str | None, lat: float | None, lon: float | None, precision: str | None
) -> dict[str, Any] | None:
    if not name and not country:
        return None
    return {"name": name, "country": country, "lat": lat, "lon": lon, "precision": precision}


def _figures(store: Any) -> dict[tuple[str, int], dict[str, int]]:
    """(article_id, event idx) -> the highest reported dead and injured figures linked to it."""
    out: dict[tuple[str, int], dict[str, int]] = {}
    for q in store.rows("quantities"):
        if q.get("event_idx") is None or q.get("status") == "projected":
            continue
        field = "dead" if q["kind"] in _DEAD_KINDS else "injured" if q["kind"] in _INJURED_KINDS else None
        value = q.get("value") if q.get("value") is not None else q.get("low")
        if field is None or value is None:
            continue
        counts = out.setdefault((q["article_id"], q["event_idx"]), {})
        counts[field] = max(counts.get(field, 0), value)
    return out


def _events_by_key(store: Any) -> dict[tuple[str, int], dict[str, Any]]:
    """Every event by key: a cluster's earliest report may not match the filters its cluster did."""
    from newsevents.store import EventFilter

    return {(e["article_id"], e["idx"]): e for e in store.events(EventFilter())}


COLUMN_SET = ColumnSet("plover", plover_rows, plover_columns, ("events", "clusters"), help="PLOVER")

"""The UCDP column set: events and clusters as rows of the UCDP Georeferenced Event Dataset (GED,
its 49 columns in the order of its CSV release), so code written for GED reads ours.

GED holds lethal organised violence only; this table holds our events of CAMEO roots 18
(assault), 19 (fight) and 20 (mass violence) with at least one death reported for them (a
`killed` figure linked to the event). Asserted events only unless the filters say otherwise.
`best`, `low` and `high` are that figure's value and bounds (a cluster: its reports' highest
figure, never their sum). GED's own identifiers (conflict, dyad and actor ids, Gleditsch-Ward
codes, PRIO-GRID cells) belong to UCDP's registers and are left empty: docs/exports.md lists them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from newsevents.export import conflict, paging
from newsevents.export.conflict import Facts, Row
from newsevents.export.registry import ColumnSet, Preset

# GED's columns, in the order of its CSV release (UCDP GED codebook, version 23.1 and later).
UCDP_COLUMNS: tuple[str, ...] = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "gwnoa", "gwnob",
)  # fmt: skip
_INTEGERS = frozenset({
    "id", "year", "type_of_violence", "conflict_new_id", "dyad_new_id", "side_a_new_id", "side_b_new_id",
    "number_of_sources", "where_prec", "priogrid_gid", "country_id", "event_clarity", "date_prec",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
})  # fmt: skip
_FLOATS = frozenset({"latitude", "longitude"})
_BOOLEANS = frozenset({"active_year"})
LETHAL_ROOTS = frozenset({"18", "19", "20"})
ONE_SIDED_ROOTS = frozenset({"18", "20"})  # assault and mass violence with no armed target
STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3
# GED's where_prec: 1 the exact place, 4 a first-level region, 6 only the country.
_WHERE_PREC = {"city": 1, "district": 1, "admin1": 4, "country": 6}
# GED's date_prec: 1 the day, 2 within 2-6 days, 3 the week, 4 the month, 5 the year.
_DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}
_FROM_PUBLISHED = 2  # no date of its own: the report's date, within a few days of it
_CLEAR = 1  # event_clarity: one event, clearly described


def ucdp_rows(store: Any, table: str, filters: Any) -> Any:
    """Lethal events (mentions) or clusters matching `filters` (asserted only by default) as GED rows."""
    return conflict.flagged(_rows(store, table, filters, conflict.Facts.shared()), filters)


def _rows(store: Any, table: str, filters: Any, shared: Facts) -> Iterator[Row | None]:
    """A page at a time (`paging.pages`): a cluster's row reads its lethal members matching `filters`."""
    for page, scope in paging.pages(store, table, filters):
        facts = shared.of(scope)
        if table == "clusters":
            lethal = (e for e in scope.events(filters) if e.get("cameo_root") in LETHAL_ROOTS)
            groups = conflict.by_cluster(lethal)
            chosen = (c for c in page if c["cluster_id"] in groups)
            yield from (_row(c["cluster_id"], groups[c["cluster_id"]], _cluster_place(c, groups), facts)
                        for c in chosen)  # fmt: skip
        else:
            own = (e for e in page if e.get("cameo_root") in LETHAL_ROOTS)
            yield from (_row(f"{e['article_id']}-{e['idx']}", [e], _event_place(e), facts) for e in own)


def ucdp_columns(table: str) -> list[str]:
    """GED's columns, for events and clusters alike."""
    return list(UCDP_COLUMNS)


def ucdp_types(table: str) -> dict[str, str]:
    """GED's own types: ids, codes, counts and deaths whole numbers; degrees floats; active_year
    a boolean; the rest text (GED's dataset and Gleditsch-Ward ids are text there too); and the
    flag columns `--include-unasserted` adds."""
    kinds = dict.fromkeys(UCDP_COLUMNS, "TEXT") | dict.fromkeys(_INTEGERS, "INTEGER")
    kinds |= dict.fromkeys(_FLOATS, "DOUBLE PRECISION") | dict.fromkeys(_BOOLEANS, "BOOLEAN")
    return kinds | conflict.FLAG_TYPES


def _event_place(e: Row) -> tuple[Any, ...]:
    return (e.get("location_name"), e.get("location_lat"), e.get("location_lon"), conflict.event_country(e),
            e.get("location_precision"))  # fmt: skip


def _cluster_place(c: Row, groups: dict[str, list[Row]]) -> tuple[Any, ...]:
    name = c.get("location_name")
    precision = conflict.precision_of(groups[c["cluster_id"]], name)
    if precision is None and c.get("country") and not name:
        precision = "country"
    return (name, c.get("lat"), c.get("lon"), c.get("country"), precision)


def _row(relid: str, members: list[Row], place: tuple[Any, ...], facts: Facts) -> Row | None:
    """One GED row from an event's reports (one for an event, its matching reports for a
    cluster), or None when no death is reported for it: GED holds lethal events only."""
    toll = conflict.highest(facts.tolls.get((m["article_id"], m["idx"])) for m in members)
    if toll is None or toll.best <= 0:
        return None
    lead = conflict.lead(members, facts.tolls)
    name, lat, lon, where, precision = place
    violence, side_a, side_b = _sides(lead, where, facts)
    days = sorted((m.get("date") or m.get("published") or "")[:10] for m in members)
    days = [d for d in days if d]
    articles = list(dict.fromkeys(m["article_id"] for m in members))
    return dict.fromkeys(UCDP_COLUMNS) | conflict.flags(lead) | {
        "id": _stable_int(relid),
        "relid": relid,
        "year": int(days[0][:4]) if days else None,
        "type_of_violence": violence,
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else None,
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": len(articles),
        "source_article": _joined(m.get("source") for m in members),
        "source_date": _joined(m.get("published") for m in members),
        "source_headline": _joined(m.get("title") for m in members),
        "source_original": lead.get("attributed_to"),
        "where_prec": _WHERE_PREC.get(precision or ""),
        "where_coordinates": name,
        "adm_1": facts.places.region_of(lead["article_id"], name, precision),
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
        "country": facts.places.country(where, "name"),
        "event_clarity": _CLEAR,
        "date_prec": _DATE_PREC.get(lead.get("date_precision") or "", _FROM_PUBLISHED) if days else None,
        "date_start": days[0] if days else None,
        "date_end": days[-1] if days else None,
        "deaths_a": 0,
        "deaths_b": 0,
        "deaths_civilians": toll.best if violence == ONE_SIDED else 0,
        "deaths_unknown": 0 if violence == ONE_SIDED else toll.best,
        "best": toll.best,
        "high": max(toll.high, toll.best),
        "low": min(toll.low, toll.best),
    }


def _sides(e: Row, where: str | None, facts: Facts) -> tuple[int, str | None, str | None]:
    """GED's type of violence and its two sides. One-sided: an attack on civilians (or an
    assault or massacre with no armed target); state-based: a government on either side
    (side A, named as GED names it: "Government of Syria"); else non-state."""
    source, target = _side(e, "source", facts), _side(e, "target", facts)
    target_type = facts.book.actor_type(e.get("target_sector"), e.get("target_country"), where)
    unarmed = not e.get("target_code") and e.get("cameo_root") in ONE_SIDED_ROOTS
    if target_type == conflict.CIVILIANS or unarmed:
        return ONE_SIDED, source, "Civilians"
    if _is_state(e, "target", facts) and not _is_state(e, "source", facts):
        return STATE_BASED, target, source
    if _is_state(e, "source", facts):
        return STATE_BASED, source, target
    return NON_STATE, source, target


def _is_state(e: Row, side: str, facts: Facts) -> bool:
    """A government side: a state sector, or a bare country code (the state acting)."""
    if not e.get(f"{side}_code"):
        return False
    sector = e.get(f"{side}_sector") or (conflict.STATE_SECTOR if e.get(f"{side}_country") else "")
    return facts.book.inter.get(sector) == conflict.STATE_FORCES


def _side(e: Row, side: str, facts: Facts) -> str | None:
    country = facts.places.country(e.get(f"{side}_country"), "name")
    if _is_state(e, side, facts) and country:
        return f"Government of {country}"
    return e.get(f"{side}_name")


def _joined(values: Any) -> str | None:
    """Distinct values in order, joined as GED joins several sources: with "; "."""
    return "; ".join(dict.fromkeys(v for v in values if v)) or None


def _stable_int(text: str) -> int:
    """A stable positive integer below 2**53 for a text id (GED's ids are integers; below 2**53
    they survive R, Excel and JavaScript, which read every number as a float)."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:13], 16)


COLUMN_SET = ColumnSet("ucdp", ucdp_rows, ucdp_columns, ("events", "clusters"),
                       help="UCDP GED's event table", types=ucdp_types,
                       asserted_only=True, flag_columns=conflict.FLAG_COLUMNS)  # fmt: skip
PRESET = Preset("ucdp", "ucdp", "csv", header=True,
                help="UCDP GED's event table as UCDP distributes it: CSV with a header, lethal events only")

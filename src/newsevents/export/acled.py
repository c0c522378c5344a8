"""The ACLED column set: events and clusters as rows of ACLED's event export (its 31 columns, in
its order, per ACLED's codebook), so code written for ACLED files reads ours.

ACLED codes political violence, demonstrations and strategic developments only: an event is in
this table when its CAMEO code has an ACLED category (data/events/cameo_acled.tsv), so statements,
meetings, aid and sanctions are left out, as ACLED leaves them out. Actor types (inter1/inter2)
come from the actors' sectors (data/events/sector_acled.tsv). Asserted events only unless the
filters say otherwise (the column set is `asserted_only`): "Russia hasn't targeted civilian areas" is
no attack to count. The default table is clusters, one row per real-world event, as ACLED's
rows are; `fatalities` is the highest toll its reports give, never their sum.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsevents.export import conflict, paging
from newsevents.export.conflict import Category, Facts, Row, Toll
from newsevents.export.registry import ColumnSet, Preset

# ACLED's export columns, in its order (ACLED codebook, 2023 edition).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
_INTEGERS = frozenset({
    "year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
    "timestamp",
})  # fmt: skip
_FLOATS = frozenset({"latitude", "longitude"})
# ACLED's time precision: 1 the day is known, 2 the week or a few days, 3 only the month.
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_FROM_PUBLISHED = 2  # no date of its own: the report's date, which may be a few days late
# ACLED's geo precision: 1 the town, 2 a part of a region near it, 3 a province or country.
_GEO_PRECISION = {"city": 1, "district": 2, "admin1": 3, "country": 3}
_CIVILIAN_TARGETING = "Civilian targeting"
_VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
_BATTLES = "Battles"
_ATTACK_ON_CIVILIANS = Category("Political violence", _VIOLENCE_AGAINST_CIVILIANS, "Attack", None, None)


def acled_rows(store: Any, table: str, filters: Any) -> Any:
    """Events (mentions) or clusters matching `filters` (asserted only by default) as ACLED rows."""
    return conflict.flagged(_rows(store, table, filters, conflict.Facts.shared()), filters)


def _rows(store: Any, table: str, filters: Any, shared: Facts) -> Iterator[Row | None]:
    """A page at a time (`paging.pages`): a cluster's row reads its members that match `filters`."""
    for page, scope in paging.pages(store, table, filters):
        facts = shared.of(scope)
        if table == "clusters":
            groups = conflict.by_cluster(scope.events(filters))
            yield from (_cluster_row(c, groups.get(c["cluster_id"], []), facts) for c in page)
        else:
            yield from (_event_row(e, facts) for e in page)


def acled_columns(table: str) -> list[str]:
    """ACLED's columns, for events and clusters alike."""
    return list(ACLED_COLUMNS)


def acled_types(table: str) -> dict[str, str]:
    """Whole numbers for the codes, counts and years; degrees as floats; the rest text; and the
    flag columns `--include-unasserted` adds."""
    kinds = {c: "TEXT" for c in ACLED_COLUMNS}
    kinds |= dict.fromkeys(_INTEGERS, "INTEGER") | dict.fromkeys(_FLOATS, "DOUBLE PRECISION")
    return kinds | conflict.FLAG_TYPES


@dataclass(frozen=True)
class _Place:
    name: str | None
    lat: float | None
    lon: float | None
    country: str | None
    precision: str | None


def _event_row(e: Row, facts: Facts) -> Row | None:
    category = facts.book.category(e.get("cameo"))
    if category is None:
        return None
    place = _Place(e.get("location_name"), e.get("location_lat"), e.get("location_lon"),
                   conflict.event_country(e), e.get("location_precision"))  # fmt: skip
    toll = facts.tolls.get((e["article_id"], e["idx"]))
    return _row(f"{e['article_id']}-{e['idx']}", e, [e], category, place, toll, facts)


def _cluster_row(c: Row, members: list[Row], facts: Facts) -> Row | None:
    """A cluster as one row: the category most of its matching reports give (the earliest on a
    tie), told in the words of the earliest report that gives it, at the cluster's place."""
    coded = [(m, facts.book.category(m.get("cameo"))) for m in members]
    coded = [(m, cat) for m, cat in coded if cat is not None]
    if not coded:
        return None
    category = Counter(cat for _, cat in coded).most_common(1)[0][0]
    lead = conflict.lead([m for m, cat in coded if cat == category], facts.tolls)
    precision = conflict.precision_of(members, c.get("location_name"))
    place = _Place(c.get("location_name"), c.get("lat"), c.get("lon"), c.get("country"),
                   precision or ("country" if c.get("country") and not c.get("location_name") else None))
    toll = conflict.highest(facts.tolls.get((m["article_id"], m["idx"])) for m in members)
    return _row(c["cluster_id"], lead, members, category, place, toll, facts)  # fmt: skip


def _row(ident: str, lead: Row, members: list[Row], category: Category, place: _Place,
         toll: Toll | None, facts: Facts) -> Row:  # fmt: skip
    """One ACLED row: `lead` gives the actors and the words; `members` (the reports) the date,
    the sources and when we stored them."""
    where = place.country
    inter1 = category.inter1 or facts.book.actor_type(
        lead.get("source_sector"), lead.get("source_country"), where
    )
    inter2 = facts.book.actor_type(lead.get("target_sector"), lead.get("target_country"), where)
    if category.event_type == _BATTLES and inter2 == conflict.CIVILIANS:
        # ACLED's battles are between armed groups: force against civilians is an attack on them.
        category = _ATTACK_ON_CIVILIANS
    sub_event = category.sub_event_type
    if inter1 == conflict.STATE_FORCES and category.state_sub_event_type:
        sub_event = category.state_sub_event_type
    day = min((m.get("date") or m.get("published") or "9999" for m in members), default="9999")[:10]
    when = date.fromisoformat(day) if day != "9999" else None
    precision = lead.get("date_precision")
    civilians = category.event_type == _VIOLENCE_AGAINST_CIVILIANS or inter2 == conflict.CIVILIANS
    stamps = [facts.places.stored.get(m["article_id"]) for m in members]
    return dict.fromkeys(ACLED_COLUMNS) | conflict.flags(lead) | {
        "event_id_cnty": f"{where or 'XXX'}{ident}",
        "event_date": when.isoformat() if when else None,
        "year": when.year if when else None,
        "time_precision": _TIME_PRECISION.get(precision or "", _FROM_PUBLISHED) if when else None,
        "disorder_type": category.disorder_type,
        "event_type": category.event_type,
        "sub_event_type": sub_event,
        "actor1": lead.get("source_name"),
        "inter1": inter1,
        "actor2": lead.get("target_name"),
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": _CIVILIAN_TARGETING if civilians else None,
        "iso": facts.places.country(where, "numeric"),
        "country": facts.places.country(where, "name"),
        "admin1": facts.places.region_of(lead["article_id"], place.name, place.precision),
        "location": place.name,
        "latitude": place.lat,
        "longitude": place.lon,
        "geo_precision": _GEO_PRECISION.get(place.precision or ""),
        "source": "; ".join(dict.fromkeys(m["source"] for m in members if m.get("source"))) or None,
        "notes": lead.get("evidence_text"),
        "fatalities": toll.best if toll else 0,
        "timestamp": max((s for s in stamps if s is not None), default=None),
    }


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction: the two actor types, lower first; one actor alone is 10 x it."""
    if inter1 and inter2:
        return 10 * min(inter1, inter2) + max(inter1, inter2)
    alone = inter1 or inter2
    return 10 * alone if alone else None


COLUMN_SET = ColumnSet("acled", acled_rows, acled_columns, ("events", "clusters"),
                       help="ACLED's event export", types=acled_types,
                       asserted_only=True, flag_columns=conflict.FLAG_COLUMNS)  # fmt: skip
PRESET = Preset("acled", "acled", "csv", header=True,
                help="ACLED's event table as ACLED distributes it: CSV with a header, a row per real event")

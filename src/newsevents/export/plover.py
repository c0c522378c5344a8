"""The PLOVER column set: events and clusters as records of the PLOVER specification's JSON format
(openeventdata/PLOVER, the manual's Data Fields chapter, draft 0.8), one per line with
`newsevents export --format plover`.

The spec's field names and shapes come first: `actor` and `recipient` are lists of entity
objects, `event`, `mode` and `context` lists, `event_loc` a location object, `quad_code`
PLOVER's own quad category of the event type (not CAMEO's), `context` the 2021
CAMEO-to-PLOVER table's contexts plus PLOVER's auxiliary `negation` and `hypothetical`.
After them come fields the spec leaves to providers (it invites extra named fields): the
flags of every event (PLOVER records hold every event, asserted or not), our CAMEO code, and
flat actor columns for tables. An event with no PLOVER type (CAMEO 01x statements) has no
record: the spec requires an event category.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from newsevents import __version__
from newsevents.events.codes import CodeTable, load_code_table
from newsevents.export import lookups, paging
from newsevents.export.lookups import Key, Lookups, Row
from newsevents.export.plover_codebook import HYPOTHETICAL, NEGATION, PloverCodebook, load_codebook
from newsevents.export.registry import ColumnSet, Preset

log = logging.getLogger(__name__)

# The PLOVER record's fields: the spec's table in its order, then its size object's fields
# (the summary of event categories names dead and injured as fields of their own), then ours.
SPEC_FIELDS: tuple[str, ...] = (
    "id", "has_event", "date", "enddate", "actor", "recipient", "event", "event_loc", "event_text",
    "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info", "coder",
    "coded_date", "coded_time", "dead", "injured", "arrested",
)  # fmt: skip
EXTENSION_FIELDS: tuple[str, ...] = (
    "negated", "modality", "attributed_to", "actor_country", "actor_country_source", "actor_sector",
    "recipient_country", "recipient_country_source", "recipient_sector", "cameo", "goldstein",
    "date_precision", "location_source", "location_reason", "reports",
)  # fmt: skip
PLOVER_FIELDS: tuple[str, ...] = SPEC_FIELDS + EXTENSION_FIELDS
_SIZES = {"killed": "dead", "injured": "injured", "arrested": "arrested"}
# PLOVER's location resolution: 5 sub-city, 4 city, 3 district, 2 province, 1 country.
_RESOLUTION = {"district": 3, "city": 4, "admin1": 2, "country": 1}
CODEBOOK = "CAMEO-to-PLOVER 2021 (PLOVER manual draft 0.8)"


def plover_rows(store: Any, table: str, filters: Any) -> Iterator[dict[str, Any]]:
    """Events (reports) or clusters matching `filters` as PLOVER records, typeless events left out."""
    book, codes, countries = load_codebook(), load_code_table(), lookups.countries()
    left_out = 0
    for page, scope in paging.pages(store, table, filters):
        seen = lookups.load(scope)
        made = _Maker(book, seen, _figures(scope), countries)
        for row in page:
            if table == "clusters":
                typed = [t for t in (_typed(e, codes) for e in seen.kept(row["cluster_id"], False)) if t]
                record = made.cluster(row, typed) if typed else None
            else:
                t = _typed(row, codes)
                record = made.event(t) if t else None
            if record is None:
                left_out += 1
            else:
                yield record
    if left_out:
        log.warning("PLOVER export: %d %s with no PLOVER event type (such as CAMEO 01x statements) left out",
                    left_out, table)  # fmt: skip


def plover_columns(table: str) -> list[str]:
    """The PLOVER record's fields, for events and clusters alike."""
    return list(PLOVER_FIELDS)


def plover_types(table: str) -> dict[str, str]:
    """Lists and objects are JSON; counts and codes numbers; the flags booleans."""
    json_fields = {"actor", "recipient", "event", "event_loc", "event_text", "mode", "context", "text_info",
                   "cite_info"}  # fmt: skip
    integers = {"quad_code", "dead", "injured", "arrested", "reports"}
    doubles = {"event_scale", "goldstein"}
    return {
        f: "JSON" if f in json_fields else "INTEGER" if f in integers else "DOUBLE PRECISION" if f in doubles
        else "BOOLEAN" if f in ("has_event", "negated") else "TEXT"
        for f in PLOVER_FIELDS
    }  # fmt: skip


class _Maker:
    """Builds records from stored rows with the codebook (read once per export) and the lookups
    and figures of one page of rows (`paging.Scope`)."""

    def __init__(self, book: PloverCodebook, seen: Lookups, figures: dict[Key, dict[str, int]],
                 countries: dict[str, dict[str, str]]) -> None:  # fmt: skip
        self.book, self.seen, self.figures, self.countries = book, seen, figures, countries

    def event(self, e: Row) -> dict[str, Any]:
        """One report as a PLOVER record."""
        plover, mode = str(e["plover"]), e.get("plover_mode")
        article = self.seen.articles.get(e["article_id"], {})
        stored = str(article.get("stored_at") or "")
        record: dict[str, Any] = {
            "id": f"{e['article_id']}:{e['idx']}", "has_event": True,
            "date": self.seen.day_of(e), "enddate": _end_of(e.get("date"), e.get("date_precision")),
            "actor": self._entities(e, "source"), "recipient": self._entities(e, "target"),
            "event": [plover], "event_loc": self._place(e), "event_text": [e["trigger_text"]],
            "quad_code": self.book.quad(plover), "event_scale": self.book.scale(plover, mode),
            "mode": [mode] if mode else [], "context": self._context(e), "link": e.get("cluster_id"),
            "text": e["evidence_text"], "text_info": {"start": e["evidence_start"], "end": e["evidence_end"]},
            "cite_info": self._cite(e["article_id"]), "coder": f"newsevents {__version__}",
            "coded_date": stored[:10] or None,
            "coded_time": stored[11:19] + "Z" if len(stored) >= 19 else None,
        }  # fmt: skip
        record.update(self._sizes([(e["article_id"], e["idx"])]))
        record.update(_flags(e))
        record.update({
            f"{side}_{what}": (record[side][0].get(key) if record[side] else None)
            for side in ("actor", "recipient") for what, key in (("country", "code"), ("sector", "sector"))
        })  # fmt: skip
        record.update({
            f"{side}_country_source": e.get(f"{ours}_country_source") if record[f"{side}_country"] else None
            for side, ours in (("actor", "source"), ("recipient", "target"))
        })  # fmt: skip
        record.update({"cameo": e["cameo"], "goldstein": float(e["goldstein"]),
                       "date_precision": e.get("date_precision"), "location_source": _source(e),
                       "location_reason": _reason(e), "reports": 1})  # fmt: skip
        return record

    def cluster(self, c: Row, members: list[Row]) -> dict[str, Any]:
        """A real-world event: the record of the report that speaks for it (`lookups.representative`),
        with the cluster's dates, most precise place, highest figures and report count."""
        rep = lookups.representative(members) or members[0]
        record = self.event(rep)
        days = sorted(d for d in (self.seen.day_of(e) for e in members) if d)
        placed = lookups.finest_place(members)
        record.update({
            "id": c["cluster_id"], "link": None, "date": days[0] if days else record["date"],
            "enddate": days[-1] if days and days[-1] != days[0] else record["enddate"],
            "event_loc": self._place(placed), "location_source": _source(placed),
            "location_reason": None if placed is not None else _reason(rep),
            "reports": lookups.counts(members)["articles"],
        })  # fmt: skip
        record.update(self._sizes([(e["article_id"], e["idx"]) for e in members]))
        return record

    def _entities(self, e: Row, side: str) -> list[dict[str, Any]]:
        """The spec's entity list: one entity (PLOVER codes one actor per side of our events)."""
        code = e.get(f"{side}_code")
        if not code and not e.get(f"{side}_text"):
            return []
        entity = {
            "code": self.book.entity(code, e.get(f"{side}_country")),
            "sector": self.book.sector(e.get(f"{side}_sector")),
            "entity_text": e.get(f"{side}_text"),
            "identifier_text": e.get(f"{side}_name"),
        }
        return [{k: v for k, v in entity.items() if v is not None}]

    def _context(self, e: Row) -> list[str]:
        found = self.book.context(str(e["cameo"]))
        if e.get("negated"):
            found.append(NEGATION)
        if e.get("modality") == HYPOTHETICAL:
            found.append(HYPOTHETICAL)
        return found

    def _place(self, e: Row | None) -> dict[str, Any] | None:
        """The spec's location object for the event's place (GeoNames facts where stored)."""
        if e is None or not e.get("location_name"):
            return None
        precision, name = e.get("location_precision") or "country", e["location_name"]
        stored = self.seen.place_of(e) or {}
        start = e.get("location_start")
        mention = next((m["text"] for m in stored.get("mentions") or [] if m["start"] == start), None)
        iso3 = e.get("location_country")
        loc = {
            "extracted_place": mention, "resolved_place": name, "geonameid": stored.get("geonameid"),
            "lat": e.get("location_lat"), "lon": e.get("location_lon"),
            "city": name if precision == "city" else None,
            "district": name if precision == "district" else None,
            "province": name if precision == "admin1" else stored.get("admin1"),
            "country": self.countries.get(iso3 or "", {}).get("name"), "country_code": iso3,
            "resolution": _RESOLUTION.get(precision),
        }  # fmt: skip
        return {k: v for k, v in loc.items() if v is not None}

    def _cite(self, article_id: str) -> dict[str, Any]:
        article = self.seen.articles.get(article_id, {})
        cite = {
            "citation": article_id, "url": article.get("url"), "title": article.get("title"),
            "language": article.get("language"), "publication": article.get("source"),
            "coder": f"newsevents {__version__}", "codebook": CODEBOOK,
        }  # fmt: skip
        return {k: v for k, v in cite.items() if v is not None}

    def _sizes(self, keys: list[Key]) -> dict[str, int | None]:
        """The highest figure of each kind linked to any of the events (a cluster's reports)."""
        found = [self.figures.get(k, {}) for k in keys]
        return {f: max((c[f] for c in found if f in c), default=None) for f in _SIZES.values()}


def _typed(e: Row, codes: CodeTable) -> Row | None:
    """The event with a PLOVER type: as stored, else the one the shipped CAMEO-to-PLOVER table gives
    its CAMEO code (a store written under another mapping); None when neither has one."""
    if e.get("plover"):
        return e
    cameo = str(e.get("cameo"))
    plover, mode = codes.plover(cameo) if cameo in codes else (None, None)
    return {**e, "plover": plover, "plover_mode": mode} if plover else None


def _flags(e: Row) -> dict[str, Any]:
    return {"negated": bool(e.get("negated")), "modality": e.get("modality") or "asserted",
            "attributed_to": e.get("attributed_to")}  # fmt: skip


def _source(e: Row | None) -> str | None:
    """Where the event's place came from (clause ... article); None when it has no place."""
    return e.get("location_source") if e is not None and e.get("location_name") else None


def _reason(e: Row) -> str | None:
    """Why the event has no place (geo/fallback.py's closed set); None when it has one."""
    return None if e.get("location_name") else e.get("location_reason")


def _end_of(day: str | None, precision: str | None) -> str | None:
    """The last day of a date known only to the week, month or year; None for a single day."""
    if not day or precision in (None, "day"):
        return None
    start = date.fromisoformat(day[:10])
    if precision == "week":
        return (start + timedelta(days=6)).isoformat()
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1]).isoformat()
    return start.replace(month=12, day=31).isoformat() if precision == "year" else None


def _figures(store: Any) -> dict[Key, dict[str, int]]:
    """(article_id, event idx) -> the highest reported dead, injured and arrested figures linked to it."""
    out: dict[Key, dict[str, int]] = {}
    for q in store.rows("quantities"):
        field = _SIZES.get(q["kind"])
        value = q.get("value") if q.get("value") is not None else q.get("low")
        if field is None or value is None or q.get("event_idx") is None or q.get("status") == "projected":
            continue
        counts = out.setdefault((q["article_id"], q["event_idx"]), {})
        counts[field] = max(counts.get(field, 0), value)
    return out


COLUMN_SET = ColumnSet("plover", plover_rows, plover_columns, ("events", "clusters"), help="PLOVER",
                       types=plover_types)  # fmt: skip
PRESET = Preset("plover", "plover", "jsonl", help="PLOVER records as JSON Lines, one event per line")

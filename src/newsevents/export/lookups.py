"""What the GDELT and PLOVER column sets read beside an event's own row: its article, its place's
gazetteer facts, its cluster's other reports, and the country tables.

Both vocabularies describe one real-world event per row, so both need the same answers: which
reports of a cluster count (asserted ones, unless every event is asked for), which of them
speaks for the cluster, and which day an event falls on when the article gave no date. They
are answered here for each page of rows, from the part of the store the page reaches
(`paging.Scope`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsevents.data import reader, shipped

if TYPE_CHECKING:
    from newsevents.export.paging import Scope

Row = Mapping[str, Any]
Key = tuple[str, int]
# Finest first, as the clusters rank their members' places.
PRECISIONS: tuple[str, ...] = ("district", "city", "admin1", "country")


@dataclass(frozen=True)
class Lookups:
    """One pass over a store: articles by id, places by mention, every event, cluster members."""

    articles: dict[str, dict[str, Any]]
    places: dict[Key, Row]
    places_by_name: dict[tuple[str, str], Row]
    events: dict[Key, Row]
    members: dict[str, list[Key]]

    def place_of(self, event: Row) -> Row | None:
        """The stored place (GeoNames id, region) the event's toponym resolved to, if any."""
        if not event.get("location_name"):
            return None
        start = event.get("location_start")
        found = self.places.get((event["article_id"], start)) if start is not None else None
        return found or self.places_by_name.get((event["article_id"], event["location_name"]))

    def day_of(self, event: Row) -> str | None:
        """The event's date, else its article's publication date, else the day it was stored."""
        article = self.articles.get(event["article_id"], {})
        return event.get("date") or event.get("published") or article.get("stored_day")

    def kept(self, cluster_id: str | None, asserted_only: bool) -> list[Row]:
        """The cluster's reports that count: its asserted ones, or with `asserted_only` off, all."""
        rows = [self.events[k] for k in self.members.get(cluster_id or "", []) if k in self.events]
        return [e for e in rows if is_asserted(e)] if asserted_only else rows


def load(scope: Scope) -> Lookups:
    """Everything the foreign column sets look up for one page of rows (`paging.Scope`)."""
    articles = {a["id"]: _article(a) for a in scope.rows("articles")}
    places: dict[Key, Row] = {}
    by_name: dict[tuple[str, str], Row] = {}
    for loc in scope.rows("locations"):
        by_name.setdefault((loc["article_id"], loc["name"]), loc)
        for mention in loc.get("mentions") or []:
            places[(loc["article_id"], mention["start"])] = loc
    events = {(e["article_id"], e["idx"]): e for e in scope.events()}
    return Lookups(articles, places, by_name, events, scope.members())


def _article(a: Row) -> dict[str, Any]:
    """An article's url, outlet and title, when it was stored, and where its lead paragraph ends."""
    stored = str(a.get("stored_at") or "")
    text = str(a.get("text") or "")
    body = a.get("title_end") or 0
    while body < len(text) and text[body].isspace():
        body += 1
    lead_end = text.find("\n", body)
    return {
        "url": a.get("url"), "source": a.get("source"), "title": a.get("title"),
        "language": a.get("language"), "stored_at": stored, "stored_day": stored[:10] or None,
        "lead_end": lead_end if lead_end >= 0 else len(text),
    }  # fmt: skip


def is_asserted(event: Row) -> bool:
    """Neither negated, nor hypothetical, nor only reported: an event an analyst counts."""
    return not event.get("negated") and (event.get("modality") or "asserted") == "asserted"


def representative(members: Iterable[Row]) -> Row | None:
    """The report that speaks for a cluster: among its asserted reports (all, if none is), the
    earliest with the most common CAMEO code. Members come earliest report first."""
    rows = list(members)
    pool = [e for e in rows if is_asserted(e)] or rows
    if not pool:
        return None
    counts = Counter(e["cameo"] for e in pool)
    top = max(counts.values())
    return next(e for e in pool if counts[e["cameo"]] == top)


def finest_place(members: Iterable[Row]) -> Row | None:
    """The report with the most precise place, earliest first among equals; None if none is placed."""
    placed = [e for e in members if e.get("location_name")]
    rank = {p: i for i, p in enumerate(PRECISIONS)}
    return min(placed, key=lambda e: rank.get(e.get("location_precision") or "", len(rank)), default=None)


def counts(members: list[Row]) -> dict[str, int]:
    """Reports, distinct articles and distinct outlets (case and spacing ignored), as clusters count."""
    outlets = {" ".join(str(e["source"]).casefold().split()) for e in members if e.get("source")}
    return {"mentions": len(members), "articles": len({e["article_id"] for e in members}),
            "sources": len(outlets)}  # fmt: skip


def countries() -> dict[str, dict[str, str]]:
    """ISO alpha-3 -> {iso2, name}, from the shipped GeoNames country table."""
    columns = ("iso2", "iso3", "name", "lat", "lon", "population", "capital")
    rows = reader.rows(shipped("geo/countries.csv"), columns, delimiter=",")
    return {str(r.get("iso3")): {"iso2": str(r.get("iso2")), "name": str(r.get("name"))} for r in rows}


def admin1_codes() -> dict[tuple[str, str], str]:
    """(ISO alpha-2, region name casefolded) -> the GeoNames admin1 code, from the shipped table."""
    columns = ("cc", "code", "name", "lat", "lon", "population")
    rows = reader.rows(shipped("geo/admin1.csv"), columns, delimiter=",")
    return {(str(r.get("cc")), str(r.get("name")).casefold()): str(r.get("code")) for r in rows}

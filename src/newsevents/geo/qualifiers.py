"""Comma qualifiers ("Paris, Texas", "Atlanta, Georgia"): which candidates a country or region
after the comma holds, and whether a country or region holds a place; read by the resolver."""

from __future__ import annotations

from newsevents.geo.gazetteer import Candidate, Entry, Gazetteer, normalize


def inside_qualifier(qualifier: str, cands: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """The candidates inside the country or region a comma qualifier names ("Paris, Texas")."""
    outer = {c.entry.country for c in gazetteer.lookup(qualifier)}
    regions = {normalize(c.entry.name) for c in gazetteer.lookup(qualifier) if c.entry.feature == "admin1"}
    return [
        c
        for c in cands
        if c.entry.country in outer
        and (not regions or normalize(c.entry.admin1 or "") in regions or c.entry.feature == "country")
    ]


def contains(outer: Entry, inner: list[Entry]) -> bool:
    """Whether a country or region holds one of the places an inner name may be."""
    if outer.feature == "country":
        return any(e.country == outer.country and e is not outer for e in inner)
    if outer.feature == "admin1":
        return any(
            e.country == outer.country and normalize(e.admin1 or "") == normalize(outer.name) for e in inner
        )
    return False

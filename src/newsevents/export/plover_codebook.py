"""PLOVER's codebook as the PLOVER export reads it: each event type's quad category and score, the
contexts of the 2021 CAMEO-to-PLOVER table, and PLOVER's names for our actor codes.

The facts are data files under data/events/ (each names its source), read once per export
through the data layer; nothing here is a codebook written in Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.data import reader, shipped

# PLOVER's auxiliary modes, which the manual has coders put in `context`.
NEGATION = "negation"
HYPOTHETICAL = "hypothetical"


@dataclass(frozen=True)
class PloverCodebook:
    """Quad categories and scores by (type, mode), contexts by CAMEO code, entity codes."""

    quads: dict[str, int]
    scales: dict[tuple[str, str], float]
    contexts: dict[str, tuple[str, ...]]
    sectors: dict[str, str]
    entities: dict[str, str]

    def quad(self, plover: str) -> int | None:
        """PLOVER's own quad category of an event type (1 to 4)."""
        return self.quads.get(plover)

    def scale(self, plover: str, mode: str | None) -> float | None:
        """The manual's conflict-cooperation score of the type with its mode, else of the type."""
        return self.scales.get((plover, mode or ""), self.scales.get((plover, "")))

    def context(self, cameo: str) -> list[str]:
        """The 2021 table's contexts for a CAMEO code, or for its three-digit parent when the
        table does not list the code itself."""
        found = self.contexts.get(cameo)
        if found is None:
            found = self.contexts.get(cameo[:3], ())
        return list(found)

    def entity(self, code: str | None, country: str | None) -> str | None:
        """PLOVER's top-level entity code: the actor's country, else its international kind."""
        if country:
            return country
        if not code:
            return None
        return self.entities.get(code[:6]) or self.entities.get(code[:3])

    def sector(self, sector: str | None) -> str | None:
        """PLOVER's sector code for our role code, None where PLOVER has none."""
        return self.sectors.get(sector or "")


def load_codebook() -> PloverCodebook:
    """The shipped PLOVER tables; a malformed row is one E202 naming the file and line."""
    quads: dict[str, int] = {}
    scales: dict[tuple[str, str], float] = {}
    types = reader.rows(shipped("events/plover_types.tsv"), ("plover", "mode", "quad", "scale"), strict=True)
    for rec in types:
        try:
            quads[str(rec.get("plover"))] = int(str(rec.get("quad")))
            scales[(str(rec.get("plover")), str(rec.get("mode")))] = float(str(rec.get("scale")))
        except ValueError as exc:
            raise rec.fail("quad/scale", "not a number") from exc
    contexts = {
        str(rec.get("cameo")): tuple(c for c in str(rec.get("context")).split(";") if c)
        for rec in reader.rows(shipped("events/cameo_plover_context.tsv"), ("cameo", "context"))
    }
    codes = reader.rows(shipped("events/plover_codes.tsv"), ("kind", "ours", "plover"), strict=True)
    sectors = {str(r.get("ours")): str(r.get("plover")) for r in codes if r.get("kind") == "sector"}
    entities = {str(r.get("ours")): str(r.get("plover")) for r in codes if r.get("kind") == "entity"}
    return PloverCodebook(quads, scales, contexts, sectors, entities)

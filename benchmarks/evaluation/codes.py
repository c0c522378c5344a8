"""Putting gold and predicted codes on one footing before they are compared.

Gold sets code actors PETRARCH-style ("USAGOV", "IRQGOVMIL", "IGOUNO", "---") or as a country plus a
separate sector (PLOVER records), and name PLOVER types from two versions of the ontology. Scoring
compares an actor as (country, primary sector) and a PLOVER type in its 2021 (draft 0.8) name, both
worked out here from the tables in `data/` (read by tables.py), so a scorer never compares spellings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from benchmarks.evaluation.tables import read_data

UNKNOWN = "-"
_ALPHA3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class ActorKey:
    """An actor as scored: country (ISO3, an international marker such as IGO, or "-") and sector."""

    country: str = UNKNOWN
    sector: str | None = None

    def __str__(self) -> str:
        if self.country == UNKNOWN and self.sector is None:
            return "---"
        return self.country if self.sector is None else f"{self.country} {self.sector}"


MISSING = ActorKey()


@dataclass(frozen=True)
class CodeTables:
    """The normalisation tables, loaded once per evaluation."""

    sectors: dict[str, str]  # code or alias -> primary sector
    markers: dict[str, tuple[str, str | None]]  # marker -> (country, default sector)
    countries: dict[str, str]  # alias -> ISO3
    plover: dict[str, str]  # any version's type name -> 2021 name

    def actor(self, code: str | None, sector: str | None = None) -> ActorKey:
        """Normalise a CAMEO-style code, optionally with a separately given sector.

        Quoted free-text codes (the PETRARCH unit tests' '"THE MINISTRY OF MAGIC"') and empty values
        are missing actors. The first recognised 3-letter role segment is the primary sector.
        """
        raw = (code or "").strip().upper()
        if not raw or raw.startswith('"') or "+" in raw:
            return MISSING
        head, rest = raw[:3], raw[3:]
        default: str | None = None
        if head in self.markers:
            country, default = self.markers[head]
        elif _ALPHA3.match(head):
            country = self.countries.get(head, head)
        else:
            return MISSING
        segments = [rest[i : i + 3] for i in range(0, len(rest), 3)]
        if sector:
            segments.insert(0, sector.strip().upper()[:3])
        primary = next((self.sectors[s] for s in segments if s in self.sectors), default)
        return ActorKey(country, primary)

    def plover_type(self, name: str | None) -> str | None:
        """The 2021 name of a PLOVER type of either version; None when absent or unknown."""
        if not name:
            return None
        return self.plover.get(name.strip().upper())


@lru_cache(maxsize=1)
def load_tables() -> CodeTables:
    """The shipped tables; cached because they never change during a process."""
    sectors: dict[str, str] = {}
    for code, kind, target in read_data("sectors.tsv", ("code", "kind", "description")):
        sectors[code] = target if kind == "alias" else code
    markers = {
        m: (UNKNOWN if c == "-" else c, None if s == "-" else s)
        for m, c, s in read_data("markers.tsv", ("marker", "country", "sector"))
    }
    countries = dict(read_data("country_aliases.tsv", ("code", "iso3")))
    plover = dict(read_data("plover_versions.tsv", ("name", "plover_2021")))
    return CodeTables(sectors, markers, countries, plover)  # type: ignore[arg-type]


def cameo_root(code: str | None) -> str | None:
    """Two-digit CAMEO root of a code ("0231" -> "02"), or None when there is no usable code."""
    if not code:
        return None
    digits = code.strip()
    return digits[:2] if len(digits) >= 2 and digits[:2].isdigit() else None

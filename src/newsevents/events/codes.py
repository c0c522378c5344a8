"""CAMEO codes and what follows from them: name, quad class, Goldstein weight, PLOVER type and mode.

Everything here is derived from the code alone, from two codebooks shared by every language
(`data/events/cameo.yml`, `data/events/cameo_plover.tsv`), so a coded event can never carry a
quad class or PLOVER type that disagrees with its CAMEO code. A user's files (settings
`stages.events.codes` and `stages.events.plover`) merge over them by code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents import data
from newsevents.data import reader
from newsevents.data.reader import Record
from newsevents.errors import ResourceError

CODE_RE = re.compile(r"^(0[1-9]|1\d|20)\d{1,2}$")
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})  # fmt: skip


def root_quad(code: str) -> int:
    """Quad class from the root: 01-04 verbal coop, 05-08 material coop, 09-13 verbal conflict, else 4."""
    root = int(code[:2])
    return 1 if root <= 4 else 2 if root <= 8 else 3 if root <= 13 else 4


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with everything an event needs from it."""

    code: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None = None
    plover_mode: str | None = None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class CodeTable:
    """The CAMEO codes known to the coder; unknown codes are refused when dictionaries load."""

    codes: Mapping[str, CameoCode]

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def get(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise ResourceError("E202", detail=f"unknown CAMEO code {code!r}") from None

    def quad_class(self, code: str) -> int:
        return self.get(code).quad_class

    def goldstein(self, code: str) -> float:
        return self.get(code).goldstein

    def plover(self, code: str) -> tuple[str | None, str | None]:
        """(PLOVER type, mode); (None, None) for 01x statements, which PLOVER does not code."""
        entry = self.get(code)
        return entry.plover, entry.plover_mode


def _code_entry(rec: Record) -> CameoCode:
    key = str(rec.key)
    if not CODE_RE.match(key):
        raise rec.fail("code", f"{key!r} is not a CAMEO code (3 or 4 digits, root 01-20)")
    name = rec.values.get("name")
    if not isinstance(name, str) or not name.strip():
        raise rec.fail("name", "missing")
    quad = rec.values.get("quad")
    if quad != root_quad(key):
        raise rec.fail("quad", f"{quad!r} disagrees with root {key[:2]} (quad {root_quad(key)})")
    gold = rec.values.get("goldstein")
    if isinstance(gold, bool) or not isinstance(gold, int | float) or not -10 <= gold <= 10:
        raise rec.fail("goldstein", f"{gold!r} is not a number in [-10, 10]")
    return CameoCode(key, name.strip(), quad, float(gold))


PLOVER_COLUMNS = ("cameo", "plover", "mode")


def _plover_row(rec: Record, known: Mapping[str, CameoCode]) -> tuple[str, str, str | None]:
    code, plover, mode = str(rec.get("cameo")), rec.get("plover"), rec.get("mode")
    if code not in known:
        raise rec.fail("cameo", f"unknown CAMEO code {code!r} (add it to cameo.yml)")
    if plover not in PLOVER_TYPES:
        raise rec.fail("plover", f"unknown PLOVER type {plover!r}")
    return code, str(plover), str(mode) if mode else None


def load_code_table(
    extra_codes: Sequence[str | Path] = (), extra_plover: Sequence[str | Path] = (), language: str = "en"
) -> CodeTable:
    """The shipped CAMEO table and PLOVER mapping, then the user's files merged over them by code."""
    code_files = (data.shipped("events/cameo.yml", language), *extra_codes)
    code_records = (r for path in code_files for r in reader.table(path))
    codes = {c.code: c for c in reader.merge(code_records, lambda r: r.key, _code_entry)}
    plover_files = (data.shipped("events/cameo_plover.tsv", language), *extra_plover)
    plover_records = (r for path in plover_files for r in reader.rows(path, PLOVER_COLUMNS))
    rows = reader.merge(plover_records, lambda r: r.get("cameo"), lambda r: _plover_row(r, codes))
    plover = {code: (kind, mode) for code, kind, mode in rows}
    merged = {
        code: CameoCode(c.code, c.name, c.quad_class, c.goldstein, *plover.get(code, (None, None)))
        for code, c in codes.items()
    }
    return CodeTable(merged)

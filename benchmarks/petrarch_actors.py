"""PETRARCH's validation actors as one of our actor dictionaries, so its synthetic suite can be coded.

The PETRARCH-2 unit-test suite is about fictional actors (Arnor, Gondor, ...) that exist only in
its own dictionary (`PETR.Validate.actors.txt`: `NAME [CODE]` and `+synonym` lines). Converting
that list into our YAML actor format, and adding it through the actors stage's `dictionaries` setting the way
a user adds a dictionary, lets the benchmark run the suite through the real pipeline unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from benchmarks.evaluation.tables import read_data
from newsevents.data import shipped

SECTORS = shipped("actors/sectors.yml")
ACTOR_LINE = re.compile(r"^([^\[\]+]+?)\s*\[([A-Za-z-]+)[^\]]*\]")


def our_sectors(path: Path = SECTORS) -> frozenset[str]:
    """The sector codes our actor dictionary accepts, read from its shipped sectors.yml."""
    return frozenset(read_data(path)["sector_codes"])


def read_petrarch_actors(dictionary: Path) -> list[dict[str, Any]]:
    """One entry per `NAME [CODE]` line, `+synonym` lines as its aliases, with the first sector
    segment our dictionary knows (None for bare country codes)."""
    known = our_sectors()
    entries: list[dict[str, Any]] = []
    for raw in dictionary.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].strip()
        match = ACTOR_LINE.match(line)
        if match:
            code = match.group(2).upper()
            sector = next((code[i : i + 3] for i in range(3, len(code), 3) if code[i : i + 3] in known), None)
            name = match.group(1).replace("_", " ").strip().title()
            entries.append({"name": name, "aliases": [], "code": code, "country": None, "sector": sector})
        elif line.startswith("+") and entries:
            entries[-1]["aliases"].append(line[1:].replace("_", " ").strip().title())
    return entries


def petrarch_actor_file(dictionary: Path, out_dir: Path) -> Path:
    """Our YAML actor dictionary from PETRARCH's validation actors, written into `out_dir`.

    Codes without a sector become countries (the fictional Arnor, Gondor...), the rest organisations
    with their first sector segment; this lets the synthetic suite be coded with its own actors.
    """
    entries = read_petrarch_actors(dictionary)
    countries: dict[str, dict[str, Any]] = {}
    for e in entries:
        code = e["code"][:3]
        if e["sector"] or len(code) != 3 or not code.isalpha():
            continue
        if code in countries:
            countries[code]["aliases"] += [e["name"], *e["aliases"]]
        else:
            countries[code] = {"code": code, "name": e["name"], "aliases": list(e["aliases"])}
    out = out_dir / "petrarch_validate_actors.yml"
    orgs = [e for e in entries if e["sector"]]
    out.write_text(
        yaml.safe_dump({"countries": list(countries.values()), "organisations": orgs}), encoding="utf-8"
    )
    return out

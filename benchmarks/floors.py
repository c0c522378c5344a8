"""The quality gate: the floors pinned in floors.yml, and which of today's figures fall below them.

A regression in accuracy should fail loudly, and lowering the bar should take a reviewed change
to floors.yml rather than a silent edit of a script; so the floors live in data beside this
module and the comparison lives here, apart from the page that reports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from benchmarks.evaluation.report import DatasetReport, Report
from benchmarks.evaluation.tables import read_data

FLOORS = Path(__file__).resolve().parent / "floors.yml"
# measures that are shares (0..1), compared in percent
SHARES = ("accuracy", "given_event", "share", "place_right")

Floors = dict[str, dict[str, float]]


class Run(NamedTuple):
    """One gold set scored by the benchmark: why it is scored, which records, how long, the report."""

    why: str
    scope: str
    seconds: float
    report: Report


def read_floors(path: Path = FLOORS) -> Floors:
    """Data set -> level (F1 %) or measure -> its lowest acceptable value; {} without a file."""
    if not path.exists():
        return {}
    data = read_data(path) or {}
    out: Floors = {}
    for name, levels in data.items():
        if not isinstance(levels, dict) or not all(isinstance(v, int | float) for v in levels.values()):
            raise SystemExit(f"{path}: {name}: expected 'level: number' lines")
        out[str(name)] = {str(k): float(v) for k, v in levels.items()}
    return out


def count_floors(floors: Floors) -> int:
    return sum(len(v) for v in floors.values())


def figure(ds: DatasetReport, key: str) -> float | None:
    """A level's F1 in percent, or a measure (a share in percent); higher is always better."""
    if key in ds.levels:
        f1 = ds.levels[key].f1
        return None if f1 is None else round(100 * f1, 1)
    value = ds.measures.get(key)
    if value is None:
        return None
    return round(100 * value, 1) if any(word in key for word in SHARES) else float(value)


def check_floors(runs: list[Run], floors: Floors) -> list[str]:
    """One line per figure under its floor (or missing); a set that was not run is not checked."""
    failures = []
    for run in runs:
        for ds in run.report.datasets:
            for key, floor in floors.get(ds.name, {}).items():
                value = figure(ds, key)
                if value is None or value < floor:
                    failures.append(f"{ds.name} {key}: {value} < {floor}")
    return failures

"""Scoring casualty and displacement figures: was the number found, of the right kind, unit and status.

Gold figures (IDMC IDETECT excerpts) give a quantity, a unit (people or households) and a reporting
term. Predicted quantities of displacement kinds (listed in `data/figure_kinds.tsv`) match a gold
figure when their value, or one bound of a range, equals the gold quantity; each gold figure matches
at most once. The stricter levels also ask for the unit, for a kind the gold term accepts
(`data/figure_terms.tsv`), and for the status: IDMC reports displacement that happened, so every gold
figure there is `reported`. The same matching scores MUC casualty counts (see templates.py).

The gold is compared as (quantity, unit, term) tuples, as the set's README says: a tuple listed
twice in one excerpt is one figure. IDMC lists some figures once per place or country they name
(154,000 people displaced from Mosul, once coded IRQ and once SYR), while the text states the
number once; a second copy could only be found by a duplicate prediction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from benchmarks.evaluation.gold import GoldRecord, GoldSet
from benchmarks.evaluation.predictions import Prediction
from benchmarks.evaluation.report import ArticleRow, DatasetReport, Finding
from benchmarks.evaluation.tables import read_data
from newsevents.scoring import Counts, pair_in_order

UNITS = {
    "people": "people",
    "person": "people",
    "persons": "people",
    "individuals": "people",
    "households": "households",
    "household": "households",
    "families": "households",
    "family": "households",
}
GOLD_STATUS = "reported"


@dataclass(frozen=True)
class Figure:
    """A figure as scored: the values it may be read as, its unit, kinds and status."""

    values: frozenset[int]
    unit: str | None
    label: str
    kinds: frozenset[str] = frozenset()  # gold: every kind its term accepts; predicted: its own kind
    status: str | None = None


Rule = Callable[[Figure, Figure], bool]


def same_value(g: Figure, p: Figure) -> bool:
    return bool(g.values & p.values)


def same_unit(g: Figure, p: Figure) -> bool:
    return same_value(g, p) and g.unit == p.unit


def same_kind(g: Figure, p: Figure) -> bool:
    return same_value(g, p) and bool(g.kinds & p.kinds)


def same_status(g: Figure, p: Figure) -> bool:
    return same_kind(g, p) and g.status == p.status


IDMC_LEVELS: dict[str, Rule] = {
    "value": same_value,
    "value+unit": same_unit,
    "kind+value": same_kind,
    "kind+value+status": same_status,
}


@lru_cache(maxsize=1)
def displacement_kinds() -> frozenset[str]:
    return frozenset(
        kind
        for kind, scored in read_data("figure_kinds.tsv", ("kind", "scored_as"))
        if scored == "displacement"
    )


@lru_cache(maxsize=1)
def term_kinds() -> dict[str, frozenset[str]]:
    """Gold term (lower case) -> the quantity kinds that count as that term."""
    return {
        term.lower(): frozenset(k.strip() for k in kinds.split(",") if k.strip())
        for term, kinds in read_data("figure_terms.tsv", ("term", "kinds"))
    }


def _unit(value: object) -> str | None:
    return UNITS.get(str(value).strip().lower()) if value else None


def gold_figures(rec: GoldRecord) -> list[Figure]:
    """The excerpt's gold figures, each (quantity, unit, term) once (see the module docstring)."""
    out = []
    seen: set[tuple[int, str | None, str]] = set()
    terms = term_kinds()
    for f in rec.items:
        q = f.get("quantity")
        if isinstance(q, int | float) and not isinstance(q, bool):
            term = str(f.get("term") or "").strip().lower()
            key = (int(q), _unit(f.get("unit")), term)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Figure(
                    frozenset({int(q)}),
                    _unit(f.get("unit")),
                    f"{int(q)} {f.get('unit')} ({f.get('term')})",
                    terms.get(term, frozenset()),
                    GOLD_STATUS,
                )
            )
    return out


def predicted_figures(data: Mapping[str, Any] | None, kinds: Iterable[str] | None = None) -> list[Figure]:
    """Predicted quantities of the given kinds (displacement kinds by default) as figures."""
    wanted = frozenset(kinds) if kinds is not None else displacement_kinds()
    out = []
    for q in (data or {}).get("quantities") or []:
        if q.get("kind") not in wanted:
            continue
        values = frozenset(int(v) for v in (q.get("value"), q.get("low"), q.get("high")) if v is not None)
        if values:
            shown = q.get("value") if q.get("value") is not None else f"{q.get('low')}-{q.get('high')}"
            out.append(
                Figure(
                    values,
                    _unit(q.get("unit")),
                    f"{shown} {q.get('unit')} ({q.get('kind')}, {q.get('status')})",
                    frozenset({str(q.get("kind"))}),
                    q.get("status"),
                )
            )
    return out


def add_levels(ds: DatasetReport, levels: Mapping[str, Rule], g: list[Figure], p: list[Figure]) -> Counts:
    """Count one record at every level; returns the counts of the first (the main) level."""
    main = Counts()
    for i, (name, rule) in enumerate(levels.items()):
        n = len(pair_in_order(g, p, rule))
        counts = Counts(n, len(p) - n, len(g) - n)
        ds.level(name).add(counts)
        if i == 0:
            main = counts
    return main


def add_findings(ds: DatasetReport, rec: GoldRecord, g: list[Figure], p: list[Figure], rule: Rule) -> None:
    """Misses and false alarms at the strictest level, so a wrong kind or status shows up."""
    found = {id(x) for pair in pair_in_order(g, p, rule) for x in pair}
    ds.misses += [Finding(ds.name, rec.id, rec.text, f.label) for f in g if id(f) not in found]
    ds.false_alarms += [Finding(ds.name, rec.id, rec.text, f.label) for f in p if id(f) not in found]


def score_figures(gold: GoldSet, preds: list[Prediction], ds: DatasetReport) -> None:
    """Fill `ds` with value, unit, kind and status counts, per-excerpt rows and the findings."""
    for name in IDMC_LEVELS:
        ds.level(name)
    for rec, pred in zip(gold.records, preds, strict=True):
        ds.records += 1
        if pred.problem:
            ds.problems.append(f"{rec.id}: {pred.problem}")
        g, p = gold_figures(rec), predicted_figures(pred.data)
        counts = add_levels(ds, IDMC_LEVELS, g, p)
        ds.articles.append(ArticleRow(rec.id, counts, len(g), len(p), pred.problem))
        add_findings(ds, rec, g, p, same_status)

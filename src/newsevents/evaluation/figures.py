"""Scoring displacement figures: was the number found, and counted in the right unit.

Gold figures (IDMC IDETECT excerpts) give a quantity and a unit (people or households). Predicted
quantities of displacement kinds (listed in `data/figure_kinds.tsv`) match a gold figure when their
value, or one bound of a range, equals the gold quantity; each gold figure matches at most once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsevents.evaluation.codes import read_table
from newsevents.evaluation.gold import GoldRecord, GoldSet
from newsevents.evaluation.predictions import Prediction
from newsevents.evaluation.report import ArticleRow, DatasetReport, Finding
from newsevents.evaluation.score import Counts

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


@dataclass(frozen=True)
class Figure:
    values: frozenset[int]
    unit: str | None
    label: str


@lru_cache(maxsize=1)
def displacement_kinds() -> frozenset[str]:
    return frozenset(
        kind
        for kind, scored in read_table("figure_kinds.tsv", ("kind", "scored_as"))
        if scored == "displacement"
    )


def _unit(value: object) -> str | None:
    return UNITS.get(str(value).strip().lower()) if value else None


def gold_figures(rec: GoldRecord) -> list[Figure]:
    out = []
    for f in rec.items:
        q = f.get("quantity")
        if isinstance(q, int | float) and not isinstance(q, bool):
            out.append(
                Figure(
                    frozenset({int(q)}), _unit(f.get("unit")), f"{int(q)} {f.get('unit')} ({f.get('term')})"
                )
            )
    return out


def predicted_figures(data: Mapping[str, Any] | None) -> list[Figure]:
    kinds = displacement_kinds()
    out = []
    for q in (data or {}).get("quantities") or []:
        if q.get("kind") not in kinds:
            continue
        values = frozenset(int(v) for v in (q.get("value"), q.get("low"), q.get("high")) if v is not None)
        if values:
            shown = q.get("value") if q.get("value") is not None else f"{q.get('low')}-{q.get('high')}"
            out.append(Figure(values, _unit(q.get("unit")), f"{shown} {q.get('unit')} ({q.get('kind')})"))
    return out


def _match(gold: list[Figure], pred: list[Figure], with_unit: bool) -> list[tuple[Figure, Figure]]:
    free = list(pred)
    pairs = []
    for g in gold:
        hit = next((p for p in free if g.values & p.values and (not with_unit or g.unit == p.unit)), None)
        if hit is not None:
            free.remove(hit)
            pairs.append((g, hit))
    return pairs


def score_figures(gold: GoldSet, preds: list[Prediction], ds: DatasetReport) -> None:
    """Fill `ds` with value and value+unit counts, per-excerpt rows and the findings."""
    main, unit = ds.level("value"), ds.level("value+unit")
    for rec, pred in zip(gold.records, preds, strict=True):
        ds.records += 1
        if pred.problem:
            ds.problems.append(f"{rec.id}: {pred.problem}")
        g, p = gold_figures(rec), predicted_figures(pred.data)
        pairs = _match(g, p, with_unit=False)
        counts = Counts(len(pairs), len(p) - len(pairs), len(g) - len(pairs))
        main.add(counts)
        n = len(_match(g, p, with_unit=True))
        unit.add(Counts(n, len(p) - n, len(g) - n))
        ds.articles.append(ArticleRow(rec.id, counts, len(g), len(p), pred.problem))
        found = {id(x) for pair in pairs for x in pair}
        ds.misses += [Finding(ds.name, rec.id, rec.text, f.label) for f in g if id(f) not in found]
        ds.false_alarms += [Finding(ds.name, rec.id, rec.text, f.label) for f in p if id(f) not in found]

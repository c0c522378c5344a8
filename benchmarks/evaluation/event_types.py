"""Scoring event types on single-label snippets (CASE 2021 Task 2): is there a political event, and which?

Each gold snippet carries one event type of its own taxonomy (ACLED sub-event types plus disasters,
crime, diplomacy and attribution). `data/case2021_plover.tsv` maps every gold type to the PLOVER
types a coder may rightly give it, to "none" (no political event: disasters, crime) or to "*"
(political, any type). Our type for a snippet is the PLOVER type of our highest-confidence
non-negated event told as asserted or reported (hypothetical events and 01x statements, which have
no PLOVER type, do not count); no such event means "none".

Measures, because a coder run over general news must above all stay quiet on non-political news:

- level `detection`: "a political event is present", tp = political gold and an event coded,
  fp = an event coded on a non-political snippet, fn = political gold and nothing coded;
- level `plover_type`: tp = political gold and our type among its accepted ones, fp = our type
  wrong or coded on a non-political snippet, fn = political gold not typed right;
- `accuracy`: share of all snippets typed right ("none" for "none" counts as right);
- `type_accuracy_given_event`: on political snippets where we coded an event, the share typed right;
- `false_alarm_share`: share of non-political snippets where we coded an event (lower is better).

The per-type rows and the commonest gold -> ours confusions go in the report's `breakdown`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from benchmarks.evaluation.codes import load_tables
from benchmarks.evaluation.gold import GoldSet
from benchmarks.evaluation.predictions import Prediction
from benchmarks.evaluation.report import ArticleRow, DatasetReport, Finding
from benchmarks.evaluation.tables import read_data
from newsevents.errors import ResourceError
from newsevents.scoring import Counts

NONE = "none"
ANY = "*"
TABLE = "case2021_plover.tsv"
COUNTED_MODALITIES = frozenset({"asserted", "reported"})
TOP_CONFUSIONS = 12


@dataclass(frozen=True)
class TypeRule:
    """What a gold type accepts: PLOVER types (empty for none), or any type when `any_type`."""

    accepted: tuple[str, ...]
    any_type: bool = False

    @property
    def political(self) -> bool:
        return self.any_type or bool(self.accepted)

    def __str__(self) -> str:
        return ANY if self.any_type else ("/".join(self.accepted) or NONE)


def read_type_table(path: Path | None = None) -> dict[str, TypeRule]:
    """Gold type -> rule, from the shipped table or a user's; unknown PLOVER names fail (E202)."""
    plover = load_tables().plover
    out: dict[str, TypeRule] = {}
    for gold_type, value in read_data(path or TABLE, ("event_type", "plover")):
        where = f"{path or TABLE}: {gold_type}"
        if value == ANY:
            out[gold_type.upper()] = TypeRule((), any_type=True)
            continue
        if value.lower() == NONE:
            out[gold_type.upper()] = TypeRule(())
            continue
        names = [v.strip().upper() for v in value.split(",") if v.strip()]
        unknown = [n for n in names if n not in plover]
        if unknown or not names:
            raise ResourceError("E202", detail=f"{where} -> plover: unknown PLOVER type {', '.join(unknown)}")
        out[gold_type.upper()] = TypeRule(tuple(plover[n] for n in names))
    return out


@lru_cache(maxsize=1)
def type_table() -> dict[str, TypeRule]:
    """The shipped table, read once per process."""
    return read_type_table()


def predicted_type(data: Mapping[str, Any] | None) -> str:
    """The PLOVER type of the extraction's most confident counted event, or "none"."""
    tables = load_tables()
    best: tuple[float, str] | None = None
    for ev in (data or {}).get("events") or []:
        if ev.get("negated") or (ev.get("modality") or "asserted") not in COUNTED_MODALITIES:
            continue
        kind = tables.plover_type(ev.get("plover"))
        if kind is None:
            continue
        confidence = float(ev.get("confidence") if ev.get("confidence") is not None else 0.5)
        if best is None or confidence > best[0]:
            best = (confidence, kind)
    return best[1] if best else NONE


@dataclass
class _Tally:
    """Per gold type: snippets, those we coded an event on, those typed right."""

    n: int = 0
    event: int = 0
    right: int = 0


@dataclass
class _Totals:
    """What the shares and the breakdown are made from, summed over snippets."""

    right: int = 0
    political_found: int = 0
    political_found_right: int = 0
    quiet: int = 0  # non-political snippets
    alarms: int = 0  # non-political snippets we coded an event on
    tallies: dict[str, _Tally] = field(default_factory=dict)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)


def _judge(rule: TypeRule, ours: str) -> bool:
    if not rule.political:
        return ours == NONE
    return ours != NONE and (rule.any_type or ours in rule.accepted)


def score_event_types(gold: GoldSet, preds: list[Prediction], report: DatasetReport) -> None:
    """Fill `report` with the detection and type levels, the shares, the breakdown and findings."""
    table = type_table()
    report.level("detection")
    report.level("plover_type")
    report.main_level = "plover_type"
    totals = _Totals()
    for rec, pred in zip(gold.records, preds, strict=True):
        gold_type = str(rec.items[0].get("event_type") or "").upper()
        rule = table.get(gold_type)
        if rule is None:
            report.skipped += 1
            report.problems.append(f"{rec.id}: gold type {gold_type or '?'} is not in {TABLE}")
            continue
        report.records += 1
        if pred.problem:
            report.problems.append(f"{rec.id}: {pred.problem}")
        ours = predicted_type(pred.data)
        row = _count(report, totals, gold_type, rule, ours)
        report.articles.append(ArticleRow(rec.id, row, int(rule.political), int(ours != NONE), pred.problem))
        coded = f"{gold_type} (accepts {rule}) -> ours {ours}"
        if row.fn:
            report.misses.append(Finding(gold.name, rec.id, rec.text, coded))
        elif not rule.political and ours != NONE:
            report.false_alarms.append(Finding(gold.name, rec.id, rec.text, coded))
    report.measures.update(
        {
            "accuracy": _share(totals.right, report.records),
            "type_accuracy_given_event": _share(totals.political_found_right, totals.political_found),
            "false_alarm_share": _share(totals.alarms, totals.quiet),
            "non_political_snippets": totals.quiet,
        }
    )
    report.breakdown = _breakdown(table, totals.tallies, totals.pairs)


def _count(report: DatasetReport, totals: _Totals, gold_type: str, rule: TypeRule, ours: str) -> Counts:
    """Count one snippet into the levels and totals; returns its row at the main level."""
    right = _judge(rule, ours)
    tally = totals.tallies.setdefault(gold_type, _Tally())
    tally.n += 1
    tally.event += ours != NONE
    tally.right += right
    totals.right += right
    totals.pairs[(gold_type, ours)] += not right
    detection, row = report.levels["detection"], Counts()
    if rule.political:
        detection.tp += ours != NONE
        detection.fn += ours == NONE
        totals.political_found += ours != NONE
        totals.political_found_right += right
        row.tp, row.fn = int(right), int(not right)
        row.fp = int(not right and ours != NONE)
    else:
        totals.quiet += 1
        totals.alarms += ours != NONE
        detection.fp += ours != NONE
        row.fp = int(ours != NONE)
    report.levels["plover_type"].add(row)
    return row


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _breakdown(
    table: Mapping[str, TypeRule], tallies: Mapping[str, _Tally], pairs: Counter[tuple[str, str]]
) -> dict[str, list[dict[str, Any]]]:
    """Per gold type (largest first) and the commonest wrong gold -> ours pairs."""
    types = [
        {"gold": name, "plover": str(table[name]), "n": t.n, "event": t.event, "right": t.right}
        for name, t in sorted(tallies.items(), key=lambda kv: (-kv[1].n, kv[0]))
    ]
    confusions = [
        {"gold": g, "ours": o, "n": n} for (g, o), n in pairs.most_common(TOP_CONFUSIONS) if n
    ]
    return {"types": types, "confusions": confusions}

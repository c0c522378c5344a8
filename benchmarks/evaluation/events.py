"""Scoring coded events against gold sentences: who did what to whom, per record, as multisets.

Each event becomes (source, target, CAMEO code, root, PLOVER type) with actors normalised to
country + primary sector (see codes.py). Several levels are scored, from the strict triple down to
the root alone, so a user sees whether errors come from detecting the event, its type or its actors.
Levels a gold set cannot support (no CAMEO codes in the PLOVER records) are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from benchmarks.evaluation.codes import MISSING, ActorKey, CodeTables, cameo_root, load_tables
from benchmarks.evaluation.gold import GoldRecord, GoldSet
from benchmarks.evaluation.predictions import Prediction
from benchmarks.evaluation.report import ArticleRow, DatasetReport, Finding
from newsevents.scoring import multiset


@dataclass(frozen=True)
class ScoredEvent:
    source: ActorKey
    target: ActorKey
    cameo: str | None
    plover: str | None

    @property
    def root(self) -> str | None:
        return cameo_root(self.cameo)

    def __str__(self) -> str:
        what = " ".join(x for x in (self.cameo, self.plover) if x) or "?"
        return f"{self.source} -> {self.target} : {what}"


LEVELS: dict[str, Callable[[ScoredEvent], Hashable | None]] = {
    "actors+root": lambda e: (e.source, e.target, e.root) if e.root else None,
    "countries+root": lambda e: (e.source.country, e.target.country, e.root) if e.root else None,
    "root": lambda e: e.root,
    "cameo": lambda e: e.cameo,
    "actors+plover": lambda e: (e.source, e.target, e.plover) if e.plover else None,
    "plover": lambda e: e.plover,
}
CAMEO_LEVELS = ("actors+root", "countries+root", "root", "cameo")


@lru_cache(maxsize=1)
def _project_plover() -> dict[str, str | None]:
    """CAMEO code -> PLOVER type by the project's own table, so gold and output share one version.

    Empty when the table cannot be loaded; the gold's own PLOVER field is used then.
    """
    try:
        from newsevents.events.codes import load_code_table

        return {code: entry.plover for code, entry in load_code_table().codes.items()}
    except Exception:  # optional here: scoring still works from the gold's PLOVER field
        return {}


def gold_events(rec: GoldRecord, tables: CodeTables) -> list[ScoredEvent]:
    """The gold events of a record; compound PLOVER actors expand to one event per pair."""
    out: list[ScoredEvent] = []
    for item in rec.items:
        cameo = item.get("cameo_code") or None
        plover = tables.plover_type(item.get("plover"))
        table = _project_plover()
        if cameo and cameo in table:
            plover = tables.plover_type(table[cameo])
        if "source_actors" in item:
            out += _compound(item, cameo, plover, tables)
        else:
            src = tables.actor(item.get("source_actor"))
            tgt = tables.actor(item.get("target_actor"))
            out.append(ScoredEvent(src, tgt, cameo, plover))
    return out


def _compound(
    item: Mapping[str, Any], cameo: str | None, plover: str | None, t: CodeTables
) -> list[ScoredEvent]:
    """PLOVER records list compound actors; `reciprocal` means they act on each other."""
    sources = [t.actor(a.get("code"), a.get("sector")) for a in item.get("source_actors") or []] or [MISSING]
    targets = [t.actor(a.get("code"), a.get("sector")) for a in item.get("target_actors") or []] or [MISSING]
    if item.get("reciprocal") and len(sources) > 1:
        return [ScoredEvent(a, b, cameo, plover) for a in sources for b in sources if a is not b]
    return [ScoredEvent(a, b, cameo, plover) for a in sources for b in targets]


TRANSNATIONAL = frozenset({"IGO", "NGO", "MNC"})  # CAMEO's codes for bodies of no one country


def our_actor(actor: Mapping[str, Any] | None, tables: CodeTables) -> ActorKey:
    """Our actor's code normalised; an actor with no country whose code is its sector alone
    ("REB") has no country, rather than the sector read as one (PETRARCH writes it "---REB"). A
    body of no country (`TRANSNATIONAL`: "aid groups", code NGO) stands where a country would, as
    CAMEO codes it and the gold writes it ("NGO NGO")."""
    if not actor:
        return MISSING
    code = str(actor.get("code") or actor.get("country") or "")
    sector_alone = not actor.get("country") and code and code == (actor.get("sector") or "")
    if sector_alone and code not in TRANSNATIONAL:
        code = "---"
    return tables.actor(code, actor.get("sector"))


def predicted_events(data: Mapping[str, Any] | None, tables: CodeTables) -> list[ScoredEvent]:
    """Events of an extraction, negated ones left out (a coder codes what happened, not what did not)."""
    out = []
    for ev in (data or {}).get("events") or []:
        if ev.get("negated"):
            continue
        out.append(
            ScoredEvent(
                our_actor(ev.get("source"), tables),
                our_actor(ev.get("target"), tables),
                ev.get("cameo"),
                tables.plover_type(ev.get("plover")),
            )
        )
    return out


def _skip_reason(rec: GoldRecord) -> str | None:
    if rec.raw.get("expected_error"):
        return "gold expects the input to be rejected"
    if rec.raw.get("evaluate") is False:
        return "marked not to evaluate"
    return None


def _findings(
    ds: str, rec: GoldRecord, keys: Counter, events: Iterable[ScoredEvent], level: str
) -> list[Finding]:
    """The events behind unmatched keys, as findings with the sentence."""
    left = Counter(keys)
    out = []
    for ev in events:
        key = LEVELS[level](ev)
        if key is not None and left[key] > 0:
            left[key] -= 1
            out.append(Finding(ds, rec.id, rec.text, str(ev)))
    return out


def score_events(gold: GoldSet, preds: list[Prediction], report: DatasetReport) -> None:
    """Fill `report` with every level's counts, the per-record rows and the findings."""
    tables = load_tables()
    golds = {rec.id: gold_events(rec, tables) for rec in gold.records}
    coded = [e for evs in golds.values() for e in evs]
    has_cameo = any(e.cameo for e in coded) or not coded  # PLOVER-only gold has no CAMEO levels
    levels = [name for name in LEVELS if has_cameo or name not in CAMEO_LEVELS]
    report.main_level = "actors+root" if has_cameo else "actors+plover"
    for name in levels:
        report.level(name)
    for rec, pred in zip(gold.records, preds, strict=True):
        reason = _skip_reason(rec)
        if reason:
            report.skipped += 1
            continue
        report.records += 1
        if pred.problem:
            report.problems.append(f"{rec.id}: {pred.problem}")
        g, p = golds[rec.id], predicted_events(pred.data, tables)
        for name in levels:
            key = LEVELS[name]
            counts, missed, extra = multiset(
                (k for k in map(key, g) if k is not None), (k for k in map(key, p) if k is not None)
            )
            report.levels[name].add(counts)
            if name == report.main_level:
                report.articles.append(ArticleRow(rec.id, counts, len(g), len(p), pred.problem))
                report.misses += _findings(gold.name, rec, missed, g, name)
                report.false_alarms += _findings(gold.name, rec, extra, p, name)

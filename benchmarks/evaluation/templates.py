"""Scoring against MUC-4 incident templates: event dates and casualty counts.

A template names an incident (type, date, place, perpetrators, human targets and what happened to
them). It has no offsets, so scoring is per document:

- `date`: a template whose incident date is a day, or a closed range of up to a week, is dated
  right when one of our events of that incident's class (CAMEO roots per type in
  `data/muc_incidents.tsv`) carries, at day precision, that day or a day of the range. False alarms
  are the other distinct days our incident-class events give in relevant documents (a day that an
  open "on or before" gold date allows is not counted either way).
- `kind+value` and `kind+value+status`: a template's casualty triples of one effect (DEATH ->
  killed, INJURY -> injured, with a number) make one gold figure, status reported (the incident
  happened), read as the sum over its targets or any one target's count; numbers keep MUC's
  alternatives ("12 / 15", ranges "12 - 15") and its operators ("6 -" is at least 6, "- 6" at
  most 6, "~100" about 100: each reads as its number); PLURAL and SINGULAR give no number and
  are not scored. Figures of optional templates need not be found, and finding them is no false alarm.
  MUC gives each target its own count, so where a figure has found one target's count ("nine
  policemen" of "9 POLICEMEN, 9 CIVILIANS"), a figure with another target's count ("nine
  civilians") is that target's, and no false alarm either; it is no second hit, the gold figure
  being one. A figure of the targets' sum leaves none over.

False alarms are counted in relevant documents only: irrelevant ones report violence MUC does not
template (combat between armies), which our extractor rightly codes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from benchmarks.evaluation.codes import cameo_root
from benchmarks.evaluation.figures import (
    Figure,
    Rule,
    add_findings,
    predicted_figures,
    same_kind,
    same_status,
    term_kinds,
)
from benchmarks.evaluation.gold import MONTHS, GoldRecord, GoldSet
from benchmarks.evaluation.predictions import Prediction
from benchmarks.evaluation.report import ArticleRow, DatasetReport, Finding
from benchmarks.evaluation.tables import read_data
from newsevents.scoring import Counts, pair_in_order

MAX_RANGE_DAYS = 7
CASUALTY_KINDS = ("killed", "injured")
LEVELS: dict[str, Rule] = {"kind+value": same_kind, "kind+value+status": same_status}
_DAY = re.compile(r"(\d{1,2}) ([A-Z]{3}) (\d{2})")
_NUMBER = re.compile(r"^(\d+)(?:\s*-\s*(\d+))?$")
# MUC-4's operators on a number (template-doc-part1, slot notes): "6 -" at least 6 ("at least 6"
# in the text), "- 6" at most 6, "~6" about 6. Each is read as its number.
_OPERATORS = " -~"


@dataclass(frozen=True)
class IncidentDate:
    """A template's date: the days it may be (empty when unknown), and the latest for open dates."""

    days: frozenset[str]
    latest: str | None
    label: str


@lru_cache(maxsize=1)
def incident_roots() -> dict[str, frozenset[str]]:
    rows = read_data("muc_incidents.tsv", ("incident_type", "cameo_roots"))
    return {t: frozenset(r.strip() for r in roots.split(",")) for t, roots in rows}


def _day(match_: re.Match[str]) -> date | None:
    day, month, year = match_.groups()
    if month not in MONTHS:
        return None
    try:
        return date(
            1900 + int(year) if int(year) >= 50 else 2000 + int(year), MONTHS.index(month) + 1, int(day)
        )
    except ValueError:
        return None


def incident_date(values: Sequence[str]) -> IncidentDate:
    """Read MUC date fills: "02 FEB 90", "31 MAR 90 - 01 APR 90", "- 06 DEC 89", "(A) / (B)"."""
    days: set[str] = set()
    latest: str | None = None
    raw = " / ".join(values)
    for alt in raw.split("/"):
        alt = alt.strip(" ()")
        found = [d for d in (_day(m) for m in _DAY.finditer(alt)) if d]
        if alt.startswith("-") and len(found) == 1:
            latest = max(latest or "", found[0].isoformat())
        elif len(found) == 1:
            days.add(found[0].isoformat())
        elif len(found) == 2 and 0 <= (found[1] - found[0]).days <= MAX_RANGE_DAYS:
            days.update((found[0] + timedelta(n)).isoformat() for n in range((found[1] - found[0]).days + 1))
    return IncidentDate(frozenset(days), latest, raw or "no date")


def _roots(template: Mapping[str, Any]) -> frozenset[str]:
    table = incident_roots()
    out: set[str] = set()
    for value in template.get("incident_type") or []:
        for kind in str(value).split("/"):
            out |= table.get(kind.strip().upper(), frozenset())
    return frozenset(out)


def optional(template: Mapping[str, Any]) -> bool:
    return "OPTIONAL" in str(template.get("template") or "").upper()


def event_days(data: Mapping[str, Any] | None, roots: frozenset[str]) -> set[str]:
    """Days (day precision only) of our non-negated events whose CAMEO root is one of `roots`."""
    return {
        ev["date"][:10]
        for ev in (data or {}).get("events") or []
        if not ev.get("negated")
        and ev.get("date")
        and ev.get("date_precision") == "day"
        and cameo_root(ev.get("cameo")) in roots
    }


def score_dates(rec: GoldRecord, data: Mapping[str, Any] | None, ds: DatasetReport) -> tuple[Counts, int]:
    """Count one document's template dates; returns its counts and how many templates had an
    event of their class at all (dated or not), which separates dating errors from detection."""
    counts = Counts()
    allowed: set[str] = set()
    latest: list[str] = []
    all_roots: set[str] = set()
    with_event = 0
    for t in rec.items:
        when, roots = incident_date(t.get("incident_date") or []), _roots(t)
        all_roots |= roots
        allowed |= when.days
        latest += [when.latest] if when.latest else []
        if optional(t) or not when.days:
            continue
        ours = event_days(data, roots)
        with_event += bool(ours) or _has_class(data, roots)
        if ours & when.days:
            counts.tp += 1
        else:
            counts.fn += 1
            shown = ", ".join(sorted(ours)) or "no dated event of its class"
            ds.misses.append(Finding(ds.name, rec.id, rec.text[:300], f"date {when.label} (ours: {shown})"))
    if rec.raw.get("relevant", True) and rec.items:
        for day in sorted(event_days(data, frozenset(all_roots))):
            if day in allowed or any(day <= d for d in latest):
                continue
            counts.fp += 1
            ds.false_alarms.append(Finding(ds.name, rec.id, rec.text[:300], f"date {day}"))
    ds.level("date").add(counts)
    return counts, with_event


def _has_class(data: Mapping[str, Any] | None, roots: frozenset[str]) -> bool:
    return any(
        cameo_root(ev.get("cameo")) in roots and not ev.get("negated")
        for ev in (data or {}).get("events") or []
    )


def casualty_number(value: object) -> frozenset[int]:
    """Numbers a MUC count may be: alternatives split on "/", "N - M" ranges give both bounds,
    and a number with an operator ("6 -", "- 6", "~6") is that number."""
    out: set[int] = set()
    for alt in str(value or "").split("/"):
        m = _NUMBER.match(alt.strip(_OPERATORS))
        if m:
            out.update(int(x) for x in m.groups() if x)
    return frozenset(out)


@dataclass(frozen=True)
class Casualties:
    """A document's gold casualty figures: required, optional, and the targets of each required
    figure of more than one target (keyed by the figure's id), each as a figure of its own count."""

    required: list[Figure]
    extra: list[Figure]
    targets: dict[int, list[Figure]]


def gold_casualties(rec: GoldRecord) -> Casualties:
    """Casualty figures: one per template and effect.

    MUC counts each named target apart ("a professor, a policeman and a pedestrian" are three
    DEATH 1 triples) where a news figure counts them together, so a template's targets with one
    effect make one figure, read as their sum or as any one target's count.
    """
    terms = term_kinds()
    required: list[Figure] = []
    extra: list[Figure] = []
    targets: dict[int, list[Figure]] = {}
    for t in rec.items:
        groups: dict[str, list[tuple[frozenset[int], str]]] = {}
        for c in t.get("casualties") or []:
            kinds = frozenset().union(
                *(terms.get(str(e).lower(), frozenset()) for e in c.get("effect") or [])
            )
            values = casualty_number(c.get("number"))
            kind = next((k for k in CASUALTY_KINDS if k in kinds), None)
            if kind and values:
                groups.setdefault(kind, []).append((values, f"{c.get('number')} ({c.get('target')})"))
        for kind, members in groups.items():
            values = frozenset().union(*(v for v, _ in members))
            if len(members) > 1:
                values |= {sum(min(v) for v, _ in members)}
            label = f"{kind} " + "; ".join(w for _, w in members)
            figure = Figure(values, "people", label, frozenset({kind}), "reported")
            (extra if optional(t) else required).append(figure)
            if len(members) > 1 and not optional(t):
                targets[id(figure)] = [
                    Figure(v, "people", f"{kind} {w}", frozenset({kind}), "reported") for v, w in members
                ]
    return Casualties(required, extra, targets)


def other_targets(pairs: list[tuple[Figure, Figure]], targets: Mapping[int, list[Figure]]) -> list[Figure]:
    """The targets a found figure left over: where it has one target's count, the other targets
    of its gold figure (see the module docstring); where it has their sum, none."""
    out: list[Figure] = []
    for gold, found in pairs:
        members = list(targets.get(id(gold), ()))
        hit = next((m for m in members if m.values & found.values), None)
        if hit is not None:
            members.remove(hit)
            out += members
    return out


def score_casualties(rec: GoldRecord, data: Mapping[str, Any] | None, ds: DatasetReport) -> Counts:
    gold = gold_casualties(rec)
    g, extra = gold.required, gold.extra
    p = predicted_figures(data, CASUALTY_KINDS)
    relevant = bool(rec.raw.get("relevant", True) and rec.items)
    main = Counts()
    for i, (name, rule) in enumerate(LEVELS.items()):
        pairs = pair_in_order(g, p, rule)
        used = {id(x) for _, x in pairs}
        left = [x for x in p if id(x) not in used]
        spare = len(pair_in_order([*extra, *other_targets(pairs, gold.targets)], left, rule))
        counts = Counts(len(pairs), (len(left) - spare) if relevant else 0, len(g) - len(pairs))
        ds.level(name).add(counts)
        main = counts if i == 0 else main
    add_findings(ds, rec, g, p if relevant else [], same_status)
    return main


def score_templates(gold: GoldSet, preds: list[Prediction], ds: DatasetReport) -> None:
    """Fill `ds` with date and casualty counts per document, and how many templates had an event."""
    ds.main_level = "date"
    for name in ("date", *LEVELS):
        ds.level(name)
    with_event = 0
    for rec, pred in zip(gold.records, preds, strict=True):
        ds.records += 1
        if pred.problem:
            ds.problems.append(f"{rec.id}: {pred.problem}")
        counts, n = score_dates(rec, pred.data, ds)
        with_event += n
        score_casualties(rec, pred.data, ds)
        ds.articles.append(
            ArticleRow(rec.id, counts, counts.tp + counts.fn, counts.tp + counts.fp, pred.problem)
        )
    scored = ds.level("date").tp + ds.level("date").fn
    right = ds.level("date").tp
    ds.measures["templates_dated"] = scored
    ds.measures["with_event_of_class"] = with_event
    ds.measures["date_right_given_event"] = round(right / with_event, 4) if with_event else None

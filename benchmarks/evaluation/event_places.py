"""Scoring where events happened: of the places a sentence names, which one is the event's.

Gold (event_location) marks one event verb per sentence and the place name(s) where that event
happened, or none. Our event for a gold trigger is the one whose trigger overlaps it, else one whose
evidence contains it (a noun trigger such as "bombardment" for the gold's "killed"). Its location
counts when it points at a mention in the text (`location.evidence`); an event placed only by the
article's focus names no place in the sentence.

- `event_location`: over gold triggers our coder found, the predicted place is right when it
  overlaps a gold location span; a place given where the gold has another or none is a false
  alarm; a gold place left unfound (or replaced) is a miss.
- `event_location_all`: the same, but gold places of events we did not find at all are misses too.
- `no_location_accuracy`: over found events whose gold names no place, the share we left unplaced.
- `place_right`: over found events, the share whose place decision is right: a place overlapping
  (or naming) a gold one, or none where the gold has none.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from benchmarks.evaluation.gold import GoldRecord, GoldSet
from benchmarks.evaluation.predictions import Prediction
from benchmarks.evaluation.report import ArticleRow, DatasetReport, Finding
from newsevents.scoring import Counts, overlap

Span = tuple[int, int]


def _span(obj: Mapping[str, Any] | None) -> Span | None:
    if not obj or not isinstance(obj.get("start"), int) or not isinstance(obj.get("end"), int):
        return None
    return obj["start"], obj["end"]


def event_for(trigger: Span, data: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """Our event at a gold trigger: trigger overlap first, then evidence containing it."""
    events = [e for e in (data or {}).get("events") or [] if not e.get("negated")]
    at = [e for e in events if (t := _span(e.get("trigger"))) and overlap(t, trigger)]
    if not at:
        at = [
            e for e in events if (s := _span(e.get("evidence"))) and s[0] <= trigger[0] and trigger[1] <= s[1]
        ]
    if not at:
        return None
    placed = [e for e in at if place_of(e)]
    return (placed or at)[0]


def place_of(event: Mapping[str, Any]) -> Span | None:
    """The span of the place mention our event is located at, if it names one."""
    return _span((event.get("location") or {}).get("evidence"))


def judge(gold: list[Span], ours: Span | None, text: str = "") -> Counts:
    """One event: right (tp) when our place overlaps a gold place, or is another mention of the
    same name ("in Iraq ... captured in Iraq"); otherwise a false alarm and/or a miss."""
    named = {text[a:b].casefold() for a, b in gold} if text else set()
    if ours is not None and (
        any(overlap(ours, g) for g in gold) or text[ours[0] : ours[1]].casefold() in named
    ):
        return Counts(1, 0, 0)
    return Counts(0, int(ours is not None), int(bool(gold)))


def _record(rec: GoldRecord, data: Mapping[str, Any] | None, ds: DatasetReport) -> tuple[Counts, int, int]:
    """Count one sentence; returns its counts and (events without gold place, of them unplaced);
    tallies found events and those decided right in `ds.measures` (`place_right`)."""
    counts = Counts()
    nowhere = unplaced = 0
    for item in rec.items:
        trigger = _span(item.get("trigger"))
        if trigger is None:
            continue
        gold = [s for s in map(_span, item.get("locations") or []) if s]
        event = event_for(trigger, data)
        if event is None:
            ds.level("event_location_all").fn += bool(gold)
            ds.measures["triggers_missed"] = int(ds.measures.get("triggers_missed") or 0) + 1
            continue
        ours = place_of(event)
        c = judge(gold, ours, rec.text)
        ds.measures["found"] = int(ds.measures.get("found") or 0) + 1
        right = c.tp == 1 or (not gold and ours is None)
        ds.measures["decided_right"] = int(ds.measures.get("decided_right") or 0) + right
        counts.add(c)
        ds.level("event_location_all").add(c)
        if not gold:
            nowhere += 1
            unplaced += ours is None
        if c.tp == 0 and (c.fp or c.fn):
            want = ", ".join(repr(rec.text[a:b]) for a, b in gold) or "no place"
            got = repr(rec.text[ours[0] : ours[1]]) if ours else "no place"
            found = Finding(ds.name, rec.id, rec.text, f"event at {want}, ours at {got}")
            (ds.misses if c.fn else ds.false_alarms).append(found)
    ds.level("event_location").add(counts)
    return counts, nowhere, unplaced


def score_event_places(gold: GoldSet, preds: list[Prediction], ds: DatasetReport) -> None:
    """Fill `ds` with event-location counts, the no-place decision and per-sentence rows."""
    ds.main_level = "event_location"
    ds.level("event_location")
    ds.level("event_location_all")
    ds.measures["triggers"] = sum(
        1 for rec in gold.records for item in rec.items if _span(item.get("trigger"))
    )
    ds.measures["triggers_missed"] = 0
    nowhere = unplaced = 0
    for rec, pred in zip(gold.records, preds, strict=True):
        ds.records += 1
        if pred.problem:
            ds.problems.append(f"{rec.id}: {pred.problem}")
        counts, n, u = _record(rec, pred.data, ds)
        nowhere, unplaced = nowhere + n, unplaced + u
        ds.articles.append(
            ArticleRow(rec.id, counts, counts.tp + counts.fn, counts.tp + counts.fp, pred.problem)
        )
    found, right = int(ds.measures.pop("found", 0) or 0), int(ds.measures.pop("decided_right", 0) or 0)
    ds.measures["place_right"] = round(right / found, 4) if found else None
    ds.measures["no_location_judged"] = nowhere
    ds.measures["no_location_accuracy"] = round(unplaced / nowhere, 4) if nowhere else None

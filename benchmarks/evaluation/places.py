"""Scoring geoparsing: were the gold toponyms found (span overlap), and were they put on the map right.

Recognition counts a gold toponym found when a predicted place mention overlaps it; a predicted
mention overlapping no gold toponym is a false alarm, unless it overlaps a phrase the gold annotates
without coordinates (metonymy, non-toponyms), which is neither right nor wrong for a coder of events.
Resolution is the standard geoparsing measure: the share of found toponyms placed within 161 km
(100 miles) of the gold point, and the median error in km.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from benchmarks.evaluation.gold import GoldRecord, GoldSet
from benchmarks.evaluation.predictions import Prediction
from benchmarks.evaluation.report import ArticleRow, DatasetReport, Finding
from newsevents.scoring import Counts, distance_km, overlap

KM_OK = 161.0
# Kinds of place a set's annotators did not mark: geovirus annotates literal locations only, so a
# place we list by a demonym ("Sudanese officials") or inside an organisation's name ("the EU",
# "The Washington Post") is neither right nor wrong there; the other sets annotate demonyms and
# adjectives at their country's point, and GeoWebNews and LGL the place in an organisation's name.
UNANNOTATED_KINDS: dict[str, frozenset[str]] = {"geovirus": frozenset({"demonym", "organisation"})}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None


def gold_mentions(rec: GoldRecord) -> tuple[list[Mention], list[Mention]]:
    """(toponyms with coordinates, annotated phrases without); bad offsets are left out."""
    located, other = [], []
    for t in rec.items:
        start, end = t.get("start"), t.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or t.get("offset_status") == "mismatch":
            continue
        m = Mention(start, end, str(t.get("name") or rec.text[start:end]), t.get("lat"), t.get("lon"))
        (located if m.lat is not None and m.lon is not None else other).append(m)
    return located, other


def predicted_mentions(data: Mapping[str, Any] | None, skip: frozenset[str] = frozenset()) -> list[Mention]:
    """Our place mentions, less those of a kind in `skip` (`UNANNOTATED_KINDS` of the set)."""
    out = []
    for place in (data or {}).get("locations") or []:
        if place.get("kind", "name") in skip:
            continue
        for ev in place.get("mentions") or []:
            out.append(
                Mention(ev["start"], ev["end"], place.get("name") or "", place.get("lat"), place.get("lon"))
            )
    return out


def _context(text: str, m: Mention, width: int = 70) -> str:
    return text[max(0, m.start - width) : m.end + width]


def _score_record(
    rec: GoldRecord, pred: list[Mention], ds: DatasetReport, errors: list[float | None]
) -> Counts:
    located, other = gold_mentions(rec)
    counts = Counts()
    for g in located:
        hits = [p for p in pred if overlap((g.start, g.end), (p.start, p.end))]
        if not hits:
            counts.fn += 1
            ds.misses.append(Finding(ds.name, rec.id, _context(rec.text, g), f"toponym {g.name!r}"))
            continue
        counts.tp += 1
        exact = ds.level("toponyms_exact")
        exact.tp += any((p.start, p.end) == (g.start, g.end) for p in hits)
        best = hits[0]
        if best.lat is None or best.lon is None:
            errors.append(None)
        else:
            errors.append(distance_km((g.lat, g.lon), (best.lat, best.lon)))  # type: ignore[arg-type]
    for p in pred:
        if any(overlap((p.start, p.end), (g.start, g.end)) for g in located + other):
            continue
        counts.fp += 1
        ds.false_alarms.append(
            Finding(ds.name, rec.id, _context(rec.text, p), f"place {p.name!r} at {p.start}")
        )
    return counts


def score_toponyms(gold: GoldSet, preds: list[Prediction], ds: DatasetReport) -> None:
    """Fill `ds` with toponym recognition counts and resolution measures."""
    main, exact = ds.level("toponyms"), ds.level("toponyms_exact")
    errors: list[float | None] = []
    for rec, pred in zip(gold.records, preds, strict=True):
        ds.records += 1
        if pred.problem:
            ds.problems.append(f"{rec.id}: {pred.problem}")
        mentions = predicted_mentions(pred.data, UNANNOTATED_KINDS.get(gold.name, frozenset()))
        counts = _score_record(rec, mentions, ds, errors)
        main.add(counts)
        ds.articles.append(ArticleRow(rec.id, counts, counts.tp + counts.fn, len(mentions), pred.problem))
    exact.fn = main.tp + main.fn - exact.tp
    exact.fp = main.fp + (main.tp - exact.tp)
    known = [e for e in errors if e is not None]
    ds.measures["resolved_matched"] = len(known)
    ds.measures["accuracy_at_161km"] = (
        round(sum(e <= KM_OK for e in known) / len(errors), 4) if errors else None
    )
    ds.measures["median_error_km"] = round(statistics.median(known), 1) if known else None
    ds.measures["mean_error_km"] = round(statistics.fmean(known), 1) if known else None

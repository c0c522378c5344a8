"""Scoring quotes: was the quoted content found, and was it given to the right speaker.

Gold contents (PolNeAR attributions; only the primary annotation of each article) and predicted
quotes are paired one to one when their spans share at least half of the shorter one. For each
pair whose gold names a source, the speaker is right when the predicted speaker (a resolved actor)
has its evidence span overlapping the gold source, or the last word of its text or of its canonical
name (a surname, "Assad", for a pronoun resolved to him) appears in the gold source's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from benchmarks.evaluation.gold import GoldRecord, GoldSet
from benchmarks.evaluation.predictions import Prediction
from benchmarks.evaluation.report import ArticleRow, DatasetReport, Finding
from newsevents.scoring import Counts, overlap, overlap_share, pair_by_share

MIN_SHARE = 0.5


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    direct: bool
    speaker: tuple[tuple[int, int], ...]  # gold source fragments, or the predicted speaker's span
    speaker_text: str
    speaker_name: str = ""  # predicted only: the actor's canonical name


def _fragments(parts: Any) -> list[tuple[int, int]]:
    out = []
    for part in parts or []:
        for frag in part.get("fragments") or []:
            if len(frag) == 2 and all(isinstance(x, int) for x in frag):
                out.append((frag[0], frag[1]))
    return out


def gold_quotes(rec: GoldRecord) -> list[Span]:
    out = []
    for q in rec.items:
        content = _fragments(q.get("content"))
        if not content:
            continue
        source = _fragments(q.get("source"))
        words = " ".join(p.get("text") or "" for p in q.get("source") or [])
        out.append(
            Span(
                min(s for s, _ in content),
                max(e for _, e in content),
                bool(q.get("is_direct_quote")),
                tuple(source),
                words,
            )
        )
    return out


def predicted_quotes(data: Mapping[str, Any] | None, text: str) -> list[Span]:
    """Spans of predicted quotes: the quote text located at or after its evidence, else the evidence."""
    out = []
    for q in (data or {}).get("quotes") or []:
        ev = q.get("evidence") or {}
        said = q.get("text") or ""
        start = text.find(said, max(0, ev.get("start", 0) - 1)) if said else -1
        if start < 0:
            start = text.find(said) if said else -1
        span = (start, start + len(said)) if start >= 0 else (ev.get("start", 0), ev.get("end", 0))
        who = q.get("speaker") or {}
        sev = who.get("evidence") or {}
        speaker = ((sev["start"], sev["end"]),) if "start" in sev else ()
        out.append(
            Span(
                span[0],
                span[1],
                bool(q.get("direct")),
                speaker,
                str(who.get("text") or who.get("name") or ""),
                str(who.get("name") or ""),
            )
        )
    return out


def speaker_right(gold: Span, pred: Span) -> bool:
    if any(overlap(g, p) for g in gold.speaker for p in pred.speaker):
        return True
    said = re.findall(r"\w+", gold.speaker_text.lower())
    for name in (pred.speaker_text, pred.speaker_name):
        words = re.findall(r"\w+", name.lower())
        if words and words[-1] in said:
            return True
    return False


def _share(a: Span, b: Span) -> float:
    return overlap_share((a.start, a.end), (b.start, b.end))


def _pair(gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
    """Gold and predicted quotes one to one, each gold quote with the prediction it shares most with."""
    return pair_by_share(gold, pred, _share, MIN_SHARE)


def _record(
    rec: GoldRecord, gold: list[Span], pred: list[Span], ds: DatasetReport
) -> tuple[Counts, int, int]:
    pairs = _pair(gold, pred)
    counts = Counts(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(p) for _, p in pairs}
    for g in gold:
        if id(g) not in matched_gold:
            ds.misses.append(
                Finding(ds.name, rec.id, rec.text[g.start : g.end], f"quote by {g.speaker_text!r}")
            )
    for p in pred:
        if id(p) not in matched_pred:
            ds.false_alarms.append(
                Finding(ds.name, rec.id, rec.text[p.start : p.end], f"quote by {p.speaker_text!r}")
            )
    with_speaker = [(g, p) for g, p in pairs if g.speaker]
    ds.measures["speaker_missing"] = int(ds.measures.get("speaker_missing") or 0) + sum(
        not p.speaker_text for _, p in with_speaker
    )
    return counts, len(with_speaker), sum(speaker_right(g, p) for g, p in with_speaker)


def score_quotes(gold: GoldSet, preds: list[Prediction], ds: DatasetReport) -> None:
    """Fill `ds` with content counts (all and direct quotes) and speaker accuracy."""
    main, direct = ds.level("content"), ds.level("direct")
    judged = right = 0
    for rec, pred in zip(gold.records, preds, strict=True):
        if rec.raw.get("primary") is False:
            ds.skipped += 1
            continue
        ds.records += 1
        if pred.problem:
            ds.problems.append(f"{rec.id}: {pred.problem}")
        g, p = gold_quotes(rec), predicted_quotes(pred.data, rec.text)
        counts, n, ok = _record(rec, g, p, ds)
        main.add(counts)
        judged, right = judged + n, right + ok
        gd, pdir = [x for x in g if x.direct], [x for x in p if x.direct]
        pairs = len(_pair(gd, pdir))
        direct.add(Counts(pairs, len(pdir) - pairs, len(gd) - pairs))
        ds.articles.append(ArticleRow(rec.id, counts, len(g), len(p), pred.problem))
    ds.measures["speaker_judged"] = judged
    ds.measures.setdefault("speaker_missing", 0)
    ds.measures["speaker_accuracy"] = round(right / judged, 4) if judged else None

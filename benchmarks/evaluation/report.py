"""The evaluation report: figures per data set and overall, per-article rows, misses and false alarms.

A report is plain data (`to_dict`) with three renderings; the text one is what a user reads
after `newsevents evaluate`, so it leads with the figures and then shows the first 20 misses and
false alarms with the sentence and the coded triple, which is where the reasons for errors show.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from newsevents.scoring import Counts

TOP = 20
LEVEL_NOTES = {
    "actors+root": "source and target (country+sector) and CAMEO root",
    "countries+root": "source and target country and CAMEO root",
    "root": "CAMEO root alone (event detection, actors ignored)",
    "cameo": "full CAMEO code alone",
    "actors+plover": "source and target (country+sector) and PLOVER type",
    "plover": "PLOVER type alone",
    "toponyms": "toponym spans (overlap)",
    "toponyms_exact": "toponym spans (exact offsets)",
    "content": "quote content spans (overlap >= 50%)",
    "direct": "direct quotes only (content overlap >= 50%)",
    "value": "displacement figure value",
    "value+unit": "displacement figure value and unit",
    "kind+value": "figure kind (from the gold term or effect) and value",
    "kind+value+status": "figure kind, value and status (reported, cumulative, projected)",
    "date": "incident date exactly right (day) by an event of the incident's class",
    "event_location": "place of each found event overlaps a gold event location",
    "event_location_all": "the same, gold places of events not found counted as misses",
    "detection": "a political event is present (gold type mapped to PLOVER, or none)",
    "plover_type": "PLOVER type of our most confident event among the gold type's accepted ones",
}


@dataclass(frozen=True)
class Finding:
    """One miss or false alarm: which record, the words around it, and what was coded."""

    dataset: str
    record: str
    text: str
    coded: str

    def to_dict(self) -> dict[str, str]:
        return {"dataset": self.dataset, "record": self.record, "text": self.text, "coded": self.coded}


@dataclass
class ArticleRow:
    """Agreement on one gold record at the data set's main level."""

    record: str
    counts: Counts
    gold: int
    predicted: int
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "gold": self.gold,
            "predicted": self.predicted,
            **self.counts.to_dict(),
            "problem": self.problem,
        }


@dataclass
class DatasetReport:
    """Everything measured on one gold file."""

    name: str
    path: str
    kind: str
    main_level: str
    records: int = 0
    skipped: int = 0
    levels: dict[str, Counts] = field(default_factory=dict)
    measures: dict[str, float | int | None] = field(default_factory=dict)
    articles: list[ArticleRow] = field(default_factory=list)
    misses: list[Finding] = field(default_factory=list)
    false_alarms: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # Tables a scorer adds beyond levels and measures (per-type rows, confusions), by name.
    breakdown: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def level(self, name: str) -> Counts:
        return self.levels.setdefault(name, Counts())

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "path": self.path,
            "kind": self.kind,
            "main_level": self.main_level,
            "records": self.records,
            "skipped": self.skipped,
            "levels": {k: v.to_dict() for k, v in self.levels.items()},
            "measures": self.measures,
            "articles": [a.to_dict() for a in self.articles],
            "misses": [m.to_dict() for m in self.misses],
            "false_alarms": [m.to_dict() for m in self.false_alarms],
            "problems": self.problems,
            "breakdown": self.breakdown,
        }


@dataclass
class Report:
    """The result of `run_evaluation`: one entry per gold file, and sums per kind of gold."""

    gold: str
    predictions: str  # a file path, or "pipeline" when the pipeline ran on the gold texts
    measured: str  # ISO date and time of the run
    datasets: list[DatasetReport] = field(default_factory=list)

    @property
    def overall(self) -> dict[str, dict[str, Counts]]:
        """Counts summed over data sets of the same kind, level by level."""
        out: dict[str, dict[str, Counts]] = {}
        for ds in self.datasets:
            for name, counts in ds.levels.items():
                out.setdefault(ds.kind, {}).setdefault(name, Counts()).add(counts)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predictions": self.predictions,
            "measured": self.measured,
            "overall": {k: {n: c.to_dict() for n, c in v.items()} for k, v in self.overall.items()},
            "datasets": [d.to_dict() for d in self.datasets],
        }

    def render(self, fmt: Literal["text", "json", "markdown"] = "text") -> str:
        if fmt == "json":
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
        if fmt == "markdown":
            return render_markdown(self)
        return render_text(self)


def pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _measure(value: float | int | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def _level_lines(levels: dict[str, Counts]) -> list[str]:
    lines = [f"  {'level':<16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name, c in levels.items():
        lines.append(
            f"  {name:<16} {pct(c.precision):>6} {pct(c.recall):>6} {pct(c.f1):>6}"
            f" {c.tp:>5} {c.fp:>5} {c.fn:>5}"
        )
    return lines


def _short(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_text(report: Report) -> str:
    out = [f"gold: {report.gold}", f"predictions: {report.predictions}", f"measured: {report.measured}"]
    for ds in report.datasets:
        out += ["", f"== {ds.name} ({ds.kind}; {ds.records} records, {ds.skipped} skipped)"]
        out += _level_lines(ds.levels)
        out += [f"  {k}: {_measure(v)}" for k, v in ds.measures.items()]
        for title, items in (("misses", ds.misses), ("false alarms", ds.false_alarms)):
            if items:
                out.append(f"  {title} (first {min(TOP, len(items))} of {len(items)}):")
                out += [f"    [{f.record}] {f.coded}\n      {_short(f.text)}" for f in items[:TOP]]
        if ds.problems:
            out.append(f"  problems ({len(ds.problems)}): " + "; ".join(ds.problems[:5]))
        for name, rows in ds.breakdown.items():
            out.append(f"  {name}:")
            out += ["    " + "  ".join(f"{k}={v}" for k, v in row.items()) for row in rows[:40]]
    if len(report.datasets) > 1:
        for kind, levels in report.overall.items():
            out += ["", f"== overall ({kind})", *_level_lines(levels)]
    out.append("")
    out += [f"{k}: {v}" for k, v in LEVEL_NOTES.items() if any(k in d.levels for d in report.datasets)]
    return "\n".join(out)


def level_table(levels: dict[str, Counts]) -> list[str]:
    """A Markdown table of levels (used by the report and by docs/accuracy.md)."""
    rows = [
        "| level | what must agree | P % | R % | F1 % | tp | fp | fn |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, c in levels.items():
        rows.append(
            f"| {name} | {LEVEL_NOTES.get(name, '')} | {pct(c.precision)} | {pct(c.recall)} | {pct(c.f1)} "
            f"| {c.tp} | {c.fp} | {c.fn} |"
        )
    return rows


def render_markdown(report: Report, with_text: bool = True) -> str:
    """Markdown; `with_text=False` leaves the gold sentences out (for pages that may not quote them)."""
    out = [f"Gold: `{report.gold}`; predictions: {report.predictions}; measured {report.measured}."]
    for ds in report.datasets:
        out += [
            "",
            f"### {ds.name}",
            "",
            f"{ds.kind}; {ds.records} records scored, {ds.skipped} skipped.",
            "",
        ]
        out += level_table(ds.levels)
        if ds.measures:
            out += ["", *[f"- {k}: {_measure(v)}" for k, v in ds.measures.items()]]
        for title, items in (("Misses", ds.misses), ("False alarms", ds.false_alarms)):
            if items:
                out += ["", f"{title} (first {min(TOP, len(items))} of {len(items)}):", ""]
                for f in items[:TOP]:
                    words = f" — {_short(f.text)}" if with_text else ""
                    out.append(f"- `{f.record}` {f.coded}{words}")
    if len(report.datasets) > 1:
        for kind, levels in report.overall.items():
            out += ["", f"### Overall ({kind})", "", *level_table(levels)]
    return "\n".join(out) + "\n"

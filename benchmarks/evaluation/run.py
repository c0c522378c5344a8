"""Scoring the extractor against gold sets: what `newsevents evaluate` and benchmarks/accuracy.py run.

`run_evaluation` reads a gold.jsonl (or a folder of them), gets the project's extraction for
every gold text (from a predictions file, or by running the pipeline over the texts in batches),
and scores it with the scorer for the gold's shape: events, toponyms, quotes, figures, incident
templates (dates and casualties), event locations, single-label event types, or events annotated
on whole stories kept beside the gold (`stories.jsonl`, as in benchmarks/voa_dev). Each scorer is
one module of this package; the counting they share is the product's `newsevents.scoring`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from benchmarks.evaluation.event_places import score_event_places
from benchmarks.evaluation.event_types import score_event_types
from benchmarks.evaluation.events import score_events
from benchmarks.evaluation.figures import score_figures
from benchmarks.evaluation.gold import GoldError, GoldSet, gold_files, read_gold
from benchmarks.evaluation.places import score_toponyms
from benchmarks.evaluation.predictions import Prediction, match_predictions, read_predictions, run_pipeline
from benchmarks.evaluation.quotes import score_quotes
from benchmarks.evaluation.report import DatasetReport, Report
from benchmarks.evaluation.stories import is_story_gold, predict_stories, read_story_gold
from benchmarks.evaluation.story_events import score_story_events
from benchmarks.evaluation.templates import score_templates
from newsevents.settings import Settings, load_settings

__all__ = ["GoldError", "Report", "run_evaluation"]

log = logging.getLogger(__name__)

Scorer = Callable[[GoldSet, list[Prediction], DatasetReport], None]
SCORERS: dict[str, Scorer] = {
    "events": score_events,
    "toponyms": score_toponyms,
    "quotes": score_quotes,
    "figures": score_figures,
    "templates": score_templates,
    "event_locations": score_event_places,
    "event_types": score_event_types,
    "story_events": score_story_events,
}
MAIN_LEVEL = {
    "events": "actors+root",
    "toponyms": "toponyms",
    "quotes": "content",
    "figures": "value",
    "templates": "date",
    "event_locations": "event_location",
    "event_types": "plover_type",
    "story_events": "actors+root",
}


def run_evaluation(
    gold: Path,
    pred: Path | None = None,
    limit: int | None = None,
    settings: Settings | None = None,
    split: str | None = None,
) -> Report:
    """Score predictions (or a fresh pipeline run) against one gold file or every gold file under a folder.

    `split` keeps the records of one split (a gold record's `split` field, e.g. MUC's "TST4"), then
    `limit` keeps the first N records of each gold file. Raises GoldError (E401/E402) naming the
    file and line when gold or predictions cannot be read; extraction failures on single records
    are listed in the report's problems and scored as empty predictions.
    """
    gold = Path(gold)
    predicted = read_predictions(Path(pred)) if pred is not None else None
    report = Report(
        gold=str(gold),
        predictions=str(pred) if pred is not None else "pipeline",
        measured=datetime.now().astimezone().isoformat(timespec="seconds"),
    )
    for path in gold_files(gold):
        try:
            gold_set = read_story_gold(path, limit) if is_story_gold(path) else read_gold(path, limit, split)
        except GoldError as exc:
            if gold.is_dir() and not (gold / "gold.jsonl").exists() and "are not scored" in str(exc):
                log.info("skipping %s: %s", path, exc)
                continue
            raise
        if predicted is not None:
            preds = match_predictions(gold_set.records, predicted)
        else:
            runner = predict_stories if gold_set.kind == "story_events" else run_pipeline
            preds = runner(list(gold_set.records), settings or load_settings())
        ds = DatasetReport(gold_set.name, str(path), gold_set.kind, MAIN_LEVEL[gold_set.kind])
        SCORERS[gold_set.kind](gold_set, preds, ds)
        report.datasets.append(ds)
    return report

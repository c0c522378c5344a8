"""The evaluation over a fresh pipeline run on real gold sentences: the report's shape, not its figures."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from benchmarks.evaluation.run import run_evaluation

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
GSR = SHARED / "eval" / "external" / "petrarch2_gsr_validation"


@pytest.mark.model
@pytest.mark.skipif(not (GSR / "gold.jsonl").exists(), reason="shared gold sets not present")
def test_pipeline_on_five_gold_sentences() -> None:
    report = run_evaluation(GSR, limit=5)
    data = json.loads(report.render("json"))
    assert data["predictions"] == "pipeline"
    (ds,) = data["datasets"]
    assert ds["name"] == "petrarch2_gsr_validation" and ds["kind"] == "events"
    assert ds["records"] + ds["skipped"] == 5
    assert len(ds["articles"]) == ds["records"]
    assert {"actors+root", "countries+root", "root", "plover"} <= set(ds["levels"])
    gold_events = sum(a["gold"] for a in ds["articles"])
    assert ds["levels"]["actors+root"]["tp"] + ds["levels"]["actors+root"]["fn"] == gold_events
    assert ds["problems"] == []  # every sentence went through the pipeline
    assert "actors+root" in report.render("text")

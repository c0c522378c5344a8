"""The report's three renderings and its plain-data form."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.evaluation.run import run_evaluation

TEXT = "Freedonian police arrested Sylvanian protesters in the square."


def _report(kit, tmp_path: Path, misses: int = 1):
    rows = [
        {
            "id": f"r{i}",
            "text": TEXT + " " * i,
            "events": [{"source_actor": "FRDCOP", "target_actor": "SYLCVL", "cameo_code": "173"}],
        }
        for i in range(misses)
    ]
    gold = kit.write_jsonl(tmp_path / "gold.jsonl", rows)
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("none", "unrelated")])
    return run_evaluation(gold, pred)


def test_json_has_overall_datasets_articles_and_findings(kit, tmp_path: Path) -> None:
    data = json.loads(_report(kit, tmp_path).render("json"))
    assert set(data) >= {"gold", "predictions", "measured", "overall", "datasets"}
    assert data["overall"]["events"]["actors+root"]["fn"] == 1
    ds = data["datasets"][0]
    assert ds["articles"][0]["record"] == "r0"
    assert ds["misses"][0]["coded"].startswith("FRD COP -> SYL CVL : 173")
    assert ds["misses"][0]["text"] == TEXT


def test_text_shows_at_most_twenty_of_each(kit, tmp_path: Path) -> None:
    text = _report(kit, tmp_path, misses=25).render("text")
    assert "misses (first 20 of 25)" in text
    assert text.count("FRD COP -> SYL CVL") == 20
    assert "actors+root" in text


def test_markdown_has_a_table(kit, tmp_path: Path) -> None:
    md = _report(kit, tmp_path).render("markdown")
    assert "| level | what must agree |" in md
    assert "| actors+root |" in md

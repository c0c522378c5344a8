"""The accuracy page: figures per set and the gate table, and never a gold text (they are not ours)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.accuracy_page import placed_section, render_page
from benchmarks.evaluation.duplicates import CorpusFigures
from benchmarks.evaluation.run import run_evaluation
from benchmarks.floors import Run, check_floors

TEXT = "Freedonian police arrested Sylvanian protesters in the square."
EVENT = {"source_actor": "FRDCOP", "target_actor": "SYLCVL", "cameo_code": "173"}


def _page(kit, tmp_path: Path, floors: dict[str, dict[str, float]]) -> str:
    folder = tmp_path / "toy_events"
    folder.mkdir()
    gold = kit.write_jsonl(folder / "gold.jsonl", [{"id": "r0", "text": TEXT, "events": [EVENT]}])
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("none", "unrelated")])
    runs = [Run("a toy set", "all", 0.5, run_evaluation(gold, pred))]
    return render_page(runs, "python benchmarks/accuracy.py", None, floors, check_floors(runs, floors))


def test_page_has_each_set_and_the_gate_without_quoting_gold(kit, tmp_path: Path) -> None:
    page = _page(kit, tmp_path, {"toy_events": {"root": 50.0}, "absent_set": {"root": 1.0}})
    assert page.startswith("# Accuracy\n")
    assert "### toy_events" in page and "a toy set. Records: all (1 scored, 0 skipped)" in page
    assert "| toy_events | root | None | 50.0 |" in page
    assert "| absent_set | root | not run | 1.0 |" in page
    assert "BELOW FLOOR: toy_events root: None < 50.0" in page
    assert "`r0` FRD COP -> SYL CVL : 173" in page  # record ids and codes only
    assert TEXT not in page and "Freedonian" not in page


def test_without_floors_the_gate_says_so(kit, tmp_path: Path) -> None:
    assert "No floors are pinned yet." in _page(kit, tmp_path, {})


def test_the_corpus_share_placed_sits_by_event_location() -> None:
    figures = CorpusFigures(articles=2, counts={"events": 8}, placed_by_source={"clause": 3, "article": 3})
    lines = placed_section(figures)
    assert "6 (75.0 %) have coordinates and a `location_source`" in " ".join(lines)
    assert "| clause | 3 |" in lines and "| paragraph | 0 |" in lines and "| article | 3 |" in lines

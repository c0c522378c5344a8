"""The accuracy page: figures per set and the gate table, and never a gold text (they are not ours)."""

from __future__ import annotations

import logging
from pathlib import Path

from benchmarks.accuracy_page import placed_section, render_page
from benchmarks.evaluation.duplicates import CorpusFigures
from benchmarks.evaluation.report import DatasetReport, Report
from benchmarks.evaluation.run import run_evaluation
from benchmarks.floors import Run, check_floors

from newsevents.scoring import Counts

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


def _voa_report() -> DatasetReport:
    """A VOA-set report as the story scorer fills it (counts made up for the page)."""
    ds = DatasetReport("voa_dev", "benchmarks/voa_dev/gold.jsonl", "story_events", "actors+root", records=2)
    ds.levels.update(
        {
            "actors+root": Counts(1, 2, 3),
            "countries+root": Counts(2, 1, 2),
            "root": Counts(3, 0, 1),
            "plover": Counts(3, 0, 1),
            "actors+plover": Counts(1, 2, 3),
        }
    )
    ds.measures.update({"place_judged": 2, "place_accuracy_at_161km": 0.5, "date_accuracy": 1.0})
    ds.breakdown["places"] = [{"story": "6180206", "gold": "Khartoum", "ours": "Port Sudan", "km": 680}]
    return ds


def test_the_voa_set_sits_beside_the_public_sets_with_its_places() -> None:
    voa = Run("our development set", "all stories", 1.0, Report("g", "pipeline", "now", [_voa_report()]))
    page = render_page([voa], "python benchmarks/accuracy.py", None, {}, [])
    assert "## The VOA development set" in page and "Its figures are under `voa_dev` below." in page
    assert "### voa_dev" in page and "- place_accuracy_at_161km: 0.5" in page
    assert "- Of 4 gold events, 3 were found with the right CAMEO root" in page
    wrong = "First wrong places (story id, gold place -> ours): `6180206` Khartoum -> Port Sudan (680 km)."
    assert wrong in page


def test_without_its_gold_the_voa_set_is_skipped_in_one_line(kit, tmp_path: Path, caplog) -> None:
    from benchmarks.accuracy import _parser, _score_voa

    from newsevents.settings import load_settings

    folder = tmp_path / "voa_dev"
    folder.mkdir()
    (folder / "stories.jsonl").write_text('{"id": "1", "title": "T", "text": "Body."}\n', encoding="utf-8")
    args = _parser().parse_args(["--voa-dev", str(folder)])
    with caplog.at_level(logging.INFO, logger="benchmarks.accuracy"):
        assert _score_voa(args, load_settings()) == []
    assert [r.getMessage() for r in caplog.records] == [
        f"skipping voa_dev: {folder / 'gold.jsonl'} not found (its gold is not merged yet)"
    ]
    page = _page(kit, tmp_path, {})
    assert "## The VOA development set" in page
    assert "Not scored in this run: `benchmarks/voa_dev/gold.jsonl` is not there yet." in page

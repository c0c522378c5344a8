"""The quality gate: floors read from YAML, figures in percent, a figure below its floor reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.evaluation.report import DatasetReport, Report
from benchmarks.floors import Run, check_floors, count_floors, figure, read_floors

from newsevents.scoring import Counts


def _run(levels: dict[str, Counts], measures: dict[str, float | int | None]) -> Run:
    ds = DatasetReport("set_a", "set_a/gold.jsonl", "events", "root", levels=levels, measures=measures)
    return Run("why", "all", 1.0, Report("gold", "pipeline", "now", [ds]))


def test_floors_are_read_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "floors.yml"
    path.write_text("# comment\nset_a:\n  root: 40\n  accuracy: 55.5\n", encoding="utf-8")
    floors = read_floors(path)
    assert floors == {"set_a": {"root": 40.0, "accuracy": 55.5}}
    assert count_floors(floors) == 2
    assert read_floors(tmp_path / "absent.yml") == {}


def test_a_floor_that_is_not_a_number_stops_the_gate(tmp_path: Path) -> None:
    path = tmp_path / "floors.yml"
    path.write_text("set_a:\n  root: high\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="set_a"):
        read_floors(path)


def test_figures_are_percent_and_shares_are_scaled() -> None:
    run = _run({"root": Counts(1, 1, 0)}, {"accuracy": 0.561, "median_error_km": 12.0})
    ds = run.report.datasets[0]
    assert figure(ds, "root") == pytest.approx(66.7)
    assert figure(ds, "accuracy") == pytest.approx(56.1)
    assert figure(ds, "median_error_km") == 12.0
    assert figure(ds, "absent") is None


def test_below_or_missing_fails_and_sets_not_run_are_not_checked() -> None:
    run = _run({"root": Counts(1, 1, 0)}, {"accuracy": 0.5})
    floors = {"set_a": {"root": 60.0, "accuracy": 55.0, "plover": 10.0}, "set_b": {"root": 99.0}}
    assert check_floors([run], floors) == [
        "set_a accuracy: 50.0 < 55.0",
        "set_a plover: None < 10.0",
    ]


def test_share_measures_are_percent_and_the_voa_set_has_its_rows() -> None:
    ds = _run({}, {"located_share": 0.875}).report.datasets[0]
    assert figure(ds, "located_share") == pytest.approx(87.5)
    wanted = {"root", "plover", "actors+root", "place_accuracy_at_161km", "date_accuracy", "located_share"}
    assert wanted <= set(read_floors()["voa_dev"])

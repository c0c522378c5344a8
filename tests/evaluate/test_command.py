"""`newsevents evaluate` finds the scorers in a source checkout, and says so in one line without one."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents import evaluate
from newsevents.cli import main
from newsevents.errors import ResourceError

REPO = Path(__file__).resolve().parents[2]
TEXT = "Freedonian police arrested Sylvanian protesters in the square."
EVENT = {"source_actor": "FRDCOP", "target_actor": "SYLCVL", "cameo_code": "173"}
GOLD = {"id": "r0", "text": TEXT, "events": [EVENT]}


def _files(kit, tmp_path: Path) -> tuple[Path, Path]:
    gold = kit.write_jsonl(tmp_path / "gold.jsonl", [GOLD])
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("none", "unrelated")])
    return gold, pred


def test_the_source_checkout_holds_the_scorers(tmp_path: Path) -> None:
    assert evaluate.benchmarks_root(cwd=tmp_path) == REPO


def test_the_working_directory_is_searched_when_the_package_is_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(evaluate, "SOURCE_CHECKOUT", tmp_path / "site-packages")
    assert evaluate.benchmarks_root(cwd=REPO) == REPO
    assert evaluate.benchmarks_root(cwd=tmp_path) is None
    with pytest.raises(ResourceError, match=r"^\[E403\] .*source checkout") as err:
        evaluate.use_benchmarks(cwd=tmp_path)
    assert err.value.code == "E403"


def test_command_scores_from_a_checkout(kit, tmp_path: Path) -> None:
    gold, pred = _files(kit, tmp_path)
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--pred", str(pred), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"fn": 1' in result.output and '"actors+root"' in result.output


def test_command_without_a_checkout_prints_one_line_and_fails(
    kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold, pred = _files(kit, tmp_path)
    monkeypatch.setattr(evaluate, "SOURCE_CHECKOUT", tmp_path / "site-packages")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--pred", str(pred)])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "[E403]" in lines[0], result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, ImportError)

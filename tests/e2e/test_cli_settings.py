"""Settings of the wrong type or out of range: one line naming the file, the line, the key and
what was expected, from `--config` files, from CLI options and from Python."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.errors import ResourceError
from newsevents.settings import Settings, load_settings

BAD = [
    ("max_file_bytes: abc", "max_file_bytes", "whole number of bytes", "'abc'"),
    ("max_file_bytes: -5", "max_file_bytes", "whole number of bytes", "-5"),
    ("max_file_bytes: 5e6", "max_file_bytes", "whole number of bytes", "'5e6'"),
    ("max_file_bytes: 1.5", "max_file_bytes", "whole number of bytes", "1.5"),
    ("max_file_bytes: true", "max_file_bytes", "whole number of bytes", "True"),
    ("min_english_ratio: 1.5", "min_english_ratio", "number from 0 to 1", "1.5"),
    ("min_english_ratio: .nan", "min_english_ratio", "number from 0 to 1", "nan"),
    ("min_english_ratio: high", "min_english_ratio", "number from 0 to 1", "'high'"),
    ("batch_size: 0", "batch_size", "articles from 1 to 100000", "0"),
    ("batch_size: [32]", "batch_size", "articles from 1 to 100000", "[32]"),
    ("workers: -1", "workers", "processes from 0 (one per core) to 1024", "-1"),
    ("workers: 100000", "workers", "processes from 0 (one per core) to 1024", "100000"),
    ("include_text: 'no'", "include_text", "true or false", "'no'"),
    ("language: ''", "language", "language code", "''"),
    ("model: {name: x}", "model", "spaCy pipeline", "{'name': 'x'}"),
]


@pytest.fixture(autouse=True)
def no_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings are refused before anything is built: were they not, a run with 100000 workers
    must fail here, not fork them."""
    from newsevents import pipeline

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pipeline was built from settings that should have been refused")

    monkeypatch.setattr(pipeline, "build", refuse)
    monkeypatch.setattr(pipeline, "run", refuse)


def _file(tmp_path: Path, line: str) -> Path:
    path = tmp_path / "my settings.yml"
    path.write_text(f"# my settings\nlanguage: en\n{line}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("line", "key", "expected", "got"), BAD)
def test_a_bad_value_in_a_settings_file_is_one_line_naming_file_line_and_key(
    tmp_path: Path, line: str, key: str, expected: str, got: str
) -> None:
    path = _file(tmp_path, line)
    args = ["extract", str(tmp_path / "none.txt"), "--no-db", "--config", str(path)]
    result = CliRunner().invoke(main, args)
    assert "Traceback" not in result.output and result.exit_code == 3
    (message,) = result.stderr.splitlines()
    assert message.startswith(f"newsevents: [E204] settings {path}:3 -> {key}: expected ")
    assert expected in message and message.endswith(f"; got {got}")
    with pytest.raises(ResourceError, match=rf"\[E204\] settings .*my settings\.yml:3 -> {key}: expected"):
        load_settings(path)


def test_an_unknown_key_and_a_bad_shape_name_their_line(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"\[E205\] settings .*\.yml:3 -> max_bytes: unknown setting"):
        load_settings(_file(tmp_path, "max_bytes: 5"))
    with pytest.raises(ResourceError, match=r"\[E204\] settings .*\.yml:3 -> pipeline: .*list of stage"):
        load_settings(_file(tmp_path, "pipeline: actors"))


@pytest.mark.parametrize(("option", "value", "key"), [("--workers", "-2", "workers"), ("--batch-size", "0",
                                                      "batch_size")])  # fmt: skip
def test_a_bad_option_value_is_one_line(tmp_path: Path, option: str, value: str, key: str) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "none.txt"), "--no-db", option, value])
    assert "Traceback" not in result.output and result.exit_code == 3
    (message,) = result.stderr.splitlines()
    assert message.startswith(f"newsevents: [E204] settings -> {key}: expected a whole number")


@pytest.mark.parametrize(
    "changes",
    [{"max_file_bytes": "abc"}, {"max_file_bytes": 0}, {"workers": -1}, {"batch_size": 2.5},
     {"min_english_ratio": -0.1}, {"include_text": 1}, {"model": 5}],
)  # fmt: skip
def test_python_settings_are_checked_too(changes: dict[str, object]) -> None:
    key = next(iter(changes))
    with pytest.raises(ResourceError, match=rf"\[E204\] settings -> {key}: expected"):
        Settings(**changes)  # type: ignore[arg-type]
    with pytest.raises(ResourceError, match=rf"\[E204\] settings -> {key}: expected"):
        Settings().with_overrides(**changes)


def test_good_values_pass_and_zero_workers_means_one_per_core(tmp_path: Path) -> None:
    path = _file(tmp_path, "workers: 0\nbatch_size: 8\nmax_file_bytes: 1_000\nmin_english_ratio: 0")
    settings = load_settings(path)
    assert (settings.workers, settings.batch_size, settings.max_file_bytes, settings.min_english_ratio) == (
        0, 8, 1000, 0)  # fmt: skip

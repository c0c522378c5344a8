"""Settings files with values of any type: checked when read, refused in one line, never a
traceback halfway through a batch (`max_file_bytes: abc` used to fail at the first file).

The fuzz writes one to three shipped keys with random YAML values and reads them in-process
(no model): either the file is refused with a NewsEventsError, or every setting has the type
of its default. The CLI cases run `extract --config` on the documented bad values.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.cli import main
from newsevents.errors import NewsEventsError
from newsevents.settings import Settings, load_settings

DEFAULTS = load_settings()
KEYS = sorted(f.name for f in dataclasses.fields(Settings) if f.name != "include_text")
POSITIVE = {"max_file_bytes", "batch_size"}
yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _same_type(name: str, value: object, default: object) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return type(value) is type(default)
    if isinstance(default, float):
        return isinstance(value, int | float)
    if isinstance(default, Mapping):
        return isinstance(value, Mapping)
    return isinstance(value, type(default))


def check_loaded(loaded: Settings) -> None:
    """Every setting has its default's type, and the sizes and counts are in range."""
    for field in dataclasses.fields(Settings):
        value, default = getattr(loaded, field.name), getattr(DEFAULTS, field.name)
        assert _same_type(field.name, value, default), (field.name, value)
    for name in POSITIVE:
        assert getattr(loaded, name) > 0, name
    assert loaded.workers >= 0
    assert 0 <= loaded.min_english_ratio <= 1
    assert all(isinstance(name, str) and name for name in loaded.pipeline)


@settings(max_examples=60, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), yaml_values, min_size=1, max_size=3))
def test_any_settings_file_is_refused_in_one_line_or_well_typed(values: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "settings.yml"
        path.write_text(yaml.safe_dump(values), encoding="utf-8")
        try:
            loaded = load_settings(path)
        except NewsEventsError as exc:
            assert "\n" not in str(exc), str(exc)
            return
        check_loaded(loaded)


BAD = ["max_file_bytes: abc", "max_file_bytes: -1", "batch_size: 0", "workers: -3", "min_english_ratio: high"]


@pytest.mark.model
@pytest.mark.parametrize("line", BAD)
def test_extract_refuses_a_bad_setting_in_one_line(line: str, tmp_path: Path) -> None:
    config = tmp_path / "bad.yml"
    config.write_text(line + "\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Talks stall\n\nThe two sides stalled on Tuesday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--no-db", "-q", "--config", str(config)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and line.split(":")[0] in lines[0], result.stderr

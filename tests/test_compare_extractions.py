"""scripts/compare_extractions.py: two dumps compared article by article, naming what changed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "compare_extractions.py"
spec = importlib.util.spec_from_file_location("compare_extractions", SCRIPT)
assert spec is not None and spec.loader is not None
compare = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare)


def _dump(folder: Path, name: str, events: list[dict[str, str]]) -> None:
    folder.mkdir(exist_ok=True)
    data = {"article": {"id": name}, "events": events, "quantities": [], "quotes": []}
    (folder / f"{name}.json").write_text(json.dumps(data, sort_keys=True))


def test_identical_dumps_differ_nowhere(tmp_path: Path) -> None:
    for side in ("before", "after"):
        _dump(tmp_path / side, "001", [{"cameo": "190"}])
    assert compare.diff(tmp_path / "before", tmp_path / "after") == []


def test_a_changed_or_missing_extraction_is_named_with_its_sections(tmp_path: Path) -> None:
    _dump(tmp_path / "before", "001", [{"cameo": "190"}])
    _dump(tmp_path / "after", "001", [{"cameo": "190"}, {"cameo": "020"}])
    _dump(tmp_path / "before", "002", [])
    assert compare.diff(tmp_path / "before", tmp_path / "after") == [
        "001.json: events differ (events 1->2)",
        "002.json: only in before",
    ]

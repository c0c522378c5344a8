"""The one reader of the evaluation's tables: TSV rows with a checked header, YAML as parsed."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.evaluation.tables import DATA, read_data

from newsevents.errors import ResourceError


def test_a_shipped_table_is_found_by_name() -> None:
    rows = read_data("plover_versions.tsv", ("name", "plover_2021"))
    assert ("FIGHT", "ASSAULT") in rows
    assert all(len(r) == 2 for r in rows)
    assert {"markers.tsv", "sectors.tsv"} <= {p.name for p in DATA.glob("*.tsv")}


def test_comments_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("# why\n\na\tb\n# note\nx\ty\n", encoding="utf-8")
    assert read_data(path, ("a", "b")) == [("x", "y")]


def test_a_wrong_header_or_row_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("a\tc\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=rf"\[E202\] .*{path.name}:1 -> header: expected a/b"):
        read_data(path, ("a", "b"))
    path.write_text("a\tb\nx\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=rf"{path.name}:2 -> row: expected 2 columns"):
        read_data(path, ("a", "b"))


def test_yaml_is_returned_as_parsed_and_broken_yaml_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_text("set:\n  root: 40\n", encoding="utf-8")
    assert read_data(path) == {"set": {"root": 40}}
    path.write_text("set:\n  root: [40\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"\[E202\] .*f\.yml:\d+ -> yaml"):
        read_data(path)


def test_a_missing_file_is_e202(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"\[E202\] .*cannot read"):
        read_data(tmp_path / "absent.tsv", ("a",))

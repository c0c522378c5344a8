"""data/reader.py: records carry file:line, one error shape, one merge rule for a user's files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents import data
from newsevents.data import reader
from newsevents.errors import ResourceError


def test_entries_keep_their_lines(write_file: Callable[[str, str], Path]) -> None:
    path = write_file("a.yml", "# header\n- {verb: attack}\n\n- {verb: shell}\n")
    records = reader.entries(path)
    assert [(r.get("verb"), r.origin) for r in records] == [("attack", f"{path}:2"), ("shell", f"{path}:4")]


def test_sections_of_lists_and_mappings(write_file: Callable[[str, str], Path]) -> None:
    path = write_file("s.yml", "words: [a, b]\nvalues:\n  x: 1\nempty:\n")
    records = reader.sections(path, ("words", "values", "empty"))
    assert [(r.section, r.key, r.get("value"), r.line) for r in records] == [
        ("words", None, "a", 1), ("words", None, "b", 1), ("values", "x", 1, 3)]


def test_unknown_section_names_file_line_and_field(write_file: Callable[[str, str], Path]) -> None:
    path = write_file("s.yml", "words: [a]\nwrods: [b]\n")
    with pytest.raises(ResourceError, match=rf"{path}:2 -> section: unknown section 'wrods'"):
        reader.sections(path, ("words",))


def test_yaml_error_names_its_line(write_file: Callable[[str, str], Path]) -> None:
    path = write_file("bad.yml", "- {verb: attack}\n- {verb: shell\n")
    with pytest.raises(ResourceError, match=rf"{path}:\d+ -> yaml:"):
        reader.entries(path)


def test_rows_check_the_header_and_pad_short_rows(write_file: Callable[[str, str], Path]) -> None:
    path = write_file("t.tsv", "# comment\ncameo\tplover\tmode\n190\tASSAULT\n")
    [row] = reader.rows(path, ("cameo", "plover", "mode"))
    assert (dict(row.values), row.line) == ({"cameo": "190", "plover": "ASSAULT", "mode": ""}, 3)
    with pytest.raises(ResourceError, match=rf"{path}:2 -> header: expected a/b"):
        reader.rows(path, ("a", "b"))


def test_record_getters_fail_with_file_line_and_field(write_file: Callable[[str, str], Path]) -> None:
    path = write_file("a.yml", "- {name: '', pattern: '(x', extra: 1}\n")
    [rec] = reader.entries(path)
    for call, field in ((lambda: rec.text("name"), "name"), (lambda: rec.pattern("pattern"), "pattern"),
                        (lambda: rec.only(("name", "pattern")), "extra")):
        with pytest.raises(ResourceError, match=rf"{path}:1 -> {field}:"):
            call()


def test_merge_replaces_in_place_appends_new_and_removes(write_file: Callable[[str, str], Path]) -> None:
    shipped = write_file("shipped.yml", "- {name: a, v: 1}\n- {name: b, v: 1}\n- {name: c, v: 1}\n")
    user = write_file("user.yml", "- {name: b, v: 2}\n- {name: d, v: 2}\n- {name: a, remove: true}\n")
    merged = reader.merge([*reader.entries(shipped), *reader.entries(user)], lambda r: r.get("name"))
    assert [(r.get("name"), r.get("v")) for r in merged] == [("b", 2), ("c", 1), ("d", 2)]


def test_merge_with_parse_checks_even_a_replaced_entry(write_file: Callable[[str, str], Path]) -> None:
    path = write_file("u.yml", "- {name: a, v: bad}\n- {name: a, v: 2}\n")

    def parse(rec: reader.Record) -> int:
        if not isinstance(rec.get("v"), int):
            raise rec.fail("v", "not a number")
        return int(rec.get("v"))  # type: ignore[call-overload]

    with pytest.raises(ResourceError, match=rf"{path}:1 -> v: not a number"):
        reader.merge(reader.entries(path), lambda r: r.get("name"), parse)


def test_null_value_in_a_key_value_section_removes_the_key(write_file: Callable[[str, str], Path]) -> None:
    path = write_file("s.yml", "verbs:\n  say: speech\n  tell: speech\nmore:\n  say: null\n")
    records = reader.sections(path)
    merged = reader.merge(records, lambda r: r.key)
    assert [r.key for r in merged] == ["tell"]


def test_shipped_prefers_the_language_folder_then_the_shared_one() -> None:
    assert data.shipped("events/verbs.yml", "en").parts[-3:] == ("en", "events", "verbs.yml")
    assert data.shipped("events/cameo.yml", "en").parts[-3:] == ("data", "events", "cameo.yml")
    with pytest.raises(ResourceError, match="E202"):
        data.shipped("events/verbs.yml", "xx")


def test_cells_give_rows_with_lines_and_refuse_short_ones(write_file: Callable[[str, str], Path]) -> None:
    path = write_file("big.tsv", "# generated\na\tb\nx\ty\n\n# note\nz\tw\n")
    assert list(reader.cells(path, ("a", "b"))) == [(3, ["x", "y"]), (6, ["z", "w"])]
    short = write_file("short.tsv", "a\tb\nx\ty\nz\n")
    with pytest.raises(ResourceError, match=r"E202.*short.tsv:3 -> row: expected 2 columns"):
        list(reader.cells(short, ("a", "b")))
    with pytest.raises(ResourceError, match=r"short.tsv:1 -> header"):
        list(reader.cells(short, ("a", "c")))

"""codes.py: quad class, Goldstein and PLOVER follow from the CAMEO code alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import ResourceError
from newsevents.events.codes import load_code_table, root_quad


@pytest.fixture(scope="module")
def table():  # type: ignore[no-untyped-def]
    return load_code_table()


@pytest.mark.parametrize(
    ("code", "quad", "goldstein", "plover", "mode"),
    [
        ("195", 4, -10.0, "ASSAULT", "heavy-weapons"),
        ("112", 3, -2.0, "ACCUSE", "disapprove"),
        ("020", 1, 3.0, "REQUEST", None),
        ("164", 4, -7.0, "SANCTION", "withdraw"),
        ("163", 4, -8.0, "COERCE", "restrict"),
        ("173", 4, -5.0, "COERCE", "arrest"),
        ("057", 2, 8.0, "SUPPORT", None),
        ("042", 1, 1.9, "CONSULT", "visit"),
        ("010", 1, 0.0, None, None),
    ],
)
def test_code_facts(table, code, quad, goldstein, plover, mode):  # type: ignore[no-untyped-def]
    assert table.quad_class(code) == quad
    assert table.goldstein(code) == goldstein
    assert table.plover(code) == (plover, mode)


def test_root_quad_boundaries() -> None:
    assert [root_quad(c) for c in ("043", "051", "087", "090", "138", "141", "204")] == [1, 2, 2, 3, 3, 4, 4]


def test_every_mapped_code_is_named(table) -> None:  # type: ignore[no-untyped-def]
    assert all(c.name for c in table.codes.values())
    assert table.get("1823").plover == "ASSAULT"


def test_unknown_code_is_an_error(table) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ResourceError, match="E202"):
        table.get("999")


def test_quad_that_disagrees_with_root_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "codes.yml"
    bad.write_text(
        '"190": {name: "Fight", quad: 4, goldstein: -10}\n'
        '"111": {name: "Criticize", quad: 1, goldstein: -2}\n'
    )
    with pytest.raises(ResourceError, match=r"codes\.yml:2 -> quad"):
        load_code_table(extra_codes=[bad])


def test_user_plover_row_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "plover.tsv"
    extra.write_text("cameo\tplover\tmode\n190\tASSAULT\tfirearms\n")
    assert load_code_table(extra_plover=[extra]).plover("190") == ("ASSAULT", "firearms")

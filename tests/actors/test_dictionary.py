"""Loading, validating and overriding actor dictionaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.actors import find_mentions, load_dictionary
from newsevents.actors.dictionary import build, shipped_paths
from newsevents.errors import ResourceError


def test_shipped_dictionary_covers_every_country_and_key_actors(  # type: ignore[no-untyped-def]
    actor_dictionary,
) -> None:
    d = actor_dictionary
    countries = [e for e in d.entries if e.kind == "country"]
    assert len(countries) >= 240
    assert d.countries["SYR"].demonym == "Syrian"
    assert ("moscow",) in d.phrases and ("the", "kremlin") in d.phrases
    people = {e.name: e for e in d.entries if e.kind == "person"}
    assert people["Vladimir Putin"].code == "RUSGOV"
    assert people["Staffan de Mistura"].code == "IGOUNO" and people["Staffan de Mistura"].country is None
    orgs = {e.name: e for e in d.entries if e.kind == "org"}
    assert orgs["United Nations"].code == "IGOUNO"
    assert orgs["Hezbollah"].code == "LBNREB"


def test_each_load_reads_the_files_afresh(tmp_path: Path) -> None:
    """No module cache: a pipeline built after a user edits a file sees the edit."""
    path = tmp_path / "user.yml"
    path.write_text("people:\n  - {name: Jane Qwerty, country: SYR, sector: REB}\n", encoding="utf-8")
    first = build((*shipped_paths(), path))
    path.write_text("people:\n  - {name: Jane Qwerty, country: SYR, sector: GOV}\n", encoding="utf-8")
    second = build((*shipped_paths(), path))
    people = [{e.name: e.code for e in d.entries if e.kind == "person"} for d in (first, second)]
    assert (people[0]["Jane Qwerty"], people[1]["Jane Qwerty"]) == ("SYRREB", "SYRGOV")


def test_remove_drops_a_shipped_entry_and_a_user_entry_replaces_in_place(tmp_path: Path) -> None:
    path = tmp_path / "user.yml"
    path.write_text(
        "organisations:\n  - {name: Hezbollah, remove: true}\n"
        "people:\n  - {name: Vladimir Putin, country: RUS, sector: MIL}\n",
        encoding="utf-8",
    )
    d = build((*shipped_paths(), path))
    assert "Hezbollah" not in {e.name for e in d.entries if e.kind == "org"}
    people = [e for e in d.entries if e.kind == "person"]
    putin = next(e for e in people if e.name == "Vladimir Putin")
    assert putin.code == "RUSMIL" and putin.origin == f"{path}:4"
    assert people[-1].name != "Vladimir Putin"  # replaced where it was, not appended


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "user.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("people:\n  - {name: Jane Doe, country: XXX, sector: GOV}\n", 2, "country"),
        ("people:\n  - {name: A, country: SYR, sector: GOV}\n  - {name: B, country: SYR, sector: ZZZ}\n", 3,
         "sector"),
        ("organisations:\n  - {name: Some Body, sector: IGO}\n", 2, "code"),
        ("sectors:\n  - {words: [], sector: MIL}\n", 2, "words"),
        ("villains:\n  - {name: X}\n", 1, "section"),
        ("people:\n  - {name: Jane Doe, country: SYR, sector: GOV, colour: red}\n", 2, "colour"),
        ("people:\n  - {name: Jane, country: SYR\n", 3, "yaml"),
    ],
)
def test_broken_user_dictionary_names_file_and_line(tmp_path: Path, text: str, line: int, field: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ResourceError) as err:
        build((*shipped_paths(), path))
    assert err.value.code == "E202"
    assert f"{path}:{line} -> {field}:" in str(err.value)


@pytest.mark.model
def test_user_dictionary_overrides_a_shipped_entry(  # type: ignore[no-untyped-def]
    tmp_path: Path, parse, actor_dictionary,
) -> None:
    path = _write(tmp_path, "sectors:\n  - {words: [regime, regimes], sector: OPP}\n"
                            "people:\n  - {name: Jane Qwerty, country: SYR, sector: REB}\n")
    art, doc = parse("The Syrian regime met Jane Qwerty.")
    shipped = {m.actor.text: m.actor.code for m in find_mentions(doc, art, actor_dictionary)}
    user = {m.actor.text: m.actor.code for m in find_mentions(doc, art, load_dictionary([path]))}
    assert shipped["Syrian regime"] == "SYRGOV"
    assert user["Syrian regime"] == "SYROPP"
    assert user["Jane Qwerty"] == "SYRREB"

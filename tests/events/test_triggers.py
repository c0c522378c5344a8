"""triggers.py: the dictionary loads, validates with file:line errors, and user files override."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import ResourceError
from newsevents.events import load_codebook
from newsevents.events.triggers import find_triggers


def test_shipped_dictionary_loads(codebook) -> None:
    book = codebook
    assert book.triggers.lookup("verb", ["blame"])[0].cameo == "112"


def test_broken_user_file_names_file_and_line(tmp_path: Path) -> None:
    user = tmp_path / "my_verbs.yml"
    user.write_text('# mine\n- {verb: denounce, cameo: "111"}\n- {verb: rebuke, cameo: "1999"}\n')
    with pytest.raises(ResourceError, match=r"my_verbs\.yml:3 -> cameo: unknown CAMEO code '1999'"):
        load_codebook([user])


def test_unquoted_code_and_unknown_field_are_refused(tmp_path: Path) -> None:
    user = tmp_path / "v.yml"
    user.write_text("- {verb: rebuke, cameo: 111}\n")
    with pytest.raises(ResourceError, match=r"v\.yml:1 -> cameo: write the code as a quoted string"):
        load_codebook([user])
    user.write_text('- {verb: rebuke, cameo: "111", colour: red}\n')
    with pytest.raises(ResourceError, match=r"v\.yml:1 -> colour: unknown field"):
        load_codebook([user])


def test_an_unknown_source_reading_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    user = tmp_path / "v.yml"
    user.write_text('- {verb: receive, with: [loan], cameo: "071", source_from: sender}\n')
    known = "is not subject, object, holder or giver"
    with pytest.raises(ResourceError, match=rf"v\.yml:1 -> source_from: 'sender' {known}"):
        load_codebook([user])


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    user = tmp_path / "v.yml"
    user.write_text('- {verb: rebuke, cameo: "111"}\n- {verb: scold, cameo: "111"\n')
    with pytest.raises(ResourceError, match=r"v\.yml:\d+ -> yaml"):
        load_codebook([user])


@pytest.mark.model
def test_user_file_overrides_a_verb(codebook, tmp_path: Path, parse) -> None:  # type: ignore[no-untyped-def]
    user = tmp_path / "v.yml"
    user.write_text('- {verb: blame, cameo: "1123", require: target}\n')
    _, doc = parse("Turkey blamed Russia.")
    sent = next(iter(doc.sents))
    shipped = [m.entry.cameo for m in find_triggers(sent, codebook.triggers)]
    mine = [m.entry.cameo for m in find_triggers(sent, load_codebook([user]).triggers)]
    assert shipped == ["112"]
    assert mine == ["1123"]


@pytest.mark.model
def test_specific_entry_beats_bare_lemma(codebook, parse) -> None:  # type: ignore[no-untyped-def]
    book = codebook
    _, doc = parse("The envoy halted the talks. The army halted its offensive.")
    codes = [[m.entry.cameo for m in find_triggers(s, book.triggers)] for s in doc.sents]
    # "halted the talks" is 164; "halted its offensive" is 087, and the offensive is not a 190 too
    assert codes == [["164"], ["087"]]

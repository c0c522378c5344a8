"""The ingest data files load, a user's files merge over them, and a broken entry is reported
as file:line -> field: message."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import ResourceError
from newsevents.ingest import article_from_text, load_ingest_rules, read
from newsevents.ingest.furniture import load_rules
from newsevents.ingest.language import load_languages
from newsevents.ingest.metadata import load_outlets
from newsevents.settings import Settings


def test_shipped_files_load(ingest_rules) -> None:  # type: ignore[no-untyped-def]
    assert ingest_rules.furniture.lines and ingest_rules.outlets.agency("Associated Press") == "AP"
    assert {lang.code for lang in ingest_rules.languages} >= {"en", "fr"}


def test_bad_regex_names_file_line_and_field(tmp_path: Path) -> None:
    user = tmp_path / "furniture.yml"
    user.write_text("lines:\n  - {kind: share, pattern: 'ok'}\n  - {kind: share, pattern: '(unclosed'}\n")
    with pytest.raises(ResourceError) as err:
        load_rules((user,))
    assert err.value.code == "E202" and f"{user}:3 -> pattern:" in str(err.value)


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    user = tmp_path / "furniture.yml"
    user.write_text("lines:\n  - {kind: banner, pattern: 'x'}\n")
    with pytest.raises(ResourceError, match=r"furniture\.yml:2 -> kind: must be one of"):
        load_rules((user,))


def test_unknown_section_names_its_line(tmp_path: Path) -> None:
    user = tmp_path / "outlets.yml"
    user.write_text("# mine\nagencys:\n  - {name: X}\n")
    with pytest.raises(ResourceError, match=r"outlets\.yml:2 -> section: unknown section 'agencys'"):
        load_outlets((user,))


def test_user_outlets_extend_the_shipped_list(tmp_path: Path) -> None:
    user = tmp_path / "outlets.yml"
    user.write_text("agencies:\n  - {name: Example Wire, aliases: [EXW]}\n")
    outlets = load_outlets((user,))
    assert outlets.agency("EXW") == "Example Wire" and outlets.agency("Reuters") == "Reuters"


def test_user_agency_replaces_the_shipped_one_and_remove_drops_it(tmp_path: Path) -> None:
    user = tmp_path / "outlets.yml"
    user.write_text("agencies:\n  - {name: Reuters, aliases: [RTRS]}\n  - {name: AFP, remove: true}\n")
    outlets = load_outlets((user,))
    assert outlets.agency("RTRS") == "Reuters" and outlets.agency("Thomson Reuters") is None
    assert outlets.agency("Agence France-Presse") is None


def test_languages_require_english(tmp_path: Path) -> None:
    user = tmp_path / "languages.yml"
    user.write_text("languages:\n  - {code: en, remove: true}\n")
    with pytest.raises(ResourceError, match=r"-> code: English \(en\) is required"):
        load_languages((user,))


def test_settings_ingest_files_reach_the_reader(tmp_path: Path) -> None:
    furniture = tmp_path / "furniture.yml"
    furniture.write_text("lines:\n  - {kind: page, pattern: 'Exclusive to Example Wire'}\n")
    story = tmp_path / "story.txt"
    story.write_text("Title here\n\nExclusive to Example Wire\n\nRebels attacked the town, officials said.\n")
    settings = Settings().with_overrides(ingest={"furniture": [str(furniture)]})
    [plain] = list(read([str(story)], Settings()))
    [marked] = list(read([str(story)], settings))
    assert len(marked.furniture) == len(plain.furniture) + 1


def test_a_bad_user_file_fails_the_read(tmp_path: Path) -> None:
    outlets = tmp_path / "outlets.yml"
    outlets.write_text("credit_lines:\n  - {pattern: 'no group'}\n")
    settings = Settings().with_overrides(ingest={"outlets": [str(outlets)]})
    with pytest.raises(ResourceError, match=r"outlets\.yml:2 -> pattern: needs a group"):
        list(read([str(tmp_path)], settings))


def test_article_from_text_takes_loaded_rules(ingest_rules) -> None:  # type: ignore[no-untyped-def]
    text = "Title\n\nBody text here.\n\nReuters"
    assert article_from_text(text, rules=ingest_rules) == article_from_text(text)
    assert article_from_text(text).source == "Reuters"
    assert load_ingest_rules() == ingest_rules

"""The ingest data files load, and a broken entry is reported as file:line -> field: message."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import ResourceError
from newsevents.ingest.furniture import load_rules
from newsevents.ingest.metadata import load_outlets


def test_shipped_files_load() -> None:
    assert load_rules().lines and load_outlets().agency("Associated Press") == "AP"


def test_bad_regex_names_file_line_and_field(tmp_path: Path) -> None:
    user = tmp_path / "furniture.yml"
    user.write_text("lines:\n  - {kind: share, pattern: 'ok'}\n  - {kind: share, pattern: '(unclosed'}\n")
    with pytest.raises(ResourceError) as err:
        load_rules((user,))
    assert err.value.code == "E202" and f"{user}:3 -> pattern:" in str(err.value)


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    user = tmp_path / "furniture.yml"
    user.write_text("lines:\n  - {kind: banner, pattern: 'x'}\n")
    with pytest.raises(ResourceError, match=r":2 -> kind: must be one of"):
        load_rules((user,))


def test_user_outlets_extend_the_shipped_list(tmp_path: Path) -> None:
    user = tmp_path / "outlets.yml"
    user.write_text("agencies:\n  - {name: Example Wire, aliases: [EXW]}\n")
    outlets = load_outlets((user,))
    assert outlets.agency("EXW") == "Example Wire" and outlets.agency("Reuters") == "Reuters"

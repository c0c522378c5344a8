"""The quotes word lists: a user file merges over the shipped one; a bad entry names its file and line."""

from __future__ import annotations

import pytest

from newsevents.errors import ResourceError
from newsevents.quotes import load_quote_lexicon


def test_user_lexicon_adds_a_cue(tmp_path):
    user = tmp_path / "mine.yml"
    user.write_text("verbs:\n  boast: speech\n  say: null\n", encoding="utf-8")
    lex = load_quote_lexicon(user)
    assert "boast" in lex.verbs and "say" not in lex.verbs


def test_bad_lexicon_names_file_and_line(tmp_path):
    user = tmp_path / "bad.yml"
    user.write_text("marks:\n  '<<': '>>'\n", encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        load_quote_lexicon(user)
    assert err.value.code == "E202" and f"{user}:2 -> marks.<<" in str(err.value)

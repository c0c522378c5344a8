"""The quantities word lists: a user file merges over the shipped one; a bad entry names its file and line."""

from __future__ import annotations

import pytest

from newsevents.errors import ResourceError
from newsevents.quantities import load_quantity_lexicon


def test_user_lexicon_adds_a_word(tmp_path):
    user = tmp_path / "mine.yml"
    user.write_text("verbs:\n  lynch: killed object\nnouns:\n  refugee: null\n", encoding="utf-8")
    lex = load_quantity_lexicon(user)
    assert lex.verbs["lynch"] == ("killed", "object")
    assert "refugee" not in lex.nouns


def test_bad_lexicon_names_file_and_line(tmp_path):
    user = tmp_path / "bad.yml"
    user.write_text("nouns:\n  victim: killed\n  martyr: martyred\n", encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        load_quantity_lexicon(user)
    assert err.value.code == "E202"
    assert f"{user}:3 -> nouns.martyr" in str(err.value)

"""data/lists.py: word lists and key-value sections merged over the shipped file and checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.data import lists
from newsevents.errors import ResourceError


def test_words_merge_in_file_order_and_remove(write_file: Callable[[str, str], Path]) -> None:
    shipped = write_file("a.yml", "negation: [not, Never, 'no']\nspeech: [say]\n")
    user = write_file("b.yml", "negation: [hardly, {value: never, remove: true}]\n")
    found = lists.words([shipped, user], ("negation", "speech", "other"))
    assert found == {"negation": ("not", "no", "hardly"), "speech": ("say",), "other": ()}


def test_a_yaml_boolean_is_not_a_word(write_file: Callable[[str, str], Path]) -> None:
    path = write_file("a.yml", "locative: [in, off]\n")
    with pytest.raises(ResourceError, match=rf"{path}:1 -> value: must be a non-empty string"):
        lists.words([path], ("locative",))


def test_values_are_checked_per_section(write_file: Callable[[str, str], Path]) -> None:
    shipped = write_file("a.yml", "limits:\n  min_words: 4\nmarks:\n  '\"': '\"'\n")
    user = write_file("b.yml", "limits:\n  MIN_WORDS: 6\n  max: -1\n")
    checks = {"limits": lists.positive_int, "marks": lists.text}
    with pytest.raises(ResourceError, match=rf"{user}:3 -> limits.max: -1 is not a positive whole number"):
        lists.values([shipped, user], checks)
    user.write_text("limits:\n  MIN_WORDS: 6\n", encoding="utf-8")
    assert lists.values([shipped, user], checks) == {"limits": {"min_words": 6}, "marks": {'"': '"'}}


def test_a_list_where_a_mapping_belongs_names_the_section(write_file: Callable[[str, str], Path]) -> None:
    path = write_file("a.yml", "limits: [4]\n")
    with pytest.raises(ResourceError, match=rf"{path}:1 -> limits: expected `word: value` entries"):
        lists.values([path], {"limits": lists.positive_int})

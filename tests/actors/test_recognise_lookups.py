"""`recognise.match` stops only where a phrase can begin: at a word that is a phrase by itself
(`_one_word`), or at a word and the next that begin a longer one (`_phrase_pairs`). Words that
begin only longer phrases ("the", "new", "prime") are common in news and are passed over when the
next word does not continue one. The cues found stay those of the dictionary. The sentences are
the project's own."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from newsevents.actors.recognise import _one_word, _phrase_pairs, _phrase_starts, match, prepare
from newsevents.nlp.parsed import ParsedArticle

pytestmark = pytest.mark.model


class _Counted:
    """The dictionary's phrase table, recording each key looked up."""

    def __init__(self, table: Any) -> None:
        self.table, self.keys = table, []  # type: ignore[var-annotated]

    def get(self, key: tuple[str, ...], default: Any = None) -> Any:
        self.keys.append(key)
        return self.table.get(key, default)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.table, name)

    def __iter__(self) -> Any:
        return iter(self.table)

    def __contains__(self, key: object) -> bool:
        return key in self.table


def _cues(actor_dictionary, parse, text: str) -> tuple[list[tuple[int, int, str]], list[tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    counted = _Counted(actor_dictionary.phrases)
    dictionary = dataclasses.replace(actor_dictionary, phrases=counted, cache={})
    art, doc = parse(text)
    cues = match(ParsedArticle.of(doc, art), dictionary)
    return [(c.start, c.end, c.entry.code) for c in cues], counted.keys


def test_the_one_word_index_holds_the_words_that_are_phrases_by_themselves(actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    dictionary = dataclasses.replace(actor_dictionary, cache={})
    prepare(dictionary)
    found = dictionary.cache["one_word"]
    assert found == {k[0] for k in dictionary.phrases if len(k) == 1}
    assert "syrian" in found and "prime" not in found and "prime" in _phrase_starts(dictionary)


def test_lookups_only_where_a_phrase_may_begin(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The new prime rate rose, and the Syrian army shelled the town."
    assert "prime" not in _one_word(actor_dictionary)
    assert ("prime", "rate") not in _phrase_pairs(actor_dictionary)
    _, keys = _cues(actor_dictionary, parse, text)
    one_word, pairs = _one_word(actor_dictionary), _phrase_pairs(actor_dictionary)
    assert keys and all((len(k) == 1 and k[0] in one_word) or k[:2] in pairs for k in keys)
    assert ("prime",) not in keys and ("the",) not in keys and ("new",) not in keys


def test_the_cues_are_those_of_the_dictionary(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The Syrian army shelled Aleppo as the prime minister of Turkey spoke."
    got, _ = _cues(actor_dictionary, parse, text)
    codes = {code for _, _, code in got}
    assert {"SYR", "TUR"} <= {c[:3] for c in codes}


@pytest.mark.parametrize("prefix", ["Pro-", "A pro - ", "A pro "])
def test_a_supporter_prefix_gives_no_cue_for_the_country(actor_dictionary, parse, prefix: str) -> None:  # type: ignore[no-untyped-def]
    bare, _ = _cues(actor_dictionary, parse, "Russian separatists shelled the town.")
    got, _ = _cues(actor_dictionary, parse, prefix + "Russian separatists shelled the town.")
    assert any(code.startswith("RUS") for _, _, code in bare)
    assert not any(code.startswith("RUS") for _, _, code in got)

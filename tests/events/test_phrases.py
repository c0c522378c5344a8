"""phrases.py: a thing named by two words, or by a head and its "of", as one `with` key."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsevents.events.phrases import phrase_keys


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, lemmas=[w.lower() for w in words])


def test_unit_a_modifier_just_before_its_head_names_it_with_the_head() -> None:
    doc = _doc(["imposed", "martial", "law"], [0, 2, 0], ["ROOT", "amod", "dobj"])
    assert phrase_keys(doc[2]) == ["martial law"]


def test_unit_a_head_and_its_of_phrase_name_it() -> None:
    deps = ["ROOT", "det", "dobj", "prep", "pobj"]
    doc = _doc(["declared", "a", "state", "of", "siege"], [0, 2, 0, 2, 3], deps)
    assert phrase_keys(doc[2]) == ["state of siege"]


def test_unit_a_word_alone_has_no_phrase_key() -> None:
    doc = _doc(["imposed", "a", "law"], [0, 2, 0], ["ROOT", "det", "dobj"])
    assert phrase_keys(doc[2]) == []


@pytest.mark.model
def test_imposing_martial_law_is_a_state_of_emergency_or_martial_law(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("The Myanmar junta imposed martial law in Yangon on Monday.", [("Myanmar junta", "MMRMIL")])
    assert triples(events) == {("MMRMIL", None, "1724")}

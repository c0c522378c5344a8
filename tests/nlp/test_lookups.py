"""nlp.entities_in and nlp.sentences_between: spaCy's answers, from lists built once per Doc."""

from __future__ import annotations

import pytest

from newsevents.nlp import entities_in, sentences_between

pytestmark = pytest.mark.model

TEXT = (
    "Clashes in Aleppo\n\n"
    "Syrian forces shelled Aleppo on Monday, the UN said. Turkey closed the border on Tuesday.\n\n"
    "John Smith of Oxfam said 3,000 people fled to Kilis in February."
)


def test_entities_in_a_sentence_are_spacys(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    for sent in doc.sents:
        assert entities_in(doc, sent.start, sent.end) == list(sent.ents)
    assert entities_in(doc, 0, len(doc)) == list(doc.ents)


def test_sentences_between_characters_are_the_overlapping_ones(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    for start, end in [(0, 5), (20, 60), (60, 140), (0, len(TEXT)), (len(TEXT) - 3, len(TEXT))]:
        expected = [s for s in doc.sents if s.start_char < end and start < s.end_char]
        assert sentences_between(doc, start, end) == expected

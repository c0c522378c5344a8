"""nlp.entities_in, nlp.sentences_between, nlp.sentence_of, nlp.keep_text and nlp.spans.doc_span: spaCy's
answers, from lists built once per Doc or without its per-call overheads."""

from __future__ import annotations

import pytest

from newsevents.nlp import entities_in, keep_text, sentence_at, sentence_of, sentences_between, text_of
from newsevents.nlp.spans import doc_span

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


def test_the_sentence_of_every_token_and_span_is_spacys(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    for token in doc:
        assert sentence_of(token) == token.sent == sentence_at(doc, token.i)
    for start in range(len(doc)):
        for end in (start + 1, min(len(doc), start + 4)):
            assert sentence_of(doc[start:end]) == doc[start:end].sent


def test_a_span_made_directly_is_the_slice(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    for start, end in [(0, 0), (0, 1), (3, 9), (len(doc) - 2, len(doc)), (0, len(doc))]:
        made, sliced = doc_span(doc, start, end), doc[start:end]
        assert (made.start, made.end, made.text) == (sliced.start, sliced.end, sliced.text)
    with pytest.raises(IndexError):
        doc_span(doc, 0, len(doc) + 1)  # no clipping: the caller's bounds must hold


def test_the_text_kept_is_the_parsed_one_and_another_is_refused(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    text = "".join(TEXT)  # equal, and the very string given
    keep_text(doc, text)
    assert text_of(doc) is text and text_of(doc) == doc.text
    other = nlp(TEXT)
    keep_text(other, TEXT + " and more")  # not what it was parsed from: the Doc's own text is used
    assert text_of(other) == other.text == TEXT

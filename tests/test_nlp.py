"""Sentence boundaries from the layout: paragraphs start sentences, number words do not end them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_every_line_starts_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rebels shelled Idlib\n\nPhoto by: Reuters\n\nThe army said it would respond.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Rebels shelled Idlib"
    assert "The army said it would respond." in starts


@pytest.mark.parametrize(
    "body", ["Two children were killed.", "Five people died in the attack.", "Three soldiers were wounded."]
)
def test_paragraph_opening_number_word_stays_in_its_sentence(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(f"Title\n\n{body}")
    assert [s.text.strip() for s in doc.sents] == ["Title", body]


def test_text_of_is_the_docs_text(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.nlp import text_of

    doc = nlp("One line.\n\nAnother line.")
    assert text_of(doc) == doc.text and text_of(doc) is text_of(doc)

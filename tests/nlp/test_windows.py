"""Parse windows: a long text cut at paragraph breaks, parsed piece by piece, joined into one Doc
whose text and offsets are the text's own."""

from __future__ import annotations

from itertools import pairwise

import pytest

from newsevents.nlp.windows import parse, windows

PARAGRAPH = (
    "Government forces shelled the rebel-held town of Douma on Monday, killing 12 civilians, "
    "a monitoring group said. The army denied it."
)


def test_windows_cover_the_text_in_order_and_end_after_paragraph_breaks() -> None:
    text = "\n\n".join([PARAGRAPH] * 40)
    spans = windows(text, 1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))
    assert all(b - a <= 1000 for a, b in spans)
    assert all(text[b - 2 : b] == "\n\n" for _, b in spans[:-1])


def test_a_text_without_breaks_is_cut_at_spaces_then_anywhere() -> None:
    words = "word " * 500
    assert all(words[b - 1] == " " for _, b in windows(words, 300)[:-1])
    solid = "x" * 2500
    assert windows(solid, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_a_short_text_is_one_window() -> None:
    assert windows(PARAGRAPH, 1000) == [(0, len(PARAGRAPH))]


@pytest.mark.model
def test_the_joined_doc_has_the_texts_tokens_offsets_sentences_and_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Fighting in Syria\n\n" + "\n\n".join([PARAGRAPH] * 30) + "\n"
    whole, joined = nlp(text), parse(nlp, text, 1000)
    assert joined.text == text
    assert [(t.idx, t.text) for t in joined] == [(t.idx, t.text) for t in whole]
    assert [s.start_char for s in joined.sents] == [s.start_char for s in whole.sents]
    assert [(e.start_char, e.label_) for e in joined.ents] == [(e.start_char, e.label_) for e in whole.ents]
    assert all(text[e.start_char : e.end_char] == e.text for e in joined.ents)


@pytest.mark.model
def test_a_text_over_spacys_limit_is_parsed(nlp) -> None:  # type: ignore[no-untyped-def]
    """spaCy refuses one text over nlp.max_length; the windows never give it one."""
    text = "\n\n".join(["~" * 998] * (nlp.max_length // 1000 + 5) + [PARAGRAPH])
    doc = parse(nlp, text)
    assert doc.text == text and len(text) > nlp.max_length
    assert doc[-1].text == "." and doc[-1].idx == len(text) - 1

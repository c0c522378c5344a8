"""The parsed article: per-token facts computed once, offsets mapped to tokens as spaCy would."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.ingest import article_from_text
from newsevents.model import Article, Evidence
from newsevents.nlp.parsed import ParsedArticle

TEXT = "Rebels shelled Idlib\n\nPhoto: Reuters\n\nThe army said it would respond, officials said."


@pytest.fixture(scope="module")
def parsed() -> ParsedArticle:
    article = article_from_text(TEXT)
    return ParsedArticle.of(spacy.blank("en")(TEXT), article)


def test_furniture_and_headline_tokens_are_marked_once(parsed: ParsedArticle) -> None:
    words = [t.text for t in parsed.doc]
    assert parsed.article.furniture, "the photo credit is furniture"
    assert not parsed.codable[words.index("Reuters")]
    assert parsed.codable[words.index("army")]
    assert parsed.in_title[words.index("shelled")] and not parsed.in_title[words.index("army")]


def test_token_ranges_ask_the_masks(parsed: ParsedArticle) -> None:
    words = [t.text for t in parsed.doc]
    photo, army = words.index("Photo"), words.index("army")
    assert parsed.is_furniture(photo, photo + 3) and parsed.is_furniture(photo - 2, photo + 1)
    assert not parsed.is_furniture(army - 1, army + 2)
    assert parsed.in_headline(0, 3) and not parsed.in_headline(0, army) and not parsed.in_headline(2, 2)


@pytest.mark.parametrize(
    ("start", "end"),
    [(0, 6), (2, 9), (7, 14), (0, len(TEXT)), (TEXT.index("army"), TEXT.index("army") + 2),
     (TEXT.index(" it"), TEXT.index(" it") + 3), (TEXT.index("respond,"), TEXT.index("respond,") + 8)],
)  # fmt: skip
def test_offsets_map_to_the_tokens_char_span_expands_to(parsed: ParsedArticle, start: int, end: int) -> None:
    expected = parsed.doc.char_span(start, end, alignment_mode="expand")
    got = parsed.tokens_of(start, end)
    assert (got.start, got.end) == (expected.start, expected.end)


def test_the_tokens_of_a_range_are_found_once_per_article(parsed: ParsedArticle) -> None:
    army = TEXT.index("army")
    first = parsed.tokens_of(army, army + 4)
    # the stages ask for one event's trigger again and again: the second ask is the first answer
    assert first is not None and parsed.tokens_of(army, army + 4) is first
    assert parsed.span_of(Evidence.of(TEXT, army, army + 4)) is first
    assert parsed.tokens_of(army, army) is None and (army, army) in parsed.spans


def test_an_anchor_wins_over_the_offsets(parsed: ParsedArticle) -> None:
    said = TEXT.index("said")
    evidence = Evidence.of(TEXT, said, said + 4)
    by_offsets = parsed.span_of(evidence)
    assert by_offsets is not None and by_offsets.text == "said"
    # a stage that made the evidence from other tokens says so, and later stages read those
    anchored = parsed.span_of(evidence, {evidence: (0, 2)})
    assert anchored is not None and anchored.text == "Rebels shelled"


def test_an_anchor_past_the_doc_is_clipped_as_slicing_clips_it(parsed: ParsedArticle) -> None:
    """In-range anchors are made into Spans directly; any other is sliced, as it always was."""
    n, evidence = len(parsed.doc), Evidence.of(TEXT, 0, 6)
    past = parsed.span_of(evidence, {evidence: (n - 2, n + 5)})
    assert past is not None and (past.start, past.end) == (n - 2, n)
    assert parsed.span_of(evidence, {evidence: (3, 1)}).text == parsed.doc[3:1].text == ""  # type: ignore[union-attr]


def test_an_empty_span_has_no_tokens() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["a", "b"])
    parsed = ParsedArticle.of(doc, Article(id="x", text="a b"))
    assert parsed.tokens_of(1, 1) is None


def test_furniture_marks_each_token_as_the_article_answers_for_it() -> None:
    # Furniture spans that start and end inside tokens, touch each other and overlap, so a token
    # run found by bisection must agree with the article's own answer for every token.
    text = "Title here\n\nShare this: Photo by AP/Reuters, Getty. Body text follows here."
    lines = [(12, 17), (16, 24), (30, 37), (37, 38), (40, 41)]
    furniture = tuple(Evidence.of(text, a, b) for a, b in lines)
    article = Article(id="x", title="Title here", text=text, furniture=furniture)
    parsed = ParsedArticle.of(spacy.blank("en")(text), article)
    expected = tuple(not article.in_furniture(t.idx, t.idx + len(t.text)) for t in parsed.doc)
    assert parsed.codable == expected
    assert False in expected and expected.count(False) < len(expected) - 3

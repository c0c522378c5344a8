"""One parsed article: the spaCy Doc over `article.text` and what every stage asks of it, computed once.

Stages used to re-derive the same facts from the Doc and the article's spans: is this token in
page furniture, in the headline, where does this character offset fall in the tokens. Those
answers are computed here once per article, when it is parsed, and every stage reads them from
this one object. spaCy objects stay inside the stages and `pipeline/`; callers get
Extractions.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsevents.model import Article, Evidence
from newsevents.nlp import keep_text, text_of
from newsevents.nlp.spans import doc_span
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# The tokens [start, end) that stages recorded for evidence they made (see `stages.Found`).
Anchors = Mapping[Evidence, tuple[int, int]]


def _codable(article: Article, starts: array[int], ends: list[int]) -> tuple[bool, ...]:
    """Per token, whether it lies outside every furniture span (`Article.in_furniture`): tokens
    neither overlap nor go back, so the tokens a span overlaps are one run, found by bisection
    (the first token ending after the span starts, up to the first starting at its end)."""
    codable = [True] * len(starts)
    for line in article.furniture:
        first, last = bisect_right(ends, line.start), bisect_left(starts, line.end)
        codable[first:last] = [False] * max(0, last - first)
    return tuple(codable)


def _in_title(article: Article, starts: array[int], ends: list[int]) -> tuple[bool, ...]:
    """Per token, whether it lies wholly inside the title: tokens go forward without overlapping,
    so those that do are one run, from the first starting in the title to the last ending in it."""
    title, n = article.title_span, len(starts)
    if title is None:
        return (False,) * n
    first, last = bisect_left(starts, title.start), bisect_right(ends, title.end)
    inside = max(0, last - first)
    return (False,) * first + (True,) * inside + (False,) * (n - first - inside)


@dataclass(frozen=True)
class ParsedArticle:
    """The article, its parse, and the per-token facts every stage relies on.

    `codable[i]` is False for a token inside page furniture (photo credits, bylines, "Share"),
    which no stage may code; `in_title[i]` is True for a token of the headline. `starts` holds
    each token's first character offset, so a character offset maps to its token by bisection.
    """

    article: Article
    doc: Doc
    text: str
    codable: tuple[bool, ...]
    in_title: tuple[bool, ...]
    starts: array[int]
    # the Span `tokens_of` found for each (start, end) asked: the stages ask for the same evidence's
    # tokens again and again (an event's trigger for its date, its place and its figures)
    spans: dict[tuple[int, int], Span | None] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    @classmethod
    def of(cls, doc: Doc, article: Article) -> ParsedArticle:
        """Wrap a Doc parsed over `article.text`; the per-token facts are computed here, once."""
        from spacy.attrs import IDX

        keep_text(doc, article.text)
        text = text_of(doc)
        # Offsets from the Doc's arrays and the token texts `words` reads once anyway: iterating
        # the Doc would build a Token object per token, twice, for every article.
        starts = array("q", doc.to_array(IDX).tolist() if len(doc) else ())
        ends = [a + len(t) for a, t in zip(starts, words(doc).text, strict=True)]
        codable = _codable(article, starts, ends)
        return cls(article, doc, text, codable, _in_title(article, starts, ends), starts)

    def is_furniture(self, start: int, end: int) -> bool:
        """Whether any of the tokens [start, end) is page furniture, which no stage may code."""
        return not all(self.codable[start:end])

    def in_headline(self, start: int, end: int) -> bool:
        """Whether the tokens [start, end) all lie in the headline (an empty range does not)."""
        return end > start and all(self.in_title[start:end])

    def token_at(self, char: int) -> int:
        """The index of the token that holds (or, in whitespace, precedes) character `char`."""
        return max(0, bisect_right(self.starts, char) - 1)

    def tokens_of(self, start: int, end: int) -> Span | None:
        """The tokens overlapping characters [start, end), widened to whole tokens; None if none do.

        The same tokens as spaCy's `char_span(start, end, alignment_mode="expand")`, found by
        bisection in the offsets computed once instead of a scan of the Doc per call. Found once per
        range and article (`spans`): the Span is shared, so read it and never change it.
        """
        key = (start, end)
        if key in self.spans:
            return self.spans[key]
        found = self.spans[key] = self._tokens_of(start, end)
        return found

    def _tokens_of(self, start: int, end: int) -> Span | None:
        if end <= start or not len(self.doc):
            return None
        first = self.token_at(start)
        if start >= self.starts[first] + len(words(self.doc).text[first]):
            first += 1  # in the whitespace after a token: the next one
        last = self.token_at(end - 1)
        return doc_span(self.doc, first, last + 1) if first <= last else None

    def span_of(self, evidence: Evidence, anchors: Anchors | None = None) -> Span | None:
        """The tokens of a piece of evidence: its anchor when a stage recorded the tokens it was
        made from (`Found.anchors`), else the tokens its offsets cover (see `tokens_of`)."""
        found = anchors.get(evidence) if anchors else None
        if found is not None:
            start, end = found
            if 0 <= start <= end <= len(self.doc):  # a Span made directly (`doc_span`), no slicing
                return doc_span(self.doc, start, end)
            return self.doc[start:end]
        return self.tokens_of(evidence.start, evidence.end)

    def evidence(self, first: Token, last: Token) -> Evidence:
        """Evidence from the first character of `first` to the last of `last`."""
        return Evidence.of(self.text, first.idx, last.idx + len(last))

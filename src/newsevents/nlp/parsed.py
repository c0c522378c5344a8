"""One parsed article: the spaCy Doc over `article.text` and what every stage asks of it, computed once.

Stages used to re-derive the same facts from the Doc and the article's spans: is this token in
page furniture, in the headline, where does this character offset fall in the tokens. Those
answers are computed here once per article, when it is parsed, and every stage reads them from
this one object. spaCy objects stay inside the stages and `pipeline.py`; callers get
Extractions.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.model import Article, Evidence
from newsevents.nlp import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


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

    @classmethod
    def of(cls, doc: Doc, article: Article) -> ParsedArticle:
        """Wrap a Doc parsed over `article.text`; the per-token facts are computed here, once."""
        text = text_of(doc)
        starts = array("q", (t.idx for t in doc))
        ends = [t.idx + len(t) for t in doc]
        codable = tuple(not article.in_furniture(a, b) for a, b in zip(starts, ends, strict=True))
        title = article.title_span
        in_title = tuple(
            title is not None and title.start <= a and b <= title.end
            for a, b in zip(starts, ends, strict=True)
        )
        return cls(article, doc, text, codable, in_title, starts)

    def token_at(self, char: int) -> int:
        """The index of the token that holds (or, in whitespace, precedes) character `char`."""
        return max(0, bisect_right(self.starts, char) - 1)

    def tokens_of(self, start: int, end: int) -> Span:
        """The tokens covering characters [start, end), widened to whole tokens."""
        first = self.token_at(start)
        last = self.token_at(max(start, end - 1))
        return self.doc[first : last + 1]

    def evidence(self, first: Token, last: Token) -> Evidence:
        """Evidence from the first character of `first` to the last of `last`."""
        return Evidence.of(self.text, first.idx, last.idx + len(last))

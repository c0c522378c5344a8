"""Parse windows: a long article parsed in paragraph-bounded pieces and joined into one Doc.

spaCy refuses a text over `nlp.max_length` (1,000,000 characters) and, below it, the parser's
working memory grows with the length of the one text it is given (a 1 M-character article took
gigabytes). Cutting the text into windows of about `WINDOW_CHARS`, each ending after a paragraph
break where the window holds one, and parsing them one after the other keeps that memory to one
window's worth, whatever the article's length. The windows are joined with `Doc.from_docs`, so
the caller gets one Doc whose text is the article's text, character for character: every token
offset, sentence and entity refers to the article as if it had been parsed whole.

A window starts a sentence, which a paragraph break does anyway (see `mark_paragraph_breaks`);
only a paragraph longer than half a window is cut elsewhere (a line break, a sentence end, a
space, or, in a text with none of them, anywhere).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

WINDOW_CHARS = 100_000

# Where a window may end, best first: after a paragraph break, a line break, a sentence, a word.
_CUTS = ("\n\n", "\n", ". ", " ")


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """The [start, end) character ranges that cover `text` in order, none longer than `size`.

    Each window but the last ends at the best cut (see `_CUTS`) in its second half, so windows
    hold at least half of `size` and their number grows linearly with the text.
    """
    size = max(2, size)
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start + size // 2, start + size)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, low: int, high: int) -> int:
    for mark in _CUTS:
        found = text.rfind(mark, low, high)
        if found >= 0:
            return found + len(mark)
    return high


def parse(nlp: Language, text: str, size: int = WINDOW_CHARS) -> Doc:
    """Parse `text` whole when it fits in one window, else window by window, joined into one Doc.

    Windows are parsed one at a time (`batch_size=1`), so only one window's parser state is held
    at once; the joined Doc's text equals `text`.
    """
    spans = windows(text, size)
    if len(spans) == 1:
        return nlp(text)
    from spacy.tokens import Doc

    parts = list(nlp.pipe((text[a:b] for a, b in spans), batch_size=1))
    return Doc.from_docs(parts, ensure_whitespace=False)

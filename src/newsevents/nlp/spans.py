"""Spans of a Doc made without spaCy's slicing overhead.

Stages ask for tokens [start, end) thousands of times an article, and `doc[start:end]` first
normalises the slice in a Python function, about three times the cost of the Span itself. Bounds
the caller knows are inside the Doc need no normalising: `doc_span` makes the Span directly.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def doc_span(doc: Doc, start: int, end: int) -> Span:
    """The tokens [start, end) of the Doc, for 0 <= start <= end <= len(doc): the Span
    `doc[start:end]` gives for such bounds (spaCy refuses others here instead of clipping)."""
    return Span(doc, start, end)

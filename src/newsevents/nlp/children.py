"""Each token's dependents, read from one table per Doc instead of asking spaCy per token.

`Token.children` is a generator that walks the token's span of the Doc and builds a Token for
every dependent; the stages ask it hundreds of times an article, mostly to keep the few
dependents of one or two labels ("its direct objects", "has it a possessive?"). The table is
made once per Doc from its array of heads, every dependent's index grouped under its head in
order, and the labels are compared as strings (`nlp.words`): a Token is built only for the
dependents a caller keeps. The dependents are those `Token.children` gives, in the same order
(`tests/nlp/test_children.py` compares them on real articles).
"""

from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING

from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

KEY = "newsevents_children"


def child_indices(doc: Doc, i: int, deps: Container[str] | None = None) -> list[int]:
    """The indices, in order, of token `i`'s dependents, only those labelled one of `deps` if given."""
    order, starts, dep = _table(doc)
    found = order[starts[i] : starts[i + 1]]
    return found if deps is None else [c for c in found if dep[c] in deps]


def children_of(token: Token, deps: Container[str]) -> list[Token]:
    """`[c for c in token.children if c.dep_ in deps]`, building a Token only for those kept."""
    doc = token.doc
    order, starts, dep = _table(doc)
    i = token.i
    return [doc[c] for c in order[starts[i] : starts[i + 1]] if dep[c] in deps]


def has_child(doc: Doc, i: int, deps: Container[str]) -> bool:
    """Whether token `i` has a dependent labelled one of `deps`; no Token is built."""
    order, starts, dep = _table(doc)
    return any(dep[c] in deps for c in order[starts[i] : starts[i + 1]])


def _table(doc: Doc) -> tuple[list[int], list[int], tuple[str, ...]]:
    """(dependents grouped by head, where each head's group starts, each token's label); made once
    per Doc and kept in its `user_data`."""
    found = doc.user_data.get(KEY)
    if found is None:
        found = doc.user_data[KEY] = _made(doc)
    return found  # type: ignore[no-any-return]


def _made(doc: Doc) -> tuple[list[int], list[int], tuple[str, ...]]:
    import numpy
    from spacy.attrs import HEAD

    n = len(doc)
    if not n:
        return [], [0], ()
    index = numpy.arange(n)
    heads = doc.to_array(HEAD).astype("int64") + index  # the array holds offsets to the head
    heads[heads == index] = n  # a root is no dependent of its own: grouped past the last token
    order = numpy.argsort(heads, kind="stable")  # stable: a head's dependents stay in order
    starts = numpy.searchsorted(heads[order], numpy.arange(n + 1))
    return order.tolist(), starts.tolist(), words(doc).dep

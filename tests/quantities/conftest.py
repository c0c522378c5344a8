"""The one-figure reader the figure tests share."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.model import Quantity
from newsevents.quantities import find_quantities


@pytest.fixture
def one_figure(quantity_lexicon, parse) -> Callable[[str], Quantity]:  # type: ignore[no-untyped-def]
    """one_figure(text): the article's only figure, its evidence checked against the text."""

    def read(text: str) -> Quantity:
        article, doc = parse(text)
        found = find_quantities(doc, article, lexicon=quantity_lexicon)
        assert len(found) == 1, [(q.kind, q.value, q.evidence.text) for q in found]
        q = found[0]
        assert q.evidence.text == article.text[q.evidence.start : q.evidence.end]
        return q

    return read

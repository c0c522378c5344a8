"""The contract's own helpers: the furniture test every stage asks for each candidate word."""

from __future__ import annotations

import pickle
import random

from newsevents.model import Article, Evidence

TEXT = "x" * 1000


def test_in_furniture_is_the_overlap_with_any_span_even_unsorted_or_nested() -> None:
    rnd = random.Random(5)
    for _ in range(200):
        spans = []
        for _ in range(rnd.randint(0, 6)):
            start = rnd.randint(0, 990)
            spans.append(Evidence.of(TEXT, start, start + rnd.randint(1, 40)))
        article = Article(id="a", text=TEXT, furniture=tuple(spans))
        for _ in range(40):
            start = rnd.randint(0, 999)
            end = start + rnd.randint(1, 30)
            assert article.in_furniture(start, end) == any(f.start < end and start < f.end for f in spans)


def test_an_article_asked_about_furniture_still_compares_and_pickles_as_before() -> None:
    article = Article(id="a", text=TEXT, furniture=(Evidence.of(TEXT, 10, 20),))
    twin = Article(id="a", text=TEXT, furniture=(Evidence.of(TEXT, 10, 20),))
    assert article.in_furniture(15, 16) and not article.in_furniture(20, 30)
    assert article == twin and pickle.loads(pickle.dumps(article)) == twin

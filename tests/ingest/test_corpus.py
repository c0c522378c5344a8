"""Every article of the shared corpus reads cleanly, with its sidecar's address and outlet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.ingest import read
from newsevents.model import Article
from newsevents.settings import Settings


def test_corpus_reads_without_problems(seed_path: Path) -> None:
    corpus = seed_path.parents[1] / "corpus" / "articles"  # beside the seed in the shared folder
    if not corpus.is_dir():
        pytest.fail(f"corpus missing at {corpus}")
    items = list(read([str(corpus)], Settings()))
    problems = [str(i) for i in items if not isinstance(i, Article)]
    assert problems == []
    texts = sorted(corpus.glob("*.txt"))
    assert len(items) == len(texts) > 50
    for art, path in zip(items, texts, strict=True):
        assert isinstance(art, Article)
        meta = json.loads(path.with_name(path.stem + ".meta.json").read_text(encoding="utf-8"))
        assert art.origin == str(path)
        assert art.url == meta["url"] and art.source == meta["outlet"]
        if meta["publication_date"]:
            assert art.published == meta["publication_date"]
        assert art.text == path.read_text(encoding="utf-8")
        assert art.title and art.title_span is not None
        for span in art.furniture:
            assert art.text[span.start : span.end] == span.text

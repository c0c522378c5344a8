"""Each token's dependents read from the table made once per Doc (`nlp.children`) are the ones
`Token.children` gives, in the same order, on real articles."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

SHARED = Path(__import__("os").environ["NEWSEVENTS_SHARED"])


def _texts() -> list[str]:
    paths = sorted((SHARED / "corpus" / "articles").glob("*.txt"))[:30]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    with (SHARED / "corpus" / "voa" / "voa_stories.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line in islice(lines, 10)]
    return texts


def test_the_table_gives_every_token_s_children_in_order(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.nlp.children import child_indices, children_of, has_child

    tokens = 0
    for doc in nlp.pipe(_texts()):
        for t in doc:
            assert child_indices(doc, t.i) == [c.i for c in t.children]
            assert [c.i for c in children_of(t, ("nsubj", "dobj"))] == [
                c.i for c in t.children if c.dep_ in ("nsubj", "dobj")
            ]
            assert child_indices(doc, t.i, {"prep"}) == [c.i for c in t.children if c.dep_ == "prep"]
            owned = any(c.dep_ in ("poss", "case") for c in t.children)
            assert has_child(doc, t.i, ("poss", "case")) == owned
            tokens += 1
    assert tokens > 10_000


def test_a_root_is_no_child_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.nlp.children import child_indices

    doc = nlp("Police arrested two men. They were freed.")
    roots = [t.i for t in doc if t.dep_ == "ROOT"]
    assert len(roots) == 2 and all(r not in child_indices(doc, r) for r in roots)
    assert [doc[c].text for c in child_indices(doc, roots[0])] == ["Police", "men", "."]

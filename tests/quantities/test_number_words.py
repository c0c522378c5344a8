"""Figures written in words, one construction each."""

from __future__ import annotations

import pytest

from newsevents.quantities import find_quantities

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (kind, value, low, high, qualifier, evidence)
        ("Officials said two children were killed in the shelling.",
         ("killed", 2, None, None, "exact", "two children")),
        ("Five people were wounded in the blast, police said.",
         ("injured", 5, None, None, "exact", "Five people")),
        ("A dozen soldiers were killed in the ambush.",
         ("killed", 12, None, None, "exact", "A dozen soldiers")),
        ("Police arrested half a dozen protesters.",
         ("arrested", 6, None, None, "exact", "half a dozen protesters")),
        ("Dozens of civilians were injured on Monday.",
         ("injured", None, 24, None, "about", "Dozens of civilians")),
        ("Hundreds of people fled the town.",
         ("displaced", None, 200, None, "about", "Hundreds of people")),
        ("Militants killed between 20 and 30 civilians.",
         ("killed", 20, 20, 30, "range", "between 20 and 30 civilians")),
        ("Some 35,000 refugees have arrived at the border.",
         ("refugees", 35000, None, None, "about", "Some 35,000 refugees")),
        ("Twenty-three people died in the crash.",
         ("killed", 23, None, None, "exact", "Twenty-three people")),
    ],
)  # fmt: skip
def test_number_in_words(parse, text: str, expected: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    article, doc = parse(text)
    found = [
        (q.kind, q.value, q.low, q.high, q.qualifier, q.evidence.text) for q in find_quantities(doc, article)
    ]
    assert found == [expected]

"""Numbers: figures written in words, ranges and vague plurals, one construction each."""

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
def test_number_in_words(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, text: str, expected: tuple[object, ...],
) -> None:
    article, doc = parse(text)
    found = [
        (q.kind, q.value, q.low, q.high, q.qualifier, q.evidence.text) for q in find_quantities(
            doc, article, lexicon=quantity_lexicon
        )
    ]
    assert found == [expected]


@pytest.mark.parametrize(
    ("text", "low", "high", "evidence"),
    [
        ("The attack killed between 20 and 30 civilians.", 20, 30, "between 20 and 30 civilians"),
        ("20 to 30 people fled.", 20, 30, "20 to 30 people"),
        ("20-30 people fled.", 20, 30, "20-30 people"),
        ("Two to three million people have fled.", 2000000, 3000000, "Two to three million people"),
        (
            "Nine hundred and twenty-one to 950 families fled.",
            921,
            950,
            "Nine hundred and twenty-one to 950 families",
        ),
    ],
)
def test_range(one_figure, text, low, high, evidence):  # type: ignore[no-untyped-def]
    q = one_figure(text)
    assert (q.qualifier, q.low, q.high, q.value, q.evidence.text) == ("range", low, high, low, evidence)


@pytest.mark.parametrize(
    ("text", "kind", "low"),
    [
        ("Thousands of people fled their homes.", "displaced", 2000),
        ("Tens of thousands of people have fled.", "displaced", 20000),
        ("Dozens were arrested.", "arrested", 24),
    ],
)
def test_vague_plural_keeps_no_value(  # type: ignore[no-untyped-def]
    one_figure, text, kind, low,
):
    q = one_figure(text)
    assert (q.kind, q.value, q.low, q.qualifier) == (kind, None, low, "about")


@pytest.mark.parametrize(
    "text",
    [
        "Police said 9,223,372,036,854,775,808 civilians were killed on Monday.",  # 2^63: no count
        "Officials said 20,000,000,000 people were killed.",  # more than everyone alive
        "The ministry said 10^6 people were displaced.",  # a power, not the figure 6
        "Officials said 10^100 people were killed in the attack.",  # not 100
        f"At least {'9' * 400} people were killed in the attack.",  # infinite as a float
        f"Between 20 and {'9' * 400} people were killed in the attack.",
    ],
)
def test_a_figure_no_count_of_people_can_be_is_dropped(quantity_lexicon, parse, text):  # type: ignore[no-untyped-def]
    article, doc = parse(text)
    assert list(find_quantities(doc, article, lexicon=quantity_lexicon)) == []


def test_a_figure_over_32_bits_but_under_the_bound_is_kept(one_figure):  # type: ignore[no-untyped-def]
    from newsevents.quantities.numbers import MAX_COUNT

    q = one_figure("3 billion people were displaced by the floods.")
    assert (q.kind, q.value) == ("displaced", 3_000_000_000) and 2**31 < q.value <= MAX_COUNT

"""Counts told twice make one figure; counts told side by side keep their own kinds."""

from __future__ import annotations

import pytest

from newsevents.quantities import find_quantities

pytestmark = pytest.mark.model

CASES = [
    # (text, [(kind, value, evidence)])
    # a count retold further down, by the same noun or made definite, is the same people
    ("Four engineers were murdered on Sunday. On Sunday, terrorists murdered four engineers in Aquira.",
     [("killed", 4, "Four engineers")]),
    ("Three people were injured in an attack on a bridge. The three military men suffered serious "
     "injuries.", [("injured", 3, "Three people")]),
    # two groups with one count are two figures; so are two attacks that each killed three
    ("The attack killed nine policemen and nine civilians.",
     [("killed", 9, "nine policemen"), ("killed", 9, "nine civilians")]),
    ("Rebels killed three soldiers in Huila. Three rebels were killed in clashes in the south.",
     [("killed", 3, "three soldiers"), ("killed", 3, "Three rebels")]),
    # each number of a list of outcomes has its own kind
    ('The general mentions "12 killed, 15 injured, and 26 shacks burned."',
     [("killed", 12, "12"), ("injured", 15, "15")]),
    ("The rebels attacked four towns, leaving 17 guerrillas and 2 soldiers dead and 3 bridges "
     "destroyed.", [("killed", 17, "17 guerrillas"), ("killed", 2, "2 soldiers")]),
    # a part "from which" of a counted group is counted already
    ("The flood left 800 people evacuated in Mizia, from which approximately 200 were accommodated "
     "in an evacuation centre.", [("evacuated", 800, "800 people")]),
    # a minor is a person
    ("Police said a minor was injured by shrapnel this morning.",
     [("injured", 1, "a minor")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_each_group_of_people_is_one_figure(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, text: str, expected: list[tuple[str, int, str]]
) -> None:
    article, doc = parse(text)
    found = find_quantities(doc, article, lexicon=quantity_lexicon)
    assert [(q.kind, q.value, q.evidence.text) for q in found] == expected


def test_each_number_of_a_list_keeps_its_own_word(quantity_lexicon, parse) -> None:  # type: ignore[no-untyped-def]
    # "relocated" is the 628,000's, "affected" the 9.96 million's, though both count "people"
    article, doc = parse(
        "Floods triggered by the typhoon have caused 46 deaths, 25 missing, 628,000 relocated and "
        "9.96 million people affected in four provinces."
    )
    found = find_quantities(doc, article, lexicon=quantity_lexicon)
    assert [(q.kind, q.value) for q in found] == [
        ("killed", 46),
        ("missing", 25),
        ("evacuated", 628000),
        ("affected", 9960000),
    ]

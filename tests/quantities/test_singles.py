"""Victims told one by one ("a soldier was killed") count as figures an analyst can add up."""

from __future__ import annotations

import pytest

from newsevents.quantities import find_quantities

pytestmark = pytest.mark.model

ONE_BY_ONE = [
    # (text, [(kind, value, evidence)])
    ("A soldier was killed when the convoy hit a mine.", [("killed", 1, "A soldier")]),
    ("Gunmen kidnapped a priest outside the church on Sunday.", [("kidnapped", 1, "a priest")]),
    ("Police arrested a suspect after the blast.", [("arrested", 1, "a suspect")]),
    ("Militants shot dead a teacher, a nurse and a farmer in the village.",
     [("killed", 3, "a teacher, a nurse and a farmer")]),
    ("Unknown attackers killed the mayor, Jaime Ortiz, near his home.", [("killed", 1, "the mayor")]),
    ("Maria Lopez was wounded by shrapnel in the market.", [("injured", 1, "Maria Lopez")]),
    ("Attackers stabbed a shopkeeper to death and beat two guards to death.",
     [("killed", 1, "a shopkeeper"), ("killed", 2, "two guards")]),
    ("A bystander was killed and 9 other people were injured.",
     [("killed", 1, "A bystander"), ("injured", 9, "9 other people")]),
    # a retold victim is counted once; a pronoun is someone named already; nobody is no count
    ("A journalist was killed on Monday. The journalist was shot by a sniper, police said.",
     [("killed", 1, "A journalist")]),
    ("He was killed by a roadside bomb.", []),
    ("No civilian was hurt in the raid.", []),
    ("The mayor was not injured.", []),
    # displacement is not counted from one noun, and a description is no report
    ("A family fled the town after the attack.", []),
    ("Police said the dead man had no papers.", []),
    # a death told through a noun may be long past; a name after a counted group is one of them;
    # a clause with its own subject tells of other people
    ("Crowds mourned the killing of the prophet's grandson in the 7th century.", []),
    ("The blast wounded three officers, Ahmad Karimi among them, police said.",
     [("injured", 3, "three officers")]),
    ("Police found the body of a man near the river.", [("killed", 1, "a man")]),
    # (corpus) a town the tagger reads as a name, in apposition to a group
    ("Suspected bandits have abducted some students of the Government Science School, Kagara in "
     "Niger State.", []),
    ("Thousands protested over the murder of a journalist last year.", []),
    ("Lopez said his two bodyguards were seriously injured.", [("injured", 2, "two bodyguards")]),
    # a name the tagger misses after a dateline, which an apposition says is a person's
    ("Quito, 4 Mar 91 (Radio Nacional) -- [Text] Ana Ruiz, Liberal Party councilwoman for Loja "
     "Province, was seriously wounded today in an attack.", [("injured", 1, "Ana Ruiz")]),
    # a plural gloss makes one name a group's, not a person's
    ("Lima, 4 Mar 91 (EFE) -- [Text] Huallaga Front, militants of the Shining Path, were killed in "
     "a raid.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ONE_BY_ONE)
def test_victims_told_one_by_one(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, text: str, expected: list[tuple[str, int, str]]
) -> None:
    article, doc = parse(text)
    found = find_quantities(doc, article, lexicon=quantity_lexicon)
    assert [(q.kind, q.value, q.evidence.text) for q in found] == expected
    assert all(q.qualifier == "exact" and q.unit == "people" for q in found)


def test_a_victim_among_a_counted_group_is_not_counted_again(quantity_lexicon, parse) -> None:  # type: ignore[no-untyped-def]
    article, doc = parse("The blast killed at least 18 people, including a child.")
    found = find_quantities(doc, article, lexicon=quantity_lexicon)
    assert [(q.kind, q.low, q.evidence.text) for q in found] == [("killed", 18, "at least 18 people")]

"""Former officials and dated roles: "former" on a name, a role or an organ of the state, and a
role word filling or outranking a person's dated offices, one construction per test."""

from __future__ import annotations

import pytest
from tests.actors.test_resolve import by_text

pytestmark = pytest.mark.model


def test_a_former_office_holder_is_a_former_official_whatever_the_date(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """The Obama of the dictionary is USAGOV in 2016; "former President" says he no longer is."""
    got = by_text(actor_dictionary, parse, "Former President Barack Obama criticised the plan.")
    assert got["President Barack Obama"][:3] == ("USAELI", "USA", "ELI")
    assert by_text(actor_dictionary, parse, "President Barack Obama criticised the plan.")[
        "President Barack Obama"][0] == "USAGOV"


def test_former_before_other_modifiers_still_makes_a_former_official(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """ "Former Socialist prime minister X": "former" qualifies the mention though a party word
    stands between it and the role; a "former" elsewhere in the sentence does not."""
    text = "Former Socialist President Barack Obama criticised the plan."
    got = by_text(actor_dictionary, parse, text, published="2016-06-01")
    assert next(v for k, v in got.items() if k.endswith("Barack Obama"))[:3] == ("USAELI", "USA", "ELI")
    text = "After the former colony split, President Barack Obama criticised the plan."
    got = by_text(actor_dictionary, parse, text, published="2016-06-01")
    assert next(v for k, v in got.items() if k.endswith("Barack Obama"))[0] == "USAGOV"


def test_former_on_a_role_after_the_name_makes_a_former_official(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """ "X, the former president" and "X, former deputy secretary of state": "former" on a role
    word anywhere in the mention, for a person the dictionary knows or not; a later short name
    copies the former official."""
    got = by_text(actor_dictionary, parse, "Barack Obama, the former president, criticised the plan.")
    assert got["Barack Obama, the former president"][:3] == ("USAELI", "USA", "ELI")
    text = "Richard Roe, former U.S. deputy secretary of state, criticised China. Roe urged Taiwan to act."
    got = by_text(actor_dictionary, parse, text)
    assert (got["Richard Roe, former U.S. deputy secretary of state"][:3], got["Roe"][0]) == (
        ("USAELI", "USA", "ELI"), "USAELI")


def test_former_on_a_role_noun_or_an_organ_of_the_state(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """ "Albania's former leader", "a former State Department official": the role is no longer
    held; a role without "former" keeps its office."""
    got = by_text(actor_dictionary, parse, "Albania's former leader rejected the allegations.")
    assert got["Albania's former leader"][:3] == ("ALBELI", "ALB", "ELI")
    text = "John Roe, a former senior State Department official, criticised the decision."
    assert by_text(actor_dictionary, parse, text)[text.split(", criticised")[0]][0] == "USAELI"
    got = by_text(actor_dictionary, parse, "Albania's leader rejected the allegations.")
    assert got["Albania's leader"][0] == "ALBGOV"


def test_a_role_word_fills_a_gap_in_a_person_s_dated_offices(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """The converted dictionary has Petraeus out of office in 2008 (its rows skip his commands);
    "General" beside his name says he was in the military then."""
    text = "General David Petraeus met Iraqi officials in Baghdad."
    got = by_text(actor_dictionary, parse, text, published="2008-08-06")
    assert got["General David Petraeus"][:3] == ("USAMIL", "USA", "MIL")


def test_a_described_role_outranks_another_office_of_the_day(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """On a day the dictionary has Petraeus at the CIA, "the US commander in Iraq" beside his
    name says what he was when the act happened; a title alone does not, as titles outlive
    offices, and the dictionary's row holds."""
    text = "The US commander in Iraq, General David Petraeus, met Iraqi officials."
    got = by_text(actor_dictionary, parse, text, published="2012-06-01")
    mention = next(v for k, v in got.items() if k.endswith("David Petraeus"))
    assert mention[:3] == ("USAMIL", "USA", "MIL")
    titled = by_text(actor_dictionary, parse, "General David Petraeus met Iraqi officials.",
                     published="2012-06-01")  # fmt: skip
    assert titled["General David Petraeus"][:3] == ("USASPY", "USA", "SPY")


def test_a_branch_word_before_a_role_of_no_sector_is_the_office_held(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """Between Hun Sen's premiership and his Senate presidency the dictionary has him a former
    official; "Senate head" before his name says he heads the legislature (LEG), as it would for
    a name the dictionary does not know, and "army chief" that a former army chief is MIL again.
    "Former" before the branch word still makes a former official."""
    text = "The journalist apologized to Senate head Hun Sen on Monday."
    got = by_text(actor_dictionary, parse, text, published="2023-12-01")
    assert got["Senate head Hun Sen"][:3] == ("KHMLEG", "KHM", "LEG")
    former = text.replace("Senate", "former Senate")
    got = by_text(actor_dictionary, parse, former, published="2023-12-01")
    assert got["Senate head Hun Sen"][0] == "KHMELI"
    army = "Army chief Raheel Sharif met Afghan officials."
    got = by_text(actor_dictionary, parse, army, published="2018-03-01")
    assert got["Army chief Raheel Sharif"][0] == "PAKMIL"

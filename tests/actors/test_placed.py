"""One construction per test: home actors placed by a phrase of their own (actors/placed.py)."""

from __future__ import annotations

import pytest
from tests.actors.test_resolve import by_text

pytestmark = pytest.mark.model


def test_home_institution_takes_the_country_of_its_in_phrase(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "A court in Guyana issued arrest warrants.")
    assert got["court"][:2] == ("GUYJUD", "GUY")


def test_militants_said_to_be_in_a_country_take_that_country(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """ "militants based in Afghanistan", "present on Afghan soil": where the words after the noun
    put them, not the country of the armed group the story named before (the BLA's Pakistan)."""
    story = "The BLA attacked a train in Balochistan. Islamabad has blamed the attacks on militants "
    for where in ("based in Afghanistan.", "present on Afghan soil."):
        assert by_text(actor_dictionary, parse, story + where)["militants"][:2] == ("AFGREB", "AFG")
    assert by_text(actor_dictionary, parse, story + "in the region.")["militants"][:2] == ("PAKSEP", "PAK")
    got = by_text(actor_dictionary, parse, "Troops stationed in Iraq fired on the convoy.")
    assert got["Troops"][1] is None


def test_troops_in_a_country_stay_unplaced(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "Troops in Iraq fired on the convoy.")
    assert got["Troops"][1] is None


def test_rebels_and_students_take_the_country_of_their_in_phrase(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = by_text(actor_dictionary, parse, "Rebels in Chad and students throughout Kenya denounced the vote.")
    assert got["Rebels"][:3] == ("TCDREB", "TCD", "REB")
    assert got["students"][:2] == ("KENEDU", "KEN")


def test_a_capital_in_the_phrase_places_the_actor(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "Demonstrators in Kabul threw stones.")
    assert got["Demonstrators"][:2] == ("AFGOPP", "AFG")


def test_activists_of_a_country_are_not_placed_by_it(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    """ "Activists of Russia" may be its foes; "activists in Russia" are there."""
    assert by_text(actor_dictionary, parse, "Activists of Russia marched.")["Activists"][1] is None
    assert by_text(actor_dictionary, parse, "Activists in Russia marched.")["Activists"][1] == "RUS"


def test_a_possessive_says_whose_fighters_not_the_place(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "Its fighters in Lebanon fired rockets.")
    assert got["fighters"][1] is None
    assert by_text(actor_dictionary, parse, "Fighters in Lebanon fired rockets.")["Fighters"][1] == "LBN"


def test_rights_groups_are_hri_and_take_the_country_of_their_in_phrase(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    """CAMEO codes human-rights groups and activists HRI (the agents dictionary's RIGHTS_GROUP),
    not aid organisations; animal rights groups stay NGO, and the same dictionary codes a "human
    rights activist" as opposition."""
    got = by_text(actor_dictionary, parse, "Human rights groups in Peru questioned the decision.")
    assert got["Human rights groups"][:3] == ("PERHRI", "PER", "HRI")
    got = by_text(actor_dictionary, parse, "A rights activist and animal rights groups denounced the law.")
    assert got["rights activist"][2] == "HRI"
    assert got["animal rights groups"][2] == "NGO"
    got = by_text(actor_dictionary, parse, "Human rights activists in Algeria staged a hunger strike.")
    assert got["Human rights activists"][:3] == ("DZAOPP", "DZA", "OPP")

"""Home actors placed by a province, state or region of one country in their own words
(actors/provinces.py); a region name two countries use, or one the dictionary knows, places
nothing. The sentences are the project's own."""

from __future__ import annotations

import pytest
from tests.actors.test_resolve import by_text

pytestmark = pytest.mark.model


def test_a_province_in_the_persons_own_phrase_gives_its_country(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "Marie Tremblay, Quebec's provincial leader, said the levy would rise. He said it was fair."
    got = by_text(actor_dictionary, parse, text)
    assert got["Marie Tremblay, Quebec's provincial leader"][:2] == ("CANGOV", "CAN")
    assert got["He"][:2] == ("CANGOV", "CAN")


@pytest.mark.parametrize(("text", "word", "code"), [
    ("Texas police arrested two men on Friday.", "police", "USACOP"),
    ("Police in Bavaria raided a flat on Friday.", "Police", "DEUCOP"),
])  # fmt: skip
def test_a_province_modifying_or_placing_the_agent_gives_its_country(  # type: ignore[no-untyped-def]
    actor_dictionary, parse, text: str, word: str, code: str
) -> None:
    assert by_text(actor_dictionary, parse, text)[word][0] == code


def test_a_region_name_of_two_countries_places_nothing(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = by_text(actor_dictionary, parse, "Punjab police arrested two men on Friday.")
    assert got["police"][1] is None

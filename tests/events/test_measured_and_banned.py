"""What was given told through an amount ("25,000 tons of food aid", "5,000 tons of food"), a
curfew shortened, a group outlawed, candidates banned from taking part, a trade ban, a deal no longer
implemented, and help to negotiate, through the real pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import cameos_of, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "tons": "The United Nations will provide 25,000 tons of emergency food aid to refugees in Liberia.",
    "food": "Japan delivered 5,000 tons of food to North Korea.",
    "curfew": "The Sudanese government shortened the nightly curfew in Khartoum.",
    "outlawed": "The British government outlawed the largest Protestant extremist organization.",
    "candidates": "Uganda's president banned opposition candidates from participating in the elections.",
    "negotiate": "Qatar helped negotiate a truce between Israel and Hamas.",
    "supply": "The United States has banned the supply of advanced chips to China.",
    "alcohol": "Mexican authorities banned the sale of alcohol in some towns.",
    "implementing": "Iran stopped implementing its commitments under the nuclear deal in 2019.",
    "implementation": "North Korea suspended implementation of the agreement.",
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)



def test_an_amount_of_aid_is_aid(extracted: dict[str, Extraction]) -> None:
    assert "070" in cameos_of(extracted["tons"])


def test_an_amount_of_food_delivered_is_humanitarian_aid(extracted: dict[str, Extraction]) -> None:
    events = [e for e in extracted["food"].events if e.cameo == "073"]
    assert events and events[0].source is not None and events[0].source.country == "JPN"


def test_a_shortened_curfew_eases_a_restriction(extracted: dict[str, Extraction]) -> None:
    assert "081" in cameos_of(extracted["curfew"])


def test_an_outlawed_organisation_is_a_banned_group(extracted: dict[str, Extraction]) -> None:
    assert "1722" in cameos_of(extracted["outlawed"])


def test_candidates_banned_from_taking_part_are_a_banned_party(extracted: dict[str, Extraction]) -> None:
    assert "1722" in cameos_of(extracted["candidates"])


def test_help_to_negotiate_is_mediation(extracted: dict[str, Extraction]) -> None:
    assert "045" in cameos_of(extracted["negotiate"])


def test_banning_the_supply_of_goods_is_an_embargo(extracted: dict[str, Extraction]) -> None:
    assert "163" in cameos_of(extracted["supply"])


def test_banning_a_sale_at_home_is_no_embargo(extracted: dict[str, Extraction]) -> None:
    assert "163" not in cameos_of(extracted["alcohol"])


@pytest.mark.parametrize("name", ["implementing", "implementation"])
def test_no_longer_implementing_a_deal_rejects_it(extracted: dict[str, Extraction], name: str) -> None:
    events = [e for e in extracted[name].events if e.cameo == "127"]
    assert events and events[0].source is not None

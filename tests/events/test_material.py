"""Material conflict told in the words news uses for it (bans, dissolutions, broken-up cells, trade
bans and tariff hikes, resumed hostilities, coming under attack, being held in custody, seizing
power), through the real pipeline; and an act the article dates years back is coded with its own
date, not dropped."""

from __future__ import annotations

import pytest
from tests.events.conftest import code_triples, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "book": "The Taliban banned the book in November.",
    "party": "Nigerian authorities dissolved the opposition party on Tuesday.",
    "cell": "Egyptian police broke up a terrorist cell in Cairo.",
    "imports": "Japan banned imports of Chinese seafood.",
    "tariffs": "China doubled its tariffs on Australian wine.",
    "hostilities": "Rebels in Mali resumed hostilities in the north.",
    "history": "Rebels stormed the city. In 2009, the rebels attacked the port.",
    "under": "Kurdish villages came under Turkish shelling on Monday.",
    "custody": "The Egyptian opposition leader remained in police custody on Friday.",
    "visit": "The Egyptian opposition leader visited the journalists in custody on Friday.",
    "power": "The Malian army seized power in a coup.",
    "sexual": "The Myanmar soldiers' sexual assault on a villager drew protests.",
}


@pytest.fixture(scope="module")
def coded() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES, published="2016-02-13")


def test_banning_a_book_restricts_a_political_freedom(coded: dict[str, Extraction]) -> None:
    assert {c for _, _, c in code_triples(coded["book"].events)} == {"1721"}


def test_dissolving_a_party_bans_it(coded: dict[str, Extraction]) -> None:
    assert {(s and s[:3], c) for s, _, c in code_triples(coded["party"].events)} == {("NGA", "1722")}


def test_breaking_up_a_cell_is_an_arrest(coded: dict[str, Extraction]) -> None:
    assert {(s, c) for s, _, c in code_triples(coded["cell"].events)} == {("EGYCOP", "173")}


def test_a_trade_ban_and_a_tariff_hike_are_sanctions(coded: dict[str, Extraction]) -> None:
    assert code_triples(coded["imports"].events) == {("JPN", "CHN", "163")}
    assert code_triples(coded["tariffs"].events) == {("CHN", "AUS", "163")}


def test_resumed_hostilities_are_fighting(coded: dict[str, Extraction]) -> None:
    assert {c[:2] for _, _, c in code_triples(coded["hostilities"].events)} == {"19"}


def test_an_act_dated_years_back_is_coded_with_its_own_date(coded: dict[str, Extraction]) -> None:
    dated = {e.trigger.text: (e.date, e.date_precision) for e in coded["history"].events}
    assert dated["attacked"] == ("2009-01-01", "year")
    assert "stormed" in dated


def test_what_comes_under_attack_is_its_target(coded: dict[str, Extraction]) -> None:
    assert code_triples(coded["under"].events) == {("TUR", "KUR", "194")}


def test_who_remains_in_custody_is_detained(coded: dict[str, Extraction]) -> None:
    assert {(t, c) for _, t, c in code_triples(coded["custody"].events)} == {("EGYOPP", "173")}


def test_a_visitor_to_the_detained_is_not_detained(coded: dict[str, Extraction]) -> None:
    assert not any(t == "EGYOPP" for _, t, _ in code_triples(coded["visit"].events))


def test_seizing_power_removes_a_government(coded: dict[str, Extraction]) -> None:
    assert code_triples(coded["power"].events) == {("MLIMIL", None, "172")}


def test_a_sexual_assault_is_no_military_assault(coded: dict[str, Extraction]) -> None:
    assert {(s, c) for s, _, c in code_triples(coded["sexual"].events)} == {("MMRMIL", "1821")}

"""Events told by a noun whose sides stand in its own phrase, through the real pipeline.

- a country named before a measure, help or force aimed at a named party imposes, gives or uses it
  ("U.S. restrictions on Chinese business", "U.S. aid to Ukraine", "U.S. strikes on Houthi rebels"),
  though with no party aimed at it says nothing, and a capital before an attack is a place;
- a war "in" a country is waged on it by its possessor ("Russia's war in Ukraine");
- trade restrictions and trade wars are sanctions (163), "the sanctioning of X" befalls X, military
  backing and naval cooperation are military aid (072) and cooperation (062);
- an "of" that names who acts is the doer ("the visit of X to Y");
- a mutual act's two sides: a possessor and a compound of another country ("his White House
  meeting"), or the parties a plural "their" stands for ("X and Y ... their phone call");
- doers lent by verbs: a gerund after a sentence's "in" ("In announcing the sanctions on X, Y said"),
  a light verb's passive agent ("the raid was carried out by X", "a coup led by X"), "ramped up attacks";
- an object complement the parser reads as apposition ("designated X a terrorist group").
"""

from __future__ import annotations

import pytest
from tests.events.conftest import code_triples, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "restrictions": "China must cope with U.S. restrictions on Chinese business.",
    "sanctions": "The U.S. sanctions on Russia hurt trade.",
    "unaimed": "Iran sanctions hurt trade.",
    "trade_war": "Trump's trade wars with Canada and Mexico hurt farmers.",
    "sanctioning": "The sanctioning of Albania's former leader surprised analysts.",
    "aid": "U.S. aid to Ukraine is slowing.",
    "aid_unaimed": "Ukraine aid is slowing.",
    "military_backing": "Ankara's military backing of the Libyan Government of National Accord grew.",
    "visit_of": "The visit of President Macron to Algeria ended on Friday.",
    "host": "Prime Minister Yoshihide Suga of Japan flew to Washington. "
    "The agenda for his White House meeting was set.",
    "own_place": "Putin's Kremlin meeting ended.",
    "their_call": "Philippine President Rodrigo Duterte and Japanese Prime Minister Yoshihide Suga are off "
    "to a good start in their relationship based on their phone call last December.",
    "designated": "Pakistan and the United States have designated BLA a terrorist group.",
    "ramped": "Since January, the BLA has ramped up attacks on security forces.",
    "naval": "India's naval cooperation with Mauritius grew.",
    "carried_out": "The raid on the camp was carried out by Israeli forces.",
    "led_by": "Morsi was ousted in a military coup led by Egyptian army chief Abdel Fattah el-Sisi.",
    "launched_by": "The offensive launched by Russian troops stalled near Kharkiv.",
    "strikes": "U.S. strikes on Houthi rebels continued.",
    "war_in": "China has studied Russia's war in Ukraine closely.",
    "war_in_unwaged": "The war in Sudan has displaced millions.",
    "place_attack": "The Kabul attack on the embassy killed five guards.",
    "in_announcing": "In announcing the sanctions on Sali Berisha, Secretary of State Antony Blinken said "
    "Berisha was corrupt.",
}


@pytest.fixture(scope="module")
def coded() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)


def _sides(extraction: Extraction) -> set[tuple[str | None, str | None, str]]:
    return {(s and s[:3], t and t[:3], c) for s, t, c in code_triples(extraction.events)}


def test_a_country_before_a_measure_aimed_at_someone_imposes_it(coded: dict[str, Extraction]) -> None:
    assert _sides(coded["restrictions"]) == {("USA", "CHN", "163")}
    assert _sides(coded["sanctions"]) == {("USA", "RUS", "163")}


def test_a_country_before_a_measure_aimed_at_no_one_is_not_its_imposer(coded: dict[str, Extraction]) -> None:
    assert not [e for e in coded["unaimed"].events if e.cameo.startswith("16")]


def test_a_trade_war_with_someone_sanctions_them(coded: dict[str, Extraction]) -> None:
    assert _sides(coded["trade_war"]) == {("USA", "CAN", "163"), ("USA", "MEX", "163")}


def test_the_sanctioning_of_someone_befalls_them(coded: dict[str, Extraction]) -> None:
    assert _sides(coded["sanctioning"]) == {(None, "ALB", "163")}


def test_a_war_in_a_country_is_waged_on_it(coded: dict[str, Extraction]) -> None:
    """ "Russia's war in Ukraine": the possessor wages it on the country it is in; "the war in
    Sudan" names no one who wages it, and codes nothing."""
    assert ("RUS", "UKR", "190") in _sides(coded["war_in"])
    assert not [e for e in coded["war_in_unwaged"].events if e.cameo_root == "19"]


def test_a_country_before_help_aimed_at_someone_gives_it(coded: dict[str, Extraction]) -> None:
    assert _sides(coded["aid"]) == {("USA", "UKR", "070")}
    assert not coded["aid_unaimed"].events


def test_military_backing_by_a_capital_is_military_aid(coded: dict[str, Extraction]) -> None:
    assert _sides(coded["military_backing"]) == {("TUR", "LBY", "072")}


def test_the_of_object_of_a_visit_to_someone_is_the_visitor(coded: dict[str, Extraction]) -> None:
    assert _sides(coded["visit_of"]) == {("FRA", "DZA", "042")}


def test_a_possessor_and_a_foreign_compound_are_the_sides_of_a_meeting(coded: dict[str, Extraction]) -> None:
    assert _sides(coded["host"]) == {("JPN", "USA", "040"), ("USA", "JPN", "040")}
    assert not coded["own_place"].events


def test_a_gerund_after_in_takes_the_subject_of_its_clause(coded: dict[str, Extraction]) -> None:
    assert ("USA", "ALB", "163") in _sides(coded["in_announcing"])


def test_their_phone_call_is_between_the_parties_of_the_subject(coded: dict[str, Extraction]) -> None:
    assert _sides(coded["their_call"]) == {("PHL", "JPN", "041"), ("JPN", "PHL", "041")}


def test_an_object_complement_as_apposition_completes_a_designation(coded: dict[str, Extraction]) -> None:
    assert {(s, c) for s, _, c in _sides(coded["designated"])} == {("PAK", "163"), ("USA", "163")}


def test_a_light_verb_ramping_up_attacks_lends_its_subject(coded: dict[str, Extraction]) -> None:
    assert [(e.source and e.source.code, e.cameo) for e in coded["ramped"].events] == [("PAKSEP", "180")]


def test_naval_cooperation_with_someone_is_military_cooperation(coded: dict[str, Extraction]) -> None:
    assert _sides(coded["naval"]) == {("IND", "MUS", "062")}


def test_an_act_carried_out_by_someone_is_theirs(coded: dict[str, Extraction]) -> None:
    events = coded["carried_out"].events
    assert [(e.source and e.source.code, e.cameo[:2]) for e in events] == [("ISRMIL", "19")]


def test_an_act_led_or_launched_by_someone_is_theirs(coded: dict[str, Extraction]) -> None:
    assert ("EGY", "172") in {(s and s[:3], c) for s, _, c in code_triples(coded["led_by"].events)}
    assert {(s, c) for s, _, c in code_triples(coded["launched_by"].events)} == {("RUSMIL", "190")}


def test_a_country_before_strikes_on_someone_strikes(coded: dict[str, Extraction]) -> None:
    assert _sides(coded["strikes"]) == {("USA", "YEM", "190")}


def test_a_capital_before_an_attack_is_where_it_happened(coded: dict[str, Extraction]) -> None:
    assert not [e for e in coded["place_attack"].events if e.source and e.source.code == "AFGGOV"]

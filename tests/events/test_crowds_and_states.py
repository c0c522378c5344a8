"""Protests told through their crowd ("demonstrators gathered", "thousands of protesters took to the
streets"), people held in jail or prison, drills, designations with no "as", a pause in aid, bomb
blasts and "the fighting" told again, and a passive told again done by whoever did such an act;
through the real pipeline, on sentences of our own."""

from __future__ import annotations

import pytest
from tests.events.conftest import cameos_of, code_triples, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "gathered": "Demonstrators gathered outside the parliament in Nairobi on Tuesday.",
    "thousands": "Thousands of Sudanese demonstrators celebrated the ruling in Khartoum.",
    "streets": "Thousands of Kenyan protesters took to the streets of Nairobi on Tuesday.",
    "flooded": "Ugandan opposition supporters flooded the streets of Kampala after the verdict.",
    "said": "Ugandan protesters said they would return on Friday.",
    "died": "Two Ethiopian demonstrators died in hospital in Gondar.",
    "jail": "Two Ethiopian journalists are in jail in Addis Ababa.",
    "prison": "Several Ugandan opposition leaders remain in prison after the election.",
    "visited": "The minister visited the Ugandan opposition leaders in prison.",
    "died_in": "An Ethiopian journalist died in prison last year.",
    "incommunicado": "The Egyptian activists were held incommunicado for weeks.",
    "drills": "Russia's military drills near the Finnish border alarmed Helsinki.",
    "designated": "Canada designated Iran's Revolutionary Guard a terrorist organization.",
    "pause": "Kyiv hopes Washington will end the pause in military aid to Ukraine.",
    "evicted": "Ugandan police arrested 40 opposition supporters in Kampala on Monday. Their leader remains "
    "in prison. Several Ugandan traders have also been evicted.",
    "fighting": "Somali troops clashed with al-Shabab fighters near Baidoa on Monday. "
    "Hundreds of families fled the fighting.",
}


@pytest.fixture(scope="module")
def coded() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES, published="2024-05-02")



def test_a_crowd_of_protesters_acting_is_a_demonstration(coded: dict[str, Extraction]) -> None:
    assert cameos_of(coded["gathered"]) == {"141"}
    assert {(s, c) for s, _, c in code_triples(coded["thousands"].events)} == {("SDNOPP", "141")}
    assert {(s, c) for s, _, c in code_triples(coded["streets"].events)} == {("KENOPP", "141")}
    assert cameos_of(coded["flooded"]) == {"141"}


def test_protesters_who_speak_or_die_tell_no_protest(coded: dict[str, Extraction]) -> None:
    assert "141" not in cameos_of(coded["said"])
    assert coded["died"].events == ()


def test_someone_held_in_jail_or_prison_is_detained(coded: dict[str, Extraction]) -> None:
    assert code_triples(coded["jail"].events) == {(None, "ETHMED", "173")}
    assert code_triples(coded["prison"].events) == {(None, "UGAOPP", "173")}
    assert "173" not in cameos_of(coded["visited"])
    assert coded["died_in"].events == ()
    assert cameos_of(coded["incommunicado"]) == {"173"}


def test_drills_designations_and_a_pause_in_aid(coded: dict[str, Extraction]) -> None:
    assert {(s, c) for s, _, c in code_triples(coded["drills"].events)} == {("RUS", "152")}
    assert {(s, c) for s, _, c in code_triples(coded["designated"].events)} == {("CAN", "163")}
    assert {(t, c) for _, t, c in code_triples(coded["pause"].events)} == {("UKR", "162")}


def test_the_fighting_restates_the_fight_told_before(coded: dict[str, Extraction]) -> None:
    fled = [e for e in coded["fighting"].events if "fled" in e.evidence.text]
    assert {e.cameo for e in fled} == {"190"}


def test_a_passive_told_again_takes_the_doer_of_an_act_that_had_one(coded: dict[str, Extraction]) -> None:
    evicted = [e for e in coded["evicted"].events if "evicted" in e.evidence.text]
    assert {(e.source and e.source.code, e.cameo) for e in evicted} == {("UGACOP", "173")}

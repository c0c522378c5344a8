"""Force and restriction told in the words news uses for them (tariffs levied or retaliated with,
terrorist designations, entry and political bans, seized assets, dismantled cells, attempts on a
life, hijacked vehicles, relaunched hostilities, a war against someone), through the real pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import code_triples, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "levied": "Mexico levied a 30% tariff on Chinese steel.",
    "retaliated": "Brazil retaliated with tariffs on Argentine wheat.",
    "hit": "India hit Pakistan with new tariffs on Monday.",
    "designated": "Canada designated Iran's Revolutionary Guard as a terrorist entity.",
    "entry": "The government barred three Serbian ministers from entering the country.",
    "visas": "Ghana denied visas to Nigerian lawmakers.",
    "politics": "A Turkish court banned the opposition mayor from politics.",
    "assets": "Kenyan authorities seized assets of the former minister.",
    "cell": "Moroccan police dismantled a smuggling network in Tangier.",
    "attempt": "The gunman tried to kill the Mexican journalist in 2023.",
    "hijack": "Gunmen took over a plane at Kabul airport.",
    "relaunched": "Colombian rebels relaunched attacks in the south.",
    "war": "Ethiopia's war against Eritrea ended in 2000.",
}


@pytest.fixture(scope="module")
def coded() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES, published="2024-05-02")


def _codes(extraction: Extraction) -> set[str]:
    return {c for _, _, c in code_triples(extraction.events)}


def test_tariffs_levied_retaliated_with_or_hit_with_are_sanctions(coded: dict[str, Extraction]) -> None:
    assert code_triples(coded["levied"].events) == {("MEX", "CHN", "163")}
    assert _codes(coded["retaliated"]) == {"163"}
    assert code_triples(coded["hit"].events) == {("IND", "PAK", "163")}


def test_a_terrorist_designation_and_an_entry_ban_are_sanctions(coded: dict[str, Extraction]) -> None:
    assert code_triples(coded["designated"].events) == {("CAN", "IRNMIL", "163")}
    assert {(t and t[:3], c) for _, t, c in code_triples(coded["entry"].events)} == {("SRB", "163")}
    assert {(s, c) for s, _, c in code_triples(coded["visas"].events)} == {("GHA", "163")}


def test_a_politician_banned_from_politics_is_a_political_ban(coded: dict[str, Extraction]) -> None:
    assert _codes(coded["politics"]) == {"1722"}


def test_seized_assets_are_confiscated_and_a_dismantled_network_arrested(
    coded: dict[str, Extraction],
) -> None:
    assert _codes(coded["assets"]) == {"1711"}
    assert {(s, c) for s, _, c in code_triples(coded["cell"].events)} == {("MARCOP", "173")}


def test_an_attempt_on_a_life_and_a_taken_over_plane_are_unconventional_violence(
    coded: dict[str, Extraction],
) -> None:
    assert _codes(coded["attempt"]) == {"185"}
    assert _codes(coded["hijack"]) == {"181"}


def test_relaunched_attacks_and_a_war_against_someone_are_fighting(coded: dict[str, Extraction]) -> None:
    assert _codes(coded["relaunched"]) == {"190"}
    assert code_triples(coded["war"].events) == {("ETH", "ERI", "190")}

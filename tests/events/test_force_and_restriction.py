"""Force and restriction told in the words news uses for them (tariffs levied or retaliated with,
terrorist designations, entry and political bans, seized assets, dismantled cells, attempts on a
life, hijacked vehicles, relaunched hostilities, a war against someone), force by irregulars as
unconventional violence, and acts told again ("the arrest", "the attack") coded with the actors,
date and code of the act they restate; through the real pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import cameos_of, code_triples, extract_sentences

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
    "gunmen": "Gunmen attacked a bus in Kano state on Monday.",
    "troops": "Nigerian troops attacked the rebels in Borno.",
    "clash": "Nigerian troops clashed with separatists near Enugu.",
    # the texts below are articles: a headline, then the body whose acts are told again
    "arrest": "Senator held\n\nKenyan police arrested an opposition senator in Nairobi on Monday.\n\n"
    "Human rights groups condemned the arrest on Wednesday. Another arrest followed.",
    "claimed": "Market bombed\n\nA bomb attack hit a market in Kabul on Sunday, killing nine people.\n\n"
    "The Taliban claimed responsibility for the attack on Wednesday.",
    "unclaimed": "Officials meet\n\nAfghan officials met on Monday.\n\n"
    "The Taliban claimed responsibility for the attack on Wednesday.",
    "own_day": "Rights groups condemned Monday's arrest of the Kenyan opposition senator on Thursday.",
    "passive": "Book banned\n\nThe Taliban banned the book in November.\n\n"
    "The author said her book was banned because she is a woman.",
    "doer": "Uyghurs deported\n\nThailand deported 40 Uyghurs to China on Monday.\n\n"
    "A deportation of a Uyghur activist followed on Wednesday. Others could also be deported.",
    "harm": "Train attacked\n\nSeparatists attacked a train in Balochistan on Tuesday.\n\n"
    "Officials said on Friday the attack killed 20 people. Five soldiers were also killed in the attack.",
    "crash": "Plane down\n\nTaliban fighters killed three Afghan soldiers in Ghazni on Monday.\n\n"
    "An official told reporters five Afghan soldiers had been killed in the crash of a military plane.",
    "plural": "Attacks\n\nBoko Haram launched attacks on villages in Borno in 2023. "
    "Gunmen launched an attack on a church in Kaduna on Sunday.\n\nThe attacks left hundreds homeless.",
}


@pytest.fixture(scope="module")
def coded() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES, published="2024-05-02")



def test_tariffs_levied_retaliated_with_or_hit_with_are_sanctions(coded: dict[str, Extraction]) -> None:
    assert code_triples(coded["levied"].events) == {("MEX", "CHN", "163")}
    assert cameos_of(coded["retaliated"]) == {"163"}
    assert code_triples(coded["hit"].events) == {("IND", "PAK", "163")}


def test_a_terrorist_designation_and_an_entry_ban_are_sanctions(coded: dict[str, Extraction]) -> None:
    assert code_triples(coded["designated"].events) == {("CAN", "IRNMIL", "163")}
    assert {(t and t[:3], c) for _, t, c in code_triples(coded["entry"].events)} == {("SRB", "163")}
    assert {(s, c) for s, _, c in code_triples(coded["visas"].events)} == {("GHA", "163")}


def test_a_politician_banned_from_politics_is_a_political_ban(coded: dict[str, Extraction]) -> None:
    assert cameos_of(coded["politics"]) == {"1722"}


def test_seized_assets_are_confiscated_and_a_dismantled_network_arrested(
    coded: dict[str, Extraction],
) -> None:
    assert cameos_of(coded["assets"]) == {"1711"}
    assert {(s, c) for s, _, c in code_triples(coded["cell"].events)} == {("MARCOP", "173")}


def test_an_attempt_on_a_life_and_a_taken_over_plane_are_unconventional_violence(
    coded: dict[str, Extraction],
) -> None:
    assert cameos_of(coded["attempt"]) == {"185"}
    assert cameos_of(coded["hijack"]) == {"181"}


def test_relaunched_attacks_and_a_war_against_someone_are_fighting(coded: dict[str, Extraction]) -> None:
    assert cameos_of(coded["relaunched"]) == {"190"}
    assert code_triples(coded["war"].events) == {("ETH", "ERI", "190")}


def test_force_by_gunmen_or_separatists_is_unconventional_but_a_clash_is_not(
    coded: dict[str, Extraction],
) -> None:
    assert cameos_of(coded["gunmen"]) == {"180"}
    assert cameos_of(coded["troops"]) == {"190"}
    assert cameos_of(coded["clash"]) == {"190"}


def _in(extraction: Extraction, words: str) -> list[tuple[str | None, str | None, str, str | None]]:
    """(source, target, CAMEO, date) of the events in the sentence holding `words`."""
    return [
        (e.source and e.source.code, e.target and e.target.code, e.cameo, e.date)
        for e in extraction.events
        if words in e.evidence.text
    ]


def test_an_act_told_again_is_the_act_with_its_actors_and_date(coded: dict[str, Extraction]) -> None:
    assert ("KENCOP", "KENOPP", "173", "2024-04-29") in _in(coded["arrest"], "condemned the arrest")
    assert _in(coded["arrest"], "Another arrest") == []  # a new act, with no actor of its own


def test_a_claimed_attack_is_the_claimers_when_the_attack_was_told(coded: dict[str, Extraction]) -> None:
    # the bombing's sides are those its sentence told: it killed nine people
    assert ("AFGGOV", "AFGCVL", "183", "2024-04-28") in _in(coded["claimed"], "claimed responsibility")
    assert {c for _, _, c, _ in _in(coded["unclaimed"], "claimed responsibility")} == {"015"}


def test_a_day_naming_an_act_dates_it(coded: dict[str, Extraction]) -> None:
    assert ("HRI", "KENOPP", "111", "2024-05-02") in _in(coded["own_day"], "Monday")
    assert (None, "KENOPP", "173", "2024-04-29") in _in(coded["own_day"], "Monday")


def test_a_passive_with_no_agent_is_done_by_whoever_the_article_showed_doing_it(
    coded: dict[str, Extraction],
) -> None:
    assert ("AFGGOV", None, "1721", "2024-05-02") in _in(coded["passive"], "was banned")


def test_a_passive_naming_no_side_is_done_by_an_act_told_with_its_doer(coded: dict[str, Extraction]) -> None:
    # the activist's deportation was told with no doer: it cannot lend one to "others could be deported"
    assert [(s, t, c) for s, t, c, _ in _in(coded["doer"], "Others could")] == [("THA", "CHN", "174")]


def test_the_attacks_restate_acts_told_in_the_plural(coded: dict[str, Extraction]) -> None:
    assert [(s, c, d) for s, _, c, d in _in(coded["plural"], "The attacks")] == [
        ("NGAREB", "190", "2023-01-01")
    ]


def test_harm_done_by_an_act_told_again_is_done_by_its_source(coded: dict[str, Extraction]) -> None:
    assert _in(coded["harm"], "the attack killed") == [("SEP", "PAKCVL", "180", "2024-04-30")]
    assert _in(coded["harm"], "killed in the attack") == [("SEP", "PAKMIL", "180", "2024-04-30")]


def test_deaths_in_an_accident_are_no_one_s_act_however_the_article_began(
    coded: dict[str, Extraction],
) -> None:
    assert _in(coded["crash"], "crash") == []

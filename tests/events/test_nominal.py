"""Events told through nouns and passives, and the root distinctions (18 not 19, 17, 16, 14), through
the real pipeline: the noun's "of"/"on"/"with" argument, a possessive or compound, the place of a
protest, the verb a mutual noun hangs from, and the by-agent of a passive give the actors."""

from __future__ import annotations

import pytest
from tests.events.conftest import code_triples, extract_sentences

from newsevents import extract
from newsevents.model import Article, Evidence, Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "protest": "Protests erupted in Tunisia after the vote on Sunday.",
    "talks": "The Afghan foreign minister arrived in Islamabad for talks with Pakistan's prime minister.",
    "bombing": "The bombing of a crowded market in Baghdad killed 12 people on Friday.",
    "expel": "Kenya expelled two British diplomats on Monday.",
    "passive": "Five journalists were arrested by police in Cairo on Monday.",
    "release": "Turkey welcomed the release of the hostages by the Taliban.",
    "by_gerund": "Canada retaliated by expelling two Russian diplomats on Monday.",
    "possessed": "Imran Khan's arrest sparked protests across the country.",
    "decision": "The African Union condemned the decision on Sunday.",
    "impeach": "Peru's Congress impeached President Pedro Castillo on Wednesday.",
    "ouster": "The ouster of Bolivia's president shocked the region.",
    "relative": "Kenya's deputy president, who was impeached in October, filed a new case on Monday.",
    "agent_on_patient": "The abduction of 20 pupils by gunmen in Kaduna shocked the country.",
    "agent_on_count": "The region has seen a spate of kidnappings of migrants by criminal gangs since March.",
}


@pytest.fixture(scope="module")
def coded() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)


def test_protests_in_a_country_are_by_its_people(coded: dict[str, Extraction]) -> None:
    assert code_triples(coded["protest"].events) == {("TUN", None, "140")}


def test_talks_take_the_subject_of_the_verb_they_hang_from(coded: dict[str, Extraction]) -> None:
    assert {(s and s[:3], t and t[:3], c) for s, t, c in code_triples(coded["talks"].events)} == {
        ("AFG", "PAK", "046"), ("PAK", "AFG", "046"),
    }  # fmt: skip


def test_a_bombing_is_unconventional_violence(coded: dict[str, Extraction]) -> None:
    assert {c[:2] for _, _, c in code_triples(coded["bombing"].events)} == {"18"}


def test_expelled_diplomats_are_the_target(coded: dict[str, Extraction]) -> None:
    assert {(s, t and t[:3], c) for s, t, c in code_triples(coded["expel"].events)} == {("KEN", "GBR", "161")}


def test_a_passive_agent_is_the_source(coded: dict[str, Extraction]) -> None:
    events = coded["passive"].events
    assert [(e.cameo, e.source and e.source.sector, e.target and e.target.sector) for e in events] == [
        ("173", "COP", "MED")
    ]


def test_the_release_of_hostages_by_its_agent(coded: dict[str, Extraction]) -> None:
    triples = code_triples(coded["release"].events)
    assert [(s and s[:3], c) for s, _, c in triples if c == "0841"] == [("AFG", "0841")]
    # welcoming the release praises whoever released them, not the hostages
    assert [(s, t and t[:3]) for s, t, c in triples if c == "051"] == [("TUR", "AFG")]


def test_a_gerund_after_by_takes_the_subject_of_its_clause(coded: dict[str, Extraction]) -> None:
    assert {(s, t and t[:3], c) for s, t, c in code_triples(coded["by_gerund"].events)} == {
        ("CAN", "RUS", "161")
    }


def test_the_possessor_of_an_arrest_is_the_one_arrested(coded: dict[str, Extraction]) -> None:
    arrests = {(s, t and t[:3]) for s, t, c in code_triples(coded["possessed"].events) if c == "173"}
    assert arrests == {(None, "PAK")}


def test_condemning_a_decision_is_criticism_by_the_speaker(coded: dict[str, Extraction]) -> None:
    assert {(s and s[:3], t, c) for s, t, c in code_triples(coded["decision"].events)} == {
        ("IGO", None, "111")
    }


def test_impeachment_and_ouster_remove_from_power(coded: dict[str, Extraction]) -> None:
    assert {(s and s[:3], c) for s, _, c in code_triples(coded["impeach"].events)} == {("PER", "172")}
    assert {(t and t[:3], c) for _, t, c in code_triples(coded["ouster"].events)} == {("BOL", "172")}


def test_a_relative_pronoun_in_the_passive_stands_for_its_noun(coded: dict[str, Extraction]) -> None:
    removals = {(s, t and t[:3]) for s, t, c in code_triples(coded["relative"].events) if c == "172"}
    assert removals == {(None, "KEN")}


def test_a_by_agent_hung_on_the_patient_is_the_source(coded: dict[str, Extraction]) -> None:
    events = coded["agent_on_patient"].events
    assert [(e.cameo, e.source and e.source.sector, e.target and e.target.sector) for e in events] == [
        ("181", "UAF", "EDU")
    ]


def test_a_by_agent_hung_on_the_counted_noun_is_the_source(coded: dict[str, Extraction]) -> None:
    events = coded["agent_on_count"].events
    assert [(e.cameo, e.source and e.source.sector, e.target and e.target.sector) for e in events] == [
        ("181", "CRM", "REF")
    ]



def test_a_by_agent_the_parse_hung_on_the_verb_is_the_noun_s_source() -> None:
    """ "lost their lives in Tuesday's train hijacking by armed militants": the parse hangs "by"
    on the verb, but it names who did the act the noun tells again."""
    title = "Death toll in Pakistan's train hijacking rises to 31"
    body_text = "Officials said 31 people lost their lives in Tuesday's train hijacking by armed militants."
    text = f"{title}\n\n{body_text}"
    art = Article(id="by", text=text, title=title, published="2025-03-14",
                  title_span=Evidence.of(text, 0, len(title)))  # fmt: skip
    body = [e for e in extract(art).events if e.trigger.start > len(title)]
    assert [(e.cameo_root, e.source and e.source.sector) for e in body] == [("18", "REB")]

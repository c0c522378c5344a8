"""Sides the parse hangs away from the trigger, or that a first reading swaps, through the real
pipeline:

- a preposition on a later conjunct of the object ("fired tear gas and rubber bullets at X");
- the clause a bare passive participle modifies ("they flee when attacked by X");
- a name apposed to a noun that holds a modifier of another country ("a key Egyptian ally, France");
- whom what is taken or left is taken from ("annexed the region from Georgia", "withdrew from X to Y");
- whom a refusal to meet and a concession to a demand are aimed at;
- whom a mobilisation is aimed at: its purpose's party, never the forces it moves;
- an act told again by another doer ("Canada's tariffs on the U.S. ... Trump's tariffs" are not
  aimed at Trump's own country).
"""

from __future__ import annotations

import pytest
from tests.events.conftest import countries_of, dated_events, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "conjunct": "Kenyan police fired tear gas, rubber bullets, and stun grenades at Ugandan protesters.",
    "conjunct_sanctions": "The United States imposed new tariffs and an export ban on Chinese firms.",
    "adverbial": "Malian rebels often retreat into the desert when attacked by French troops.",
    "apposed": "Turkey has made overtures to a close Egyptian ally, Saudi Arabia.",
    "confiscated": "Ethiopian police confiscated weapons and explosives from Somali militants.",
    "annexed": "Russia annexed the region from Georgia in 2008.",
    "withdrew": "Hundreds of UN troops withdrew from the Syrian sector to the Israeli-occupied sector.",
    "refused_meeting": "Israeli President Moshe Katsav has refused to meet Jordan's foreign minister.",
    "refused_release": "The Egyptian government refused to release the Sudanese prisoners.",
    "accepted": "The Mozambique government accepted demands from Zimbabwean farmers.",
    "freed": "Iraqi forces freed several villages from Syrian militants.",
    "mobilized": "Poland mobilized army reservists for a possible war against Belarus.",
    "deployed": "Hundreds of Nigerian troops were deployed to the villages to push back Cameroonian rebels.",
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES, published="2024-05-02")


def test_a_preposition_on_a_later_conjunct_of_the_object_names_the_target(
    extracted: dict[str, Extraction],
) -> None:
    assert ("KEN", "UGA") in {(s, t) for s, t, _ in countries_of(extracted["conjunct"].events)}
    assert ("USA", "CHN") in {(s, t) for s, t, _ in countries_of(extracted["conjunct_sanctions"].events)}


def test_a_bare_passive_participle_befalls_the_subject_of_its_clause(
    extracted: dict[str, Extraction],
) -> None:
    force = [e for e in extracted["adverbial"].events if e.cameo_root == "19"]
    assert [(e.source and e.source.country, e.target and e.target.country) for e in force] == [("FRA", "MLI")]
    assert force[0].target is not None and force[0].target.sector == "REB"


def test_an_apposed_name_is_the_party_not_the_modifier_of_its_noun(extracted: dict[str, Extraction]) -> None:
    sides = {(s, t) for s, t, _ in countries_of(extracted["apposed"].events)}
    assert ("TUR", "SAU") in sides
    assert ("TUR", "EGY") not in sides


def test_what_is_taken_or_left_is_taken_from_whom_from_names(extracted: dict[str, Extraction]) -> None:
    assert ("ETH", "SOM") in {(s, t) for s, t, _ in countries_of(extracted["confiscated"].events)}
    assert ("RUS", "GEO") in {(s, t) for s, t, _ in countries_of(extracted["annexed"].events)}
    withdrawn = [e for e in extracted["withdrew"].events if e.cameo.startswith("087")]
    sides = [(e.source and e.source.code, e.target and e.target.country) for e in withdrawn]
    assert sides == [("IGOUNO", "SYR")]


def test_a_refusal_to_meet_someone_is_aimed_at_them(extracted: dict[str, Extraction]) -> None:
    assert ("ISR", "JOR") in {(s, t) for s, t, _ in countries_of(extracted["refused_meeting"].events)}
    # what a refusal to act would have done is no target: "refused to release the prisoners"
    refusals = [e for e in extracted["refused_release"].events if e.cameo_root == "12"]
    assert refusals and all(e.target is None or e.target.country != "SDN" for e in refusals)


def test_a_concession_to_a_demand_is_aimed_at_whom_from_names(extracted: dict[str, Extraction]) -> None:
    assert ("MOZ", "ZWE") in {(s, t) for s, t, _ in countries_of(extracted["accepted"].events)}
    # what is freed is freed from someone, not yielded to them
    assert not any(e.cameo_root == "08" for e in extracted["freed"].events)


def test_an_act_told_again_by_another_doer_keeps_no_target_of_the_first() -> None:
    events = dated_events(
        "Canada imposed new tariffs on the United States on Monday. On Tuesday, Trump's tariffs took effect."
    )
    again = [e for e in events if e.source is not None and e.source.country == "USA" and e.cameo_root == "16"]
    assert again and all(e.target is None or e.target.country != "USA" for e in again)


def test_a_mobilisation_is_aimed_at_its_purpose_not_its_own_forces(extracted: dict[str, Extraction]) -> None:
    moved = [e for e in extracted["mobilized"].events if e.cameo_root == "15"]
    assert [(e.source and e.source.country, e.target and e.target.country) for e in moved] == [("POL", "BLR")]
    moved = [e for e in extracted["deployed"].events if e.cameo_root == "15"]
    assert [(e.source and e.source.country, e.target and e.target.country) for e in moved] == [("NGA", "CMR")]

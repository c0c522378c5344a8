"""Acts done abroad with no target named take the country of their place (actors/abroad.py),
through the whole pipeline; acts at home, venues and places of a verb of saying do not."""

from __future__ import annotations

import pytest

import newsevents
from newsevents.model import Event


def _events(text: str, root: str) -> list[Event]:
    found = [e for e in newsevents.extract(text).events if e.cameo_root == root]
    assert found, [(e.cameo, e.trigger.text) for e in newsevents.extract(text).events]
    return found


@pytest.mark.model
def test_a_protest_abroad_is_aimed_at_the_country_it_is_held_in() -> None:
    (protest,) = _events("Turkish activists staged a protest in Berlin on Saturday.", "14")
    assert protest.source is not None and protest.source.code == "TUROPP"
    target = protest.target
    assert target is not None
    assert (target.code, target.country, target.sector) == ("DEU", "DEU", None)
    assert target.country_source == "place"
    assert target.text == "Berlin" and target.evidence is not None and target.evidence.text == "Berlin"


@pytest.mark.model
def test_a_protest_at_home_is_aimed_at_no_one() -> None:
    (protest,) = _events("Kenyan teachers staged a protest in Nairobi on Saturday.", "14")
    assert protest.target is None


@pytest.mark.model
def test_a_threat_takes_the_place_inside_its_own_words() -> None:
    (threat,) = _events("Hamas threatened to resume rocket attacks in Israel.", "13")
    assert threat.target is not None and threat.target.code == "ISR"


@pytest.mark.model
def test_a_place_of_the_saying_is_no_target_of_what_was_said() -> None:
    text = "The Chinese foreign minister said in Paris that Beijing rejected the proposal."
    (rejection,) = _events(text, "12")
    assert rejection.location is not None and rejection.location.country == "FRA"
    assert rejection.target is None


@pytest.mark.model
def test_a_meeting_place_is_a_venue_not_a_partner() -> None:
    (meeting,) = _events("The Iranian foreign minister attended a conference in Geneva on Friday.", "04")
    assert meeting.location is not None and meeting.location.country == "CHE"
    assert meeting.target is None


@pytest.mark.model
def test_a_place_hung_on_another_verb_does_not_aim_a_restated_attack() -> None:
    text = ("The Baloch Liberation Army attacked a train in Balochistan on Tuesday. Security sources"
            " have said those involved in Tuesday's attack are based in Afghanistan.")  # fmt: skip
    attacks = _events(text, "18")  # "based in" says where they live: no place of the attack, no target
    assert all(e.location is not None and e.location.country == "PAK" for e in attacks)
    assert all(e.target is None or e.target.country != "AFG" for e in attacks)


@pytest.mark.model
def test_rebel_attacks_at_home_are_aimed_at_their_country() -> None:
    (attack,) = _events("Malian rebels launched attacks in northern Mali on Sunday.", "19")
    assert attack.source is not None and attack.source.code == "MLIREB"
    target = attack.target
    assert target is not None
    got = (target.code, target.country, target.sector, target.country_source)
    assert got == ("MLI", "MLI", None, "place")


@pytest.mark.model
def test_a_state_s_forces_at_home_are_not_aimed_at_their_own_country() -> None:
    (attack,) = _events("Malian soldiers launched attacks in northern Mali on Sunday.", "19")
    assert attack.source is not None and attack.source.code == "MLIMIL"
    assert attack.target is None


@pytest.mark.model
def test_one_rebel_attack_at_home_falls_on_the_country_s_civilians() -> None:
    """One act ("attacked a passenger train") falls on the people there; a campaign told in the
    plural ("launched attacks", above) stays aimed at the country bare."""
    (attack,) = _events("Malian rebels attacked a passenger bus in northern Mali on Sunday.", "19")
    target = attack.target
    assert target is not None
    assert (target.code, target.country, target.sector) == ("MLICVL", "MLI", "CVL")


@pytest.mark.model
def test_a_town_naming_the_talks_is_their_venue_not_their_target() -> None:
    (halt,) = _events("The UN envoy halted the Geneva peace talks on Monday.", "16")
    assert halt.target is None
    # force named after its land is aimed at the land's country
    (offensive,) = _events("Russia launched the Kharkiv offensive in May.", "19")
    assert offensive.target is not None and offensive.target.code == "UKR"

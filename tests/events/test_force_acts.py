"""Acts of force: the weapon is not the target (events/objects.not_instruments), a fight that
killed is one fight between its sides and harm done to oneself no attack (events/precision),
an attack takes the dead its toll names (precision.merge_tolls), and troops sent go to the party
after "to" (objects.not_means)."""

from __future__ import annotations

import pytest

import newsevents
from newsevents.model import Event


def _force(text: str) -> list[Event]:
    return [e for e in newsevents.extract(text).events if e.cameo_root in ("18", "19", "20")]


@pytest.mark.model
def test_the_weapon_after_the_object_is_no_target() -> None:
    events = _force("Russia attacked Kyiv with drones on Monday.")
    assert events
    assert all(e.target is None or e.target.text != "drones" for e in events)


@pytest.mark.model
def test_the_other_side_of_a_clash_stays() -> None:
    events = _force("Government troops clashed with rebels near Goma.")
    assert any(e.target is not None and e.target.text == "rebels" for e in events)


@pytest.mark.model
def test_a_fight_that_killed_is_one_fight_between_its_two_sides() -> None:
    events = _force("An India-Pakistan border clash killed five soldiers on Tuesday.")
    sides = {(e.source.code, e.target.code) for e in events if e.source and e.target}
    assert sides == {("IND", "PAK"), ("PAK", "IND")}


@pytest.mark.model
def test_a_strike_that_killed_keeps_its_victims() -> None:
    (event,) = _force("A Russian missile strike killed five civilians in Kharkiv.")
    assert event.target is not None and event.target.sector == "CVL"


@pytest.mark.model
def test_harm_done_to_oneself_is_no_attack() -> None:
    events = _force("The gunman shot himself after killing three people.")
    assert [e.trigger.text for e in events] == ["killing"]
    # a suicide bombing befalls others: it stays, and takes the dead it left as its target
    events = _force("A suicide bomber blew himself up at a mosque in Kabul, killing 12 worshippers.")
    bombing = [e for e in events if e.cameo.startswith("183")]
    assert bombing and bombing[0].target is not None
    assert (bombing[0].target.country, bombing[0].target.sector) == ("AFG", "CVL")


@pytest.mark.model
def test_a_lone_bomber_is_an_attacker_of_no_named_group() -> None:
    (event,) = _force("The bomber detonated his explosive vest at a checkpoint.")
    assert event.source is not None and event.source.sector == "UAF"


@pytest.mark.model
def test_a_claimed_attack_is_the_claimers_on_the_dead_it_left() -> None:
    text = (
        "At least 35 civilians were killed in a suicide bombing on Saturday in northern Baghdad. "
        "The Islamic State group claimed the attack in an online statement."
    )
    claimed = [e for e in _force(text) if e.trigger.text == "attack"]
    assert claimed and claimed[0].source is not None and claimed[0].source.code == "IMGISI"
    assert claimed[0].target is not None and claimed[0].target.sector == "CVL"


@pytest.mark.model
def test_troops_sent_go_to_the_party_after_to() -> None:
    (event,) = newsevents.extract("Nigeria sent troops to Mali.").events
    assert (event.source.code if event.source else None, event.target.code if event.target else None) == (
        "NGA",
        "MLI",
    )


@pytest.mark.model
def test_men_of_no_stated_role_who_use_force_are_armed_men() -> None:
    (event,) = _force("Two men opened fire on villagers in Kano.")
    assert event.source is not None and event.source.sector == "UAF"
    assert event.target is not None and event.target.sector == "CVL"
    assert event.cameo == "180"


@pytest.mark.model
def test_hostility_toward_someone_is_an_attitude_not_fighting() -> None:
    text = "Nothing will change President Putin's hostility towards the West."
    assert not any(e.cameo.startswith("19") for e in newsevents.extract(text).events)

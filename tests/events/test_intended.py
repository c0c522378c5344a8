"""An intent to cooperate, and a threat, is aimed at the partner of the act intended
(events/arguments.py, `INTENT_ROOTS`), through the whole pipeline."""

from __future__ import annotations

import pytest

import newsevents


@pytest.mark.model
def test_an_offer_to_negotiate_is_aimed_at_the_partner_of_the_talks() -> None:
    events = newsevents.extract("Putin offered to negotiate with the president of Armenia on Monday.").events
    intents = [e for e in events if e.cameo_root == "03"]
    assert intents, [(e.cameo, e.trigger.text) for e in events]
    assert {(e.source.code if e.source else None, e.target.code if e.target else None) for e in intents} == {
        ("RUSGOV", "ARMGOV")
    }


@pytest.mark.model
def test_a_thing_of_a_party_in_the_act_intended_is_no_target() -> None:
    events = newsevents.extract("Parliament's lower house voted to extend his mandate.").events
    assert all(e.target is None for e in events if e.cameo_root == "03")


def _threat_targets(text: str) -> set[str | None]:
    events = newsevents.extract(text).events
    threats = [e for e in events if e.cameo_root == "13"]
    assert threats, [(e.cameo, e.trigger.text) for e in events]
    return {e.target.code if e.target else None for e in threats}


@pytest.mark.model
def test_a_conditional_threat_is_aimed_at_the_party_whose_act_sets_it_off() -> None:
    text = "Iran threatened to launch a new offensive unless Iraq accepted its conditions."
    assert _threat_targets(text) == {"IRQ"}


@pytest.mark.model
def test_a_threatened_act_names_its_own_partner_before_the_condition() -> None:
    text = ("The Azerbaijani parliament threatened to break relations with Russia unless the Kremlin"
            " closed its base.")  # fmt: skip
    assert _threat_targets(text) == {"RUS"}


@pytest.mark.model
def test_a_threat_is_aimed_at_the_party_the_act_threatened_befalls() -> None:
    assert _threat_targets("Putin threatened to attack Finland.") == {"FIN"}
    assert _threat_targets("Turkey threatened to expel Russian diplomats.") == {"RUSGOV"}


@pytest.mark.model
def test_a_thing_the_threatened_act_befalls_is_no_target() -> None:
    assert _threat_targets("The rebels threatened to blow up the dam.") == {None}
    # hostages are people, civilians: a threat to kill them is aimed at them
    assert _threat_targets("The rebels threatened to kill the hostages.") == {"CVL"}


@pytest.mark.model
def test_troops_a_state_offers_are_its_means_not_the_party_it_offers_them_to() -> None:
    events = newsevents.extract("Syria has again offered its troops to Lebanon's new president.").events
    offers = [e for e in events if e.cameo_root == "03"]
    assert offers, [(e.cameo, e.trigger.text) for e in events]
    assert {e.target.code if e.target else None for e in offers} == {"LBNGOV"}


@pytest.mark.model
def test_a_person_owned_by_a_pronoun_is_still_the_one_arrested() -> None:
    events = newsevents.extract("The police arrested his brother on Monday.").events
    arrests = [e for e in events if e.cameo_root == "17"]
    assert arrests and all(e.target is not None for e in arrests)

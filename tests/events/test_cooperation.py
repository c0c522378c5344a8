"""Cooperation told in everyday news wording, through the real pipeline: calls by phone with two
subjects, a partner after a date or a bare weekday, a counterpart called or a guest received, trips
and travel to a party, agreements between parties, mediation between two sides, a meeting told
after "after", reset, repaired or elevated relations, tariffs lifted or suspended, help or support
"for X" (verbs and nouns), two parties named by coordinated modifiers ("Israeli and Egyptian
officials"), a repair its doer is looking to make, offers to resettle, credit and honours given,
calls on someone told as a noun, acts made, issued or had ("made overtures to X", "issued an
apology", "had talks with X"), a news conference with a partner, a meeting taken part in, and a
release told "after being freed", ties its owner's efforts aim to improve, a meeting held with its
partner at a dinner someone else hosts, a warm welcome given, a mission undertaken, a state of
emergency lifted, prisoner exchanges told as nouns, a topic discussed that is no partner
("discussed China's role"), an act its doer is ready to do, and a call held ("held a phone call
with X": "hold" lends its subject as "have" does)."""

from __future__ import annotations

import pytest
from tests.events.conftest import extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "phone_pair": (
        "Mexican President Claudia Sheinbaum and Canadian Prime Minister Mark Carney spoke by phone."
    ),
    "phone_dated": (
        "President Emmanuel Macron spoke by phone on Monday with German Chancellor Friedrich Merz."
    ),
    "call_noun": "Macron's phone call with Merz lasted an hour.",
    "trip": "Putin's trip to India was his first in four years.",
    "travel": "Russian President Vladimir Putin will travel to India next month.",
    "agreement": "The agreement between Kenya and Uganda covers the sale of electricity.",
    "ties": "Turkey reset its relations with Egypt last year.",
    "aid_for": "Japan pledged new aid for Ukraine on Monday.",
    "support_noun": "Turkey's support for the Syrian rebels angered Russia.",
    "support_voiced": "Britain expressed support for Ukraine on Monday.",
    "aid_announced": "Germany announced new aid for Ukraine.",
    "counterpart": "Russian Foreign Minister Sergey Lavrov called his Chinese counterpart Wang Yi on Monday.",
    "received": "Chinese President Xi Jinping received the Brazilian president in Beijing on Friday.",
    "mediation": "Qatar launched a mediation effort between Egypt and Turkey on Saturday.",
    "phone_day": "The Brazilian president spoke by phone Monday with his Chinese counterpart.",
    "tariffs": "China lifted tariffs on Australian wine.",
    "suspended": "The European Union suspended tariffs on American whiskey.",
    "after_meeting": "The Japanese prime minister returned home after meeting with President Joe Biden.",
    "parties_met": "Israeli and Egyptian officials met in Cairo on Sunday.",
    "parties_signed": "Kenyan and Ugandan ministers signed a trade agreement in Nairobi.",
    "one_party": "French political and military officials met the Malian president on Monday.",
    "looking": "Turkey is looking to repair its relations with Israel.",
    "repaired": "Germany repaired its relations with Poland.",
    "elevated": "India and Mauritius elevated their ties to a strategic partnership.",
    "resettle": "Australia and Canada offered to resettle the refugees.",
    "credited": "The White House credited Britain and France for their role in the talks.",
    "honour": "Mauritius conferred its highest honor on Indian Prime Minister Narendra Modi.",
    "calls_on": "The UN chief's repeated calls on Russia to end the war went unheeded.",
    "overtures": "Erdogan has made overtures to France.",
    "apology": "The Japanese prime minister issued an apology to South Korea.",
    "had_talks": "Germany has had talks with Poland over the border.",
    "conference": (
        "The U.S. defense secretary told reporters during a news conference at the Pentagon on Monday"
        " with French Defence Minister Florence Parly."
    ),
    "participated": "Iran's foreign minister participated in the meeting.",
    "freed": "The Cambodian journalist thanked his supporters on Thursday after being freed from prison.",
    "efforts": "Egypt's recent efforts to improve ties with Qatar have borne fruit.",
    "partner": (
        "A group of Kenyan diplomats held their first meeting with the Ugandan president at a dinner"
        " hosted by the Kenyan ambassador."
    ),
    "welcome": "President Macron gave a warm welcome on Thursday to South African President Cyril Ramaphosa.",
    "undertook": "Qatar undertook a mediation mission between Egypt and Turkey.",
    "emergency": "Sudan's government on Sunday lifted a state of emergency in Darfur.",
    "exchange": "Russia and Ukraine conducted a prisoner exchange on Friday.",
    "swap": "The prisoner swap between Armenia and Azerbaijan took place on Monday.",
    "ready": "Egypt said it is ready to hold talks with Ethiopia.",
    "not_ready": "Egypt said it is not ready to hold talks with Ethiopia.",
    "topic": "The Brazilian president discussed China's role in the region on Monday.",
    "topic_with": (
        "The Brazilian president discussed China's role in the region with his Argentine counterpart"
        " on Monday."
    ),
    "held_call": "The Iranian foreign minister held a phone call with his Saudi counterpart on Sunday.",
}


@pytest.fixture(scope="module")
def coded() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)


def _pairs(x: Extraction) -> set[tuple[str | None, str | None, str]]:
    """(source country, target country, CAMEO) of every event."""
    return {(e.source and e.source.country, e.target and e.target.country, e.cameo) for e in x.events}


def test_two_leaders_on_the_phone_call_each_other(coded: dict[str, Extraction]) -> None:
    assert {("MEX", "CAN", "041"), ("CAN", "MEX", "041")} <= _pairs(coded["phone_pair"])


def test_a_partner_after_a_date_still_makes_the_call_mutual(coded: dict[str, Extraction]) -> None:
    assert {("FRA", "DEU", "041"), ("DEU", "FRA", "041")} <= _pairs(coded["phone_dated"])


def test_a_phone_call_noun_runs_both_ways(coded: dict[str, Extraction]) -> None:
    assert {("FRA", "DEU", "041"), ("DEU", "FRA", "041")} <= _pairs(coded["call_noun"])


def test_a_trip_or_travel_to_a_country_is_a_visit(coded: dict[str, Extraction]) -> None:
    assert ("RUS", "IND", "042") in _pairs(coded["trip"])
    assert {c for _, _, c in _pairs(coded["travel"])} == {"042"}


def test_an_agreement_between_two_parties_is_signed_by_both(coded: dict[str, Extraction]) -> None:
    assert _pairs(coded["agreement"]) == {("KEN", "UGA", "057"), ("UGA", "KEN", "057")}


def test_reset_relations_are_diplomatic_cooperation(coded: dict[str, Extraction]) -> None:
    assert ("TUR", "EGY", "050") in _pairs(coded["ties"])


def test_help_and_support_for_x_aim_at_x(coded: dict[str, Extraction]) -> None:
    assert ("JPN", "UKR", "033") in _pairs(coded["aid_for"])
    assert ("TUR", "SYR", "051") in _pairs(coded["support_noun"])
    assert ("GBR", "UKR", "051") in _pairs(coded["support_voiced"])
    assert ("DEU", "UKR", "070") in _pairs(coded["aid_announced"])


def test_the_counterpart_called_and_the_guest_received_are_the_targets(coded: dict[str, Extraction]) -> None:
    assert {("RUS", "CHN", "041"), ("CHN", "RUS", "041")} <= _pairs(coded["counterpart"])
    assert ("CHN", "BRA", "043") in _pairs(coded["received"])


def test_a_mediator_acts_on_both_sides_it_stands_between(coded: dict[str, Extraction]) -> None:
    assert _pairs(coded["mediation"]) == {("QAT", "EGY", "045"), ("QAT", "TUR", "045")}


def test_a_call_by_phone_on_a_bare_weekday_is_still_a_call(coded: dict[str, Extraction]) -> None:
    assert {("BRA", "CHN", "041"), ("CHN", "BRA", "041")} <= _pairs(coded["phone_day"])


def test_tariffs_lifted_or_suspended_ease_a_penalty(coded: dict[str, Extraction]) -> None:
    assert _pairs(coded["tariffs"]) == {("CHN", "AUS", "085")}
    assert {(t, c) for _, t, c in _pairs(coded["suspended"])} == {("USA", "085")}


def test_who_met_before_leaving_is_the_subject_of_leaving(coded: dict[str, Extraction]) -> None:
    assert {("JPN", "USA", "040"), ("USA", "JPN", "040")} <= _pairs(coded["after_meeting"])


def test_coordinated_nationalities_are_two_parties_of_a_mutual_act(coded: dict[str, Extraction]) -> None:
    assert {("ISR", "EGY", "040"), ("EGY", "ISR", "040")} <= _pairs(coded["parties_met"])
    assert {("KEN", "UGA", "057"), ("UGA", "KEN", "057")} <= _pairs(coded["parties_signed"])


def test_coordinated_qualities_are_one_party(coded: dict[str, Extraction]) -> None:
    events = coded["one_party"].events
    assert events and not any(e.source is not None and e.source.sector == "MIL" for e in events)


def test_relations_repaired_or_elevated_are_diplomatic_cooperation(coded: dict[str, Extraction]) -> None:
    assert {("DEU", "POL", "050"), ("POL", "DEU", "050")} <= _pairs(coded["repaired"])
    assert {("IND", "MUS", "050"), ("MUS", "IND", "050")} <= _pairs(coded["elevated"])


def test_a_repair_its_doer_is_looking_to_make_is_an_intent(coded: dict[str, Extraction]) -> None:
    assert _pairs(coded["looking"]) == {("TUR", "ISR", "032")}


def test_an_offer_to_resettle_is_an_offer_of_material_help(coded: dict[str, Extraction]) -> None:
    assert {(s, c) for s, _, c in _pairs(coded["resettle"])} == {("AUS", "033"), ("CAN", "033")}


def test_credit_and_honours_given_are_praise(coded: dict[str, Extraction]) -> None:
    assert {("USA", "GBR", "051"), ("USA", "FRA", "051")} <= _pairs(coded["credited"])
    assert _pairs(coded["honour"]) == {("MUS", "IND", "051")}


def test_calls_on_someone_told_as_a_noun_are_an_appeal(coded: dict[str, Extraction]) -> None:
    assert (None, "RUS", "020") in _pairs(coded["calls_on"])


def test_who_makes_issues_or_has_the_act_named_by_a_noun_performs_it(coded: dict[str, Extraction]) -> None:
    assert ("TUR", "FRA", "050") in _pairs(coded["overtures"])
    assert ("JPN", "KOR", "055") in _pairs(coded["apology"])
    assert {("DEU", "POL", "046"), ("POL", "DEU", "046")} <= _pairs(coded["had_talks"])


def test_a_news_conference_is_held_with_the_partner_not_the_venue(coded: dict[str, Extraction]) -> None:
    events = coded["conference"].events
    assert {("USA", "FRA", "040"), ("FRA", "USA", "040")} <= _pairs(coded["conference"])
    assert not any(e.target is not None and e.target.sector == "MIL" for e in events)


def test_taking_part_in_a_meeting_is_consultation(coded: dict[str, Extraction]) -> None:
    assert ("IRN", None, "040") in _pairs(coded["participated"])


def test_who_acts_after_being_freed_is_the_one_freed(coded: dict[str, Extraction]) -> None:
    assert (None, "KHM", "0841") in _pairs(coded["freed"])


def test_efforts_to_improve_ties_are_their_owners(coded: dict[str, Extraction]) -> None:
    assert ("EGY", "QAT", "050") in _pairs(coded["efforts"])


def test_a_meeting_is_held_with_its_partner_not_the_host_of_its_venue(coded: dict[str, Extraction]) -> None:
    assert _pairs(coded["partner"]) == {("KEN", "UGA", "040"), ("UGA", "KEN", "040")}


def test_a_warm_welcome_given_is_hosting(coded: dict[str, Extraction]) -> None:
    assert _pairs(coded["welcome"]) == {("FRA", "ZAF", "043")}


def test_a_mission_undertaken_is_its_undertakers(coded: dict[str, Extraction]) -> None:
    assert _pairs(coded["undertook"]) == {("QAT", "EGY", "045"), ("QAT", "TUR", "045")}


def test_a_state_of_emergency_lifted_eases_restrictions(coded: dict[str, Extraction]) -> None:
    assert ("SDN", None, "081") in _pairs(coded["emergency"])


def test_a_prisoner_exchange_releases_prisoners_both_ways(coded: dict[str, Extraction]) -> None:
    assert _pairs(coded["exchange"]) == {("RUS", "UKR", "0841"), ("UKR", "RUS", "0841")}
    assert _pairs(coded["swap"]) == {("ARM", "AZE", "0841"), ("AZE", "ARM", "0841")}


def test_a_party_named_only_in_the_topic_discussed_is_no_partner(coded: dict[str, Extraction]) -> None:
    assert not coded["topic"].events
    assert _pairs(coded["topic_with"]) == {("BRA", "ARG", "040"), ("ARG", "BRA", "040")}


def test_an_act_its_doer_is_ready_to_do_is_an_intent(coded: dict[str, Extraction]) -> None:
    assert _pairs(coded["ready"]) == {("EGY", "ETH", "036")}
    assert not coded["not_ready"].events


def test_who_holds_a_call_makes_it(coded: dict[str, Extraction]) -> None:
    assert {("IRN", "SAU", "041"), ("SAU", "IRN", "041")} <= _pairs(coded["held_call"])

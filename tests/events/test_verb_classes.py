"""verbs.yml and the argument rules added with it: one small sentence per verb class or construction."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_conjoined_parties_meet_each_other(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("Jordan and Britain held talks in Amman.", [("Jordan", "JOR"), ("Britain", "GBR")])
    assert triples(events) == {("JOR", "GBR", "046"), ("GBR", "JOR", "046")}


def test_meeting_with_an_object_runs_both_ways(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("Turkey met Russia on Monday.", [("Turkey", "TUR"), ("Russia", "RUS")])
    assert triples(events) == {("TUR", "RUS", "040"), ("RUS", "TUR", "040")}


def test_agreeing_to_a_mediation_is_one_way(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("Israel agreed to Egyptian mediation.", [("Israel", "ISR"), ("Egyptian", "EGY")])
    assert triples(events) == {("ISR", "EGY", "038")}


def test_signed_agreement_with_partner_on_the_noun(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("Chile signed a trade agreement with Peru.", [("Chile", "CHL"), ("Peru", "PER")])
    assert triples(events) == {("CHL", "PER", "057"), ("PER", "CHL", "057")}


def test_demand_targets_the_subject_of_its_clause(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("Russia demanded that Turkey close the border.", [("Russia", "RUS"), ("Turkey", "TUR")])
    assert triples(events) == {("RUS", "TUR", "100")}


def test_demand_from_names_the_target(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("Greece demanded support from Germany.", [("Greece", "GRC"), ("Germany", "DEU")])
    assert triples(events) == {("GRC", "DEU", "100")}


def test_the_means_of_an_attack_is_not_its_target(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("The Houthis launched drones at dawn.", [("The Houthis", "YEMREB"), ("drones", "YEMMIL")])
    assert triples(events) == {("YEMREB", None, "195")}


def test_noun_inside_an_actor_name_is_no_trigger(code) -> None:  # type: ignore[no-untyped-def]
    assert code("Riot police dispersed the crowd.", [("Riot police", "EGYCOP")]) == []


def test_same_actor_on_both_sides_is_no_event(code) -> None:  # type: ignore[no-untyped-def]
    text = "Syrian forces attacked Syrian troops."
    assert code(text, [("Syrian forces", "SYRMIL"), ("Syrian troops", "SYRMIL")]) == []


def test_anti_modifier_is_the_target_of_a_protest(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = "Students staged anti-government protests."
    events = code(text, [("Students", "SDNEDU"), ("government", "SDNGOV")])
    assert ("SDNGOV", None) not in {(e.source.code if e.source else None, None) for e in events}


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        ("Zambia extradited the suspect to Britain.", [("Zambia", "ZMB"), ("Britain", "GBR")],
         ("ZMB", "GBR", "063")),
        ("France pledged aid to Haiti.", [("France", "FRA"), ("Haiti", "HTI")], ("FRA", "HTI", "033")),
        ("The court sentenced the activist.", [("The court", "EGYJUD"), ("the activist", "EGYOPP")],
         ("EGYJUD", "EGYOPP", "116")),
        ("Serbia lifted the curfew.", [("Serbia", "SRB")], ("SRB", None, "081")),
        ("Rebels captured the town.", [("Rebels", "MLIREB")], ("MLIREB", None, "192")),
        ("Iran rejected the demands of Iraq.", [("Iran", "IRN"), ("Iraq", "IRQ")], ("IRN", "IRQ", "124")),
        ("Kenya summoned the ambassador.", [("Kenya", "KEN")], ("KEN", None, "114")),
        ("Hamas claimed responsibility for the attack.", [("Hamas", "PSEREB")], ("PSEREB", None, "015")),
        ("Canada imposed sanctions on Russia.", [("Canada", "CAN"), ("Russia", "RUS")],
         ("CAN", "RUS", "163")),
        ("Workers staged a general strike.", [("Workers", "FRALAB")], ("FRALAB", None, "143")),
    ],
)
def test_verb_classes(code, triples, text, actors, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in triples(code(text, actors))

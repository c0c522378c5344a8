"""Precision rules for events, each on one hand-written sentence: nothing false, nothing twice."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_every_conjunct_of_the_means_is_a_means(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = "The militia launched rockets and drones at dawn."
    events = code(text, [("militia", "LBYREB"), ("drones", "LBYMIL")])
    assert triples(events) == {("LBYREB", None, "194")}


def test_on_behalf_of_is_not_the_target(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "The coalition is fighting the rebels on behalf of the government.",
        [("coalition", "SAUMIL"), ("rebels", "YEMREB"), ("government", "YEMGOV")],
    )
    assert ("SAUMIL", "YEMGOV", "190") not in triples(events)


def test_headline_participle_without_auxiliary_is_passive(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("5 Kenyan soldiers killed, 3 wounded near border", [("Kenyan soldiers", "KENMIL")])
    assert not any(s == "KENMIL" for s, _, _ in triples(events))  # the dead are no attackers


def test_bare_attack_noun_takes_the_light_verb_subject(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("France launched airstrikes on the town.", [("France", "FRA"), ("airstrikes", "MLIMIL")])
    assert triples(events) == {("FRA", None, "195")}


def test_place_named_as_a_compound_says_where(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("Dozens died in the Chad market bombing.", [("Chad", "TCD")])
    assert events == []


def test_capital_possessive_of_an_attack_says_where(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("The group claimed Kabul's suicide attack.", [("Kabul", "AFGGOV")])
    assert not any(e.cameo.startswith("18") and e.source is not None for e in events)


def test_since_a_year_is_a_span_not_background(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = "The rebels have attacked the port since 2009."
    events = code(text, [("rebels", "CAFREB")], published="2016-02-13")
    assert len(events) == 1


def test_attack_verb_and_its_attack_noun_agent_are_one_event(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("Two people were wounded by an Israeli air strike.", [("Israeli", "ISR")])
    assert len(events) == 1


def test_agreeing_to_sanction_is_the_sanction(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("The EU agreed to impose sanctions on Belarus.", [("EU", "IGOEEC"), ("Belarus", "BLR")])
    assert triples(events) == {("IGOEEC", "BLR", "163")}


def test_a_source_asking_not_to_be_named_makes_no_appeal(code) -> None:  # type: ignore[no-untyped-def]
    events = code("A villager, who asked not to be identified, said the army came.", [("villager", "MMRCVL")])
    assert events == []


def test_closing_speakers_are_not_the_object(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "Gunmen then attacked the bus station, police and residents said.",
        [("Gunmen", "KENUAF"), ("police", "KENCOP")],
    )
    assert triples(events) == {("KENUAF", None, "180")}


def test_a_closing_speaker_parsed_as_a_second_object_is_not_acted_on(code, triples) -> None:  # type: ignore[no-untyped-def]
    """The parse hangs "..., a human rights organization charged" on "abused" as a second object."""
    events = code(
        "U.S. border patrol agents sexually abused illegal Mexican immigrants with impunity, "
        "a human rights organization charged on Saturday.",
        [("U.S. border patrol agents", "USACOP"), ("Mexican immigrants", "MEXCVL"),
         ("human rights organization", "USAHRI")],
    )  # fmt: skip
    assert triples(events) == {("USACOP", "MEXCVL", "180")}


def test_boosting_an_act_is_that_act(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "Regime forces intensified their campaign on the rebels.",
        [("Regime forces", "SYRMIL"), ("rebels", "SYRREB")],
    )
    assert {c[:2] for _, _, c in triples(events)} == {"19"}


def test_harm_to_an_economy_is_no_assault(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("US sanctions have hurt the Iranian economy.", [("US", "USA"), ("Iranian", "IRN")])
    assert not any(c[:2] in ("18", "19", "20") for _, _, c in triples(events))
    # the thing hit by force is still hit
    events = code("Rebels attacked the market in Gao.", [("Rebels", "MLIREB")])
    assert {c[:2] for _, _, c in triples(events)} & {"18", "19"}


def test_a_possible_harm_with_no_doer_is_no_act(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("She said school children can still be attacked.", [("school children", "NGACVL")])
    assert events == []
    # a possible act keeps its doer, resolved or not, and so does a passive naming its agent
    events = code("They may impose sanctions on Somalia.", [("Somalia", "SOM")])
    assert triples(events) == {(None, "SOM", "163")}
    events = code("The town could be shelled by Russian forces.", [("Russian forces", "RUSMIL")])
    assert {c[:2] for _, _, c in triples(events)} == {"19"}

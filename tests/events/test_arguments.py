"""arguments.py: source and target from the parse, one small sentence per construction."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_active_subject_and_object(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "Israeli troops attacked Hamas fighters in Gaza.",
        [("Israeli troops", "ISRMIL"), ("Hamas fighters", "PSEREB")],
    )
    assert triples(events) == {("ISRMIL", "PSEREB", "190")}


def test_passive_with_agent(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "The rebels were shelled by government forces.",
        [("The rebels", "SYRREB"), ("government forces", "SYRMIL")],
    )
    assert triples(events) == {("SYRMIL", "SYRREB", "194")}


def test_air_strikes_backing_forces_assault_their_enemy(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = "Government forces backed by Russian air strikes advanced against rebel positions."
    events = code(
        text, [("Government forces", "SYRMIL"), ("Russian air strikes", "RUSMIL"), ("rebel", "SYRREB")]
    )
    # the strikes are Russia's assault on the rebels (support.py), not cooperation with the forces
    assert triples(events) == {("SYRMIL", "SYRREB", "190"), ("RUSMIL", "SYRREB", "195")}
    attack = next(e for e in events if e.cameo == "190")
    assert attack.plover == "ASSAULT"
    assert attack.trigger.text == "advanced against"


def test_coordinated_subjects_and_verbs(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = "France and Germany condemned Russia and blamed Belarus."
    events = code(text, [("France", "FRA"), ("Germany", "DEU"), ("Russia", "RUS"), ("Belarus", "BLR")])
    assert triples(events) == {
        ("FRA", "RUS", "111"), ("DEU", "RUS", "111"), ("FRA", "BLR", "112"), ("DEU", "BLR", "112"),
    }  # fmt: skip


def test_relative_clause_subject(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested the militants who attacked the embassy of Kenya."
    events = code(text, [("Police", "SOMCOP"), ("the militants", "SOMREB"), ("Kenya", "KEN")])
    assert ("SOMCOP", "SOMREB", "173") in triples(events)
    assert ("SOMREB", "KEN", "190") in triples(events)


def test_nominal_trigger_with_modifier_and_by_phrase(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian air strikes on Idlib killed ten people. "
        "The offensive by regime forces on rebel areas continued."
    )
    events = code(text, [("Russian air strikes", "RUSMIL"), ("regime forces", "SYRMIL"), ("rebel", "SYRREB")])
    assert ("RUSMIL", None, "195") in triples(events)
    assert ("SYRMIL", "SYRREB", "190") in triples(events)


def test_light_verb_lends_its_subject(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "The army launched an offensive against the rebels.",
        [("The army", "NGAMIL"), ("the rebels", "NGAREB")],
    )
    assert triples(events) == {("NGAMIL", "NGAREB", "190")}
    assert events[0].confidence < 0.8  # source found through the light verb


def test_apposition_subject(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = "UN envoy, Staffan de Mistura, halted the peace talks."
    events = code(text, [("Staffan de Mistura", "IGOUNO")])
    assert triples(events) == {("IGOUNO", None, "164")}
    assert events[0].trigger.text == "halted the peace talks"


def test_no_actor_gives_nothing(code) -> None:  # type: ignore[no-untyped-def]
    assert code("The attack killed dozens and an offensive began in the north.", []) == []


def test_required_target_missing_gives_nothing(code) -> None:  # type: ignore[no-untyped-def]
    # "criticised" needs someone criticised; a stadium is not an actor (a policy, a decision or a
    # law is an act, criticised by its critic alone: see `verbs.yml`)
    assert code("Germany criticised the new stadium.", [("Germany", "DEU")]) == []


def test_headline_passive_without_auxiliary(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "Four Protesters Shot by Soldiers in Khartoum",
        [("Four Protesters", "SDNOPP"), ("Soldiers", "SDNMIL")],
    )
    # shooting protesters is violent repression (175; `irregular.py`)
    assert triples(events) == {("SDNMIL", "SDNOPP", "175")}


def test_modifier_of_a_modifier_is_not_the_attacker(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Six soldiers died in the army base attacks.", [("army", "MLIMIL")])
    assert events == []


def test_the_maker_of_a_participle_noun_is_its_actor(code, triples) -> None:  # type: ignore[no-untyped-def]
    """ "the allegations made by Pakistan" stand for Pakistan, who is rejected."""
    events = code(
        "India rejected the allegations made by Pakistan on Monday.",
        [("India", "IND"), ("Pakistan", "PAK")],
    )
    assert ("IND", "PAK", "120") in {(s, t, c[:3]) for s, t, c in triples(events)}


def test_a_past_tense_read_as_a_modifier_of_the_opening_name_is_its_verb(code, triples) -> None:  # type: ignore[no-untyped-def]
    """The small model reads "Leavitt called ..." as the noun "Leavitt" modified by "called", leaving
    the sentence without a verb: the name is still the subject."""
    events = code(
        "Leavitt called Ford\u2019s comments \u201cegregious and insulting.\u201d",
        [("Leavitt", "USAGOV"), ("Ford", "CANGOV")],
    )
    assert ("USAGOV", "CANGOV", "111") in triples(events)


def test_a_subject_hung_on_the_auxiliary_is_the_verb_s(code, triples) -> None:  # type: ignore[no-untyped-def]
    """Quotes inside the verb group ('is “flagrantly” defying') make the small model hang the subject
    on "is": it is still the subject of the verb."""
    events = code(
        "The US said Iran is \u201cflagrantly\u201d defying the Security Council.",
        [("US", "USA"), ("Iran", "IRN"), ("Security Council", "IGOUNO")],
    )
    assert {("IRN", "IGOUNO", "128"), ("USA", "IRN", "112")} <= triples(events)


def test_a_second_titled_person_joined_to_the_first_ones_name_is_a_target_too(  # type: ignore[no-untyped-def]
    code, triples,
) -> None:
    """The parser joins "Philippine President Rodrigo Duterte" to "Modi", the name apposed to the
    first title, not to the title the verb takes as object: both are met."""
    text = "Suga will meet India's Prime Minister Narendra Modi and Philippine President Rodrigo Duterte."
    events = code(text, [
        ("Suga", "JPNGOV"), ("India's Prime Minister Narendra Modi", "INDGOV"),
        ("Philippine President Rodrigo Duterte", "PHLGOV"),
    ])  # fmt: skip
    assert {("JPNGOV", "INDGOV", "040"), ("JPNGOV", "PHLGOV", "040")} <= triples(events)


def test_a_noun_joined_to_an_apposed_name_is_not_another_party(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = "Hungary criticised Polat Sayim, an ethnic Uyghur and the vice chair of the council."
    events = code(text, [("Hungary", "HUN"), ("Polat Sayim", "CHNCVL"), ("council", "IGO")])
    assert triples(events) == {("HUN", "CHNCVL", "111")}


def test_conjoined_passive_verbs_share_voice_subject_and_agent(code, triples) -> None:  # type: ignore[no-untyped-def]
    """The second of two conjoined passive participles has neither auxiliary nor subject of its own:
    it is passive too, befalls the first verb's subject, and the by-agent one of them names did both."""
    text = "Deputy President Rigathi Gachagua was impeached and removed from office by lawmakers."
    events = code(text, [("Deputy President Rigathi Gachagua", "KENGOV"), ("lawmakers", "KENLEG")])
    assert {(s, t) for s, t, _ in triples(events)} == {("KENLEG", "KENGOV")}
    assert {e.trigger.text.split()[0] for e in events} == {"impeached", "removed"}
    relative = "The opposition leader, who was detained and later expelled, is ill."
    expelled = code(relative, [("The opposition leader", "KENOPP")])
    assert {(s, t, c[:2]) for s, t, c in triples(expelled)} == {(None, "KENOPP", "17")}


def test_the_triggers_own_object_is_its_means_and_the_partner_comes_after_with(  # type: ignore[no-untyped-def]
    code, triples,
) -> None:
    """ "joined forces with X": "forces" is the act's own word, not whom it is done with."""
    text = "Al-Shabab joined forces with Kenyan rebels."
    events = code(text, [("Al-Shabab", "SOMREB"), ("forces", "MIL"), ("Kenyan rebels", "KENREB")])
    assert {(s, t) for s, t, _ in triples(events)} == {("SOMREB", "KENREB")}


def test_the_object_of_a_verb_among_the_triggers_words_is_its_target(code, triples) -> None:  # type: ignore[no-untyped-def]
    """ "tried to kill X": the trigger is "try" with "kill"; whom it aims at is kill's object, not a
    place the sentence names."""
    text = "The gang tried to kill the journalist in New York."
    events = code(text, [("gang", "RUSCRM"), ("journalist", "USAMED"), ("New York", "USA")])
    assert triples(events) == {("RUSCRM", "USAMED", "185")}

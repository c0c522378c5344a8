"""modality.py: negation, hypothetical and reported events."""

from __future__ import annotations

import pytest

from newsevents.errors import ResourceError
from newsevents.events.modality import load_cues

pytestmark = pytest.mark.model


def test_negation_on_auxiliary(code) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "The rebels will not stop fighting the army.", [("The rebels", "SYRREB"), ("the army", "SYRMIL")]
    )
    assert [e.cameo for e in events] == ["087"]
    assert events[0].negated


def test_plain_event_not_negated(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The army shelled the rebels.", [("The army", "SYRMIL"), ("the rebels", "SYRREB")])
    assert events[0].negated is False and events[0].modality == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "The army could attack the rebels.",
        "The army threatened to attack the rebels.",
        "If talks fail, the army will attack the rebels.",
        "A possible offensive by the army against the rebels worries aid groups.",
    ],
)
def test_hypothetical(code, text) -> None:  # type: ignore[no-untyped-def]
    events = code(text, [("the army", "SYRMIL"), ("the rebels", "SYRREB")] if "the army" in text else
                  [("The army", "SYRMIL"), ("the rebels", "SYRREB")])  # fmt: skip
    assert events, text
    assert all(e.modality == "hypothetical" for e in events if e.cameo.startswith("19"))


def test_polite_would_is_not_hypothetical(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Assad said: I would like to ask every refugee to come back.",
                  [("Assad", "SYRGOV"), ("I", "SYRGOV", "pronoun"), ("every refugee", "SYRREF")])  # fmt: skip
    assert [(e.cameo, e.plover) for e in events] == [("020", "REQUEST")]
    assert events[0].modality != "hypothetical"


def test_reported_with_speaker(code) -> None:  # type: ignore[no-untyped-def]
    text = "The army shelled the rebels overnight, a Turkish official said."
    events = code(text, [("The army", "SYRMIL"), ("the rebels", "SYRREB"), ("a Turkish official", "TURGOV")])
    assert len(events) == 1
    assert events[0].modality == "reported"
    assert events[0].attributed_to is not None and events[0].attributed_to.code == "TURGOV"


def test_reported_inside_quotes(code) -> None:  # type: ignore[no-untyped-def]
    text = "“The army shelled the rebels,” the monitor said."
    events = code(text, [("The army", "SYRMIL"), ("the rebels", "SYRREB"), ("the monitor", "NGO")])
    assert events[0].modality == "reported"
    assert events[0].attributed_to.code == "NGO"


def test_cue_file_must_have_lists(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "cues.yml"
    bad.write_text("negation: not\n")
    with pytest.raises(ResourceError, match="negation"):
        load_cues([bad])


def test_negated_speech_verb_does_not_negate_the_event(code) -> None:  # type: ignore[no-untyped-def]
    text = "The rebels did not acknowledge launching the attack on the army."
    events = code(text, [("The rebels", "YEMREB"), ("the army", "SAUMIL")])
    assert [(e.cameo, e.negated) for e in events] == [("190", False)]


@pytest.mark.parametrize("adverb", ["seldom", "rarely"])
def test_a_habit_of_not_acting_is_negated(code, adverb) -> None:  # type: ignore[no-untyped-def]
    actors = [("The army", "SYRMIL"), ("the rebels", "SYRREB")]
    events = code(f"The army {adverb} shelled the rebels.", actors)
    assert events and all(e.negated for e in events)


def test_no_longer_negates_the_act(code) -> None:  # type: ignore[no-untyped-def]
    actors = [("The army", "SYRMIL"), ("the rebels", "SYRREB")]
    events = code("The army will no longer shell the rebels.", actors)
    assert events and all(e.negated for e in events)
    # "not long after" dates the act, it does not deny it
    events = code("The army shelled the rebels not long after dawn.", actors)
    assert events and not any(e.negated for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The army seldom shelled the rebels and instead besieged the town.",
        "The army did not shell the rebels but besieged the town.",
        "The army did not shell the rebels but rather besieged the town.",
    ],
)
def test_a_verb_set_against_a_negated_one_is_not_negated(code, text) -> None:  # type: ignore[no-untyped-def]
    """ "did not X but Y", "seldom X and instead Y": the contrasted verb is told as done."""
    events = code(text, [("The army", "SYRMIL"), ("the rebels", "SYRREB"), ("the town", "SYRCVL")])
    told = {(e.target.code if e.target else None, e.negated) for e in events}
    assert told >= {("SYRREB", True), ("SYRCVL", False)}


def test_a_plainly_joined_verb_shares_the_negation(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The army did not shell the rebels and did not besiege the town.",
                  [("The army", "SYRMIL"), ("the rebels", "SYRREB"), ("the town", "SYRCVL")])  # fmt: skip
    assert events and all(e.negated for e in events)

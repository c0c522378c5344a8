"""An "X-backed" attack with no actor of its own is by the actor the article showed X backing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

BACKING = "Syrian regime forces, backed by Russian air strikes, advanced against rebels on Sunday. "
OFFENSIVE = "A major Russian-backed offensive is under way in the north."


def test_backed_offensive_is_by_the_actor_the_backer_was_shown_backing(code, triples) -> None:  # type: ignore[no-untyped-def]
    actors = [
        ("Syrian regime forces", "SYRMIL"),
        ("Russian air strikes", "RUSMIL"),
        ("rebels", "SYRREB"),
        ("Russian", "RUS", "name", 1),
    ]
    events = code(BACKING + OFFENSIVE, actors)
    # the strikes are coded as Russia's assault on the rebels, yet they show whom Russia backs
    assert ("RUSMIL", "SYRREB", "195") in triples(events)
    assert not [e for e in events if e.cameo == "062"]
    offensive = [e for e in events if e.trigger.text == "offensive"]
    assert [(e.source.code if e.source else None, e.cameo) for e in offensive] == [("SYRMIL", "190")]
    assert offensive[0].confidence < 0.6  # the performer is inferred


def test_backed_offensive_without_known_backing_stays_uncoded(code) -> None:  # type: ignore[no-untyped-def]
    events = code(OFFENSIVE, [("Russian", "RUS")])
    assert not [e for e in events if e.trigger.text == "offensive"]


def test_backer_of_two_countries_actors_is_ambiguous(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebels backed by US air strikes attacked the army. "
        "Iraqi troops backed by US air strikes attacked Mosul. " + OFFENSIVE.replace("Russian", "US")
    )
    actors = [
        ("Rebels", "SYRREB"),
        ("US air strikes", "USAMIL"),
        ("the army", "SYRMIL"),
        ("Iraqi troops", "IRQMIL"),
        ("US air strikes", "USAMIL", "name", 1),
        ("US", "USA", "name", 2),
    ]
    events = code(text, actors)
    # strikes backing the rebels' attack hit the army; those backing the troops' attack on a town stay support
    assert ("USAMIL", "SYRMIL", "195") in triples(events)
    assert {e.target.code for e in events if e.cameo == "062" and e.target} == {"IRQMIL"}
    assert not [e for e in events if e.trigger.text == "offensive"]

"""victims.py: attacks reported only through their victims, and what is never coded that way.

Actors are hand-built (tests/events/conftest.py), so each test checks the event rule alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import ResourceError
from newsevents.events.victims import load_victim_rules
from newsevents.model import Evidence

pytestmark = pytest.mark.model


def test_passive_killing_codes_the_victims_with_unknown_attacker(  # type: ignore[no-untyped-def]
    code, triples,
) -> None:
    events = code("Five civilians were killed in the village on Tuesday.", [("civilians", "SYRCVL")])
    assert triples(events) == {(None, "SYRCVL", "190")}
    assert events[0].confidence == 0.5  # one actor (0.6), unknown attacker (-0.1)
    assert events[0].trigger.text == "killed"


def test_shot_dead_takes_the_small_arms_code(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "A soldier was shot dead and another was killed by gunfire in Kabul.", [("soldier", "AFGMIL")]
    )
    assert (None, "AFGMIL", "193") in triples(events)


def test_wounded_when_a_bomb_exploded_is_a_bombing(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "Two police officers were wounded when a bomb exploded in Baghdad.", [("police officers", "IRQCOP")]
    )
    assert triples(events) == {(None, "IRQCOP", "183")}


def test_car_bomb_beats_bomb(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("Three soldiers were killed by a car bomb near the base.", [("soldiers", "IRQMIL")])
    assert triples(events) == {(None, "IRQMIL", "1832")}


def test_named_agent_is_still_the_source(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "Two soldiers were killed by rebels on Monday.", [("soldiers", "COLMIL"), ("rebels", "COLREB")]
    )
    assert triples(events) == {("COLREB", "COLMIL", "190")}


def test_attacker_modifying_the_means_is_the_source(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = "Four children were killed in Israeli tank shelling on Friday."
    events = code(text, [("children", "PSECVL"), ("Israeli", "ISR")])
    assert triples(events) == {("ISR", "PSECVL", "194")}


def test_attack_noun_with_its_attacker_takes_the_victims(  # type: ignore[no-untyped-def]
    code, triples,
) -> None:
    text = "Seven soldiers were killed in a Taliban attack in Samangan."
    events = code(text, [("soldiers", "AFGMIL"), ("Taliban", "AFGTAL")])
    assert triples(events) == {("AFGTAL", "AFGMIL", "190")}
    assert [e.trigger.text for e in events] == ["attack"]


@pytest.mark.parametrize("text", [
    "Three soldiers were killed in a car crash on the highway.",
    "Two policemen were injured when their vehicle overturned.",
    "Five villagers were killed in the floods last week.",
    "A soldier was killed in a house fire in Lagos.",
])  # fmt: skip
def test_accidents_and_disasters_are_not_coded(code, text: str) -> None:  # type: ignore[no-untyped-def]
    victims = next(w for w in ("soldiers", "policemen", "villagers", "soldier") if w in text)
    assert code(text, [(victims, "NGAMIL")]) == []


def test_fire_from_guns_is_no_house_fire(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "Two soldiers were killed when gunmen opened fire on a checkpoint.", [("soldiers", "PAKMIL")]
    )
    assert triples(events) == {(None, "PAKMIL", "193")}


@pytest.mark.parametrize("text", [
    "More than 300 soldiers have been killed since the ceasefire collapsed.",
    "Hundreds of soldiers have been killed in the war.",
    "Thousands of soldiers have been killed.",
    "The conflict has killed 260,000 soldiers.",
    "Soldiers are killed every day in the north.",
    "Over 370 soldiers were killed in clashes this year.",
])  # fmt: skip
def test_tolls_and_generic_statements_are_not_coded(code, text: str) -> None:  # type: ignore[no-untyped-def]
    which = "Soldiers" if text.startswith("Soldiers") else "soldiers"
    assert code(text, [(which, "SYRMIL")]) == []


@pytest.mark.parametrize("text", [
    "Civilians could be killed if the offensive goes ahead.",
    "Civilians will be killed in the coming days.",
    "No civilians were injured in the incident.",
])  # fmt: skip
def test_hypothetical_future_and_negated_are_not_coded(  # type: ignore[no-untyped-def]
    code, text: str,
) -> None:
    which = "Civilians" if text.startswith("Civilians") else "civilians"
    assert code(text, [(which, "SYRCVL")]) == []


def test_one_event_when_another_trigger_already_gives_it(  # type: ignore[no-untyped-def]
    code, triples,
) -> None:
    events = code("A policeman was attacked and wounded by gunfire in Kabul.", [("policeman", "AFGCOP")])
    assert triples(events) == {(None, "AFGCOP", "190")}
    assert [e.trigger.text for e in events] == ["attacked"]


def test_headline_with_open_side_is_covered_by_body(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = "Taliban attack kills 15\n\nFifteen soldiers were killed in a Taliban attack on Monday.\n"
    end = text.index("\n")
    actors = [("Taliban", "AFGTAL", "name", 0), ("Taliban", "AFGTAL", "name", 1), ("soldiers", "AFGMIL")]
    events = code(text, actors, title=text[:end], title_span=Evidence.of(text, 0, end))
    assert triples(events) == {("AFGTAL", "AFGMIL", "190")}


def test_bad_victims_file_names_file_and_line(codebook, tmp_path: Path) -> None:
    bad = tmp_path / "victims.yml"
    bad.write_text('- {phrase: crash, kind: cause}\n- {phrase: rocket, kind: means, cameo: "9999"}\n')
    with pytest.raises(ResourceError, match=r"victims.yml:2 -> cameo"):
        load_victim_rules(codebook.codes, [bad])


def test_accident_outside_the_parsed_clause_is_not_coded(code) -> None:  # type: ignore[no-untyped-def]
    """The small model hangs "capsizes" under "fleeing", outside the clause of "killed"."""
    assert code("12 refugees killed after boat capsizes fleeing Myanmar", [("refugees", "MMRREF")]) == []


def test_phrases_by_first_word_keep_the_rules_order_per_kind_and_scope(codebook, tmp_path: Path) -> None:
    """`_found` tries the phrases at a word in the rules' order: the index must keep it, and hold
    only the phrases of the kind and scope asked for."""
    extra = tmp_path / "victims.yml"
    extra.write_text(
        "- {phrase: since the war, kind: cumulative}\n"
        "- {phrase: since then, kind: cumulative, scope: victims}\n"
        "- {phrase: since dawn, kind: cumulative}\n"
    )
    rules = load_victim_rules(codebook.codes, [extra])
    asked = (("cause", None), ("means", None), ("cumulative", "clause"), ("cumulative", "victims"))
    for kind, scope in asked:
        chosen = [p for p in rules.of_kind(kind) if scope is None or p.scope == scope]
        index = rules.by_first(kind, scope)
        assert rules.by_first(kind, scope) is index  # made once
        assert sorted(pair for pairs in index.values() for pair in pairs) == list(enumerate(chosen))
        assert all(phrase.words[0] == word for word, pairs in index.items() for _, phrase in pairs)
    since = [phrase.words for _, phrase in rules.by_first("cumulative", "clause")["since"]]
    assert since.index(("since", "the", "war")) < since.index(("since", "dawn"))
    assert ("since", "then") not in since

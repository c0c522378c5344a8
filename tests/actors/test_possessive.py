"""A possessive "its" stands for the group that is the subject of its clause, or of a clause above
it, or for the group its noun is joined to ("Israel and its allies"); not when its noun names an
actor of its own, nor when that noun is the object of the owner's own verb."""

from __future__ import annotations

import pytest
from tests.events.conftest import extract_sentences

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


def owners(actor_dictionary, parse, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    return [m.actor.code for m in find_mentions(doc, art, actor_dictionary) if m.actor.text == "its"]


def test_its_is_the_subject_of_a_clause_above(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "Trump said that if Europe follows through on its tariff on whiskey, he will respond."
    assert owners(actor_dictionary, parse, text) == ["EUR"]


def test_its_after_and_is_the_group_it_is_joined_to(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    assert owners(actor_dictionary, parse, "Iran and its allies attacked Israel.") == ["IRN"]


def test_its_before_a_named_actor_is_left_alone(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The talks sought a ceasefire between Ethiopia and its neighbour, Eritrea."
    assert owners(actor_dictionary, parse, text) == []


def test_its_on_the_owners_own_object_is_left_alone(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The ILO reiterated its demand that Israel ease restrictions on Palestinian workers."
    assert owners(actor_dictionary, parse, text) == []


def test_an_act_owned_through_its_is_coded_on_the_owner() -> None:
    got = extract_sentences(
        {
            "tariff": "Trump said that if Europe follows through on its tariff on "
            "American whiskey, he will respond."
        }
    )["tariff"]
    tariffs = [e for e in got.events if e.cameo == "163"]
    assert tariffs and tariffs[0].source is not None and tariffs[0].source.code == "EUR"


def test_a_demand_restated_through_its_keeps_its_target() -> None:
    text = (
        "The International Labor Office (ILO) reiterated its demand today that Israel ease "
        "restrictions on the movement of Palestinian workers."
    )
    got = extract_sentences({"demand": text})["demand"]
    assert any(e.cameo == "100" and e.target is not None and e.target.country == "ISR" for e in got.events)

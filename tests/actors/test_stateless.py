"""Agents whose words say they are of no one country await none (actors/stateless.py)."""

from __future__ import annotations

import pytest
from tests.actors.test_resolve import mentions

pytestmark = pytest.mark.model


def _awaiting(actor_dictionary, parse, text: str) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    return {m.actor.text: m.needs_country for m in mentions(actor_dictionary, parse, text)}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("World leaders condemned the abduction of the girls in Nigeria.", "leaders"),
        ("Global leaders condemned the abduction of the girls in Nigeria.", "leaders"),
        ("International rights groups condemned Thailand for the deportations.", "rights groups"),
    ],
)
def test_an_agent_of_no_one_country_awaits_none(  # type: ignore[no-untyped-def]
    actor_dictionary, parse, text: str, agent: str
) -> None:
    """The story's country is the one these agents act on, not theirs: no country is guessed."""
    got = _awaiting(actor_dictionary, parse, text)
    assert got[agent] is False


def test_the_same_words_without_the_modifier_await_a_country(  # type: ignore[no-untyped-def]
    actor_dictionary, parse
) -> None:
    got = _awaiting(actor_dictionary, parse, "Rights groups condemned the arrests, and leaders met.")
    assert got["Rights groups"] is True
    assert got["leaders"] is True


def test_a_modifier_that_is_part_of_an_office_still_awaits_a_country(  # type: ignore[no-untyped-def]
    actor_dictionary, parse
) -> None:
    """ "foreign ministry officials" are one state's: the modifier names the office, not a foreigner."""
    got = _awaiting(actor_dictionary, parse, "Foreign ministry officials said the talks would resume.")
    assert any(awaits for text, awaits in got.items() if "officials" in text)


def test_international_rights_groups_are_a_non_governmental_body(  # type: ignore[no-untyped-def]
    actor_dictionary, parse
) -> None:
    """CAMEO codes a rights group of no one country as it codes Amnesty International (NGOHRI);
    other sectors of no one country keep their sector alone."""
    codes = {m.actor.text: m.actor.code for m in mentions(
        actor_dictionary, parse, "International rights groups and world leaders condemned the deportations.")}
    assert codes["rights groups"] == "NGOHRI"
    assert codes["leaders"] == "GOV"

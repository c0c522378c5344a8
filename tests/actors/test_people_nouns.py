"""People nouns the dictionaries lacked or coded otherwise (sectors.yml): hostages and relatives
are civilians, banned authors the media, publishers businesses, school children civilians
(students stay EDU). Before, the first four were no actor and their event lost a side ("Threatening
to kill the hostages, the group ..." had no target). The sentences are the project's own."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "party", "sector"),
    [
        ("The militants threatened to kill the hostages.", "hostages", "CVL"),
        ("Police questioned the relatives of the victims.", "relatives", "CVL"),
        ("The floods left many families homeless.", "families", "CVL"),
        ("The government banned books by women authors.", "authors", "MED"),
        ("Officials met with publishers on Monday.", "publishers", "BUS"),
        ("Gunmen kidnapped 270 schoolgirls from their school.", "schoolgirls", "CVL"),
        ("The students marched to the ministry.", "students", "EDU"),
    ],
)
def test_people_nouns_have_a_sector(actor_dictionary, parse, text: str, party: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    sectors = {m.actor.text: m.actor.sector for m in find_mentions(doc, art, actor_dictionary)}
    assert any(party in t and s == sector for t, s in sectors.items()), sectors


def test_security_officials_are_the_police_not_the_government(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    """PETRARCH's agents code security officials and officers COP; the curated "officials" would
    otherwise make them the government's (and a meeting with them a self-event of one code)."""
    art, doc = parse("The Israeli leader said he had met with security officials.")
    codes = {m.actor.text: m.actor.sector for m in find_mentions(doc, art, actor_dictionary)}
    assert codes["security officials"] == "COP"
    art, doc = parse("Palestinian security officers said the man was freed.")
    codes = {m.actor.text: m.actor.code for m in find_mentions(doc, art, actor_dictionary)}
    assert codes["Palestinian security officers"] == "PSECOP"

"""Countries listed with commas are one mention each, whatever the parse hangs between them: the
small model reads "Greece, Panama and South Korea" as "Panama" in apposition to "Greece", which
made the two one mention coded as Panama (`resolve._parents`). The sentences are the project's own."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


def test_a_list_of_countries_is_one_mention_each(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    art, doc = parse("Greece, Panama and South Korea also supported the call.")
    found = [(m.actor.text, m.actor.code) for m in find_mentions(doc, art, actor_dictionary)]
    assert found == [("Greece", "GRC"), ("Panama", "PAN"), ("South Korea", "KOR")]

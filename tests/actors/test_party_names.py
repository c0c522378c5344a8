"""A party the dictionary does not know is named by its capitalised head "Party" ("the National
Congress Party"): a PTY actor (sectors.yml). The lower-case word stays none ("warring parties",
"a birthday party"). The sentences are the project's own."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


def _sectors(actor_dictionary, parse, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    return [m.actor.sector for m in find_mentions(doc, art, actor_dictionary)]


def test_a_party_name_unknown_to_the_dictionary_is_a_party(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    assert "PTY" in _sectors(actor_dictionary, parse, "The National Congress Party condemned the new law.")


@pytest.mark.parametrize("text", ["The warring parties met in Jeddah.", "Guests came to a birthday party."])
def test_the_lower_case_word_is_no_party(actor_dictionary, parse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "PTY" not in _sectors(actor_dictionary, parse, text)

"""A body named again by its initials, or by the acronym the text gave in parentheses after its
name, is that body (`initials`); an office's initials ("DP" after "Deputy President") and an
acronym named before the body stay no actor. The sentences are the project's own."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


def _actors(actor_dictionary, parse, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    return {m.actor.text: m.actor.sector for m in find_mentions(doc, art, actor_dictionary)}


def test_the_initials_of_a_party_named_before_are_that_party(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The government dissolved the National Congress Party. It seized the NCP's assets."
    assert _actors(actor_dictionary, parse, text).get("NCP") == "PTY"


def test_an_acronym_given_in_parentheses_is_the_body_before_it(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "Leaders of the Popular Unity Party (UPF) met in the capital. The UPF rejected the plan."
    found = _actors(actor_dictionary, parse, text)
    assert found.get("UPF") == "PTY"
    assert "(UPF" not in "".join(found)  # the definition itself is no second mention


def test_an_acronym_before_the_body_is_named_is_none(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The NCP was founded in 1998. The government dissolved the National Congress Party."
    assert "NCP" not in _actors(actor_dictionary, parse, text)


def test_the_initials_of_an_office_are_no_actor(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "Deputy President William Ruto spoke in Nairobi. The DP said the vote was fair."
    assert "DP" not in _actors(actor_dictionary, parse, text)


def test_the_small_words_of_a_name_give_no_initial(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The Ministry of Foreign Affairs summoned the envoy. The MFA said it would reply."
    assert _actors(actor_dictionary, parse, text).get("MFA") == "GOV"

"""A body named again by the last word of its name (`actors/bodies.py`): "the Council" after "the
U.N. Security Council". Before, the bare noun was no actor. The sentences are the project's own."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


def _codes(actor_dictionary, parse, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    return {m.actor.text: m.actor.code for m in find_mentions(doc, art, actor_dictionary)}


@pytest.mark.parametrize(
    ("text", "again", "code"),
    [
        ("The U.N. Security Council met on Monday. The U.S. envoy urged the Council to act.", "the Council",
         "IGOUNO"),
        ("The International Energy Agency said demand fell. The agency called for investment.", "The agency",
         "IGOUNOAIE"),
    ],
)  # fmt: skip
def test_the_last_word_of_a_body_names_it_again(  # type: ignore[no-untyped-def]
    actor_dictionary, parse, text: str, again: str, code: str
) -> None:
    assert _codes(actor_dictionary, parse, text).get(again) == code


def test_a_noun_no_name_ends_with_is_no_actor(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(actor_dictionary, parse, "The U.N. Security Council met. The meeting ended early.")
    assert "The meeting" not in codes


def test_a_noun_with_words_of_its_own_is_left_alone(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(actor_dictionary, parse, "The U.N. Security Council met. The city council voted.")
    assert not any(text.lower().endswith("council") and code == "IGOUNO" for text, code in codes.items()
                   if text != "U.N. Security Council")  # fmt: skip

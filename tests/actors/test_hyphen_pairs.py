"""Two parties joined by a hyphen ("US-China", "Israel-Hamas") are two mentions, each with its own
offsets, not one actor coded as the second; a hyphen that joins no two named parties ("Saudi-led",
"African-American") changes nothing. The sentences are the project's own."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


def _found(actor_dictionary, parse, text: str) -> list[tuple[str, str, int, int]]:  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    found = find_mentions(doc, art, actor_dictionary)
    return [(m.actor.text, m.actor.code, m.token_start, m.token_end) for m in found]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Russia-Ukraine peace talks opened in Istanbul.", ("Russia", "RUS"), ("Ukraine", "UKR")),
        ("The Israel-Hamas ceasefire collapsed on Tuesday.", ("Israel", "ISR"), ("Hamas", "PSEREB")),
        ("An India-Pakistan border clash erupted on Sunday.", ("India", "IND"), ("Pakistan", "PAK")),
    ],
)
def test_a_hyphen_pair_is_two_mentions(  # type: ignore[no-untyped-def]
    actor_dictionary, parse, text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    got = {(t, c) for t, c, _, _ in _found(actor_dictionary, parse, text)}
    assert first in got and second in got


def test_each_part_keeps_its_own_words(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = _found(actor_dictionary, parse, "The US-China summit ended.")
    assert ("US", "USA", 1, 2) in got and ("China", "CHN", 3, 4) in got


def test_a_led_coalition_is_no_pair(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = _found(actor_dictionary, parse, "A Saudi-led coalition struck Yemen.")
    assert ("Saudi-led coalition", "SAUMIL", 1, 5) in got

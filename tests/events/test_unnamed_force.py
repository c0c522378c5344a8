"""Acts of force told with no actor on either side, through the real pipeline (`unnamed.py`).

In a story of conflict "the convoy came under attack" or "the village was shelled" tells an attack
though neither the attackers nor the attacked are actors of the sentence; it is coded with no party.
Outside such a story, with a doer named who is no actor, or negated, it is not. The sentences are
the project's own.
"""

from __future__ import annotations

import pytest
from tests.events.conftest import side_triples

pytestmark = pytest.mark.model

CONFLICT = "Taliban fighters killed four Afghan soldiers near Kandahar on Monday. "


@pytest.mark.parametrize(
    "told",
    [
        "The next day a supply convoy came under attack near the border.",
        "A day later a checkpoint came under heavy shelling.",
    ],
)
def test_in_a_story_of_conflict_the_act_is_coded_with_no_party(told: str) -> None:
    coded = side_triples(CONFLICT + told)
    assert any(source is None and target is None and code.startswith("19") for source, target, code in coded)


@pytest.mark.parametrize(
    "text",
    [
        "A supply convoy came under attack near the border.",  # no story of conflict
        CONFLICT + "The bus was hit by a truck near the border.",  # a blow, not a word of force
        CONFLICT + "The shop was robbed on Tuesday.",
        CONFLICT + "The bridge was not bombed.",
    ],
)
def test_without_a_conflict_or_a_word_of_force_nothing_is_coded_without_a_party(text: str) -> None:
    assert not any(source is None and target is None for source, target, _ in side_triples(text))


def test_a_doer_named_who_is_no_actor_makes_no_act_without_a_party() -> None:
    coded = side_triples(CONFLICT + "The new policy came under attack from critics on Tuesday.")
    assert not any(source is None and target is None for source, target, _ in coded)

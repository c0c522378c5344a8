"""The leader an "X-led" modifier names makes the act its noun tells ("the U.S.-led offensive",
"Saudi-led air raids"), where a backer ("a Russian-backed offensive") does not (`modifiers._leader`).
Before, the noun named no doer and the act was dropped. The sentences are the project's own."""

from __future__ import annotations

import pytest
from tests.events.conftest import side_triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("He was captured during the U.S.-led offensive in Afghanistan.", "USA"),
        ("He was captured during the Saudi-led offensive in Yemen.", "SAU"),
        ("The headquarters were destroyed by U.S.-led bombing raids.", "USA"),
    ],
)
def test_the_leader_makes_the_act(text: str, leader: str) -> None:
    assert leader in {s for s, _, cameo in side_triples(text) if cameo.startswith("19")}


def test_a_backer_still_does_not() -> None:
    coded = side_triples("He was captured during a Russian-backed offensive in Ukraine.")
    assert not any(s == "RUS" for s, _, cameo in coded if cameo.startswith("19"))

"""An owned act a speaker calls wrong ("Russia's illegal aggression", "Israel's heinous attacks")
anywhere in what the speaker says is criticism of its owner (111), through the real pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import country_triples

pytestmark = pytest.mark.model




@pytest.mark.parametrize(
    "text",
    [
        "The Polish foreign minister said, “We support Ukraine in the face of Russia's illegal aggression.”",
        "The Polish foreign minister tweeted, “It’s time to stop Russia’s heinous and cruel attacks.”",
    ],
)
def test_an_owned_act_called_wrong_criticises_its_owner(text: str) -> None:
    assert ("POL", "RUS", "111") in country_triples(text)


def test_an_owned_act_not_called_wrong_is_no_criticism() -> None:
    text = "The Polish foreign minister said, “We support Ukraine in the face of Russia's aggression.”"
    assert not [c for _, _, c in country_triples(text) if c.startswith("11")]

"""A rescue from captors is no aid: "soldiers rescued 190 passengers from the hijacked train" tells of
the hijacking and of the force used to end it, and nobody gives the passengers anything; a rescue of
people from rubble by another state's rescuers stays emergency help (073). Through the real pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import code_triples, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "passengers": "Pakistani soldiers rescued 190 passengers from the hijacked train.",
    "hostages": "Nigerian police rescued 20 hostages in Kaduna.",
    "rubble": "Turkish rescuers rescued two Syrian children from the rubble.",
}


@pytest.fixture(scope="module")
def coded() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)


def test_rescuing_passengers_or_hostages_is_no_aid(coded: dict[str, Extraction]) -> None:
    assert not [e for name in ("passengers", "hostages") for e in coded[name].events if e.cameo_root == "07"]


def test_rescuing_people_from_rubble_is_still_emergency_help(coded: dict[str, Extraction]) -> None:
    assert code_triples(coded["rubble"].events) == {("TUR", "SYRCVL", "073")}

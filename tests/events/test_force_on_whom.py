"""Whom force befalls decides its code: force by an author the sentence does not name on unarmed
people is unconventional violence (180), force on demonstrators is violent repression (175); a
death told from the victims' side alone, and force on an armed side, keep the trigger's code;
through the real pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import cameos_of, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "unnamed": "They shot and killed people on the train.",
    "officers": "Then they picked out police officers and shot them several times.",
    "armed": "Then they shot two soldiers at the checkpoint.",
    "police": "Police shot protesters in Yangon on Friday.",
    "demonstrators": "At least eight anti-coup demonstrators were killed in Aungban on Friday.",
    "victims": "Nine activists aboard were killed.",
}


@pytest.fixture(scope="module")
def coded() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES, published="2024-05-02")



def test_force_by_an_unnamed_author_on_unarmed_people_is_unconventional(coded: dict[str, Extraction]) -> None:
    assert cameos_of(coded["unnamed"]) == {"180"}
    assert cameos_of(coded["officers"]) == {"180"}


def test_force_on_an_armed_side_keeps_its_code(coded: dict[str, Extraction]) -> None:
    assert cameos_of(coded["armed"]) == {"193"}


def test_force_on_demonstrators_is_violent_repression(coded: dict[str, Extraction]) -> None:
    assert cameos_of(coded["police"]) == {"175"}
    assert cameos_of(coded["demonstrators"]) == {"175"}


def test_a_death_told_from_the_victims_side_keeps_its_code(coded: dict[str, Extraction]) -> None:
    assert cameos_of(coded["victims"]) == {"190"}

"""Who acts "in protest" protests ("hundreds of people massed ... in protest of X"), while people
killed "in riots" riot no more than they protest; and girls and boys are civilians, as women and
children are, through the real pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "massed": "Hundreds of people massed outside the consulate in Istanbul in protest of police actions.",
    "stopped": "Kenyan teachers stopped work in protest over unpaid salaries.",
    "riots": "Serbia lifted a night curfew in Montenegro where 28 people have been killed in ethnic riots.",
    "girls": "The 279 girls were released in Zamfara State, Nigeria, on Tuesday.",
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)


def test_a_crowd_acting_in_protest_protests(extracted: dict[str, Extraction]) -> None:
    assert any(e.cameo_root == "14" and e.source is not None for e in extracted["massed"].events)


def test_workers_stopping_work_in_protest_protest(extracted: dict[str, Extraction]) -> None:
    events = [e for e in extracted["stopped"].events if e.cameo_root == "14"]
    assert events and events[0].source is not None and events[0].source.country == "KEN"


def test_people_killed_in_riots_are_no_rioters(extracted: dict[str, Extraction]) -> None:
    assert not any(e.cameo_root == "14" for e in extracted["riots"].events)


def test_released_girls_are_civilians(extracted: dict[str, Extraction]) -> None:
    events = [e for e in extracted["girls"].events if e.cameo == "0841"]
    assert events and events[0].target is not None and events[0].target.sector == "CVL"

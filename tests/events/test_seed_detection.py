"""The seed's three codings the issue names, each through the real pipeline on the seed file, and
each rule behind them on a second, different sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents import ingest, pipe, pipeline
from newsevents.model import Event, Extraction
from newsevents.settings import load_settings

pytestmark = pytest.mark.model

OTHERS = [
    "The ceasefire will not stop the rebels from shelling the town, the army said on Monday.",
    "Iraqi troops, backed by US air strikes, attacked Islamic State fighters in Mosul on Sunday.",
    "Iran's foreign minister warned that American interference would destabilize the region.",
]


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Extraction:
    settings = load_settings(None)
    found = list(pipeline.run(ingest.read([str(seed_path)], settings), settings))
    assert len(found) == 1 and isinstance(found[0], Extraction)
    return found[0]


@pytest.fixture(scope="module")
def others() -> list[Extraction]:
    return list(pipe(OTHERS))


def _country(actor: object) -> str | None:
    return getattr(actor, "country", None)


def _sentence(events: tuple[Event, ...] | list[Event], words: str) -> list[Event]:
    return [e for e in events if words in e.evidence.text]


def test_seed_will_not_stop_the_fighting_is_negated(seed: Extraction) -> None:
    clause = _sentence(seed.events, "will not stop the regime forces in fighting")
    stop = [e for e in clause if e.trigger.text.startswith("stop")]
    assert stop and all(e.negated for e in stop)
    assert stop[0].cameo_root == "08"
    # the fighting the talks will not stop is no event of its own
    assert not [e for e in clause if e.trigger.text == "fighting"]


def test_negation_reaches_the_verb_whose_object_acts(others: list[Extraction]) -> None:
    stop = [e for e in others[0].events if e.trigger.text.startswith("stop")]
    assert stop and all(e.negated for e in stop)
    assert not [e for e in others[0].events if e.cameo_root == "19" and not e.negated]


def test_seed_russian_air_strikes_assault_the_opposition(seed: Extraction) -> None:
    russian = [e for e in seed.events if _country(e.source) == "RUS"]
    assaults = [e for e in russian if e.cameo_root == "19"]
    assert assaults and all(e.target is not None and e.target.sector in ("OPP", "REB") for e in assaults)
    assert {e.cameo for e in assaults} == {"195"}
    assert not [e for e in russian if e.cameo_root in ("05", "06", "07")]


def test_air_strikes_backing_a_side_assault_its_enemy(others: list[Extraction]) -> None:
    american = [e for e in others[1].events if _country(e.source) == "USA"]
    assert [(e.cameo, e.target is not None and e.target.code[:3]) for e in american] == [("195", "IMG")]


def test_seed_warning_about_intervention_criticises_turkey_and_saudi_arabia(seed: Extraction) -> None:
    clause = _sentence(seed.events, "Turkish and Saudi intervention might worsen")
    criticism = {(_country(e.source), _country(e.target)) for e in clause if e.cameo_root == "11"}
    assert criticism == {("SYR", "TUR"), ("SYR", "SAU")}
    assert all(e.trigger.text == "intervention might worsen" for e in clause if e.cameo_root == "11")


def test_a_warning_about_an_act_criticises_its_owner_and_threatens_nobody(others: list[Extraction]) -> None:
    events = others[2].events
    assert [(_country(e.source), _country(e.target), e.cameo) for e in events] == [
        ("IRN", "USA", "111")
    ]

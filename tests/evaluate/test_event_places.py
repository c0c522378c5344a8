"""Which place an event happened at, against event_location-style gold, on hand-made sentences."""

from __future__ import annotations

from pathlib import Path

from benchmarks.evaluation.run import run_evaluation

from newsevents.model import Event, EventLocation, Evidence

TEXT = "Speaking in Geneva, the envoy said troops shelled Kessa and Dovra on Monday in Iraq."


def _span(word: str) -> dict[str, int]:
    start = TEXT.index(word)
    return {"start": start, "end": start + len(word), "text": word}


def _event(trigger: str, place: str | None) -> Event:
    start = TEXT.index(trigger)
    where = None
    if place:
        p = TEXT.index(place)
        where = EventLocation(place, None, None, None, "city", Evidence.of(TEXT, p, p + len(place)))
    return Event(
        source=None,
        target=None,
        cameo="190",
        cameo_root="19",
        plover="ASSAULT",
        quad_class=4,
        goldstein=-10.0,
        evidence=Evidence.of(TEXT, 0, len(TEXT)),
        trigger=Evidence.of(TEXT, start, start + len(trigger)),
        location=where,
    )


def _score(kit, tmp_path: Path, events, places=("Kessa", "Dovra")):
    gold = kit.write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "s1",
                "text": TEXT,
                "events": [{"trigger": _span("shelled"), "locations": [_span(p) for p in places]}],
            }
        ],
    )
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("s1", TEXT, events)])
    return run_evaluation(gold, pred).datasets[0]


def test_place_of_the_event_is_right(kit, tmp_path: Path) -> None:
    ds = _score(kit, tmp_path, [_event("shelled", "Dovra")])
    c = ds.levels["event_location"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)
    assert ds.measures["triggers_missed"] == 0 and ds.measures["place_right"] == 1.0


def test_the_speakers_place_is_wrong(kit, tmp_path: Path) -> None:
    ds = _score(kit, tmp_path, [_event("shelled", "Geneva")])
    c = ds.levels["event_location"]
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    assert ds.false_alarms == [] and "ours at 'Geneva'" in ds.misses[0].coded
    assert ds.measures["place_right"] == 0.0


def test_no_place_where_the_gold_has_none(kit, tmp_path: Path) -> None:
    ds = _score(kit, tmp_path, [_event("shelled", None)], places=())
    assert ds.measures["no_location_accuracy"] == 1.0 and ds.measures["place_right"] == 1.0
    ds = _score(kit, tmp_path, [_event("shelled", "Iraq")], places=())
    assert ds.levels["event_location"].fp == 1 and ds.measures["no_location_accuracy"] == 0.0


def test_an_event_not_found_counts_only_in_the_all_level(kit, tmp_path: Path) -> None:
    ds = _score(kit, tmp_path, [_event("said", "Geneva")])  # its evidence holds the trigger
    assert ds.levels["event_location"].fn == 1
    negated = _event("shelled", "Kessa")
    ds = _score(kit, tmp_path, [negated.__class__(**{**negated.__dict__, "negated": True})])
    assert ds.measures["triggers_missed"] == 1
    assert ds.levels["event_location"].fn == 0 and ds.levels["event_location_all"].fn == 1

"""Toponym recognition and resolution scoring on a hand-made article."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.evaluation.run import run_evaluation

from newsevents.model import Evidence, Place
from newsevents.scoring import distance_km

TEXT = "Rain fell on Springfield and Shelbyville while Capitol Hill argued on Monday."


def _place(name: str, lat: float | None, lon: float | None, start: int, end: int) -> Place:
    return Place(
        name=name, lat=lat, lon=lon, country="USA", feature="city", mentions=(Evidence.of(TEXT, start, end),)
    )


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def gold(kit, tmp_path: Path) -> Path:
    s, h, c = _span("Springfield"), _span("Shelbyville"), _span("Capitol Hill")
    return kit.write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "g1",
                "text": TEXT,
                "toponyms": [
                    {"start": s[0], "end": s[1], "name": "Springfield", "lat": 39.80, "lon": -89.64},
                    {"start": h[0], "end": h[1], "name": "Shelbyville", "lat": 39.41, "lon": -88.79},
                    {
                        "start": c[0],
                        "end": c[1],
                        "name": "Capitol Hill",
                        "lat": None,
                        "lon": None,
                    },  # metonymy
                ],
            }
        ],
    )


def test_found_missed_false_and_distance(kit, tmp_path: Path, gold: Path) -> None:
    places = (
        _place("Springfield", 39.78, -89.65, *_span("Springfield")),  # right, about 2 km off
        _place("Capitol Hill", 38.89, -77.0, *_span("Capitol Hill")),  # annotated without coords: ignored
        _place("Monday", 0.0, 0.0, *_span("Monday")),  # a false alarm
    )
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("g1", TEXT, locations=places)])
    ds = run_evaluation(gold, pred).datasets[0]
    c = ds.levels["toponyms"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    assert ds.measures["accuracy_at_161km"] == 1.0
    assert ds.measures["median_error_km"] < 5
    assert [f.coded for f in ds.misses] == ["toponym 'Shelbyville'"]
    assert [f.coded for f in ds.false_alarms] == [f"place 'Monday' at {TEXT.index('Monday')}"]


def test_a_place_resolved_far_away_fails_161km(kit, tmp_path: Path, gold: Path) -> None:
    places = (
        _place("Springfield", 42.10, -72.59, *_span("Springfield")),  # Massachusetts, not Illinois
        _place("Shelbyville", None, None, *_span("Shelbyville")[:1], _span("Shelbyville")[1] - 3),
    )
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("g1", TEXT, locations=places)])
    ds = run_evaluation(gold, pred).datasets[0]
    assert ds.levels["toponyms"].tp == 2
    assert ds.levels["toponyms_exact"].tp == 1  # the clipped span overlaps but is not exact
    assert ds.measures["accuracy_at_161km"] == 0.0  # one far, one without coordinates
    assert ds.measures["median_error_km"] > 1000


def test_distance_km() -> None:
    assert distance_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.2, abs=0.5)

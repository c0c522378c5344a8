"""Displacement figure scoring on hand-made excerpts."""

from __future__ import annotations

from pathlib import Path

from newsevents.evaluate import run_evaluation
from newsevents.model import Evidence, Quantity

TEXT = "Some 1,200 families fled the floods and 3 people were killed near the river."


def _q(kind: str, value: int | None, unit: str = "people", low: int | None = None, high: int | None = None):
    return Quantity(
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier="about",
        status="reported",
        evidence=Evidence.of(TEXT, 0, 10),
        unit=unit,
    )


def _run(kit, tmp_path: Path, quantities: tuple[Quantity, ...]):
    gold = kit.write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "f1",
                "text": TEXT,
                "figures": [{"quantity": 1200, "term": "Displaced", "unit": "Households"}],
            }
        ],
    )
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("f1", TEXT, quantities=quantities)])
    return run_evaluation(gold, pred).datasets[0]


def test_value_and_unit_match(kit, tmp_path: Path) -> None:
    ds = _run(kit, tmp_path, (_q("displaced", 1200, unit="households"), _q("killed", 3)))
    v, u = ds.levels["value"], ds.levels["value+unit"]
    assert (v.tp, v.fp, v.fn) == (1, 0, 0)  # killed is not a displacement figure
    assert (u.tp, u.fp, u.fn) == (1, 0, 0)


def test_wrong_unit_and_wrong_value(kit, tmp_path: Path) -> None:
    ds = _run(kit, tmp_path, (_q("displaced", 1200), _q("refugees", 99)))
    v, u = ds.levels["value"], ds.levels["value+unit"]
    assert (v.tp, v.fp, v.fn) == (1, 1, 0)
    assert (u.tp, u.fp, u.fn) == (0, 2, 1)
    assert [f.coded for f in ds.false_alarms] == ["99 people (refugees)"]


def test_a_range_bound_matches(kit, tmp_path: Path) -> None:
    ds = _run(kit, tmp_path, (_q("displaced", None, unit="households", low=1000, high=1200),))
    assert ds.levels["value"].tp == 1

"""Displacement figure scoring on hand-made excerpts."""

from __future__ import annotations

from pathlib import Path

from benchmarks.evaluation.run import run_evaluation

from newsevents.model import Evidence, Quantity

TEXT = "Some 1,200 families fled the floods and 3 people were killed near the river."


def _q(
    kind: str,
    value: int | None,
    unit: str = "people",
    low: int | None = None,
    high: int | None = None,
    status: str = "reported",
):
    return Quantity(
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier="about",
        status=status,
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
    assert [f.coded for f in ds.false_alarms] == ["99 people (refugees, reported)"]


def test_a_range_bound_matches(kit, tmp_path: Path) -> None:
    ds = _run(kit, tmp_path, (_q("displaced", None, unit="households", low=1000, high=1200),))
    assert ds.levels["value"].tp == 1


def test_kind_comes_from_the_gold_term_and_status_must_be_reported(kit, tmp_path: Path) -> None:
    # "Displaced" accepts displaced or refugees, not evacuated; a projected figure did not happen.
    ds = _run(kit, tmp_path, (_q("evacuated", 1200, unit="households"),))
    assert ds.levels["value+unit"].tp == 1 and ds.levels["kind+value"].tp == 0
    ds = _run(kit, tmp_path, (_q("refugees", 1200, unit="households", status="projected"),))
    assert ds.levels["kind+value"].tp == 1
    k = ds.levels["kind+value+status"]
    assert (k.tp, k.fp, k.fn) == (0, 1, 1)
    assert [f.coded for f in ds.misses] == ["1200 Households (Displaced)"]


def test_a_figure_listed_twice_is_one_figure(kit, tmp_path: Path) -> None:
    # The gold lists one stated figure once per country it names: one prediction finds it all, and
    # a second figure of another term in the same excerpt still counts apart.
    figure = {"quantity": 1200, "term": "Displaced", "unit": "Households"}
    gold = kit.write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "f1",
                "text": TEXT,
                "figures": [
                    {**figure, "country": "IRQ"},
                    {**figure, "country": "SYR"},
                    {**figure, "term": "Evacuated"},
                ],
            }
        ],
    )
    pred = kit.write_jsonl(
        tmp_path / "pred.jsonl",
        [kit.extraction("f1", TEXT, quantities=(_q("displaced", 1200, unit="households"),))],
    )
    k = run_evaluation(gold, pred).datasets[0].levels["kind+value+status"]
    assert (k.tp, k.fp, k.fn) == (1, 0, 1)

"""Counting and matching: the figures every gold set's score is built from."""

from __future__ import annotations

import pytest

from newsevents.scoring import (
    Counts,
    distance_km,
    multiset,
    overlap,
    overlap_share,
    pair_by_share,
    pair_in_order,
)


def test_precision_recall_f1() -> None:
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert c.to_dict() == {"tp": 3, "fp": 1, "fn": 2, "precision": 0.75, "recall": 0.6, "f1": 0.6667}


def test_nothing_to_divide_by_is_none_not_zero() -> None:
    assert Counts().precision is None and Counts().recall is None and Counts().f1 is None
    assert Counts(fp=2, fn=1).f1 == 0.0  # all wrong is a real zero
    assert Counts(fn=1).f1 is None  # no predictions: precision undefined


def test_add_sums_records() -> None:
    total = Counts(1, 2, 3)
    total.add(Counts(4, 5, 6))
    assert (total.tp, total.fp, total.fn) == (5, 7, 9)


def test_multiset_counts_a_duplicate_prediction_once_right_once_wrong() -> None:
    counts, missed, extra = multiset(["19", "04", "04"], ["19", "19", "04"])
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)
    assert missed == {"04": 1} and extra == {"19": 1}


def test_overlap_of_end_exclusive_spans() -> None:
    assert overlap((0, 5), (3, 10)) == 2
    assert overlap((0, 5), (5, 10)) == 0  # touching spans share nothing
    assert overlap((2, 3), (0, 10)) == 1


def test_overlap_share_is_over_the_shorter_span() -> None:
    assert overlap_share((0, 10), (5, 7)) == 1.0
    assert overlap_share((0, 10), (8, 12)) == 0.5
    assert overlap_share((0, 0), (0, 10)) == 0.0


def test_pair_in_order_takes_each_prediction_once() -> None:
    pairs = pair_in_order([3, 3, 5], [5, 3, 9], lambda g, p: g == p)
    assert pairs == [(3, 3), (5, 5)]  # the second gold 3 finds no free 3


def test_pair_in_order_prefers_the_first_agreeing_prediction() -> None:
    gold, pred = ["a"], [("a", 1), ("a", 2)]
    assert pair_in_order(gold, pred, lambda g, p: g == p[0]) == [("a", ("a", 1))]


def test_pair_by_share_takes_the_best_free_prediction_above_the_minimum() -> None:
    spans = [(0, 10), (20, 30), (40, 50)]
    pred = [(1, 4), (0, 9), (22, 24), (48, 60)]
    pairs = pair_by_share(spans, pred, overlap_share, 0.5)
    # (0, 10): (1, 4) and (0, 9) both share all of the shorter; the first of equals wins.
    # (40, 50) shares 2 of 10 with (48, 60): below the minimum.
    assert pairs == [((0, 10), (1, 4)), ((20, 30), (22, 24))]


def test_pair_by_share_with_no_predictions() -> None:
    assert pair_by_share([(0, 1)], [], overlap_share, 0.5) == []


def test_distance_km() -> None:
    assert distance_km((0.0, 0.0), (0.0, 0.0)) == 0.0
    assert distance_km((48.8566, 2.3522), (51.5074, -0.1278)) == pytest.approx(343.5, abs=1.0)
    assert distance_km((0.0, 0.0), (0.0, 180.0)) == pytest.approx(20015.1, abs=1.0)

"""Counting agreement: true positives, false alarms and misses, and the figures made from them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass
class Counts:
    """Matched (tp), false alarms (fp) and misses (fn); precision, recall and F1 follow."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int | None]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def multiset(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> tuple[Counts, Counter, Counter]:
    """Match two bags of keys: each gold key pairs with at most one equal predicted key.

    Returns the counts and the unmatched gold (misses) and predicted (false alarms) keys, so a
    duplicate prediction of a real event counts once as right and once as a false alarm.
    """
    g, p = Counter(gold), Counter(predicted)
    both = g & p
    missed, extra = g - both, p - both
    return Counts(sum(both.values()), sum(extra.values()), sum(missed.values())), missed, extra


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by two end-exclusive spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))

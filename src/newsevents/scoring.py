"""Matching and counting predictions against true annotations: the library part of evaluation.

Every gold set the project scores (the readers live in the repository's `benchmarks/evaluation`)
and any user checking extractions against their own annotations needs the same few pieces:
precision, recall and F1 from counts, bags of keys matched as multisets, character spans that
overlap, one-to-one pairing of predicted with true items, and the distance between two points on
the map. They are kept here, small and free of any data set's conventions, so that a figure
means the same thing wherever it is computed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

Span = tuple[int, int]  # character offsets, end-exclusive, as in Evidence(start, end)
G = TypeVar("G")
P = TypeVar("P")
EARTH_KM = 6371.0088  # mean Earth radius (IUGG), the usual choice for geoparsing error


@dataclass
class Counts:
    """Matched (tp), false alarms (fp) and misses (fn); precision, recall and F1 follow.

    A figure with nothing to divide by is None rather than 0, so "no gold and no predictions"
    never reads as a score of zero.
    """

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
        """Sum another record's counts into these (micro-averaging over records)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int | None]:
        """The counts and figures rounded to four places, for JSON reports."""
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


def multiset(
    gold: Iterable[Hashable], predicted: Iterable[Hashable]
) -> tuple[Counts, Counter[Hashable], Counter[Hashable]]:
    """Match two bags of keys: each gold key pairs with at most one equal predicted key.

    Returns the counts and the unmatched gold (misses) and predicted (false alarms) keys, so a
    duplicate prediction of a real event counts once as right and once as a false alarm.
    """
    g, p = Counter(gold), Counter(predicted)
    both = g & p
    missed, extra = g - both, p - both
    return Counts(sum(both.values()), sum(extra.values()), sum(missed.values())), missed, extra


def overlap(a: Span, b: Span) -> int:
    """Characters shared by two end-exclusive spans (0 when they only touch)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlap_share(a: Span, b: Span) -> float:
    """Shared characters over the length of the shorter span; 0 when either span is empty.

    Measured against the shorter span so that a quote found without its last clause, or with
    the speech verb included, still counts as the same quote.
    """
    shorter = min(a[1] - a[0], b[1] - b[0])
    return overlap(a, b) / shorter if shorter > 0 else 0.0


def pair_in_order(
    gold: Sequence[G], predicted: Sequence[P], agree: Callable[[G, P], bool]
) -> list[tuple[G, P]]:
    """One-to-one pairs, in gold order: each gold item takes the first free prediction it agrees with.

    Greedy rather than optimal on purpose: with agreement rules that compare values, an earlier
    gold item can never steal a prediction a later one needed more, and the result is stable.
    """
    free = list(range(len(predicted)))
    pairs: list[tuple[G, P]] = []
    for g in gold:
        hit = next((i for i in free if agree(g, predicted[i])), None)
        if hit is not None:
            free.remove(hit)
            pairs.append((g, predicted[hit]))
    return pairs


def pair_by_share(
    gold: Sequence[G], predicted: Sequence[P], share: Callable[[G, P], float], minimum: float
) -> list[tuple[G, P]]:
    """One-to-one pairs, in gold order: each gold item takes the free prediction it shares most
    with (the first of equals), when that share reaches `minimum`."""
    used: set[int] = set()
    pairs: list[tuple[G, P]] = []
    for g in gold:
        best, best_share = None, 0.0
        for i, p in enumerate(predicted):
            if i in used:
                continue
            value = share(g, p)
            if best is None or value > best_share:
                best, best_share = i, value
        if best is not None and best_share >= minimum:
            used.add(best)
            pairs.append((g, predicted[best]))
    return pairs


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) between two (lat, lon) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))

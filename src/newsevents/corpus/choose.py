"""How a cluster picks one value from its reports' values: the most common one, or the most
specific code. Deterministic on ties, so the same reports always give the same cluster row."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any


def mode(values: Iterable[Any]) -> Any:
    """The most common known value; ties go to the smallest, so the choice is deterministic."""
    known = [v for v in values if v is not None]
    if len(known) <= 1:
        return known[0] if known else None
    counts = Counter(known)
    return min(counts, key=lambda v: (-counts[v], str(v)))


def most_specific(codes: Iterable[str | None]) -> str | None:
    """The longest known code (members' codes are compatible, so it refines the others)."""
    known = [c for c in codes if c]
    if len(known) <= 1:
        return known[0] if known else None
    counts = Counter(known)
    return max(counts, key=lambda c: (len(c), counts[c], c))

"""Where and when a gold event of the story set happened, and whether ours agrees (story_events.py).

Places are judged by great-circle distance (161 km, the field's usual radius); dates at the
precision the gold writes them, so a gold month is right for any of our dates in that month
that is at least as fine.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsevents.scoring import distance_km

KM = 161.0
Point = tuple[float, float]
# Date precisions from finest to coarsest; a gold date asks for its own precision or a finer one.
RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
GOLD_PRECISION = {10: "day", 7: "month", 4: "year"}  # by length: "2025-03-11", "2025-03", "2021"


def gold_point(place: object) -> Point | None:
    """The gold place's (lat, lon) when both are numbers on the globe."""
    if not isinstance(place, Mapping):
        return None
    lat, lon = place.get("lat"), place.get("lon")
    if isinstance(lat, int | float) and isinstance(lon, int | float) and abs(lat) <= 90 and abs(lon) <= 180:
        return float(lat), float(lon)
    return None


def gold_date(value: object) -> tuple[str, str] | None:
    """(precision, value) of a gold date written at the precision the text gives, else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    precision = GOLD_PRECISION.get(len(text))
    parts = text.split("-")
    if precision is None or not all(p.isdigit() for p in parts) or [len(p) for p in parts][1:] not in (
        [],
        [2],
        [2, 2],
    ):
        return None
    return precision, text


def date_right(gold: tuple[str, str], date: str | None, precision: str | None) -> bool:
    """Our date equals the gold's at the gold's precision (see the module docstring)."""
    if not date:
        return False
    ours = precision or GOLD_PRECISION.get(len(date), "day")
    wanted, value = gold
    if ours not in RANK or RANK[ours] > RANK[wanted]:
        return False
    return date[: len(value)] == value


def place_right(gold: Point, ours: Point | None) -> bool:
    return ours is not None and distance_km(gold, ours) <= KM

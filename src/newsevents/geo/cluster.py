"""Same-named towns read so that a story's places lie close together.

A local paper names places near each other: "Alexandria", "Brandon", "Kensington" and "Douglas
County" in one story are the Minnesota towns and county a few miles apart, not the larger
Alexandria in Virginia, Brandon in Florida and Kensington in New York that each name alone is
first. When no state is named, the names themselves say where the story is: the point near which
the most of the article's distinct names have a namesake (`CLUSTER_KM`, three names at least, and
more than near any other point) is the story's place, and each name placed far from it, with none
of the article's other places near it, takes its namesake there. The cluster must lie in the
country that holds most of the article's places already, so a story on Paris, London and
Cambridge is never moved to Ontario, where the three lie close too; a city of a country the
article names that is large (`MOVE_MAX`) or a national capital stays where it is.

Two names make a cluster only when their namesakes lie within `PAIR_KM` of each other and
nowhere else, and no other town of the story lies in that country outside them: a county and its
seat ("Henderson County" and "Athens police" are in Texas). Names left unplaced for want of proof
where they stand are placed by the cluster too: the bare names of a county list that several
states share ("Clarke, Madison, Oconee and Oglethorpe counties") count towards it and take their
county nearest its point, as names the text marks as places do at a pair's point; others go to a
namesake within `NEIGHBOUR_KM` of two of the story's towns (of one, when a preposition or noun
marks the name as a place and it is no common first name: "nuns in Pewaukee" in a story on
Milwaukee).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsevents.geo.gazetteer import Entry, Gazetteer, normalize
from newsevents.geo.names import PLACE_LABELS

if TYPE_CHECKING:
    from newsevents.geo.resolve import Resolved
    from newsevents.geo.toponyms import Toponym

CLUSTER_KM = 100.0
MIN_NAMES = 3
PAIR_KM = 30.0  # two names alone make a cluster when their namesakes lie this close, and nowhere else
NEIGHBOUR_KM = 80.0  # an unproven name is placed at a namesake this near two of the story's towns
MOVE_MAX = 200_000  # a city of the cluster's country this large is not moved to a namesake
MAX_CANDIDATES = 60  # namesakes read per name, the most populous first
_EARTH_KM = 6371.0
Point = tuple[float, float]


def km(a: Point, b: Point) -> float:
    """Great-circle distance between two (lat, lon) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _near(a: Point, b: Point, radius: float = CLUSTER_KM) -> bool:
    if abs(a[0] - b[0]) > 1.0 or abs(a[1] - b[1]) > 1.0 / max(0.1, math.cos(math.radians(a[0]))):
        return False  # a cheap box before the great circle: 1 degree of latitude is 111 km
    return km(a, b) <= radius


def _namesakes(top: Toponym, gazetteer: Gazetteer, features: tuple[str, ...]) -> list[Entry]:
    name = top.county or top.text  # "Clarke County" for "Clarke" of "Clarke and Oconee counties"
    found = [*gazetteer.lookup(name), *gazetteer.towns(name)]
    same = [c.entry for c in found if c.primary and c.entry.feature in features and c.entry.lat is not None]
    return sorted(same, key=lambda e: -e.population)[:MAX_CANDIDATES]


def _movable(r: Resolved) -> bool:
    pinned = r.toponym.qualifier or r.toponym.nation  # "Paris, Texas", "the Palestinian city of Jenin"
    return r.feature in ("city", "district") and not pinned and r.lat is not None


def cluster_towns(
    resolved: list[Resolved],
    gazetteer: Gazetteer,
    make: Callable[[Toponym, Entry], Resolved],
    unplaced: Sequence[Toponym] = (),
) -> list[Resolved]:
    """The resolved names, those of towns and counties far from the story's cluster of places
    re-placed at their namesake in it (see the module), and the names left unplaced for want of
    proof that have a namesake among the story's towns (`_among_towns`); `make` builds a Resolved."""
    resolved = _clustered(resolved, gazetteer, make, unplaced)
    placed = {(r.toponym.start, r.toponym.end) for r in resolved}
    towns = {normalize(r.toponym.text): (r.lat or 0.0, r.lon or 0.0) for r in resolved if _movable(r)}
    extra = []
    for top in (t for t in unplaced if (t.start, t.end) not in placed):
        entry = _among_towns(top, gazetteer, towns)
        if entry is not None:
            extra.append(make(top, entry))
    return resolved + extra


def _among_towns(top: Toponym, gazetteer: Gazetteer, towns: dict[str, Point]) -> Entry | None:
    """The namesake of an unproven name that lies within NEIGHBOUR_KM of two of the story's other
    towns: "Kent" and "Sharon", tagged persons, in a story on Salisbury, Cornwall and Falls Village
    are the Connecticut towns; a surname seldom has a town of its own among the story's places."""
    own = normalize(top.text)
    points = [p for name, p in towns.items() if name != own]
    weak = top.text.lower() in gazetteer.cues.weak_names  # a first name or common word: "Jackson"
    needed = 1 if top.cue and not (top.embedded or weak) else 2  # "in Pewaukee" by Milwaukee: one will do
    found = [*gazetteer.lookup(top.text), *gazetteer.towns(top.text)]
    close = [
        c.entry
        for c in found
        if c.primary and c.entry.feature in ("city", "district") and c.entry.lat is not None
        and sum(km((c.entry.lat, c.entry.lon or 0.0), p) <= NEIGHBOUR_KM for p in points) >= needed
    ]  # fmt: skip
    return max(close, key=lambda e: e.population, default=None)


def _clustered(
    resolved: list[Resolved],
    gazetteer: Gazetteer,
    make: Callable[[Toponym, Entry], Resolved],
    unplaced: Sequence[Toponym],
) -> list[Resolved]:
    first: dict[str, Resolved] = {}
    for r in resolved:
        if _movable(r):
            first.setdefault(normalize(r.toponym.text), r)
    options = {name: _namesakes(r.toponym, gazetteer, (r.feature,)) for name, r in first.items()}
    counties = {normalize(t.county): t for t in unplaced if t.county}  # of a county list many states share
    listed = {**{k: _namesakes(t, gazetteer, ("district",)) for k, t in counties.items()}, **options}
    center = _center(listed, CLUSTER_KM, MIN_NAMES) if len(listed) >= MIN_NAMES else None
    radius = CLUSTER_KM
    proven = {normalize(t.text): t for t in unplaced if t.label in PLACE_LABELS or t.cue}
    if center is None and first:  # a county and its town ("Athens police" in Henderson County)
        pairs = {**{k: _namesakes(t, gazetteer, ("city", "district")) for k, t in proven.items()}, **options}
        radius, center = PAIR_KM, _center(pairs, PAIR_KM, 2)
        if center is not None and any(  # the pair must be the story's only towns of its country
            r.country == center[1] and not any(_near(_point(e), center[0], PAIR_KM) for e in options[name])
            for name, r in first.items()
        ):
            return resolved
    if center is None:
        return resolved
    counts = Counter({r.key: r.country for r in resolved if r.country}.values())
    moved: dict[str, Entry] = {}
    for name, r in first.items():
        entry = _move(r, options[name], center, resolved, counts, gazetteer, radius)
        if entry is not None:
            moved[name] = entry
    out = []
    for r in resolved:
        entry = moved.get(normalize(r.toponym.text)) if _movable(r) else None
        out.append(r if entry is None else make(r.toponym, entry))
    if counts[center[1]] == max(counts.values(), default=0):
        pool = [t for t in unplaced if (normalize(t.text) in proven if radius == PAIR_KM else t.county)]
        out += _placed_at(center, pool, gazetteer, make, radius)
    return out


def _placed_at(
    center: tuple[Point, str | None],
    tops: list[Toponym],
    gazetteer: Gazetteer,
    make: Callable[[Toponym, Entry], Resolved],
    radius: float,
) -> list[Resolved]:
    """The unproven names with a namesake at the cluster's centre, placed there."""
    out = []
    for top in tops:
        namesakes = _namesakes(top, gazetteer, ("city", "district"))
        near = [e for e in namesakes if _near(_point(e), center[0], radius)]
        if near:
            out.append(make(top, min(near, key=lambda e: km(_point(e), center[0]))))
    return out


def _point(e: Entry) -> Point:
    return (e.lat or 0.0, e.lon or 0.0)


def _center(options: dict[str, list[Entry]], radius: float, minimum: int) -> tuple[Point, str | None] | None:
    """The namesake point near which most names have a namesake (MIN_NAMES at least, and more
    than near any point farther away), the tightest such point first, with its country; None
    when no such point stands out."""
    cells: dict[tuple[int, int], list[tuple[int, Point]]] = {}
    for i, entries in enumerate(options.values()):
        for e in entries:
            p = (e.lat or 0.0, e.lon or 0.0)
            cells.setdefault((math.floor(p[0]), math.floor(p[1])), []).append((i, p))
    scored: list[tuple[int, float, Point, str | None]] = []
    for entries in options.values():
        for e in entries:
            p = (e.lat or 0.0, e.lon or 0.0)
            reach = min(4, math.ceil(1.0 / max(0.25, math.cos(math.radians(p[0])))))
            lat, lon = math.floor(p[0]), math.floor(p[1])
            nearest: dict[int, float] = {}
            for dlat in (-1, 0, 1):
                for dlon in range(-reach, reach + 1):
                    for i, q in cells.get((lat + dlat, lon + dlon), ()):
                        if (d := km(p, q)) <= radius and d < nearest.get(i, radius + 1):
                            nearest[i] = d
            scored.append((len(nearest), sum(nearest.values()), p, e.country))
    scored.sort(key=lambda s: (-s[0], s[1]))
    if not scored or scored[0][0] < minimum:
        return None
    best, _, point, country = scored[0]
    rival = next((s[0] for s in scored[1:] if km(point, s[2]) > 2 * radius), 0)
    return (point, country) if best > rival else None


def _move(
    r: Resolved,
    namesakes: list[Entry],
    center: tuple[Point, str | None],
    resolved: list[Resolved],
    counts: Counter[str | None],
    gazetteer: Gazetteer,
    radius: float,
) -> Entry | None:
    point, country = center
    here, own = (r.lat or 0.0, r.lon or 0.0), normalize(r.toponym.text)
    inside = [e for e in namesakes if e.country == country and _near(_point(e), point, radius)]
    target = min(inside, key=lambda e: km(_point(e), point), default=None)
    if target is None or (target.lat, target.lon) == here or counts[country] < max(counts.values()):
        return None
    if gazetteer.capital_points.get(r.country or "") == here and normalize(r.name) == own:
        return None  # a capital named by its own name, not by an old one ("Salisbury" for Harare)
    size = max((e.population for e in namesakes if (e.lat, e.lon) == here), default=0)
    if r.country == country and size >= MOVE_MAX:
        return None
    if _near(here, point, radius):
        return target  # in the cluster already: its namesake nearest the story's centre
    others = [o for o in resolved if _movable(o) and normalize(o.toponym.text) != own]
    if any(_near(here, (o.lat or 0.0, o.lon or 0.0)) for o in others):
        return None  # the name's place has company of its own in the story
    return target

"""Event clusters: events from different reports that describe one real-world event.

Two events may join when they share the CAMEO root, happened on the same or an adjacent day
(the event's date, else the article's publication date; undated events join only copies of
their own article), in the same country (where the event
was placed, else the target's or the source's country; two points both placed at city level
must also lie within `MAX_KM` of each other), and their actors are compatible: on each side
the same code, a code and a more specific one of it ("NGA" and "NGAMIL"), or one side unknown.
Events of two articles that are near-duplicates of one another (one `dedup` group) join when
they share the root, their actors are compatible, what both give (day, country, place) agrees,
and their sentences overlap: one copy may lack the date or the place the other has.

Joining is single-link over those pairs, but a join that would make a cluster span more than
`MAX_SPAN_DAYS` or hold two incompatible actors on one side is refused, so a daily run of
fighting in one country does not chain into one cluster. Candidate pairs come from blocks of
(root, country) sorted by day, so the work grows with events per block and day, not with
all pairs. Every event ends in exactly one cluster (alone, if nothing joins it), so counting
clusters counts each real-world event once.

`extend_clusters` adds new events to the clusters they may join, so a store clusters each new
article in its own transaction (see its docstring for how that can differ from `find_clusters`).
Pure functions over event rows (the dicts `Store.events()` returns): no store, no I/O. What they
give back (`EventCluster`, `ClusterMember`) is declared in `records.py`.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from datetime import date
from typing import Any

from newsevents.corpus.choose import mode, most_specific
from newsevents.corpus.records import ClusterMember, EventCluster

UNIDENTIFIED = "UAF"  # CAMEO's unidentified armed forces: whose they are is unknown
STATE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})  # a state's own organs, never unidentified
MAX_GAP_DAYS = 1  # two events' dates may differ by this much
MAX_SPAN_DAYS = 2  # a cluster's first and last date may differ by this much
MAX_KM = 100.0  # two city-level places farther apart are different places
SAME_SENTENCE = 0.5  # word overlap at which two copies' sentences state the same thing
_WORD = re.compile(r"[^\W_]+")
_POINT = frozenset({"city", "district"})  # precisions precise enough to compare distances
_PRECISION_RANK = {"district": 0, "city": 1, "admin1": 2, "country": 3}

Row = Mapping[str, Any]


def event_day(row: Row) -> int | None:
    """The day the event happened as an ordinal: its own date, else the article's date. The day
    an undated article was received (`date_source` received) is when it was reported at the
    latest, not when it happened: such an event joins only its copies, as an undated one does."""
    received = row.get("date_source") == "received"
    for value in filter(None, (None if received else row.get("date"), row.get("published"))):
        with suppress(ValueError):
            return date.fromisoformat(str(value)[:10]).toordinal()
    return None


def joining_day(row: Row) -> int | None:
    """The day two events are compared on: `event_day` when the event is known to the day, None
    for a date known only to the week, month or year. Such a date is the first day of its span
    ("2015-04-01" for April 2015), not a day: two events dated so would meet on the 1st, so
    they join only the copies of their own story, as undated events do."""
    if row.get("date") and row.get("date_precision") not in (None, "day"):
        return None
    return event_day(row)


def event_country(row: Row) -> str | None:
    """Where the event happened, at country level: its place, else the target's or source's country."""
    return row.get("location_country") or row.get("target_country") or row.get("source_country")


def event_block(row: Row) -> tuple[str, str, int] | None:
    """(root, country, day) an event is looked up by; None when it can join only its copies."""
    country, day = event_country(row), event_day(row)
    if country is None or day is None:
        return None
    return str(row["cameo_root"]), str(country), day


def codes_compatible(a: str | None, b: str | None) -> bool:
    """Same actor code, one more specific than the other, or either unknown: unidentified armed
    men (UAF) are unknown too, except that they are no state's organ ("gunmen" one report calls
    Islamic State in the next, but not the army)."""
    if a is None or b is None or a.startswith(b) or b.startswith(a):
        return True
    return (a.endswith(UNIDENTIFIED) or b.endswith(UNIDENTIFIED)) and not (a[3:] in STATE or b[3:] in STATE)


def find_clusters(events: Iterable[Row], groups: Mapping[str, str] | None = None) -> list[EventCluster]:
    """Cluster `events` (rows with article_id, idx, cameo_root, actors, date, place, published,
    source); `groups` maps article ids to their near-duplicate group id.

    Deterministic: the same rows in any order give the same clusters with the same ids. The
    result is sorted by first date (undated last), then id.
    """
    rows = sorted(events, key=lambda r: (str(r["article_id"]), int(r["idx"])))
    dup = groups or {}
    state = _Clusters(rows)
    for i, j in _duplicate_pairs(rows, dup, joined=state.together):
        state.join(i, j, check_span=False)
    for i, j in _pairs(rows, joined=state.together):
        state.join(i, j, check_span=True)
    clusters = [_summarise([rows[i] for i in members], dup) for members in state.components()]
    return sorted(clusters, key=lambda c: (c.date_first is None, c.date_first or "", c.cluster_id))


def extend_clusters(
    clusters: Iterable[Iterable[Row]],
    new: Iterable[Row],
    groups: Mapping[str, str] | None = None,
    groups_before: Mapping[str, str] | None = None,
) -> list[EventCluster]:
    """The clusters after `new` events join `clusters` (each its members' rows), for a store that
    adds articles as they come instead of clustering everything again.

    Pass every cluster a new event might join (its block, its copies' events) and every cluster
    holding an article of a changed near-duplicate group (its `n_independent` changes); the
    result replaces exactly those. Joins follow `find_clusters`' rules and order (copies first,
    then blocks), but only pairs with a new event are tried, and pairs of copies that became
    copies with this batch (`groups_before` gives the earlier group of articles whose group
    changed: a new copy of two stories makes their events copies too): a cluster never splits,
    and two earlier clusters merge only through a new event or new copies. Where `find_clusters` over
    everything would have tried an earlier pair first and refused a later join, the result can
    differ from it; every cluster still keeps its root, compatible actors and (outside copies)
    a span of at most `MAX_SPAN_DAYS`.
    """
    old_rows = [list(members) for members in clusters]
    new_rows = list(new)
    rows = sorted([*(r for members in old_rows for r in members), *new_rows],
                  key=lambda r: (str(r["article_id"]), int(r["idx"])))  # fmt: skip
    position = {(str(r["article_id"]), int(r["idx"])): i for i, r in enumerate(rows)}
    fresh = {position[(str(r["article_id"]), int(r["idx"]))] for r in new_rows}
    dup = groups or {}
    state = _Clusters(rows)
    for members in old_rows:
        first = position[(str(members[0]["article_id"]), int(members[0]["idx"]))]
        for row in members[1:]:
            state.join(first, position[(str(row["article_id"]), int(row["idx"]))], check_span=False)
    before = groups_before or {}
    old = [before.get(r["article_id"], dup.get(r["article_id"])) for r in rows]
    # Only the pairs tried are walked: an earlier cluster's members were compared when they
    # joined, and walking their pairs again would cost the square of a growing story's copies.
    # A pair already in one cluster would join nothing: it is passed over before its checks, so a
    # new event compared with a story's hundredth copy costs a lookup once it has joined the rest.
    for i, j in _duplicate_pairs(rows, dup, fresh, old, state.together):
        state.join(i, j, check_span=False)
    for i, j in _pairs(rows, fresh, state.together):
        state.join(i, j, check_span=True)
    return [_summarise([rows[i] for i in members], dup) for members in state.components()]


def compatible(a: Row, b: Row) -> bool:
    """Whether two events, from articles that are not copies of each other, may be one event."""
    if a["cameo_root"] != b["cameo_root"] or not _actors_compatible(a, b):
        return False
    if event_country(a) is None or event_country(a) != event_country(b):
        return False
    day_a, day_b = joining_day(a), joining_day(b)
    if day_a is None or day_b is None:
        # Without a date two reports of "Boko Haram attacks a village in Borno" may be years
        # apart: undated events join only the copies of their own story (see above).
        return False
    if abs(day_a - day_b) > MAX_GAP_DAYS:
        return False
    return _near(a, b)


def copies_compatible(a: Row, b: Row) -> bool:
    """Whether two events of copies of one story are one event.

    A copy may lack the date or the place the other gives, so what is missing never keeps them
    apart; what both give must agree, and the sentences must say much the same thing (a wire
    story mentions earlier attacks too, with the same actors).
    """
    if a["cameo_root"] != b["cameo_root"] or not _actors_compatible(a, b):
        return False
    day_a, day_b = joining_day(a), joining_day(b)
    if day_a is not None and day_b is not None and abs(day_a - day_b) > MAX_GAP_DAYS:
        return False
    country_a, country_b = event_country(a), event_country(b)
    if country_a is not None and country_b is not None and country_a != country_b:
        return False
    return _near(a, b) and _overlap(a.get("evidence_text"), b.get("evidence_text")) >= SAME_SENTENCE


def _overlap(a: str | None, b: str | None) -> float:
    """Share of the shorter sentence's words found in the other."""
    words_a, words_b = _words(a or ""), _words(b or "")
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


@functools.lru_cache(maxsize=4096)
def _words(sentence: str) -> frozenset[str]:
    """A sentence's words, kept while its story's copies are compared with each other."""
    return frozenset(_WORD.findall(sentence.casefold()))


def _actors_compatible(a: Row, b: Row) -> bool:
    return codes_compatible(a.get("source_code"), b.get("source_code")) and codes_compatible(
        a.get("target_code"), b.get("target_code")
    )


def _near(a: Row, b: Row) -> bool:
    """Two city-level places must be within MAX_KM; anything coarser agrees on the country."""
    if a.get("location_precision") not in _POINT or b.get("location_precision") not in _POINT:
        return True
    if None in (a.get("location_lat"), a.get("location_lon"), b.get("location_lat"), b.get("location_lon")):
        return True
    return haversine_km(a["location_lat"], a["location_lon"], b["location_lat"], b["location_lon"]) <= MAX_KM


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _duplicate_pairs(
    rows: Sequence[Row], dup: Mapping[str, str], fresh: set[int] | None = None, old: Sequence[Any] = (),
    joined: Callable[[int, int], bool] = lambda i, j: False,
) -> Iterable[tuple[int, int]]:
    """Pairs of events with one root and compatible actors in different copies of one story,
    but those `joined` already. With `fresh`, only pairs with a fresh event or of events whose
    articles' `old` groups differ (copies only since this batch), in the same order, without
    walking the others."""
    by_group: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        group = dup.get(row["article_id"])
        if group is not None:
            by_group[(group, row["cameo_root"])].append(i)
    for key in sorted(by_group):
        members = by_group[key]
        new_at = [n for n, i in enumerate(members) if fresh is None or i in fresh]
        mixed = fresh is None or len({old[i] for i in members if i not in fresh}) > 1
        for n, i in enumerate(members):
            for j in _later(members, n + 1, len(members), new_at, mixed or i in (fresh or ())):
                if rows[i]["article_id"] == rows[j]["article_id"]:
                    continue
                if fresh is not None and i not in fresh and j not in fresh and old[i] == old[j]:
                    continue
                if not joined(i, j) and copies_compatible(rows[i], rows[j]):
                    yield i, j


def _pairs(
    rows: Sequence[Row], fresh: set[int] | None = None,
    joined: Callable[[int, int], bool] = lambda i, j: False,
) -> Iterable[tuple[int, int]]:
    """Compatible pairs but those `joined` already (with `fresh`, only those with a fresh event),
    found within blocks of (root, country) and a sliding window of days.

    Within a block the root, the country and the day gap hold already, so only the actors and
    the distance are checked per pair (what `compatible` checks in full). Undated events never
    join here.
    """
    blocks: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for i, row in enumerate(rows):
        country, day = event_country(row), joining_day(row)
        if country is not None and day is not None:
            blocks[(row["cameo_root"], country)].append((day, i))
    for key in sorted(blocks):
        block = sorted(blocks[key])
        new_at = [n for n, (_, i) in enumerate(block) if fresh is None or i in fresh]
        start = 0
        for n, (day, i) in enumerate(block):
            while block[start][0] < day - MAX_GAP_DAYS:
                start += 1
            for _, j in _later(block, start, n, new_at, fresh is None or i in fresh):
                if not joined(j, i) and _actors_compatible(rows[i], rows[j]) and _near(rows[i], rows[j]):
                    yield j, i


def _later(items: Sequence[Any], lo: int, hi: int, new_at: Sequence[int], every: bool) -> Sequence[Any]:
    """`items[lo:hi]` in order: all of them when `every`, else only those at the sorted positions
    `new_at` (the fresh ones), found by bisection rather than by walking the rest."""
    if every:
        return items[lo:hi]
    return [items[k] for k in new_at[bisect.bisect_left(new_at, lo) : bisect.bisect_left(new_at, hi)]]


class _Clusters:
    """Union-find over event indexes that refuses joins making a cluster incoherent."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.parent = list(range(len(rows)))
        days = [joining_day(r) for r in rows]
        self.span = [(d, d) for d in days]
        self.sources = [{r.get("source_code")} - {None} for r in rows]
        self.targets = [{r.get("target_code")} - {None} for r in rows]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def together(self, i: int, j: int) -> bool:
        """Whether two events are in one cluster already (joining them again changes nothing)."""
        return self.find(i) == self.find(j)

    def join(self, i: int, j: int, *, check_span: bool) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        span = _merge_span(self.span[a], self.span[b])
        if check_span and span[0] is not None and span[1] - span[0] > MAX_SPAN_DAYS:
            return False
        sources, targets = self.sources[a] | self.sources[b], self.targets[a] | self.targets[b]
        if not (_coherent(sources) and _coherent(targets)):
            return False
        root, child = min(a, b), max(a, b)
        self.parent[child] = root
        self.span[root], self.sources[root], self.targets[root] = span, sources, targets
        return True

    def components(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def _merge_span(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> tuple[Any, Any]:
    lows = [x for x in (a[0], b[0]) if x is not None]
    highs = [x for x in (a[1], b[1]) if x is not None]
    return (min(lows) if lows else None, max(highs) if highs else None)


def _coherent(codes: set[str]) -> bool:
    ordered = sorted(codes)
    return all(codes_compatible(x, y) for n, x in enumerate(ordered) for y in ordered[n + 1 :])


def _summarise(members: list[Row], dup: Mapping[str, str]) -> EventCluster:
    members = sorted(members, key=_report_order)
    first = members[0]
    named = Counter(m.get("location_name") for m in members)
    place = min(
        (m for m in members if m.get("location_name")),
        key=lambda m: (_PRECISION_RANK.get(m.get("location_precision") or "", 9), -named[m["location_name"]]),
        default=None,
    )
    days = sorted(d for d in (event_day(m) for m in members) if d is not None)
    articles = {m["article_id"] for m in members}
    outlets = {" ".join(str(m["source"]).casefold().split()) for m in members if m.get("source")}
    anchor = f"{first['article_id']}:{first['idx']}"
    return EventCluster(
        cluster_id=hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:16],
        cameo_root=str(first["cameo_root"]),
        plover=mode(m.get("plover") for m in members),
        quad_class=mode(m.get("quad_class") for m in members),
        source_code=most_specific(m.get("source_code") for m in members),
        target_code=most_specific(m.get("target_code") for m in members),
        country=(place or {}).get("location_country") or mode(event_country(m) for m in members),
        location_name=place["location_name"] if place else None,
        lat=place.get("location_lat") if place else None,
        lon=place.get("location_lon") if place else None,
        date_first=date.fromordinal(days[0]).isoformat() if days else None,
        date_last=date.fromordinal(days[-1]).isoformat() if days else None,
        n_events=len(members),
        n_articles=len(articles),
        n_sources=len(outlets),
        n_independent=len({dup.get(a, a) for a in articles}),
        first_article_id=str(first["article_id"]),
        first_published=first.get("published"),
        members=tuple(_member(m) for m in members),
    )


def _report_order(row: Row) -> tuple[bool, str, str, int]:
    published = row.get("published")
    return (published is None, str(published or ""), str(row["article_id"]), int(row["idx"]))


def _member(row: Row) -> ClusterMember:
    return ClusterMember(
        article_id=str(row["article_id"]),
        idx=int(row["idx"]),
        evidence_start=int(row["evidence_start"]),
        evidence_end=int(row["evidence_end"]),
        evidence_text=str(row["evidence_text"]),
        source=row.get("source"),
        published=row.get("published"),
    )

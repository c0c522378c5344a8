"""The country most of an article's places are in, and the names placed abroad re-read by it.

Local news names its towns, counties and streets far more often than its state or country, and
names its state bare: "Georgia authorities", "Northeast Georgia". Weighed name by name, Georgia is
first the country; and "Athens", "Mansfield", "Alexandria" are first the larger city abroad. After
every name is placed, the article's home country is the one that holds most of its distinct
places (two at least, and more than any other); then
- first, a region found only at the edge of a longer name, in a country nothing else in the article
  names, is read in the one country the article's other places lie in (`_edge_regions`);
- a name placed as a foreign country that is also a first-level region of the home country is
  that region ("Georgia" in a story on Athens and Clarke County);
- a name placed as a city abroad, alone in its country, that is also a town of a region of the
  home country the article places is that town ("Mansfield" in a story on DeSoto Parish);
- a region found so, or else the region of the home country that holds most of the article's
  places (three at least, twice as many as any other), holds the article's towns and counties
  placed in another region that it has namesakes of ("Walton County" in a story on Georgia,
  "Henderson County" in one on Lufkin and Nacogdoches), the national capital aside.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsevents.geo.gazetteer import Entry, Gazetteer, normalize

if TYPE_CHECKING:
    from newsevents.geo.resolve import Resolved

Region = tuple[str | None, str]


def home_country(resolved: list[Resolved]) -> tuple[str | None, Counter[str]]:
    """(the home country or None, distinct places by country)."""
    seen = {r.key: r.country for r in resolved if r.country}
    counts = Counter(seen.values())
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None, counts
    return ranked[0][0], counts


def reread_abroad(
    resolved: list[Resolved], gazetteer: Gazetteer, rebuild: Callable[[Resolved, Entry], Resolved]
) -> list[Resolved]:
    """The resolved names, those placed abroad that name a region or town at home re-placed (see
    the module); `rebuild` makes the new Resolved of a name and its entry."""
    resolved = _edge_regions(resolved, gazetteer, rebuild)
    home, counts = home_country(resolved)
    if home is None:
        return resolved
    regions: set[Region] = {
        (r.country, normalize(r.admin1)) for r in resolved if r.country == home and r.admin1
    }
    out, states = [], set()
    for r in resolved:
        entry, pinned = None, r.toponym.qualifier or r.toponym.nation  # "the Palestinian city of Jenin"
        if r.country != home and counts[r.country or ""] <= 1 and not pinned:
            entry = _at_home(r, gazetteer, home, regions)
        if entry is not None and entry.feature == "admin1":
            states.add((entry.country, normalize(entry.name)))
        out.append(r if entry is None else rebuild(r, entry))
    if not states and (main := _main_region(out, home)) is not None:
        states.add(main)
    if not states:
        return out
    # a home region found only now ("Georgia authorities") holds the towns and counties of the
    # article that lie in another region of the home country ("Walton County" is Georgia's)
    return [r if (entry := _in_state(r, gazetteer, home, states)) is None else rebuild(r, entry) for r in out]


def _in_state(r: Resolved, gazetteer: Gazetteer, home: str, states: set[Region]) -> Entry | None:
    here = (r.country, normalize(r.admin1 or ""))
    if r.country != home or r.feature not in ("city", "district") or r.toponym.qualifier or here in states:
        return None
    if gazetteer.capital_points.get(home) == (r.lat, r.lon):  # "Washington-based" stays the capital
        return None
    text = r.toponym.text
    found = [c.entry for c in [*gazetteer.lookup(text), *gazetteer.towns(text)] if c.primary]
    inside = [e for e in found if e.feature == r.feature and (e.country, normalize(e.admin1 or "")) in states]
    return max(inside, key=lambda e: e.population, default=None)


def _at_home(r: Resolved, gazetteer: Gazetteer, home: str, regions: set[Region]) -> Entry | None:
    text = r.toponym.text
    if r.feature == "country":
        same = [c.entry for c in gazetteer.lookup(text) if c.primary and c.entry.feature == "admin1"]
        return next((e for e in same if e.country == home), None)
    if r.feature != "city":
        return None
    towns = [c.entry for c in [*gazetteer.lookup(text), *gazetteer.towns(text)] if c.primary]
    inside = [e for e in towns if e.feature == "city" and (e.country, normalize(e.admin1 or "")) in regions]
    return max(inside, key=lambda e: e.population, default=None)


def _main_region(resolved: list[Resolved], home: str) -> Region | None:
    """The region of the home country that holds most of the article's distinct places: three at
    least, and twice as many as any other region."""
    seen = {r.key: (r.country, normalize(r.admin1 or "")) for r in resolved if r.country == home and r.admin1}
    ranked = Counter(seen.values()).most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and 2 * ranked[1][1] > ranked[0][1]):
        return None
    return ranked[0][0]


def _edge_regions(
    resolved: list[Resolved], gazetteer: Gazetteer, rebuild: Callable[[Resolved, Entry], Resolved]
) -> list[Resolved]:
    """A region found only at the edge of a longer name ("Midlands" of "NHS West Midlands", "Plateau"
    of "the Central Plateau") in a country nothing else in the article names, while the article's
    other places (names of offices aside) lie in one other country, is a region of that country the
    gazetteer lacks: it is read as the region of that country the article names, if one, else as
    the country."""
    def own(r: Resolved) -> str:
        return normalize(r.toponym.text)

    out = []
    for r in resolved:
        # the nationality of an office ("U.S. Agency for International Development") is no place of
        # the story's own
        others = [o for o in resolved if own(o) != own(r) and o.country and not o.toponym.embedded]
        home = {o.country for o in others}
        if not (r.toponym.embedded and r.feature == "admin1") or len(home) != 1 or r.country in home:
            out.append(r)
            continue
        country = home.pop()
        named = {(o.name, o.lat, o.lon, o.admin1, o.geonameid) for o in others if o.feature == "admin1"}
        entry = gazetteer.countries.get(country or "")
        if len(named) == 1:
            name, lat, lon, admin1, geonameid = named.pop()
            entry = Entry(name, lat, lon, country, "admin1", admin1=admin1, geonameid=geonameid)
        out.append(r if entry is None else rebuild(r, entry))
    return out


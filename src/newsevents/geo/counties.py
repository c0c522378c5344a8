"""Counties named by their bare names: "Barrow, Jackson and Madison counties", "McMinn County".

Local news names its counties often, and by a bare name in a list before "counties" ("parishes"
in Louisiana) as often as in full. Alone, each bare name is a town, a person or both ("Jackson",
"Madison"); the small-places index holds the county as "Jackson County", and 24 states have one.
So a name of such a list is looked up whole ("Jackson County") and placed only in a region the
article places (`county_entry`), or when one region alone has a county of that name; a county
named in full that one region alone holds gives the article that region (`county_region`).
A county of a country the article names is also preferred to a town of the same name abroad, in a
country it does not name (`county_at_home`): "Suffolk" in a story on the United Kingdom.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.geo.gazetteer import Entry, Gazetteer, normalize
from newsevents.geo.joins import LIST_GAPS

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Collection

    from newsevents.geo.gazetteer import Cues
    from newsevents.geo.toponyms import Toponym

_NEXT_WORD = re.compile(r"\s+(\w+)")
# A town abroad this large keeps its name even where the article names a county's country.
WORLD_CITY = 1_000_000


def county_names(tops: list[Toponym], text: str, cues: Cues) -> list[Toponym]:
    """The toponyms, those of a list ended by a plural county noun ("Clarke, Madison, Oconee and
    Oglethorpe counties") with `county` set to the county's full name and marked as places."""
    plurals = dict(entry.split(None, 1) for entry in cues.county_plurals if " " in entry)
    out = list(tops)
    for i in range(len(tops) - 1, -1, -1):
        word = _NEXT_WORD.match(text, tops[i].end)
        if word is None or word.group(1).lower() not in plurals:
            continue
        noun = plurals[word.group(1).lower()].title()
        j = i
        while out[j].county is None:
            out[j] = replace(out[j], county=f"{out[j].text} {noun}", cue=True)
            if j == 0 or text[tops[j - 1].end : tops[j].start].strip().lower() not in LIST_GAPS:
                break
            j -= 1
    return out


def county_entry(
    top: Toponym, gazetteer: Gazetteer, regions: Collection[tuple[str | None, str]]
) -> Entry | None:
    """The county a bare name of a county list is: the one in a region the article places, or the
    only region's; None when several regions have one and the article places none of them."""
    counties = [c.entry for c in gazetteer.towns(top.county or "") if c.entry.feature == "district"]
    inside = [e for e in counties if (e.country, normalize(e.admin1 or "")) in regions]
    if not inside and len({(e.country, e.admin1) for e in counties}) == 1:
        inside = counties
    return max(inside, key=lambda e: e.population, default=None)


def county_at_home(top: Toponym, best: Entry, gazetteer: Gazetteer, context: Counter[str]) -> Entry:
    """A county of a country the article names over `best`, a town of the same name in a country it
    does not name: "Suffolk" and "Norfolk" in a story on the United Kingdom are the English counties,
    not the cities of Virginia. Counties named bare (England's, not "Suffolk County, N.Y.") come from
    the small-places index; a world city, or a town under a comma qualifier, stays."""
    abroad = not context.get(best.country or "", 0) and best.population < WORLD_CITY
    if best.feature != "city" or top.qualifier or not abroad:
        return best
    named = [
        c.entry
        for c in gazetteer.towns(top.text)
        if c.primary and c.entry.feature == "district" and context.get(c.entry.country or "", 0)
    ]
    return max(named, key=lambda e: e.population, default=best)


def county_region(top: Toponym, gazetteer: Gazetteer) -> tuple[str | None, str] | None:
    """(country, region) of a county named as one ("McMinn County") that one region alone holds."""
    if len(top.text.split()) < 2 or top.text.rsplit(None, 1)[-1].lower() not in gazetteer.cues.feature_nouns:
        return None
    held = set() if gazetteer.lookup(top.text) else {
        (c.entry.country, normalize(c.entry.admin1 or ""))
        for c in gazetteer.towns(top.text)
        if c.primary and c.entry.feature == "district" and c.entry.admin1
    }
    return held.pop() if len(held) == 1 else None


def county_head(text: str, cues: Cues) -> str | None:
    """ "Rapides Parish Fire" -> "Rapides Parish": the county that heads the name of one of its
    offices ("Rapides Parish Fire District 2", "Navarro County Criminal District Attorney"), or None."""
    nouns = {entry.split(None, 1)[1] for entry in cues.county_plurals if " " in entry}
    words = text.split()
    cut = next((i for i in range(1, len(words) - 1) if words[i].lower() in nouns), None)
    return None if cut is None else " ".join(words[: cut + 1])


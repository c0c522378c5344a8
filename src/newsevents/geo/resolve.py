"""Deciding which place each name is, and whether it is a place at all.

Heuristics, in the order they apply (precision first: a missed place costs less than a wrong one):

1. Demonyms are never places, nor are words like "North" or "Central" alone (`never_places` in
   data/en/geo/cues.yml); both are dropped in `toponyms.py`.
2. Proof of place. A name the tagger labels GPE/LOC/FAC needs nothing more. Any other name (the
   small model calls "Aleppo" a nationality and "Kilis" a person) needs a cue: a feature noun ("the
   city of X", "X province", "X district"), a preposition ("in", "near", "from", "north of"), a
   noun that uses the place as a modifier ("X police", "X residents") or an upper-case dateline
   ("MANSFIELD --"). Without a cue, a name labelled as a nationality or organisation, or not
   labelled at all, is kept only if its best place has over 1,000,000 people, or over 100,000 in a
   country the article already names; a name labelled as a person only if over 1,000,000 people in
   such a country ("Kilis" stays a person unless the text puts him somewhere). Common words and
   first names ("Florence": `weak_names`) need label and cue.
3. Among same-named places: a feature noun restricts the choice to that feature ("the province of
   Aleppo" is the governorate, "the city of Aleppo" the city); a comma qualifier restricts it to
   places in that country or region ("Paris, Texas"), and the qualifier itself to the region or
   country holding the first name ("Atlanta, Georgia" is the US state), as a demonym on the feature
   noun does to its country ("the Palestinian city of Jenin"); a region that shares its
   name with a city inside it gives way to the city unless a noun says region (Aleppo, Kilis,
   Basra, Geneva); a water word ("the Gulf state") is a listed region.
4. Then each candidate scores log10(population) + 2 * (share of the article's country mentions that
   name its country) + a feature bonus (+1 country, -0.5 region, whose population is the sum of its
   cities) + 0.5 for a national capital - 2 when only an alternate GeoNames name matched ("Berea"
   is a town in Ohio before it is Aleppo's old name), less by the country's share when no name's
   own place is in a country the article names ("Newcastle" in a story on Britain is Newcastle upon
   Tyne). The highest wins. Context counts as a share, not a veto.
5. A name without proof where it stands is placed by the rest of the article: as the place another
   mention of the same name was proven to be (one sense per discourse), or as a town of a region
   the article places ("Torrington" in a story on Connecticut); a name at the edge of a longer one
   ("Pakistan Army", "U.S.-led") only as a country or region, or so. The regions the article names
   also add 1 to the score of their towns (Springfield, Illinois in a story on Illinois), and count
   for their country's share.
6. Districts the gazetteer does not know ("al-Fardous district") take the point and country of
   the city around them when the text names it ("Aleppo's al-Fardous district"), else none.
7. Villages, small towns and counties only the index of small places knows need evidence of
   where they are (`_town`), may displace a far namesake (`_local`, a county of a named country:
   "Suffolk") but not a listed town of a named country; a county list's bare names are counties.
8. Once every name is placed, the article's home country and region re-read the names placed
   abroad or in another region: "Georgia" in a story on Athens and Walton County is the US
   state, and its counties are Georgia's (geo/dominant.py); then towns far from the point where
   most of the story's names have namesakes take the namesake there (geo/cluster.py).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from newsevents.geo.cluster import cluster_towns
from newsevents.geo.counties import county_at_home, county_entry, county_head, county_region
from newsevents.geo.dominant import reread_abroad
from newsevents.geo.gazetteer import Candidate, Entry, Gazetteer, normalize
from newsevents.geo.qualifiers import contains, in_nation, inside_qualifier
from newsevents.geo.toponyms import PLACE_LABELS, Toponym, find_toponyms
from newsevents.model import Article, Evidence, Place, quick_init
from newsevents.nlp.parsed import ParsedArticle

CONTEXT_WEIGHT = 2.0
REGION_WEIGHT = 1.0  # a town in a region the article names: Alexandria, Virginia in a story on Virginia
ALTERNATE_PENALTY = 2.0
FEATURE_BONUS = {"country": 1.0, "admin1": -0.5, "city": 0.0, "district": 0.0, "other": 0.0}
CAPITAL_BONUS = 0.5
BIG = 1_000_000
Spans = dict[tuple[int, int], Entry]  # the entry each toponym's (start, end) was resolved to
MEDIUM = 100_000
LOCAL_MAX = 200_000  # a city of a named country this large is not displaced by a town of a named region


@quick_init
@dataclass(frozen=True)
class Resolved:
    """One toponym decided: the entry (None for an unknown district) and its Place fields."""

    toponym: Toponym
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: str
    admin1: str | None
    geonameid: int | None

    @property
    def key(self) -> tuple[object, ...]:
        if self.geonameid is not None:
            return ("id", self.geonameid)
        if self.feature == "district":  # "the Admiralty district" and "Hong Kong's Admiralty district"
            return ("district", normalize(self.name))
        return (self.feature, normalize(self.name), self.country)


class Context(Counter[str]):
    """How often the article names each country (a Counter by ISO alpha-3), and the first-level
    regions it names, as (country, normalized region name)."""

    regions: frozenset[tuple[str | None, str]] = frozenset()


def context_countries(toponyms: list[Toponym], gazetteer: Gazetteer) -> Context:
    """How often the article names each country, counting names that can only be that country,
    and the regions a name is in one country or before any context ("Connecticut", "Wyoming"; not
    "Georgia", a country first, nor "Gaza", a Palestinian city first): local news names its state
    far more often than its country, or a county only one region holds ("McMinn County")."""
    counts = Context()
    regions: set[tuple[str | None, str]] = set()
    for top in toponyms:
        if (county := county_region(top, gazetteer)) is not None:
            counts[county[0] or ""] += 1
            regions.add(county)
        if not (top.label in PLACE_LABELS or top.cue):
            continue
        cands = gazetteer.lookup(top.text)
        if not cands or not cands[0].primary:
            continue
        first = cands[0].entry
        if first.feature == "country":
            counts[first.country or ""] += 1
        elif first.feature == "admin1" and (
            len({c.entry.country for c in cands}) == 1 or max(cands, key=_bare_score) is cands[0]
        ):
            counts[first.country or ""] += 1
            regions.add((first.country, normalize(first.name)))
    counts.regions = frozenset(regions)
    return counts


def _bare_score(cand: Candidate) -> float:
    return _score(cand, Counter(), 0)


def _score(cand: Candidate, context: Counter[str], total: int, exonym: bool = False) -> float:
    entry, share = cand.entry, context.get(cand.entry.country or "", 0) / total if total else 0.0
    regions = getattr(context, "regions", ())
    in_region = entry.feature == "city" and (entry.country, normalize(entry.admin1 or "")) in regions
    return (
        math.log10(entry.population + 10)
        + CONTEXT_WEIGHT * share
        + (REGION_WEIGHT if in_region else 0.0)
        + FEATURE_BONUS[entry.feature]
        - (0.0 if cand.primary else ALTERNATE_PENALTY * (1.0 - (share if exonym else 0.0)))
        + (CAPITAL_BONUS if entry.capital else 0.0)
    )


def _narrow(top: Toponym, cands: list[Candidate], gazetteer: Gazetteer, context: Counter[str]) -> list:
    if top.text.lower() in gazetteer.cues.water_nouns:  # "the Gulf state of Tabasco": not PNG's Gulf
        cands = [c for c in cands if c.entry.feature == "other" or context[c.entry.country or ""]] or cands
    if top.hint and top.hint != "district":
        same = [c for c in cands if c.entry.feature == top.hint]
        cands = same or cands
    if top.qualifier:
        cands = inside_qualifier(top.qualifier, cands, gazetteer) or cands
    cands = in_nation(top.nation, cands) or cands  # "the Palestinian city of Jenin"
    if top.qualified:
        inner = [c.entry for c in gazetteer.lookup(top.qualified)]
        holds = [c for c in cands if contains(c.entry, inner)]
        cands = holds or cands
    if top.hint != "admin1":
        cities = {
            (c.entry.country, normalize(c.entry.admin1 or "")) for c in cands if c.entry.feature == "city"
        }
        cands = [
            c
            for c in cands
            if not (c.entry.feature == "admin1" and (c.entry.country, normalize(c.entry.name)) in cities)
        ]
    return cands


def _in_regions(entry: Entry, context: Counter[str]) -> bool:
    return (entry.country, normalize(entry.admin1 or "")) in getattr(context, "regions", ())


def _town(top: Toponym, gazetteer: Gazetteer, context: Counter[str]) -> Entry | None:
    """A name only the on-disk index of small places knows, taken only with evidence of where it
    is, since 200,000 villages share their names with people, things and each other:
    - a town under a comma qualifier ("Glen Carbon, Ill.") or of the nation on its feature noun;
    - a town in a region the article names, when tagged a place or marked by a preposition or noun;
    - a town in a country the article names, after a preposition, when tagged a town or region or
      named by a feature noun ("in Innisfail" in a story on Canada; not the facility "at Heathrow
      airport", nor an untagged "at Stonewall");
    - anywhere, a town or district a feature noun calls one ("the village of X", "X district"),
      whose own name ends in one ("Tarrant County", even tagged an organisation), or that a
      local story's dateline names ("CROMWELL — Police said").
    Other names tagged a person or organisation need a qualifier or a feature noun; alternate names
    count only under a qualifier or, for a county ("Tarrant"), in a named region. `_score` chooses.
    """
    towns = gazetteer.towns(top.text)
    words = top.text.lower().split()
    if not towns or not words or top.text.lower() in gazetteer.cues.weak_names:
        return None
    own_noun = gazetteer.cues.feature_nouns.get(words[-1]) if len(words) > 1 else None
    if top.embedded and not (own_noun or top.cue):  # "Richland County Sheriff", "Brownsboro Police"
        return None
    if words[-1] in gazetteer.cues.feature_nouns and own_noun is None:  # "the Village of Glen Carbon"
        return None
    proof = own_noun or top.hint or top.qualifier or top.dateline or top.embedded  # embedded: an office
    if top.label not in PLACE_LABELS and top.label and not proof:
        return None
    pool = in_nation(top.nation, towns)
    pool = inside_qualifier(top.qualifier, towns, gazetteer) if top.qualifier else pool
    if top.nation and not pool:  # "the Palestinian city of Jenin": not a Polish village
        return None
    if not pool and (top.label in PLACE_LABELS or top.cue):
        named = [c for c in towns if _in_regions(c.entry, context)]
        pool = [c for c in named if c.primary or c.entry.feature == "district"]
    primary = [c for c in towns if c.primary]
    if not pool and top.cue and (top.label in ("GPE", "LOC") or top.hint):
        pool = [c for c in primary if context.get(c.entry.country or "", 0) > 0]
    if not pool and (own_noun or top.dateline or (top.cue and top.hint in ("city", "district"))):
        pool = primary
    total = sum(context.values())
    return max(pool, key=lambda c: _score(c, context, total)).entry if pool else None


def _outside_region(top: Toponym, known: list[Candidate], gazetteer: Gazetteer) -> bool:
    """ "ALLENDALE, N.J.": the towns the gazetteer knows by the name are all outside the region
    after the comma (its Allendale is in Michigan), so the small places' index is asked."""
    if not top.qualifier or any(c.entry.feature not in ("city", "district") for c in known):
        return False
    outer = gazetteer.lookup(top.qualifier)
    region = bool(outer) and outer[0].entry.feature == "admin1"
    return region and not inside_qualifier(top.qualifier, known, gazetteer)


def choose(top: Toponym, gazetteer: Gazetteer, context: Counter[str]) -> Entry | None:
    """The entry a toponym most likely names, or None when the text gives too little proof."""
    if top.county is not None:  # "Jackson and Madison counties"
        return county_entry(top, gazetteer, getattr(context, "regions", frozenset()))
    known = gazetteer.lookup(top.text)
    # a town's own name before another place's alternate one ("Litchfield" is not Avondale, Arizona)
    if not known or _outside_region(top, known, gazetteer) or not any(c.primary for c in known):
        town = _town(top, gazetteer, context)
        far = town is not None and not context[town.country or ""]
        if far and any(context[c.entry.country or ""] for c in known):  # "Jenin" on the West Bank
            town = None  # the listed town of a country the article names, not a Polish village
        if town is not None or not known:
            return town
    cands = _narrow(top, known, gazetteer, context)
    total = sum(context.values())
    exonym = not any(c.primary and context[c.entry.country or ""] for c in cands)
    best = max(cands, key=lambda c: _score(c, context, total, exonym)).entry
    if top.embedded:  # "Pakistan Army", but not "Buffalo Public Schools" unless Buffalo is named
        town = _local(top, best, gazetteer, context)  # "the Athens Police" in a story on Texas
        if top.cue and town.feature == "city" and (_in_regions(town, context) or context[town.country or ""]):
            return town  # the office of a town of a region or country the article names
        # a listed region, of the world or of one country ("Niger Delta Development Commission")
        listed = best.feature == "other" and normalize(best.name) not in gazetteer.physical
        region = best.feature in ("country", "admin1") or listed  # not "Atlantic Avenue": geo/features.py
        return best if region else None  # a country, region or world region: "Asia-Pacific"
    # "Austin, Texas": a region or country after the comma that holds the place is proof enough.
    cue = top.cue or bool(top.qualifier and inside_qualifier(top.qualifier, known, gazetteer))
    if top.text.lower() in gazetteer.cues.weak_names:
        return best if top.label in PLACE_LABELS and cue else None
    if top.label in PLACE_LABELS or cue:
        return county_at_home(top, _local(top, best, gazetteer, context), gazetteer, context)
    in_context = context.get(best.country or "", 0) > 0
    if top.label == "PERSON":
        return best if best.population > BIG and in_context else None
    return best if best.population > BIG or (best.population > MEDIUM and in_context) else None


def _local(top: Toponym, best: Entry, gazetteer: Gazetteer, context: Counter[str]) -> Entry:
    """A town of a region the article names, from the index of small places, over a city of the
    same name outside the named regions: in a country the article does not name ("Athens" in a
    story on Tennessee is Athens, Tennessee, 13,000 people, not the capital of Greece), or under
    `LOCAL_MAX` people in one whose regions it names (not Athens, Georgia, 127,000; Atlanta stays)."""
    regions = getattr(context, "regions", frozenset())
    if best.feature != "city" or top.qualifier or not regions or _in_regions(best, context):
        return best
    if context.get(best.country or "", 0) and (
        best.population >= LOCAL_MAX or all(country != best.country for country, _ in regions)
    ):
        return best
    local = [c.entry for c in gazetteer.towns(top.text) if c.primary and _in_regions(c.entry, context)]
    return max(local, key=lambda e: e.population, default=best)


def _from_entry(top: Toponym, entry: Entry) -> Resolved:
    admin1 = entry.admin1 if entry.feature != "country" else None
    e = entry
    return Resolved(top, e.name, e.lat, e.lon, e.country, e.feature, admin1, e.geonameid)


def _district(
    top: Toponym, doc_text: str, gazetteer: Gazetteer, context: Counter[str], by_span: Spans
) -> Resolved:
    """An unknown district takes its point from the city around it, when the text names one."""
    owner: Entry | None = None
    if top.enclosing is not None:
        owner = by_span.get(top.enclosing) or choose(
            Toponym(*top.enclosing, doc_text[top.enclosing[0] : top.enclosing[1]], cue=True),
            gazetteer,
            context,
        )
    head = county_head(top.text, gazetteer.cues)  # "Rapides Parish" of "Rapides Parish Fire District"
    hint = "district" if head else None
    own = choose(Toponym(top.start, top.end, head or top.text, hint=hint, cue=True), gazetteer, context)
    base = owner or own
    if base is None:
        return Resolved(top, top.text, None, None, None, "district", None, None)
    admin1 = base.admin1 if base.feature != "country" else None
    return Resolved(top, top.text, base.lat, base.lon, base.country, "district", admin1, None)


def _by_discourse(
    top: Toponym, gazetteer: Gazetteer, named: dict[str, Entry], regions: set[tuple[str | None, str]]
) -> Entry | None:
    """A name that lacked proof where it stands, placed by the rest of the article. One sense per
    discourse: a name the article places elsewhere with proof is that place here too ("Alexandria"
    tagged a person in one sentence, "in Alexandria" in another). Otherwise a name that is a town of
    a region the article places is that town ("Torrington" in a story about Connecticut), unless
    the tagger calls it a person or it is a common word or first name."""
    same = named.get(normalize(top.text))
    if same is not None or top.county is not None:
        return same if top.county is None else county_entry(top, gazetteer, regions)
    if top.label == "PERSON" or top.text.lower() in gazetteer.cues.weak_names or not regions:
        return None
    inside = [
        c.entry
        for c in gazetteer.lookup(top.text)
        if c.primary
        and c.entry.feature == "city"
        and (c.entry.country, normalize(c.entry.admin1 or "")) in regions
    ]
    return max(inside, key=lambda e: e.population, default=None)


def _regions(resolved: list[Entry]) -> set[tuple[str | None, str]]:
    """(country, region) of every first-level region the article places, named or holding a town."""
    out: set[tuple[str | None, str]] = set()
    for entry in resolved:
        if entry.feature in ("admin1", "city") and entry.admin1:
            out.add((entry.country, normalize(entry.admin1)))
    return out


def resolve_toponyms(toponyms: list[Toponym], doc_text: str, gazetteer: Gazetteer) -> list[Resolved]:
    """Each toponym decided in text order; names without enough proof where they stand are then
    placed by the rest of the article (`_by_discourse`), or dropped."""
    context = context_countries(toponyms, gazetteer)
    by_span: dict[tuple[int, int], Entry] = {}
    out: list[Resolved] = []
    unproven: list[Toponym] = []
    named: dict[str, Entry] = {}
    for top in toponyms:
        if top.district:
            continue
        entry = choose(top, gazetteer, context)
        if entry is None:
            unproven.append(top)
            continue
        by_span[(top.start, top.end)] = entry
        named.setdefault(normalize(top.text), entry)
        out.append(_from_entry(top, entry))
    regions = _regions(list(by_span.values())) if unproven else set()
    for top in unproven:
        entry = _by_discourse(top, gazetteer, named, regions)
        if entry is not None:
            by_span[(top.start, top.end)] = entry
            out.append(_from_entry(top, entry))
    out = reread_abroad(out, gazetteer, lambda res, entry: _from_entry(res.toponym, entry))
    out = cluster_towns(out, gazetteer, _from_entry, [t for t in unproven if (t.start, t.end) not in by_span])
    for top in toponyms:
        if top.district:
            out.append(_district(top, doc_text, gazetteer, context, by_span))
    return sorted(out, key=lambda r: r.toponym.start)


def group_places(resolved: list[Resolved], text: str) -> list[Place]:
    """One Place per distinct place, with every mention, in order of first mention."""
    groups: dict[tuple[object, ...], list[Resolved]] = {}
    for res in resolved:
        groups.setdefault(res.key, []).append(res)
    places = []
    for items in groups.values():
        # The mention that says most (a district with its city's point) speaks for the group.
        first = next((r for r in items if r.lat is not None), items[0])
        mentions = tuple(Evidence.of(text, r.toponym.start, r.toponym.end) for r in items)
        point = (first.name, first.lat, first.lon, first.country, first.feature)
        places.append(Place(*point, mentions, first.admin1, first.geonameid))  # type: ignore[arg-type]
    return places


def find_places(doc: Doc, article: Article, gazetteer: Gazetteer) -> list[Place]:
    """Every place the article names outside its furniture, resolved and grouped."""
    return name_places(ParsedArticle.of(doc, article), gazetteer)


def name_places(parsed: ParsedArticle, gazetteer: Gazetteer) -> list[Place]:
    """`find_places` over an article already parsed (the places stage's call)."""
    text = parsed.article.text
    return group_places(resolve_toponyms(find_toponyms(parsed, gazetteer), text, gazetteer), text)

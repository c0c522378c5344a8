"""Places inside the name of an organisation, and unions of states named like places: the
"Washington" of "The Washington Post", "Winnipeg" in "the Winnipeg Fire Paramedic Service", the
"EU" of "EU airlines".

Geoparsing sets that tag toponyms by use (GeoWebNews) count these as toponyms of their place, and
a reader of an article's places wants "New York Times" to say nothing of events but something of
what the article touches. The name of a newspaper or a festival never says where anything
happened, so each is a `Place` with `kind="organisation"`: listed with the article's places,
never placing an event, a figure or an actor (`model.named_places`), as demonyms are not.

Found after the named places and the demonyms, in the words no mention of them covers: an
organisation's or event's name (as the tagger marks it) whose first words, else its last or
inner words, are a place name the gazetteer lists, placed as the article places that name
elsewhere, else as a country, a first-level or world region, or (first words only) a city of over
`CITY_MIN` people; and the unions of data/<language>/geo/unions.yml, at the point of the region
they cover.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span

from newsevents import data
from newsevents.data import reader
from newsevents.geo.gazetteer import Entry, Gazetteer, normalize
from newsevents.geo.pairs import embeddable
from newsevents.geo.resolve import Context, choose
from newsevents.geo.toponyms import Toponym
from newsevents.model import Evidence, Place
from newsevents.nlp import entities_of
from newsevents.nlp.parsed import ParsedArticle
from newsevents.nlp.words import words

# Labels of names that are an organisation's or an event's, not a place's ("Muscat International
# Film Festival" is an event to the tagger).
NAME_LABELS = frozenset({"ORG", "EVENT"})
CITY_MIN = 100_000  # a city named in an organisation's name without the article naming it
Key = tuple[str, ...]


@dataclass(frozen=True)
class Unions:
    """Words of each union of states -> the entry of the region whose point it takes, with the
    first words and the longest name's length, worked out once so the scan of every word of every
    article stays one set probe for words that start no name."""

    points: Mapping[Key, Entry]
    firsts: frozenset[str] = frozenset()
    longest: int = 0

    @classmethod
    def of(cls, points: Mapping[Key, Entry]) -> Unions:
        return cls(points, frozenset(k[0] for k in points), max((len(k) for k in points), default=0))


def load_unions(gazetteer: Gazetteer, language: str = "en", extra: Sequence[str | Path] = ()) -> Unions:
    """The unions of data/<language>/geo/unions.yml with the user's files (`places: unions` in the
    settings) merged over them by name; a place the gazetteer lacks is an error naming the line."""
    points: dict[Key, Entry] = {}
    paths = (data.shipped("geo/unions.yml", language), *extra)
    records = [rec for path in paths for rec in reader.entries(path)]
    for record in reader.merge(records, lambda r: r.get("name")):
        record.only(("name", "place", "remove"))
        name, place = str(record.text("name")), str(record.text("place"))
        found = [c.entry for c in gazetteer.lookup(place) if c.primary]
        if not found:
            raise record.fail("place", f"{place!r} is no place the gazetteer lists")
        points[tuple(name.split())] = found[0]
    return Unions.of(points)


def find_in_names(
    parsed: ParsedArticle, gazetteer: Gazetteer, unions: Unions, places: Iterable[Place]
) -> list[Place]:
    """One organisation place per entry, with every mention outside page furniture and outside
    the mentions of `places` (the named places and the demonyms)."""
    places = list(places)
    taken = [(m.start, m.end) for p in places for m in p.mentions]
    found: dict[Entry, list[Evidence]] = {}
    text = parsed.article.text
    for start, end, entry in [*_unions(parsed, unions), *_name_parts(parsed, gazetteer, places)]:
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        found.setdefault(entry, []).append(Evidence.of(text, start, end))
    return [
        Place(e.name, e.lat, e.lon, e.country, e.feature, tuple(sorted(ev, key=lambda m: m.start)),
              e.admin1, e.geonameid, "organisation")
        for e, ev in found.items()
    ]  # fmt: skip


def _unions(parsed: ParsedArticle, unions: Unions) -> list[tuple[int, int, Entry]]:
    w = words(parsed.doc).text
    out = []
    i = 0
    while i < len(w):
        if w[i] not in unions.firsts:
            i += 1
            continue
        for length in range(min(unions.longest, len(w) - i), 0, -1):
            entry = unions.points.get(tuple(w[i : i + length]))
            if entry is not None and not parsed.is_furniture(i, i + length):
                out.append((parsed.starts[i], parsed.starts[i + length - 1] + len(w[i + length - 1]), entry))
                i += length - 1
                break
        i += 1
    return out


def _name_parts(
    parsed: ParsedArticle, gazetteer: Gazetteer, places: Sequence[Place]
) -> list[tuple[int, int, Entry]]:
    doc = parsed.doc
    people = {t.text for ent in entities_of(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    named = {normalize(m.text): p for p in places if p.kind == "name" for m in p.mentions}
    context = _context(places)
    out = []
    for ent in entities_of(doc):
        if ent.label_ not in NAME_LABELS or parsed.is_furniture(ent.start, ent.end):
            continue
        found = _place_part(ent, gazetteer, people)
        if found is None:
            continue
        part, head = found
        entry = _entry(part, gazetteer, named, context, head)
        if entry is not None:
            out.append((part.start_char, part.end_char, entry))
    return out


def _place_part(ent: Span, gazetteer: Gazetteer, people: set[str]) -> tuple[Span, bool] | None:
    """The longest known place name at the start of the name, else at its end ("Air France"),
    else inside it ("Air France KLM"), and whether it is at the start; None for a name of one
    word, a name ending in a word of `unplaced_heads` ("Columbia University") or a part that is a
    word of a person's name in the article."""
    start = ent.start + (ent[0].lower_ == "the")
    end = ent.end
    while end > start and (ent.doc[end - 1].is_punct or ent.doc[end - 1].tag_ == "POS"):
        end -= 1
    if end > start and ent.doc[end - 1].lower_ in gazetteer.cues.unplaced_heads:
        return None
    size = end - start
    sizes = range(size - 1, 0, -1)
    inner = [(i, i + n) for n in sizes for i in range(start + 1, end - n)]  # "Air France KLM"
    bounds = [*((start, start + n) for n in sizes), *((end - n, end) for n in sizes), *inner]
    for first, last in bounds:
        part = ent.doc[first:last]
        if part[0].is_stop and not part[0].text.isupper():
            continue
        weak = part.text.lower() in gazetteer.cues.weak_names
        if weak or any(t.text in people for t in part) or not embeddable(part.text, gazetteer):
            continue
        return part, first == start
    return None


def _entry(
    part: Span, gazetteer: Gazetteer, named: Mapping[str, Place], context: Context, head: bool
) -> Entry | None:
    """The place the part names: as the article names it elsewhere, else a country or world
    region, a first-level region (after the start of the name, one of a country the article
    names), or a large city at the start of the name ("The Washington Post"; a city last is more
    often a word of a band's or a team's name: "Rainbow Kitten Surprise")."""
    same = named.get(normalize(part.text))
    if same is not None:  # one sense per discourse: the place the article names by these words
        point = (same.lat, same.lon)
        found = [c.entry for c in gazetteer.lookup(part.text) if (c.entry.lat, c.entry.lon) == point]
        if found:
            return found[0]
    entry = choose(Toponym(part.start_char, part.end_char, part.text, "GPE", cue=True), gazetteer, context)
    if entry is None:
        return None
    world = entry.feature == "other" and entry.country is None
    world = world and normalize(entry.name) not in gazetteer.physical
    if entry.feature == "country" or world:  # not the ocean of "Union Pacific" (geo/features.py)
        return entry
    if not head and not context[entry.country or ""]:  # "Twin Lakes" in Minnesota is not South Sudan's Lakes
        return None
    city = head and entry.feature == "city" and entry.population > CITY_MIN
    return entry if entry.feature == "admin1" or city else None


def _context(places: Iterable[Place]) -> Context:
    """The countries and first-level regions the article names, as the resolver counts them."""
    context = Context()
    regions = set()
    for p in places:
        if p.kind == "name" and p.country and p.feature in ("country", "admin1"):
            context[p.country] += len(p.mentions)
            if p.feature == "admin1":
                regions.add((p.country, normalize(p.name)))
    context.regions = frozenset(regions)
    return context

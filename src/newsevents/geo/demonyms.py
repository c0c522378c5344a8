"""Demonyms and adjectives of origin as places of their own kind: "Syrian", "Sudanese", "US-led".

News geoparsing sets count them as toponyms of their country, and an analyst reading the places of
an article wants "Russian officials" to say the article is about Russia. But a demonym tells who
or what, never where: "Turkish forces shelled Afrin" happened in Syria. So a demonym becomes a
`Place` with `kind="demonym"`, listed with the article's places and stored like them, and the
stages that place events, figures and actors read only the named ones (`model.named_places`).

The words are the actor dictionary's (data/<language>/actors/countries.yml, `demonyms` of each
country and region), the one list of nationality words, so a user's dictionary that adds
"Gazan" to Palestine adds it here too. A country's demonym is placed at the gazetteer's point for
the country; a region's at the gazetteer's point for the region's name when that region belongs
to no single country ("European" -> Europe); a people's region inside a country ("Kurdish" ->
Kurdistan) or a name the gazetteer lacks ("Arab" -> the Arab world) is no place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import TYPE_CHECKING

from newsevents import data
from newsevents.actors.dictionary import ActorDictionary, norm_token
from newsevents.data import reader
from newsevents.geo.gazetteer import Entry, Gazetteer
from newsevents.model import Evidence, Place
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsevents.nlp.parsed import ParsedArticle

Key = tuple[str, ...]
KNOWN_LIMIT = 200_000  # words remembered per process by `DemonymTable.may_start`


@dataclass(frozen=True)
class DemonymTable:
    """Token key of a demonym -> the gazetteer entry it stands for; built once per pipeline.
    `starts` holds the first token of every key, so most words cost one set lookup."""

    places: Mapping[Key, Entry]
    max_len: int
    starts: frozenset[str] = frozenset()
    # each word met -> whether a demonym may begin with it, kept per process (`may_start`)
    known: dict[str, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def of(cls, dictionary: ActorDictionary, gazetteer: Gazetteer, language: str = "en") -> DemonymTable:
        """Every demonym of the dictionary's countries and regions that has a point; a demonym
        data/<language>/geo/demonym_regions.yml gives a region of its country ("English") has the
        region's point."""
        places: dict[Key, Entry] = {}
        regions = region_demonyms(gazetteer, language)
        for key, phrase in dictionary.phrases_of("demonym"):
            entry = _point(phrase.entry.kind, phrase.entry.country, phrase.entry.name, gazetteer)
            region = regions.get(phrase.text)
            if entry is not None and region is not None and region.country == entry.country:
                entry = region
            if entry is not None:
                places.setdefault(key, entry)
        return cls(places, max((len(k) for k in places), default=1), frozenset(k[0] for k in places))

    def may_start(self, texts: Sequence[str]) -> list[int]:
        """The positions of the words that are capitalised and begin some demonym: the rest can
        begin none, and each distinct word is asked once per process, not once per article."""
        found = list(map(self.known.get, texts))
        if None in found:
            if len(self.known) > KNOWN_LIMIT:
                self.known.clear()
            for i, flag in enumerate(found):
                if flag is None:
                    word = texts[i]
                    found[i] = self.known[word] = word[:1].isupper() and norm_token(word) in self.starts
        return list(compress(range(len(found)), found))


def region_demonyms(gazetteer: Gazetteer, language: str = "en") -> dict[str, Entry]:
    """Each demonym of data/<language>/geo/demonym_regions.yml -> the first-level region it names;
    a region the gazetteer lacks is an error naming the line."""
    out: dict[str, Entry] = {}
    for record in reader.entries(data.shipped("geo/demonym_regions.yml", language)):
        record.only(("demonym", "region"))
        demonym, region = str(record.text("demonym")), str(record.text("region"))
        found = [c.entry for c in gazetteer.lookup(region) if c.primary and c.entry.feature == "admin1"]
        if not found:
            raise record.fail("region", f"{region!r} is no first-level region the gazetteer lists")
        out[demonym] = found[0]
    return out


def nationality_words(dictionary: ActorDictionary) -> dict[str, str]:
    """Each demonym of the dictionary as written ("Sudanese", "U.S.-led") -> its entry's code."""
    return {phrase.text: phrase.entry.code for _, phrase in dictionary.phrases_of("demonym")}


def _point(kind: str, country: str | None, name: str, gazetteer: Gazetteer) -> Entry | None:
    if kind == "country":
        return gazetteer.countries.get(country or "")
    if kind != "region":
        return None
    found = gazetteer.lookup(name)
    regions = [c.entry for c in found if c.entry.country is None and c.entry.feature == "other"]
    return max(regions, key=lambda e: e.population, default=None)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_demonyms(
    parsed: ParsedArticle, table: DemonymTable, named: Iterable[Place], gazetteer: Gazetteer
) -> list[Place]:
    """One demonym place per entry, with every capitalised mention outside page furniture,
    outside the named places' mentions and not the start of a longer place name the gazetteer
    knows ("American Samoa", "Indian Ocean")."""
    doc, text = parsed.doc, parsed.article.text
    taken = [(m.start, m.end) for p in named for m in p.mentions]
    mentions: dict[Entry, list[Evidence]] = {}
    w = words(doc).text  # strings, not Tokens: most words are no demonym
    free = 0  # the first word no earlier demonym took
    for i in table.may_start(w):
        length = _match(w, i, table) if i >= free else 0
        if not length or parsed.is_furniture(i, i + length) or _starts_name(doc, i, i + length, gazetteer):
            continue
        start, end = parsed.starts[i], parsed.starts[i + length - 1] + len(w[i + length - 1])
        if not _overlaps(start, end, taken):
            entry = table.places[tuple(norm_token(t) for t in w[i : i + length])]
            mentions.setdefault(entry, []).append(Evidence.of(text, start, end))
        free = i + length
    return [
        Place(e.name, e.lat, e.lon, e.country, e.feature, tuple(found), e.admin1, e.geonameid, "demonym")
        for e, found in mentions.items()
    ]


def _starts_name(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether the demonym [start, end) begins a name of one or two more capitalised words that
    the gazetteer knows."""
    for stop in (end + 1, end + 2):
        if stop > len(doc) or not doc[stop - 1].text[:1].isupper():
            return False
        if gazetteer.lookup(doc[start:stop].text):
            return True
    return False


def _match(texts: Sequence[str], i: int, table: DemonymTable) -> int:
    """The length in tokens of the longest demonym starting at token i (0 when none does), from
    the tokens' `texts`."""
    if norm_token(texts[i]) not in table.starts:
        return 0
    for length in range(min(table.max_len, len(texts) - i), 0, -1):
        if tuple(norm_token(t) for t in texts[i : i + length]) in table.places:
            return length
    return 0

"""Places the gazetteer does not list but the text plainly calls places: villages, camps, hills.

War reporting names the village, camp or hilltop where a battle was fought ("the village of
Aabed", "Tall ad-Dirrah village", "the Yarmouk Camp", "the hilltop of Tal Sukeek", "inside Kafr
Sousah"), and GeoNames lacks most of them or spells them otherwise. Without a place mention there
is nothing to place the event at: it falls back to a larger place of the sentence, or to none.
On the event_location training sentences such names are the gold place of about two in five
events we place wrongly or not at all.

A capitalised name the gazetteer does not know is taken as a place only on firm evidence
(`unlisted_evidence`): a site noun of `cues.yml` before "of" or right after it ("the village of
X", "X camp"), a site noun ending the name itself ("Yarmouk Camp", "Dumayr Airbase"), a place
prefix opening it ("Tal", "Jabal", "Kafr", "Deir": the words Arabic place names begin with), or
a name under a locative preposition that the tagger calls a place or a facility ("at Kibeho",
"inside Kafr Sousah"); it must be a proper noun, never a word of nationality ("the Jewish
settlement of X"). A demonym, a name the actors stage read as an actor's ("Boko Haram", "the
Taliban") and a name overlapping a listed place are never taken.

It has no point of its own, so it takes the point, country and region of the place it lies in:
the nearest listed place its sentence or paragraph names, a city or region before a country
("the settlement of Rafiah Yam in southern Gaza"), else the dateline's, else the article's focus
(`_host`); or the point of a small place of its name in that country, when the index of small
places holds one. With none it has no point, as a district of an unnamed city has none
(`resolve.py`): the event is still placed where the text says, and an analyst sees the name.
Such places only place events: they are not listed with the article's places (a name without a
point of its own is no geoparse), and they never make the article's focus.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from spacy.tokens import Span

from newsevents.geo.dateline import dateline_place
from newsevents.geo.fallback import article_focus
from newsevents.geo.gazetteer import Gazetteer
from newsevents.geo.names import POSSESSIVES, name_spans
from newsevents.ingest.lines import lines_of
from newsevents.model import ActorMention, Evidence, Feature, Place
from newsevents.nlp import sentence_of
from newsevents.nlp.parsed import ParsedArticle

# Labels that make a name under a locative preposition a place: a place or a facility ("at Kibeho",
# "outside the Villa Borsig"). Organisations and unlabelled names there are as often parties, peoples
# and papers ("in the National Congress Party", "in Uyghurs", "in the Indian Express").
TRUSTED = frozenset({"GPE", "LOC", "FAC"})
LEADING = frozenset({"the", "a", "an"})


def _before(span: Span) -> tuple[str, str]:
    """The word before a name and the noun before it, past "the" and adjectives: ("of", "village")
    in "the strategic village of X"; ("at", "") in "at X"."""
    doc, i = span.doc, span.start - 1
    while i >= 0 and doc[i].lower_ in LEADING:
        i -= 1
    if i < 0:
        return "", ""
    word = doc[i].lower_
    j = i - 1
    while j >= 0 and (doc[j].lower_ in LEADING or doc[j].pos_ == "ADJ"):
        j -= 1
    return word, doc[j].lower_ if j >= 0 and word == "of" else ""


def unlisted_evidence(span: Span, gazetteer: Gazetteer) -> Feature | None:
    """The feature the text gives an unlisted name (`city` for a settlement or site, `district`
    for a quarter), or None when nothing says it is a place."""
    cues, doc = gazetteer.cues, span.doc
    sites = cues.site_nouns
    if not any(t.pos_ == "PROPN" for t in span) or any(t.ent_type_ == "NORP" for t in span):
        return None  # "the Jewish settlement of X": a word of nationality, not the settlement
    if span[-1].lower_ in cues.water_nouns:
        return None  # "the Indian Ocean": no town's point is a sea's
    word, noun = _before(span)
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    last, first = span[-1].lower_, span[0].lower_.translate({0x2019: "'"})
    for said in (noun if word == "of" else "", after, last if len(span) > 1 else ""):
        if said in sites:
            return "district" if cues.feature_nouns.get(said) == "district" else "city"
    if len(span) > 1 and first in cues.place_prefixes:
        return "city"
    labels = {t.ent_type_ for t in span}
    if word in cues.locative and labels & TRUSTED and not labels - TRUSTED - {""}:
        return "city"
    return None


def _host(
    places: Sequence[Place], parsed: ParsedArticle, at: Span, gazetteer: Gazetteer
) -> Place | None:
    """The listed place an unlisted one lies in, nearest evidence first: a city or region its
    sentence names (the nearest), one its paragraph named before it (the last: where the story
    was), one its paragraph names after it, a country its sentence names, one its paragraph names,
    the dateline's place, the article's focus. A country's point (its capital) is far from most
    of its villages: after a paragraph on Zamfara, "the village of Jangebe" is in Zamfara, not in
    Nigeria's capital nor in Borno, named after it for an earlier kidnapping."""
    sent = sentence_of(at)
    para = next((line for line in lines_of(parsed.text) if line.start <= at.start_char < line.end), None)
    best, rank = None, None
    for place in places:
        if place.lat is None or place.kind != "name":
            continue
        for mention in place.mentions:
            in_sentence = sent.start_char <= mention.start < sent.end_char
            if not in_sentence and (para is None or not para.start <= mention.start < para.end):
                continue
            after = not in_sentence and mention.start > at.start_char
            here = (place.feature == "country", not in_sentence, after, abs(mention.start - at.start_char))
            if rank is None or here < rank:
                best, rank = place, here
    if best is None and (dateline := dateline_place(parsed, places, gazetteer)) is not None:
        best = dateline[0]
    return best if best is not None else article_focus(parsed, places)


def _town_in(gazetteer: Gazetteer, name: str, host: Place) -> Place | None:
    """The small place of that name in the host's country, when the index of small places holds
    one (the resolver wants more proof of a village than its name and a noun: here the host is
    the proof), as a point to take; the largest of several."""
    towns = [c.entry for c in gazetteer.towns(name) if c.entry.country == host.country and c.entry.lat]
    best = max(towns, key=lambda e: e.population, default=None)
    if best is None or best.lat is None or best.lon is None:
        return None
    return Place(best.name, best.lat, best.lon, best.country, best.feature, (), best.admin1)


def unlisted_places(
    parsed: ParsedArticle, places: Sequence[Place], gazetteer: Gazetteer, actors: Sequence[ActorMention] = ()
) -> list[Place]:
    """A place for each unlisted name the text calls a place (module doc), beside `places`,
    at the point of the place it lies in (or of its namesake in the small places of the host's
    country); its mentions of one name are one place."""
    doc, cues = parsed.doc, gazetteer.cues
    taken = _Taken([(m.start, m.end) for p in places for m in p.mentions])
    agents = {i for a in actors if a.kind == "name" for i in range(a.token_start, a.token_end)}
    found: dict[str, Place] = {}
    for span in name_spans(doc, cues):
        while len(span) > 1 and span[-1].text in POSSESSIVES:
            span = span[:-1]
        text = span.text
        if taken.overlaps(span.start_char, span.end_char) or parsed.is_furniture(span.start, span.end):
            continue
        if parsed.in_title[span.start] or gazetteer.is_demonym(text) or text.lower() in cues.never_places:
            continue
        if not agents.isdisjoint(range(span.start, span.end)):  # "attacks by Boko Haram in": an actor's name
            continue
        if gazetteer.lookup(text):
            continue
        feature = unlisted_evidence(span, gazetteer)
        if feature is None:
            continue
        mention = Evidence.of(parsed.text, span.start_char, span.end_char)
        seen = found.get(text)
        if seen is not None:  # the first mention's host places the name
            found[text] = Place(seen.name, seen.lat, seen.lon, seen.country, seen.feature,
                                (*seen.mentions, mention), seen.admin1)  # fmt: skip
            continue
        host = _host(places, parsed, span, gazetteer)
        at = host and (_town_in(gazetteer, text, host) or host)
        if at is None:  # a place the text names, somewhere the article never says
            found[text] = Place(text, None, None, None, feature, (mention,))
            continue
        admin1 = at.admin1 if at.feature != "country" else None
        found[text] = Place(text, at.lat, at.lon, at.country, feature, (mention,), admin1)
    return list(found.values())


class _Taken:
    """Character ranges of the places' mentions, asked whether any overlaps [start, end): sorted by
    start, with the furthest end reached by each prefix, so each name asks one bisection instead of
    comparing itself with every mention of the article."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges.sort()
        self.starts = [a for a, _ in ranges]
        self.reach = list(accumulate((b for _, b in ranges), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # the ranges that begin before `end`
        return before > 0 and self.reach[before - 1] > start

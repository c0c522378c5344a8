"""Qualifiers of a place name: a comma qualifier ("Paris, Texas", "Atlanta, Georgia"), which
candidates a country or region after the comma holds, and whether a country or region holds a
place; and a nation on the feature noun ("the Palestinian city of Jenin"); read by the resolver."""

from __future__ import annotations

from spacy.tokens import Span

from newsevents.geo.gazetteer import Candidate, Entry, Gazetteer, normalize

NOUN_WORDS = 2  # lower-case words between a nation and the name's feature noun: "Syrian port city"


def inside_qualifier(qualifier: str, cands: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """The candidates inside the country or region a comma qualifier names ("Paris, Texas")."""
    outer = {c.entry.country for c in gazetteer.lookup(qualifier)}
    regions = {normalize(c.entry.name) for c in gazetteer.lookup(qualifier) if c.entry.feature == "admin1"}
    return [
        c
        for c in cands
        if c.entry.country in outer
        and (not regions or normalize(c.entry.admin1 or "") in regions or c.entry.feature == "country")
    ]


def contains(outer: Entry, inner: list[Entry]) -> bool:
    """Whether a country or region holds one of the places an inner name may be."""
    if outer.feature == "country":
        return any(e.country == outer.country and e is not outer for e in inner)
    if outer.feature == "admin1":
        return any(
            e.country == outer.country and normalize(e.admin1 or "") == normalize(outer.name) for e in inner
        )
    return False


def nation_of(span: Span, gazetteer: Gazetteer) -> str | None:
    """ "the Palestinian city of Jenin", "the Iraqi border town of Tal Afar", "the U.S. state of
    Georgia": the country (ISO alpha-3) a demonym or country name on the feature noun names.

    News writes the country of a little-known place this way rather than after a comma, and it
    tells which of the namesakes is meant as a comma qualifier does (not a Polish village
    Jenin). The demonym must stand in the same noun phrase: "Syrian refugees in the city of
    Gaziantep" say nothing of where Gaziantep is."""
    doc, cues = span.doc, gazetteer.cues
    noun = span.start - 2
    if noun < 1 or doc[span.start - 1].lower_ != "of" or doc[noun].lower_ not in cues.feature_nouns:
        return None
    last, lowest = noun - 1, max(0, noun - NOUN_WORDS)  # lower-case words: "eastern", "port", "border"
    while last >= lowest and doc[last].text.islower() and doc[last].pos_ in ("ADJ", "NOUN"):
        last -= 1
    if last < 0 or not doc[last].text[:1].isupper():
        return None
    for first in (last - 1, last):  # "South Korean" before "Korean"; "New Mexico" before "Mexico"
        if first < 0 or not doc[first].text[:1].isupper():
            continue
        text = doc[first : last + 1].text
        code = gazetteer.demonyms.get(normalize(text))
        if code is not None:
            return code if code in gazetteer.countries else None  # "Kurdish" names no country
        named = [c.entry for c in gazetteer.lookup(text) if c.primary]
        if named:  # "Saudi", "U.S.": the word names the country; "New Mexico" a state, no nation
            return named[0].country if named[0].feature == "country" else None
    return None


def in_nation(nation: str | None, cands: list[Candidate]) -> list[Candidate]:
    """The candidates in the country a demonym on the feature noun names (`nation_of`)."""
    return [c for c in cands if c.entry.country == nation] if nation else []

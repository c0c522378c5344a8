"""The place a dateline names ("KHARTOUM (Sputnik) - ...", "BEIRUT, Lebanon -- ..."), where a
wire story was filed and, for the events its text places nowhere nearer, where they happened.

The statistical tagger reads an upper-case dateline poorly, so the name is taken from the
dateline's own pattern (`ingest.furniture.DATELINE`) and resolved here: a place mention inside
the dateline first, else a place of the article with the same name, else the gazetteer's entry
for it in one of the article's countries, else its most populous city or country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from newsevents.geo.gazetteer import Entry, Gazetteer, normalize
from newsevents.ingest.furniture import DATELINE
from newsevents.ingest.lines import lines_of
from newsevents.model import Evidence, Place
from newsevents.nlp.parsed import ParsedArticle

DATELINE_LINES = 3  # a dateline opens the body: the first lines after the headline
# The name: the upper-case words before the dateline's comma, parenthesis or dash.
NAME = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.]")
FEATURES = ("city", "district", "country")


def dateline_place(
    parsed: ParsedArticle, places: Sequence[Place], gazetteer: Gazetteer | None = None
) -> tuple[Place, Evidence] | None:
    """(the dateline's place, the dateline's words for it), or None when the article has none."""
    title = parsed.article.title_span
    lines = [line for line in lines_of(parsed.text) if title is None or line.start >= title.end]
    for line in lines[:DATELINE_LINES]:
        match = DATELINE.match(line.text)
        name = NAME.match(line.text) if match is not None else None
        if match is None or name is None:
            continue
        start, end = line.start, line.start + match.end()
        for place in places:
            for mention in place.mentions:
                if start <= mention.start and mention.end <= end:
                    return place, mention
        words = Evidence.of(parsed.text, line.start, line.start + len(name.group(0).rstrip(". -")))
        found = _named(words.text, places, gazetteer)
        return (found, words) if found is not None else None
    return None


def _named(name: str, places: Sequence[Place], gazetteer: Gazetteer | None) -> Place | None:
    """The article's place of that name, else the gazetteer's entry for it (see the module)."""
    key = normalize(name)
    for place in places:
        if normalize(place.name) == key:
            return place
    if gazetteer is None:
        return None
    entries = [c.entry for c in gazetteer.lookup(name.title()) if c.entry.feature in FEATURES]
    if not entries:
        return None
    countries = {p.country for p in places if p.country}
    best = max(entries, key=lambda e: (e.country in countries, e.population))
    return _place(best)


def _place(entry: Entry) -> Place:
    return Place(entry.name, entry.lat, entry.lon, entry.country, entry.feature, (), entry.admin1,
                 entry.geonameid)  # fmt: skip


def is_dateline_name(span: Span) -> bool:
    """An upper-case name that opens a line or a sentence before a comma, dash or parenthesis
    ("MANSFIELD --", "Crash on Route 8. TORRINGTON — Police said"), or that opens a line before
    the first word of the story ("DETROIT The department said"): a wire dateline names a place."""
    doc = span.doc
    text = span.text
    if not text.isupper() or len(text.replace(".", "")) < 3:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    line_start = before is None or before.is_space or "\n" in before.text_with_ws
    if not (line_start or span[0].is_sent_start):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is None:
        return False
    if after.text in (",", "-", "--", "—", "–", "("):
        return True
    return line_start and after.text.istitle()

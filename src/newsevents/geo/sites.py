"""Events at a named site inside a town: "patrolled Manger Square in nearby Bethlehem" happened at
Manger Square, not anywhere in Bethlehem.

The clause rules of `locate.py` rank a locative phrase on the trigger above a name as its object,
and a site the text sets inside a town ("al-Shaab Stadium in eastern Baghdad", "Mecca's Al-Nur
hospital", "the village of Sheikh Najjar in the eastern countryside of Aleppo") often loses to the
town for that reason or because the parser hangs "in Baghdad" on the verb. An analyst wants the
finest place the text gives, so an event placed at a town's mention in its own sentence is placed
at the site the same phrase puts inside that town:

- "X in [the eastern] Y", "X school in Y", "X, in the capital of Y": the site, then "in", then
  only articles, adjectives and nouns of places and areas ("countryside", "capital") before Y;
- "Y's X": the town's possessive right before the site.

A name in capitals is an organisation's ("the MFO base in Al-Gurah"): the base is the body's, and
the text's place is the town.

The site is a place mention of its own (listed, or an unlisted site of `unlisted.py`); the
event's location names it, with its own point where the gazetteer gives one, else the town's, and
precision "district" when it lies in a town (finer than the town), "city" when the container is a
region ("the city of el-Fasher in the region of Darfur"). Sites never join the article's listed places here:
the toponyms stay what the places stage found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from newsevents.geo.gazetteer import Cues
from newsevents.model import Event, EventLocation, Evidence, Place, Precision
from newsevents.nlp.parsed import ParsedArticle

COARSE = frozenset({"country", "admin1", "other"})  # never a site inside a town
FILLER_POS = frozenset({"DET", "ADJ", "SPACE"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'"})


def _token_range(doc: Doc, mention: Evidence) -> tuple[int, int] | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return None if span is None else (span.start, span.end)


def _inside_after(doc: Doc, site_end: int, town_start: int, cues: Cues) -> bool:
    """Whether the words from a site's end to a town's start say the site is in the town:
    an optional site noun and comma, "in", then articles, adjectives and place nouns."""
    i = site_end
    while i < town_start and doc[i].lower_ in cues.site_nouns:
        i += 1
    if i < town_start and doc[i].text == ",":
        i += 1
    if i >= town_start or doc[i].lower_ != "in":
        return False
    for tok in doc[i + 1 : town_start]:
        word = tok.lower_
        place_noun = word in cues.feature_nouns or word in cues.area_nouns or word in cues.relative
        if tok.pos_ not in FILLER_POS and not place_noun and word != "of":
            return False
    return True


def _possessed(doc: Doc, town_end: int, site_start: int) -> bool:
    """Whether the town's possessive stands right before the site: "Mecca's Al-Nur hospital"."""
    return site_start == town_end + 1 and doc[town_end].text in POSSESSIVE


def site_in(
    doc: Doc, town: Place, mention: Evidence, places: Sequence[Place], cues: Cues
) -> tuple[Place, Evidence] | None:
    """The site the text puts inside the town at `mention`, in the same phrase, if any."""
    at = _token_range(doc, mention)
    if at is None:
        return None
    for place in places:
        if place.feature in COARSE or place.name == town.name or place.name.isupper():
            continue  # an acronym names the body that runs a site ("the MFO base in Al-Gurah")
        for other in place.mentions:
            span = _token_range(doc, other)
            if span is None or span[0] == at[0]:
                continue
            before = span[1] <= at[0] and _inside_after(doc, span[1], at[0], cues)
            if before or (span[0] >= at[1] and _possessed(doc, at[1], span[0])):
                return place, other
    return None


def at_sites(
    parsed: ParsedArticle, events: Sequence[Event], places: Sequence[Place], cues: Cues
) -> list[Event]:
    """Events placed in their own sentence at a town's mention moved to the site the same phrase
    sets inside that town (module doc); every other event as it was."""
    out: list[Event] = []
    for event in events:
        loc = event.location
        mention = loc.evidence if loc is not None else None
        if loc is None or mention is None or event.location_source not in ("clause", "sentence"):
            out.append(event)
            continue
        town = next((p for p in places if mention in p.mentions), None)
        found = None if town is None else site_in(parsed.doc, town, mention, places, cues)
        if found is None or town is None:
            out.append(event)
            continue
        site, at = found
        lat, lon = (site.lat, site.lon) if site.lat is not None else (town.lat, town.lon)
        fine = site.feature == "district" or town.feature in ("city", "district")
        precision: Precision = "district" if fine else "city"  # a town in a region is a city still
        located = EventLocation(site.name, lat, lon, site.country or town.country, precision, at)
        out.append(replace(event, location=located))
    return out

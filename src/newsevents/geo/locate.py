"""Placing events: the place the text says an event happened at, never a guess.

An event gets a location only from its own sentence, and only from a place name that is
- governed by a locative preposition ("in", "near", "at", "around", "outside", "across", ... and
  "north of", "the outskirts of"), also through a feature noun ("near the southern city of
  Kilis"), and attached to the trigger's clause; or
- a modifier of the trigger or of one of its arguments ("the Aleppo offensive", "halted the
  Geneva talks").
Names after "from", "to", "between" (origins, destinations, routes) do not place an event, and a
place in another clause of the sentence ("halted the talks after forces advanced north of
Aleppo") does not place the halting. Among several, the one attached to the trigger itself wins,
then the nearest to the trigger. With none, `location` stays None: falling back to the article's
main place would put a statement made in Geneva at the fighting in Aleppo or the reverse.

Precision comes from the place's feature; "other" places (regions such as the Gaza Strip) count
as "admin1".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsevents.geo.gazetteer import Cues, load_cues
from newsevents.model import Article, Event, EventLocation, Evidence, Place, Precision

PRECISION: dict[str, Precision] = {
    "country": "country",
    "admin1": "admin1",
    "city": "city",
    "district": "district",
    "other": "admin1",
}
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss"})
CLAUSE_POS = frozenset({"VERB", "AUX"})


def _span(doc: Doc, ev: Evidence) -> Span | None:
    return doc.char_span(ev.start, ev.end, alignment_mode="expand")


def attachment(head: Token, cues: Cues) -> tuple[Token, bool] | None:
    """(the word a place name is attached to, whether it is a locative attachment), or None.

    Climbs from the name through "the city of", "the province of" and "north of" to the
    preposition that governs it; a name that only modifies a noun ("Aleppo offensive") attaches
    to that noun without being locative.
    """
    tok = head
    for _ in range(4):
        if tok.dep_ in MODIFIER_DEPS and tok.head.i != tok.i:
            return tok.head, False
        if tok.dep_ != "pobj":
            return None
        prep = tok.head
        word = prep.lower_
        if word == "of" and prep.head.lower_ in cues.feature_nouns:
            tok = prep.head
            continue
        if word == "of" and prep.head.lower_ in cues.relative:
            return prep.head.head, True
        if word in cues.locative:
            return prep.head, True
        return None
    return None


def clause(tok: Token) -> Token:
    """The verb heading the clause a token sits in (the token itself for a verb)."""
    while tok.pos_ not in CLAUSE_POS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _strength(attached: Token, locative: bool, trigger: Token) -> int | None:
    """2: on the trigger or one of its arguments; 1: elsewhere in the trigger's clause; None: not it."""
    if attached.i == trigger.i or (attached.head.i == trigger.i and attached.pos_ in ("NOUN", "PROPN")):
        return 2
    if not locative:
        return None
    if trigger.pos_ not in CLAUSE_POS and attached.i == trigger.head.i:
        return 2
    return 1 if clause(attached).i == clause(trigger).i else None


def _location(place: Place, mention: Evidence) -> EventLocation:
    return EventLocation(place.name, place.lat, place.lon, place.country, PRECISION[place.feature], mention)


def locate_event(doc: Doc, article: Article, event: Event, places: Sequence[Place], cues: Cues) -> Event:
    """The event with `location` filled when its sentence places it; unchanged otherwise."""
    trig_span = _span(doc, event.trigger)
    if trig_span is None or event.location is not None:
        return event
    trigger, sent = trig_span.root, trig_span.sent
    best: tuple[int, int, Place, Evidence] | None = None
    for place in places:
        for mention in place.mentions:
            if not (
                sent.start_char <= mention.start and mention.end <= sent.end_char
            ) or article.in_furniture(mention.start, mention.end):
                continue
            span = _span(doc, mention)
            found = attachment(span.root, cues) if span is not None else None
            strength = _strength(*found, trigger) if found is not None else None
            if strength is None or span is None:
                continue
            rank = (-strength, abs(span.root.i - trigger.i))
            if best is None or rank < best[:2]:
                best = (*rank, place, mention)
    return event if best is None else replace(event, location=_location(best[2], best[3]))


def locate_events(
    doc: Doc, article: Article, events: Sequence[Event], places: Sequence[Place]
) -> list[Event]:
    """Events with `location` filled (via dataclasses.replace) where their own sentence supports it."""
    cues = load_cues()
    return [locate_event(doc, article, event, places, cues) for event in events]

"""Placing events: the place an event's own clause says it happened at, the first and surest
step of the chain whose later steps live in `fallback.py`.

An event gets its `clause` location only from its own sentence, and only from a place name that is
- governed by a locative preposition ("in", "near", "at", "around", "outside", "across", ... and
  "north of", "the outskirts of"), also through a feature noun ("near the southern city of
  Kilis"), and attached to the trigger's clause; or
- a modifier of the trigger or of one of its arguments ("the Aleppo offensive", "halted the
  Geneva talks").
Names after "from", "to", "between" (origins, destinations, routes) do not place an event ("between
the towns of A and B" is the land between them: `attach.py`), and a
place in another clause of the sentence ("halted the talks after forces advanced north of
Aleppo") does not place the halting. Among several, a locative phrase on the trigger wins,
then one elsewhere in its clause, then a name on its object, then the nearest to the trigger; a
name on the subject ("a US Marine was killed") or a city named as an actor ("Moscow's invasion",
`metonymy.py`) never places the event. Such a place is the event's `clause` place; with none,
the fallback chain of `fallback.py` (sentence, paragraph, dateline, the article's focus) places
it and says so in `location_source`. Precision comes from the place's feature ("other" places,
regions such as the Gaza Strip, count as "admin1").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from newsevents.geo.attach import Kind, attachment
from newsevents.geo.fallback import (
    SPECIFICITY,
    VERBAL_QUADS,
    ArticlePlaces,
    fallback_place,
    governing_preposition,
    no_place_reason,
)
from newsevents.geo.gazetteer import Cues, Gazetteer
from newsevents.geo.metonymy import acting_mentions
from newsevents.model import (
    ActorMention,
    Event,
    EventLocation,
    Evidence,
    LocationSource,
    Place,
    Precision,
    Quantity,
    evolve,
    named_places,
)
from newsevents.nlp import sentence_of
from newsevents.nlp.parsed import Anchors, ParsedArticle
from newsevents.nlp.syntax import OBJECT_DEPS, VERB_POS, shared_clause_head

MATERIAL_CONFLICT = 4  # the quad class of force: a country it is done to is where it is done
PRECISION: dict[str, Precision] = {
    "country": "country",
    "admin1": "admin1",
    "city": "city",
    "district": "district",
    "other": "admin1",
}


def _strength(
    attached: Token, kind: Kind, trigger: Token, feature: str, force: bool = False, world: bool = False
) -> int | None:
    """How firmly a place name places the event, or None when it does not.

    3: a locative phrase on the trigger ("killed in Anbar"), a name on the trigger noun itself
    ("the Aleppo offensive"), or the land a nominal act of force is done to ("the invasion of
    Ukraine"); 2: a locative phrase elsewhere in the trigger's clause, or a town
    or region as the trigger's object ("captured Bakwa": a country as object is an actor,
    "blamed Turkey"); 1: a name modifying the trigger's object ("halted the Geneva talks"). A
    name modifying the subject is the actor's nationality or home ("a US Marine was killed",
    "Mexico's police chief was shot"), never the event's place, and so is a country named on the
    trigger or its object ("Russia's assault", "a US air strike"), and a `world` place, a sea or
    region of no country, named there is the scope of the act, not its scene ("denouncing an
    Asia-Pacific summit", "the Middle East peace talks").
    """
    if kind == "object":
        if attached.i != trigger.i or not (feature != "country" or force):
            return None
        return 3 if force and trigger.pos_ not in VERB_POS else 2  # "the invasion of Ukraine"
    if kind == "modifier" and (feature == "country" or world):
        return None  # "Russia's assault", "a US air strike": the actor
    if attached.i == trigger.i:
        return 3
    if kind == "locative":
        if trigger.pos_ not in VERB_POS and attached.i == trigger.head.i:
            return 3
        return 2 if shared_clause_head(attached).i == shared_clause_head(trigger).i else None
    if attached.head.i == trigger.i and attached.pos_ in ("NOUN", "PROPN") and attached.dep_ in OBJECT_DEPS:
        return 1
    return None


def _location(place: Place, mention: Evidence | None) -> EventLocation:
    """The location at `place`, stated at `mention` (None for a place no mention states: the focus)."""
    return EventLocation(place.name, place.lat, place.lon, place.country, PRECISION[place.feature], mention)


@dataclass(frozen=True)
class PlaceMentions:
    """Every mention of the places, sorted by offset: a sentence's mentions are found by bisection,
    not by a scan of the whole article's for each event and figure (which grew with the square of
    a long article). `within` gives them in the places' own order, which breaks ties in ranking."""

    starts: list[int]
    items: list[tuple[int, int, int, Place, Evidence]]  # start, place's index, mention's index

    @classmethod
    def of(cls, places: Sequence[Place], skip: frozenset[int] = frozenset()) -> PlaceMentions:
        """`skip`: starts of mentions that place nothing (`metonymy.acting_mentions`)."""
        mentions = ((place, p, n, m) for p, place in enumerate(places) for n, m in enumerate(place.mentions))
        items = sorted((m.start, p, n, place, m) for place, p, n, m in mentions if m.start not in skip)
        return cls([item[0] for item in items], items)

    def within(self, start: int, end: int) -> list[tuple[Place, Evidence]]:
        """The mentions lying in characters [start, end), in the order of the places."""
        hits = []
        for item in self.items[bisect_left(self.starts, start) :]:
            if item[0] >= end:
                break
            if item[4].end <= end:
                hits.append(item)
        return [(place, mention) for _, _, _, place, mention in sorted(hits, key=lambda x: (x[1], x[2]))]


def best_place(
    parsed: ParsedArticle,
    trigger: Token,
    places: Sequence[Place] | PlaceMentions,
    cues: Cues,
    force: bool = False,
) -> tuple[Place, Evidence] | None:
    """The place mention in the trigger's sentence that places what the trigger names, if any.

    The one ranking shared by events and figures: strength of the attachment, then the finer place,
    then the nearest to the trigger. Pass `PlaceMentions.of(places)` for many triggers of one article.
    """
    sent = sentence_of(trigger)
    index = places if isinstance(places, PlaceMentions) else PlaceMentions.of(places)
    best: tuple[int, int, int, Place, Evidence] | None = None
    inner: list[tuple[Place, Evidence]] = []
    for place, mention in index.within(sent.start_char, sent.end_char):
        if parsed.article.in_furniture(mention.start, mention.end):
            continue
        span = parsed.span_of(mention)
        found = attachment(span.root, cues, force) if span is not None else None
        world = place.feature == "other" and place.country is None
        strength = _strength(*found, trigger, place.feature, force, world) if found is not None else None
        if span is None:
            continue
        if strength is not None or _locative_below(span.root, trigger, cues):
            inner.append((place, mention))
        if strength is None:
            continue
        rank = (-strength, -SPECIFICITY[place.feature], abs(span.root.i - trigger.i))
        if best is None or rank < best[:3]:
            best = (*rank, place, mention)
    return None if best is None else _finest(best[3], best[4], inner)


def _locative_below(root: Token, trigger: Token, cues: Cues) -> bool:
    """Whether a name under a locative preposition lies in the trigger's phrase ("were killed
    when a bomb struck their van near Mandali")."""
    if not trigger.left_edge.i <= root.i <= trigger.right_edge.i:
        return False
    found = attachment(root, cues)
    return found is not None and found[1] == "locative"


def _finest(place: Place, mention: Evidence, inner: list[tuple[Place, Evidence]]) -> tuple[Place, Evidence]:
    """The finest of the places attached to the trigger within the chosen one ("a bomb struck their
    van near Mandali" in Diyala province is Mandali); a sea or world region, of no country, holds
    any country's place ("disputing the Senkaku islands in the East China Sea": the islands)."""
    best = (place, mention)
    for other, at in inner:
        finer = SPECIFICITY[other.feature] > SPECIFICITY[best[0].feature] and _within(other, best[0])
        if finer or (best[0].country is None and other.country is not None):
            best = (other, at)
    return best


def _within(inner: Place, outer: Place) -> bool:
    """Whether the gazetteer puts `inner` inside `outer` (a country's or a region's places)."""
    if outer.country is None or inner.country != outer.country:
        return False
    if outer.feature == "country":
        return True
    return outer.feature == "admin1" and inner.admin1 is not None and inner.admin1 == outer.admin1


def locate_event(
    parsed: ParsedArticle,
    event: Event,
    places: Sequence[Place] | PlaceMentions,
    cues: Cues,
    anchors: Anchors | None = None,
    article: ArticlePlaces | None = None,
) -> Event:
    """The event with `location` and `location_source` filled: its clause's place, else (given
    the article's `ArticlePlaces`) the fallback chain's; unchanged when an earlier stage placed
    it, and with `location_reason` (`fallback.no_place_reason`) when nothing places it."""
    trig_span = parsed.span_of(event.trigger, anchors)
    if event.location is not None:
        return event
    force = event.quad_class == MATERIAL_CONFLICT
    found = best_place(parsed, trig_span.root, places, cues, force) if trig_span is not None else None
    if found is not None:
        return evolve(event, location=_location(*found), location_source="clause")
    fallback = None
    if article is not None and trig_span is not None:
        fallback = _home_place(event, places, cues, article, trig_span.root)
        fallback = fallback or _destination(parsed, event, places, cues, trig_span.root)
        verbal = event.quad_class in VERBAL_QUADS
        home = None if verbal else _home(event)
        fallback = fallback or fallback_place(article, trig_span.root, verbal, home)
    if fallback is None:
        return evolve(event, location_reason=no_place_reason(article, event))
    place, mention, source = fallback
    return evolve(event, location=_location(place, mention), location_source=source)


def _home(event: Event) -> str | None:
    """The one country the parties of an event name in their own words, if they name one: a
    material act of one country's people is placed in that country when the text allows
    (`fallback.fallback_place`). Statements are not: officials speak abroad."""
    home = {a.country for a in (event.source, event.target) if a is not None and a.country}
    return home.pop() if len(home) == 1 else None


def _home_place(
    event: Event, places: Sequence[Place] | PlaceMentions, cues: Cues, article: ArticlePlaces, trigger: Token
) -> tuple[Place, Evidence | None, LocationSource] | None:
    """The acting state of a sanction, expulsion or deportation (`cues.home_acts`) whose clause
    names no place: "Thailand deported 173 ... to Turkey" is decided in Thailand, where the
    paragraph's last name (a destination, a target) would put it elsewhere. The state is the
    event's source country, read from the source's own words in the sentence or its paragraph
    and named as a country by the article; the place is that country (at its capital)."""
    source = event.source
    if not any(event.cameo.startswith(code) for code in cues.home_acts) or source is None:
        return None
    if source.country is None or source.country_source != "text" or source.evidence is None:
        return None
    sent, at = sentence_of(trigger), source.evidence.start
    bounds = article.paragraph_of(trigger.idx)
    if sent.start_char <= at < sent.end_char:
        where: LocationSource = "sentence"
    elif bounds is not None and bounds[0] <= at < bounds[1]:
        where = "paragraph"
    else:
        return None
    items = places.items if isinstance(places, PlaceMentions) else PlaceMentions.of(places).items
    for *_, place, _mention in items:
        if place.feature == "country" and place.country == source.country:
            return place, source.evidence, where
    return None


def _destination(
    parsed: ParsedArticle, event: Event, places: Sequence[Place] | PlaceMentions, cues: Cues, trigger: Token
) -> tuple[Place, Evidence | None, LocationSource] | None:
    """Where a visit or meeting (`cues.visit_acts`) whose clause names no place goes: the name
    after "to" in its sentence nearest the trigger ("travel to Canada on Wednesday for meetings
    with G7 foreign ministers"), which the chain passes over for any other act as a destination,
    or the name the visit verb takes as its object ("Putin visited China": the actors stage may
    read it as the visit's target, but it is also where the visit went)."""
    if not any(event.cameo.startswith(code) for code in cues.visit_acts):
        return None
    index = places if isinstance(places, PlaceMentions) else PlaceMentions.of(places)
    found: list[tuple[int, Place, Evidence]] = []
    sent = sentence_of(trigger)
    for place, mention in index.within(sent.start_char, sent.end_char):
        span = parsed.span_of(mention)
        if span is None or parsed.article.in_furniture(mention.start, mention.end):
            continue
        prep, root = governing_preposition(span.root, cues), span.root
        if prep == "to" or (not prep and root.dep_ == "dobj" and root.head.i == trigger.i):
            found.append((abs(span.root.i - trigger.i), place, mention))
    if not found:
        return None
    _, place, mention = min(found, key=lambda hit: hit[0])
    return place, mention, "sentence"


def locate_events(
    parsed: ParsedArticle,
    events: Sequence[Event],
    places: Sequence[Place],
    cues: Cues,
    anchors: Anchors | None = None,
    actors: Sequence[ActorMention] | None = None,
    gazetteer: Gazetteer | None = None,
    unlisted: Sequence[Place] = (),
) -> list[Event]:
    """Events with `location` and `location_source` filled (via dataclasses.replace).

    `cues` are the place cue words the stage loaded when it was built (`gazetteer.load_cues`);
    `anchors` the triggers' tokens as the events stage recorded them; `actors` the article's
    actor mentions, which the fallback chain never takes for places. With `actors` None only
    the clause places events (the chain needs to know which names are actors); `gazetteer`
    resolves a dateline the places stage did not read as a place. `unlisted` places (`unlisted.py`)
    place events as the others do but never make the article's focus.
    """
    listed = named_places(places)  # a demonym places nothing
    every = (*listed, *unlisted)
    index = PlaceMentions.of(every, acting_mentions(parsed, every, actors))
    article = ArticlePlaces.of(parsed, every, actors, cues, gazetteer, listed) if actors is not None else None
    return [locate_event(parsed, event, index, cues, anchors, article) for event in events]


def _figure_anchor(parsed: ParsedArticle, quantity: Quantity, anchors: Anchors | None) -> Token | None:
    """The verb of the figure's clause ("35,000 refugees have arrived"), else the counted noun."""
    span = parsed.span_of(quantity.evidence, anchors)
    if span is None:
        return None
    anchor = shared_clause_head(span.root)
    return anchor if anchor.pos_ in VERB_POS else span.root


def _same_sentence(parsed: ParsedArticle, a: Evidence, b: Evidence, anchors: Anchors | None) -> bool:
    first, second = parsed.span_of(a, anchors), parsed.span_of(b, anchors)
    return first is not None and second is not None and sentence_of(first).start == sentence_of(second).start


def locate_quantities(
    parsed: ParsedArticle,
    quantities: Sequence[Quantity],
    places: Sequence[Place],
    events: Sequence[Event] = (),
    *,
    cues: Cues,
    anchors: Anchors | None = None,
) -> list[Quantity]:
    """Figures with `location` filled where their own sentence places them.

    The same locative rules as events, read from the figure's clause ("Some 35,000 refugees
    have arrived at the border, near the southern city of Kilis" is Kilis; "fled to Turkey" is a
    destination, not a place). A figure its sentence does not place takes the location of its
    linked event (`event_index`) when that event is stated in the same sentence; else None.
    """
    out: list[Quantity] = []
    place_mentions = PlaceMentions.of(named_places(places))  # a demonym places nothing
    for quantity in quantities:
        if quantity.location is not None:
            out.append(quantity)
            continue
        anchor = _figure_anchor(parsed, quantity, anchors)
        found = best_place(parsed, anchor, place_mentions, cues) if anchor is not None else None
        location = _location(*found) if found is not None else None
        index = quantity.event_index
        if location is None and index is not None and 0 <= index < len(events):
            event = events[index]
            same = _same_sentence(parsed, event.trigger, quantity.evidence, anchors)
            if event.location is not None and event.location_source in (None, "clause") and same:
                location = event.location
        out.append(quantity if location is None else evolve(quantity, location=location))
    return out

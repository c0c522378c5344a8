"""A country for every agent whose own words name none, and where it came from.

The actors stage reads an actor's country from its own words or its dictionary entry ("Syrian
troops", "Putin": `country_source` "text"). An agent of a home sector whose words name no
country ("gunmen", "police", "soldiers", "the army", "a suicide bomber") is marked
`ActorMention.needs_country` and left country-less, because which country it belongs to is a
question of where its event happened, known only once events are placed. This module is the one
place that answers it, for every actor of the article (events' sides and claimants, the actor
mentions, the quotes' speakers). The chain, nearest evidence first:

    place    the country of the event's place: its clause's, else its sentence's, else its
             paragraph's (`Event.location` whose `location_source` is one of those); an actor
             outside any event (a mention, a speaker) takes its own sentence's place, else its
             paragraph's (`fallback.fallback_place` at the mention's head)
    article  the article's focus country: its most-mentioned country (actor mentions whose
             words name it, headline mentions counting double, at least two and a strict lead;
             what the story is about), else its dateline's, else the country of the places'
             focus (`fallback.article_focus`)
    none     the actor stays country-less (`country_source` null)

A place answers only where it is evidence of whose people these are; otherwise the chain goes
on to the article. The guards, for precision first:

- international and transnational bodies (IGO, NGO, IMG, MNC) are never marked and get no
  country; refugees, unidentified armed men and criminals (REF, UAF, CRM) never take a place's
  country (refugees are by definition abroad; gunmen and smugglers cross borders), only the
  article's;
- a place stated only at the country level says little about whose people were there ("killed
  in Syria" is as true of Turkish soldiers), so only a city, district or province places;
- an event's place counts only for material acts (quad class 2 or 4: aid given, people
  attacked), whose place is where the people it touched were; a statement is often placed where
  the talk was about; police and courts excepted, whose every act is done where they live
  ("according to prosecutors" in a paragraph about a New York trial is American);
- a source, or an actor outside an event, takes a place only when it is police or a court, which
  act where they live: an army or a civilian attacker routinely acts abroad ("whose brother shot
  three Israelis in Tel Aviv"), so it is not re-homed from the place; a victim abroad is the
  place's ("five civilians were killed in an air strike in Mykolaiv" in an article about Russia
  are Ukrainian).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.actors.abroad import aim_at_place
from newsevents.actors.dictionary import ActorDictionary
from newsevents.geo.fallback import ArticlePlaces, fallback_place
from newsevents.model import Actor, ActorMention, CountrySource, Event, EventLocation, Evidence, Quote, evolve

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle

# Places fine enough to say whose people were there.
FINE_PRECISION = frozenset({"city", "district", "admin1"})
# Where an event's place came from, for it to count as the place of its actors: the clause,
# sentence or paragraph (a dateline or the article's focus place is the article's evidence).
PLACE_SOURCES = frozenset({"clause", "sentence", "paragraph"})
# Quad classes of material acts: 2 material cooperation, 4 material conflict.
MATERIAL_QUADS = frozenset({2, 4})
# Sectors that never take a place's country: refugees are abroad, armed men and gangs cross borders.
UNPLACED_SECTORS = frozenset({"REF", "UAF", "CRM"})
# Sources (and actors outside events) placed only when they act where they live.
LOCAL_SECTORS = frozenset({"COP", "JUD"})
# The most-mentioned country needs this many mentions and a strict lead to be the article's.
FOCUS_MIN_MENTIONS = 2
HEADLINE_WEIGHT = 2
REPEAT_KINDS = frozenset({"pronoun"})  # "he" repeats a name already counted

Found = tuple[str, CountrySource]


@dataclass(frozen=True)
class Homes:
    """What the chain knows of one article: the mentions awaiting a country (by their words'
    offsets, with each one's own answer), and the article's focus country."""

    open_spans: dict[tuple[int, int], Found | None]
    focus: str | None
    locative: frozenset[Evidence] = frozenset()  # place mentions under "in", "near", ...

    def own(self, actor: Actor | None) -> tuple[int, int] | None:
        """The offsets of `actor`'s mention when it awaits a country, else None."""
        if actor is None or actor.country or actor.evidence is None:
            return None
        key = (actor.evidence.start, actor.evidence.end)
        return key if key in self.open_spans else None


def focus_country(
    parsed: ParsedArticle, mentions: Sequence[ActorMention], index: ArticlePlaces
) -> str | None:
    """The article's focus country: the most-mentioned one, else the dateline's, else the places' focus."""
    counts: Counter[str] = Counter()
    for m in mentions:
        country = m.actor.country
        if country and len(country) == 3 and m.kind not in REPEAT_KINDS:
            counts[country] += HEADLINE_WEIGHT if parsed.in_headline(m.head, m.head + 1) else 1
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= FOCUS_MIN_MENTIONS and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return ranked[0][0]
    if index.dateline is not None and index.dateline.place.country:
        return index.dateline.place.country
    return index.focus.country if index.focus is not None else None


def _place_allowed(actor: Actor, agent: bool) -> bool:
    """Whether a place may say this actor's country (see the guards in the module docstring)."""
    return actor.sector not in UNPLACED_SECTORS and (not agent or actor.sector in LOCAL_SECTORS)


def _mention_home(
    parsed: ParsedArticle, m: ActorMention, index: ArticlePlaces, focus: str | None
) -> Found | None:
    """The chain for a mention on its own: its sentence's or paragraph's place, else the article."""
    if _place_allowed(m.actor, agent=True):
        found = fallback_place(index, parsed.doc[m.head])
        if found is not None and found[2] in PLACE_SOURCES and found[1] is not None:
            place, words = found[0], found[1]
            locative = any(x.locative for x in index.between(words.start, words.end) if x.evidence == words)
            if place.country and place.feature in FINE_PRECISION and locative:
                return place.country, "place"
    return (focus, "article") if focus else None


def homes_of(parsed: ParsedArticle, mentions: Sequence[ActorMention], index: ArticlePlaces) -> Homes:
    """The article's open mentions with their own answers, and its focus country."""
    focus = focus_country(parsed, mentions, index)
    spans = {
        (m.actor.evidence.start, m.actor.evidence.end): _mention_home(parsed, m, index, focus)
        for m in mentions
        if m.needs_country and m.actor.evidence is not None
    }
    return Homes(spans, focus, frozenset(x.evidence for x in index.mentions if x.locative))


def _event_home(event: Event, actor: Actor, source: bool, homes: Homes) -> Found | None:
    """The chain for one side of an event: the event's place, else the article's focus country."""
    loc = event.location
    if (
        loc is not None
        and loc.country
        and _stated_where(loc, event.location_source, homes)
        and loc.precision in FINE_PRECISION
        and (event.quad_class in MATERIAL_QUADS or actor.sector in LOCAL_SECTORS)
        and _place_allowed(actor, agent=source)
    ):
        return loc.country, "place"
    return (homes.focus, "article") if homes.focus else None


def _stated_where(loc: EventLocation, source: str | None, homes: Homes) -> bool:
    """The event's place is where its people were: its clause's own, or a place its sentence or
    paragraph names as a location ("in Mogadishu"); a name that only modifies a word ("the Gulf
    state") or a place met on the way is no such evidence."""
    if source == "clause":
        return True
    return source in PLACE_SOURCES and loc.evidence is not None and loc.evidence in homes.locative


class Homing:
    """Gives actors their countries from one article's `Homes`, relabelling names with the dictionary."""

    def __init__(
        self, homes: Homes, dictionary: ActorDictionary | None, parsed: ParsedArticle | None = None
    ) -> None:
        self.homes, self.dictionary, self.parsed = homes, dictionary, parsed

    def event(self, event: Event) -> Event:
        """The event with its sides and claimant homed (the sides by the event's own chain), and an
        act done abroad with no target aimed at the country of its place (`actors/abroad.py`)."""
        source, target = event.source, event.target
        if self.homes.own(source) is not None and source is not None:
            source = self._give(source, _event_home(event, source, True, self.homes))
        if self.homes.own(target) is not None and target is not None:
            target = self._give(target, _event_home(event, target, False, self.homes))
        claimant = self.actor(event.attributed_to)
        if source is not event.source or target is not event.target or claimant is not event.attributed_to:
            event = evolve(event, source=source, target=target, attributed_to=claimant)
        stated = event.location is not None and event.location_source != "paragraph" and _stated_where(
            event.location, event.location_source, self.homes)
        return aim_at_place(event, stated, self.dictionary, self.parsed)

    def actor(self, actor: Actor | None) -> Actor | None:
        """An actor outside an event (a mention, a speaker, a claimant) with its mention's answer."""
        key = self.homes.own(actor)
        if actor is None or key is None:
            return actor
        return self._give(actor, self.homes.open_spans[key])

    def mention(self, m: ActorMention) -> ActorMention:
        homed = self.actor(m.actor)
        return m if homed is m.actor or homed is None else evolve(m, actor=homed)

    def quote(self, q: Quote) -> Quote:
        speaker = self.actor(q.speaker)
        return q if speaker is q.speaker else evolve(q, speaker=speaker)

    def _give(self, actor: Actor, found: Found | None) -> Actor:
        """`actor` with the country found (its code prefixed with it), or unchanged when none was."""
        if found is None or not actor.sector:
            return actor
        country, source = found
        return evolve(actor, country=country, code=country + actor.code, name=self._label(country, actor),
                       country_source=source)

    def _label(self, country: str, actor: Actor) -> str:
        """The actor's display name for its country, in the actors stage's "<demonym> <sector>" form."""
        dictionary = self.dictionary
        sector = actor.sector or ""
        label = dictionary.sector_labels.get(sector, sector.lower()) if dictionary else sector.lower()
        place = dictionary.countries.get(country) if dictionary else None
        if place is None:
            return f"{country} {label}".strip()
        adjective = place.demonym or place.name or country
        return f"{adjective} {label}" if label else adjective


def home_actors(
    parsed: ParsedArticle,
    index: ArticlePlaces,
    events: Sequence[Event],
    mentions: Sequence[ActorMention],
    quotes: Sequence[Quote] = (),
    dictionary: ActorDictionary | None = None,
) -> tuple[list[Event], list[ActorMention], list[Quote], list[int | None]]:
    """Events, mentions and quotes with every actor awaiting a country given one by the chain,
    and for each event given, its index among the events returned (None when it was dropped).

    `index` is the article's places as the event-placing stage indexed them; `dictionary` is
    used only to relabel names ("police" -> "Kenyan police"): without it a name is "KEN police".
    The events coder's rules on codes hold again once countries are known: an event whose two
    sides now carry the same code is dropped, and of events now equal in sides, code and sentence
    the most confident is kept. Homing itself never makes a self-event: a side it would give the
    other side's code keeps the code the coder found (`_unless_self`).
    """
    homing = Homing(homes_of(parsed, mentions, index), dictionary, parsed)
    kept, where = _settle([_unless_self(e, homing.event(e)) for e in events])
    return kept, [homing.mention(m) for m in mentions], [homing.quote(q) for q in quotes], where


def _settle(events: list[Event]) -> tuple[list[Event], list[int | None]]:
    """The events without self-events and repeats (see `home_actors`), and where each one went."""
    best: dict[tuple[object, ...], int] = {}
    for n, ev in enumerate(events):
        if ev.source is not None and ev.target is not None and ev.source.code == ev.target.code:
            continue
        key = (_code(ev.source), _code(ev.target), ev.cameo, ev.evidence.start)
        if key not in best or ev.confidence > events[best[key]].confidence:
            best[key] = n
    keep = sorted(best.values())
    at = {n: i for i, n in enumerate(keep)}
    return [events[n] for n in keep], [at.get(n) for n in range(len(events))]


def _unless_self(coded: Event, homed: Event) -> Event:
    """`homed`, or, when homing gave both sides one code that the coder had told apart ("the
    Israeli leader met with security officials" in an article about Israel), the event with the
    side homing changed left as the coder found it: the act was told, only whose people the
    country-less side are is in doubt, and a self-event would drop it."""
    if not (_self(homed) and not _self(coded)):
        return homed
    source = coded.source if _code(coded.source) != _code(homed.source) else homed.source
    target = coded.target if _code(coded.target) != _code(homed.target) else homed.target
    return evolve(homed, source=source, target=target)


def _self(ev: Event) -> bool:
    return ev.source is not None and ev.target is not None and ev.source.code == ev.target.code


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None

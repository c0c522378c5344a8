"""Acts done abroad with no target named: the country where they happened is whom they befall.

"Russia is conducting military exercises in Alaska", "US activists staged a protest in Beijing",
"Pakistan refused to deploy peacekeepers in Iraq", "Hamas threatened to resume attacks in
Israel": the sentence names no party on the receiving side, but a reader, and the CAMEO-coded
gold sets (PETRARCH's validation sentences, the PLOVER examples), take the country of the place
as the one the act is aimed at, because a state's or a group's act on foreign soil concerns that
country. The place stands for its country bare (no sector), as CAMEO codes a
capital or a country named as a party.

The rule is narrow, for precision first:

- only an event with a source and no target, whose place is stated in its own clause, or in its
  sentence under "in", "near" and the like and among the words its trigger governs ("refused to
  deploy peacekeepers in Haiti", "threatened to resume attacks in Israel"; the events placing
  stage's `location_source`): a paragraph's or the article's place says where the story is, not
  what the act was aimed at, and a place hung on another verb of the sentence is that verb's
  ("the minister said in Paris that Beijing rejected the proposal" rejects nothing French; "those
  involved in Tuesday's attack are based in Afghanistan" tells where the attackers live);
- only when the place's country differs from the source's own (an act at home is aimed at no
  one in particular: "protesters rallied in Nairobi" does not protest Kenya), or when the source
  is an international body with no country ("the UN rejected a call for its troops to be
  deployed in East Timor");
- never for statements (01: "said in Paris" is where the talk was) nor for meetings and
  consultations (04: "met in Geneva" names the venue, not the partner).

A second case is at home: force (roots 18-20) by an armed group that is not the state (rebels,
insurgents, separatists, unidentified gunmen) with no target named, placed in the group's own
country ("Boko Haram has launched many attacks in northeastern Nigeria", "the separatists
launched 504 attacks in 2024"), is aimed at that country: an insurgency's violence is against
the state and the people it rules, which CAMEO codes as the country bare when the text names
neither. One such act ("attacked a passenger train", "the attack", "the kidnapping of the
girls") falls on the people there, the country's civilians (CVL, as benchmarks/voa_dev/GUIDE.md
codes "an attack on a hotel in Beledweyne"); a campaign told in the plural ("launched 504
attacks", "many similar attacks") stays aimed at the country bare. Any place of the event counts
here (the clause's, the paragraph's or the article's), since the target comes from the group's
own country and the place only confirms the group acts at home; a state's own forces fighting at
home are left alone (their foe is some group the text may name elsewhere, not their own country).

The target is inferred: its words are the place's, its `country_source` is "place", and the
event's confidence is lowered as for any inferred side.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.actors.dictionary import ActorDictionary
from newsevents.model import Actor, Event

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle

# Roots whose place says where the talk was, not what it was about: statements and meetings.
VENUE_ROOTS = frozenset({"01", "04"})
# Code prefixes of bodies with no country of their own.
INTERNATIONAL = ("IGO", "NGO")
INFERRED_PENALTY = 0.1
# Armed groups other than the state, whose force at home is aimed at their country.
INSURGENT_SECTORS = frozenset({"REB", "INS", "SEP", "UAF"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
NAME_ON_NOUN = frozenset({"compound", "nmod", "amod"})  # "the Geneva talks": a name modifying a noun


def aim_at_place(
    event: Event, stated: bool, dictionary: ActorDictionary | None, parsed: ParsedArticle | None = None
) -> Event:
    """`event` with the country of its place as target when the rule above holds, else unchanged.

    `stated` says whether the event's place is stated in its clause or sentence (decided by the
    caller, which knows how the place was found); `dictionary` names the country; `parsed` tells
    whether a place of the sentence hangs under the trigger (without it, only the clause's place).
    """
    loc, source = event.location, event.source
    if event.target is not None or source is None or loc is None:
        return event
    if _insurgency_at_home(event, source, loc.country):
        return _aimed(event, loc.country or "", dictionary, civilians=_one_act(event, parsed))
    if not stated:
        return event
    if not (
        event.location_source == "clause" or (parsed is not None and _under_trigger(event, parsed))
    ):
        return event
    country = loc.country
    if not country or len(country) != 3 or event.cameo_root in VENUE_ROOTS or _venue_name(event, parsed):
        return event
    if not _abroad(source, country):
        return event
    return _aimed(event, country, dictionary)


def _aimed(event: Event, country: str, dictionary: ActorDictionary | None, civilians: bool = False) -> Event:
    """`event` aimed at `country` bare (or at its civilians), named by its place's words, with the
    lowered confidence."""
    loc = event.location
    if loc is None:
        return event
    entry = dictionary.countries.get(country) if dictionary is not None else None
    name = entry.name if entry is not None and entry.name else country
    text = loc.evidence.text if loc.evidence is not None else loc.name
    sector = "CVL" if civilians else None
    name = f"{name} (civilians)" if civilians else name
    target = Actor(text=text, name=name, code=country + (sector or ""), country=country, sector=sector,
                   evidence=loc.evidence, country_source="place")  # fmt: skip
    return replace(event, target=target, confidence=round(max(0.1, event.confidence - INFERRED_PENALTY), 2))


def _insurgency_at_home(event: Event, source: Actor, country: str | None) -> bool:
    """Force by a non-state armed group placed in its own country (the second case above)."""
    return (
        event.cameo_root in FORCE_ROOTS
        and source.sector in INSURGENT_SECTORS
        and bool(source.country)
        and source.country == country
    )


def _one_act(event: Event, parsed: ParsedArticle | None) -> bool:
    """Whether the event is one act ("attacked a train", "the attack", "the kidnapping"), told by a
    verb or a singular noun, rather than a campaign ("launched 504 attacks", "relaunched
    hostilities"), told in the plural."""
    if parsed is None:
        return False
    trigger = parsed.tokens_of(event.trigger.start, event.trigger.end)
    return trigger is not None and trigger.root.tag_ not in ("NNS", "NNPS")


def _abroad(source: Actor, country: str) -> bool:
    """The source acts outside its own country: it has one and it is not `country`, or it is an
    international body with none."""
    if source.country:
        return source.country != country
    return source.code.startswith(INTERNATIONAL)


def _venue_name(event: Event, parsed: ParsedArticle | None) -> bool:
    """A place named on a noun ("halted the Geneva peace talks", "the Minsk agreements") names the
    venue of talks or deals, not whom the act is aimed at; only in force ("the Aleppo offensive")
    is it the land the act is done to."""
    loc = event.location
    if parsed is None or loc is None or loc.evidence is None or event.cameo_root in FORCE_ROOTS:
        return False
    place = parsed.tokens_of(loc.evidence.start, loc.evidence.end)
    noun = place.root.head if place is not None and place.root.dep_ in NAME_ON_NOUN else None
    return noun is not None and noun.pos_ == "NOUN" and noun.dep_ != "pobj"  # not "in Montenegro province"


def _under_trigger(event: Event, parsed: ParsedArticle) -> bool:
    """Whether the event's place is among the words its trigger governs ("refused to deploy
    peacekeepers in Haiti"), not hung on a verb above it ("said in Paris that ...")."""
    loc = event.location
    if loc is None or loc.evidence is None:
        return False
    trigger = parsed.tokens_of(event.trigger.start, event.trigger.end)
    place = parsed.tokens_of(loc.evidence.start, loc.evidence.end)
    if trigger is None or place is None:
        return False
    head = trigger.root
    return any(head.is_ancestor(t) for t in place)

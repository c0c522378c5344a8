"""Give an actor whose country was only guessed the country where its event happened.

The actors stage completes a country-less sector noun ("civilians", "soldiers", "police") with
the article's dominant country, because nothing better is known before events are placed. For
the victims of an attack abroad that guess is wrong: in an article about Russia, "five civilians
were killed in an air strike in Mykolaiv" are Ukrainian civilians, not Russian ones. Once
`locate_events` has placed an event, the place is the better evidence, so this step swaps the
guessed country for the place's country.

Precision comes first, so the swap happens only when all of these hold:

- the actor's mention is a bare sector noun (`ActorMention.kind == "noun"`) whose country the
  actors stage guessed (`ActorMention.country_guessed`: its own words name no country, demonym or
  place): "Syrian refugees", "Russian troops" and "Kyiv police" keep theirs;
- the actor is of a home sector (not an IGO, NGO, transnational or refugee code: refugees are by
  definition in a country not their own);
- the event is a material act (quad class 2 or 4: aid given, people attacked), whose place is where
  the people it touched were; statements are often placed where the talk was about;
- the place is a city, district or region: a country-level location is often the actor itself
  ("killed in Syria" says little about whose soldiers), so it is never used;
- the place is the clause's own (`location_source` "clause"): a place taken from the sentence,
  the paragraph or the article's focus is where the story is, not proof of where these people live;
- for a source, only police and courts, which act where they live: a civilian attacker or
  an army routinely acts abroad ("whose brother shot three Israelis in Tel Aviv"), and a
  government speaks about places it does not rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsevents.actors.dictionary import ActorDictionary
from newsevents.model import Actor, ActorMention, Event

# Places fine enough to say whose people were there.
FINE_PRECISION = frozenset({"city", "district", "admin1"})
# Quad classes of material acts: 2 material cooperation, 4 material conflict.
MATERIAL_QUADS = frozenset({2, 4})
# Sectors never re-homed: international bodies, and refugees who are by definition abroad.
FOREIGN_SECTORS = frozenset({"IGO", "NGO", "IMG", "MNC", "REF", "UAF", "CRM"})
# Sources re-homed only when they act where they live; armies and rebels cross borders.
LOCAL_SOURCE_SECTORS = frozenset({"COP", "JUD"})


def reconcile_countries(
    events: Sequence[Event],
    mentions: Sequence[ActorMention],
    dictionary: ActorDictionary | None = None,
) -> list[Event]:
    """Events whose guessed-country actors take the country of the event's fine location.

    `mentions` are the article's actor mentions, which say whose country was guessed;
    `dictionary` is the actor dictionary, used only to relabel the actor's name ("Russian
    civilians" -> "Ukrainian civilians"); without it the name keeps its sector label alone.
    """
    guessed = {
        (m.actor.evidence.start, m.actor.evidence.end)
        for m in mentions
        if m.kind == "noun" and m.country_guessed and m.actor.evidence is not None
    }
    return [_reconcile(ev, guessed, dictionary) for ev in events]


def _reconcile(event: Event, guessed: set[tuple[int, int]], dictionary: ActorDictionary | None) -> Event:
    loc = event.location
    if (
        loc is None
        or event.location_source not in (None, "clause")
        or loc.precision not in FINE_PRECISION
        or not loc.country
        or event.quad_class not in MATERIAL_QUADS
    ):
        return event
    target = _rehome(event.target, loc.country, guessed, dictionary, None)
    source = _rehome(event.source, loc.country, guessed, dictionary, LOCAL_SOURCE_SECTORS)
    if target is event.target and source is event.source:
        return event
    return replace(event, target=target, source=source)


def _rehome(
    actor: Actor | None,
    country: str,
    guessed: set[tuple[int, int]],
    dictionary: ActorDictionary | None,
    sectors: frozenset[str] | None,
) -> Actor | None:
    """The actor with `country` in place of its guessed one, or the actor itself when not eligible."""
    if (
        actor is None
        or actor.evidence is None
        or (actor.evidence.start, actor.evidence.end) not in guessed
        or not actor.country
        or len(actor.country) != 3
        or actor.country == country
        or not actor.sector
        or actor.sector in FOREIGN_SECTORS
        or (sectors is not None and actor.sector not in sectors)
        or not actor.code.startswith(actor.country)
    ):
        return actor
    code = country + actor.code[len(actor.country) :]
    return replace(actor, country=country, code=code, name=_label(dictionary, country, actor))


def _label(dictionary: ActorDictionary | None, country: str, actor: Actor) -> str:
    """The actor's display name for its new country, in the actors stage's "<demonym> <sector>" form."""
    sector = actor.sector or ""
    label = dictionary.sector_labels.get(sector, sector.lower()) if dictionary else sector.lower()
    place = dictionary.countries.get(country) if dictionary else None
    if place is None:
        return f"{country} {label}".strip()
    adjective = place.demonym or place.name or country
    return f"{adjective} {label}" if label else adjective

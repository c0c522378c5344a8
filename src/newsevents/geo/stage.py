"""The geo stages: places named in the article, then events, figures and actors' countries placed by them.

    places           toponyms resolved against the gazetteer          sets places
    event_places     each event's place and its source (clause ... article) sets events.location(_source),
                     or why it has none                                     events.location_reason
    actor_countries  a country for every agent whose words name none     sets events/actors/quotes' countries
    quantity_places  each figure's place                               sets quantities.location
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsevents.actors.stage import shared_dictionary
from newsevents.geo import home_actors, load_gazetteer, locate_events, locate_quantities, name_places
from newsevents.geo.demonyms import DemonymTable, find_demonyms, nationality_words
from newsevents.geo.fallback import ArticlePlaces
from newsevents.geo.gazetteer import Cues, Gazetteer, load_cues
from newsevents.geo.orgnames import Unions, find_in_names, load_unions
from newsevents.geo.sites import at_sites
from newsevents.geo.smallplaces import SmallPlaces
from newsevents.geo.unlisted import unlisted_places
from newsevents.model import Place, evolve, named_places
from newsevents.stages import BuildContext, Found, Section, check_keys, paths_in

if TYPE_CHECKING:
    from newsevents.actors.dictionary import ActorDictionary
    from newsevents.nlp.parsed import ParsedArticle

# Each key names user files merged over one shipped file of data/<language>/geo/ (see settings.yml).
KEYS = frozenset({"aliases", "regions", "demonyms", "cues", "unions"})


def shared_cues(context: BuildContext) -> Cues:
    """The place cue words of this pipeline (the `places` section's `cues` files merged over the
    shipped ones), read by the gazetteer and by the stages that place events and figures."""
    extra = paths_in("places", context.settings.section("places"), "cues")
    language = context.settings.language
    return context.shared("geo.cues", lambda: load_cues(extra, language))


def shared_gazetteer(context: BuildContext) -> Gazetteer:
    """The gazetteer of this pipeline, with the `places` section's alias, region and demonym files,
    the actor dictionary's words of nationality, which are never place names, and the on-disk
    index of small places (built in the cache folder on its first lookup if `make install` did not)."""
    section = context.settings.section("places")
    files = {key: paths_in("places", section, key) for key in ("aliases", "regions", "demonyms")}
    cues = shared_cues(context)
    language = context.settings.language
    return context.shared(
        "geo.gazetteer",
        lambda: load_gazetteer(
            **files,
            language=language,
            cues=cues,
            nationality=nationality_words(shared_dictionary(context)),
            small=SmallPlaces(),
        ),
    )


def event_points(places: Sequence[Place], gazetteer: Gazetteer | None) -> tuple[Place, ...]:
    """The places that may place events and figures: the named ones (a demonym places nothing),
    each country at its capital's point. An event placed only in a country is put at its capital
    by our event annotation guide (benchmarks/voa_dev/GUIDE.md) as by analysts mapping events,
    while the country's own place keeps GeoNames' point for it (the toponym convention)."""
    named = named_places(places)
    capitals = gazetteer.capital_points if gazetteer is not None else {}
    return tuple(_at(p, capitals.get(p.country or "")) if p.feature == "country" else p for p in named)


def _at(place: Place, point: tuple[float, float] | None) -> Place:
    return place if point is None else evolve(place, lat=point[0], lon=point[1])


class PlaceStage:
    """Finds and resolves every place the article names, then its demonyms ("Syrian") as places
    of their own kind, resolved to their country (geo/demonyms.py), then the places inside
    organisations' names and the unions of states ("The Washington Post", "EU": geo/orgnames.py):
    listed with the places, never used to place anything."""

    name = "places"
    needs: tuple[str, ...] = ()
    sets: tuple[str, ...] = ("places",)

    def __init__(
        self, gazetteer: Gazetteer, demonyms: DemonymTable | None = None, unions: Unions | None = None
    ) -> None:
        self.gazetteer = gazetteer
        self.demonyms = demonyms
        self.unions = unions

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> PlaceStage:
        check_keys(cls.name, section, KEYS)
        gazetteer = shared_gazetteer(context)
        unions = load_unions(gazetteer, context.settings.language, paths_in("places", section, "unions"))
        demonyms = DemonymTable.of(shared_dictionary(context), gazetteer, context.settings.language)
        return cls(gazetteer, demonyms, unions)

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        named = name_places(parsed, self.gazetteer)
        table = self.demonyms
        demonyms = [] if table is None else find_demonyms(parsed, table, named, self.gazetteer)
        unions = self.unions
        inside = [] if unions is None else find_in_names(parsed, self.gazetteer, unions, [*named, *demonyms])
        return found.with_(places=(*named, *demonyms, *inside))


class EventPlaceStage:
    """Gives each event its place and where it came from: its clause, else the fallback chain
    (sentence, paragraph, dateline, the article's focus)."""

    name = "event_places"
    needs: tuple[str, ...] = ("events", "places", "actors")
    sets: tuple[str, ...] = ("events.location", "events.location_source", "events.location_reason")

    def __init__(self, cues: Cues, gazetteer: Gazetteer | None = None) -> None:
        self.cues = cues
        self.gazetteer = gazetteer

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> EventPlaceStage:
        check_keys(cls.name, section, frozenset())
        return cls(shared_cues(context), shared_gazetteer(context))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        places = event_points(found.places or (), self.gazetteer)
        # villages and sites the gazetteer lacks place events, but are not listed with the places
        gaz, actors = self.gazetteer, found.actors or ()
        unlisted = [] if gaz is None else unlisted_places(parsed, places, gaz, actors)
        located = locate_events(
            parsed, found.events or (), places, self.cues, found.anchors, found.actors or (), self.gazetteer,
            unlisted,
        )
        located = at_sites(parsed, located, (*named_places(places), *unlisted), self.cues)
        return found.with_(events=tuple(located))


class ActorCountryStage:
    """Gives every agent awaiting a country one, by the chain of geo/actors.py: the place of its
    event (clause, sentence, paragraph), else the article's focus country; and says which.

    It runs once events are placed. It homes the events' sides and claimants, the actor
    mentions, and the quotes' speakers when the quotes are found already (the default pipeline
    runs it right after them); a pipeline without it leaves those agents country-less. Figures
    found before it keep their links to the events it keeps.
    """

    name = "actor_countries"
    needs: tuple[str, ...] = ("actors", "places", "events.location")
    sets: tuple[str, ...] = ("events.actor_country", "actors.country", "quotes.speaker_country")

    def __init__(self, dictionary: ActorDictionary, cues: Cues, gazetteer: Gazetteer | None = None) -> None:
        self.dictionary = dictionary
        self.cues = cues
        self.gazetteer = gazetteer

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> ActorCountryStage:
        check_keys(cls.name, section, frozenset())
        return cls(shared_dictionary(context), shared_cues(context), shared_gazetteer(context))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        actors = found.actors or ()
        index = ArticlePlaces.of(parsed, named_places(found.places or ()), actors, self.cues, self.gazetteer)
        events, mentions, quotes, moved = home_actors(
            parsed, index, found.events or (), actors, found.quotes or (), self.dictionary
        )
        figures = None
        if found.quantities is not None:  # run after the figures: their links follow the events kept
            figures = tuple(
                q if q.event_index is None else evolve(q, event_index=moved[q.event_index])
                for q in found.quantities
            )
        spoken = None if found.quotes is None else tuple(quotes)
        return found.with_(events=tuple(events), actors=tuple(mentions), quotes=spoken, quantities=figures)


class QuantityPlaceStage:
    """Gives each figure the place its sentence (or its linked event) states."""

    name = "quantity_places"
    needs: tuple[str, ...] = ("quantities", "places", "events.location")
    sets: tuple[str, ...] = ("quantities.location",)

    def __init__(self, cues: Cues, gazetteer: Gazetteer | None = None) -> None:
        self.cues = cues
        self.gazetteer = gazetteer

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> QuantityPlaceStage:
        check_keys(cls.name, section, frozenset())
        return cls(shared_cues(context), shared_gazetteer(context))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        places = event_points(found.places or (), self.gazetteer)
        figures = locate_quantities(
            parsed, found.quantities or (), places, found.events or (), cues=self.cues, anchors=found.anchors,
        )
        return found.with_(quantities=tuple(figures))

"""Places: toponyms found in the text, resolved against an offline GeoNames gazetteer, and events
placed where the text says they happened.

    gaz = load_gazetteer()                       # once per pipeline (the places stage), about 1 s
    places = find_places(doc, article, gaz)      # one Place per distinct place, all its mentions
    events = locate_events(parsed, events, places, gaz.cues, actors=mentions, gazetteer=gaz)
    #   each event's place and its location_source: clause, sentence, paragraph, dateline, article
    events, mentions, quotes = home_actors(parsed, index, events, mentions, quotes, actor_dictionary)
    figures = locate_quantities(parsed, figures, places, events, cues=gaz.cues)
"""

from newsevents.geo.actors import home_actors
from newsevents.geo.gazetteer import Gazetteer, load_gazetteer
from newsevents.geo.locate import locate_events, locate_quantities
from newsevents.geo.resolve import find_places, name_places

__all__ = [
    "Gazetteer",
    "find_places",
    "home_actors",
    "load_gazetteer",
    "locate_events",
    "locate_quantities",
    "name_places",
]

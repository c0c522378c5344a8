"""locate_quantities: a figure is placed by its own clause, or by its event in the same sentence."""

from __future__ import annotations

import pytest

from newsevents.geo import Gazetteer, find_places, locate_events, locate_quantities
from newsevents.model import Event, Evidence, Quantity
from newsevents.nlp.parsed import ParsedArticle
from newsevents.quantities import find_quantities

pytestmark = pytest.mark.model


def _figures(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, gaz: Gazetteer, text: str, events: list[Event] | None = None,
) -> list[Quantity]:
    article, doc = parse(text)
    places = find_places(doc, article, gaz)
    located = locate_events(ParsedArticle.of(doc, article), events or [], places, gaz.cues)
    found = find_quantities(doc, article, located, lexicon=quantity_lexicon)
    return locate_quantities(ParsedArticle.of(doc, article), found, places, located, cues=gaz.cues)


def test_figure_placed_near_a_city(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, gaz: Gazetteer,
) -> None:
    text = "Some 35,000 Syrian refugees have arrived at the Turkish border, near the southern city of Kilis."
    [figure] = _figures(quantity_lexicon, parse, gaz, text)
    loc = figure.location
    assert figure.value == 35000
    assert loc is not None and (loc.name, loc.country, loc.precision) == ("Kilis", "TUR", "city")
    assert loc.evidence is not None and loc.evidence.text == "Kilis"


def test_figure_placed_in_a_province(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, gaz: Gazetteer,
) -> None:
    [figure] = _figures(
        quantity_lexicon, parse, gaz, "Twelve civilians were killed in the northern province of Aleppo."
    )
    assert figure.location is not None and figure.location.precision == "admin1"


def test_destination_does_not_place_the_figure(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, gaz: Gazetteer,
) -> None:
    [figure] = _figures(quantity_lexicon, parse, gaz, "Thousands of people fled from their homes to Turkey.")
    assert figure.location is None


def test_figure_inherits_location_of_its_event_in_the_same_sentence(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, gaz: Gazetteer,
) -> None:
    text = "Rebels shelled a market in Idlib, which killed five people."
    i = text.index("shelled")
    event = Event(
        None, None, "190", "19", "ASSAULT", 4, -10.0,
        Evidence.of(text, 0, len(text)), Evidence.of(text, i, i + len("shelled")),
    )
    [figure] = _figures(quantity_lexicon, parse, gaz, text, [event])
    assert figure.event_index == 0
    assert figure.location is not None and figure.location.name == "Idlib"


def test_place_in_another_sentence_does_not_place_the_figure(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, gaz: Gazetteer,
) -> None:
    [figure] = _figures(
        quantity_lexicon, parse, gaz, "Fighting raged in Idlib. Officials said 40 people were killed."
    )
    assert figure.location is None

"""Stage results carry their tokens: later stages read the trigger's and the figure's words."""

from __future__ import annotations

import pytest

from newsevents import pipeline
from newsevents.ingest import article_from_text
from newsevents.nlp.parsed import ParsedArticle
from newsevents.settings import load_settings
from newsevents.stages import Found

TEXT = (
    "Rebels attack army base\n\n"
    "Rebels attacked an army base in Aleppo on Monday, killing 12 soldiers, the army said."
)


@pytest.mark.model
def test_events_and_figures_are_anchored_to_the_words_they_were_read_from() -> None:
    built = pipeline.build(load_settings().with_overrides(workers=1))
    article = article_from_text(TEXT, published="2016-02-15")
    parsed = ParsedArticle.of(built.nlp(article.text), article)
    found = Found()
    for stage in built.stages:
        found = stage(parsed, found)
    assert found.events and found.quantities
    for event in found.events:
        tokens = found.tokens(parsed, event.trigger)
        assert event.trigger in found.anchors
        assert tokens is not None and event.trigger.text in tokens.text
    for figure in found.quantities:
        assert figure.evidence in found.anchors
        assert found.tokens(parsed, figure.evidence).text == figure.evidence.text
    # the date and place stages read the anchors: Monday and Aleppo come from the trigger's clause
    attack = next(e for e in found.events if e.trigger.text == "attacked")
    assert attack.date == "2016-02-15" and attack.location is not None and attack.location.name == "Aleppo"

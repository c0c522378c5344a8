"""A definite noun naming an act the article dated takes its date (when/same_act.py), on a short
made-up story published on Saturday 2016-02-13."""

from __future__ import annotations

import pytest
from tests.events_made import assault

from newsevents.model import Event
from newsevents.nlp.parsed import ParsedArticle
from newsevents.when import date_events

SAT = "2016-02-13"
STORY = (
    "Gunmen attacked a bus near the border on Tuesday. "
    "Officials said six people died in the attack. "
    "Police are still searching for an attack suspect, and attacks on buses are common."
)


def _dated(date_words, parse, text: str, *triggers: str) -> list[Event]:  # type: ignore[no-untyped-def]
    article, doc = parse(text, published=SAT)
    events = [assault(text, t) for t in triggers]
    return date_events(ParsedArticle.of(doc, article), events, date_words)


@pytest.mark.model
def test_the_act_named_again_takes_its_date(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    first, again = _dated(date_words, parse, STORY, "attacked", "the attack")
    assert (first.date, first.date_source) == ("2016-02-09", "text")
    assert (again.date, again.date_precision, again.date_source) == ("2016-02-09", "day", "inferred")


@pytest.mark.model
def test_a_bare_noun_names_no_act_already_told(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked a bus near the border on Tuesday. Attacks on buses are common, police said."
    _, bare = _dated(date_words, parse, text, "attacked", "Attacks")
    assert (bare.date, bare.date_source) == (SAT, "published")


@pytest.mark.model
def test_without_a_dated_act_the_noun_keeps_the_default(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said six people died in the attack."
    (event,) = _dated(date_words, parse, text, "attack")
    assert (event.date, event.date_source) == (SAT, "published")

"""Event dates: the expression attached to the trigger's clause, the speaker's date, or the
publication date (Saturday 2016-02-13 unless said otherwise)."""

from __future__ import annotations

import pytest
from tests.events_made import assault

from newsevents.model import Event, Evidence
from newsevents.nlp.parsed import ParsedArticle
from newsevents.when import date_events, dated_by_text

SAT = "2016-02-13"



def _date(date_words, parse, text: str, trigger: str, published: str | None = SAT) -> Event:  # type: ignore[no-untyped-def]
    article, doc = parse(text, published=published)
    return date_events(ParsedArticle.of(doc, article), [assault(text, trigger)], date_words)[0]


@pytest.mark.model
def test_event_takes_expression_attached_to_its_trigger(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    event = _date(date_words, parse, "Rebels attacked a checkpoint in Idlib on Thursday.", "attacked")
    assert (event.date, event.date_precision) == ("2016-02-11", "day")


@pytest.mark.model
def test_reported_event_takes_date_of_the_statement(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "Peace talks will not stop the fighting, Assad said on Thursday."
    event = _date(date_words, parse, text, "stop")
    assert event.date == "2016-02-11"


@pytest.mark.model
def test_end_bound_does_not_date_the_event(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "De Mistura announced a three-week pause to February 25 in the talks."
    article, doc = parse(text)
    event = assault(text, "announced")
    parsed = ParsedArticle.of(doc, article)
    assert not dated_by_text(parsed, event, date_words)
    assert date_events(parsed, [event], date_words)[0].date == SAT  # defaulted to publication


@pytest.mark.model
def test_future_clause_dates_forward(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    event = _date(date_words, parse, "Leaders will meet on Monday in Brussels.", "meet")
    assert event.date == "2016-02-15"


@pytest.mark.model
def test_date_in_another_sentence_is_not_used(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    event = _date(date_words, parse, "The army shelled the town. Talks resumed on Thursday.", "shelled")
    assert (event.date, event.date_precision) == (SAT, "day")


@pytest.mark.model
def test_unknown_publication_date_and_no_expression_gives_none(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    event = _date(date_words, parse, "The army shelled the town.", "shelled", published=None)
    assert event.date is None and event.date_precision is None


@pytest.mark.model
def test_existing_date_is_kept(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels attacked a checkpoint on Thursday."
    article, doc = parse(text)
    event = Event(**{**assault(text, "attacked").__dict__, "date": "2016-01-01", "date_precision": "day"})
    assert date_events(ParsedArticle.of(doc, article), [event], date_words)[0].date == "2016-01-01"


@pytest.mark.model
def test_relative_clause_is_not_dated_by_its_sentence(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In 2015, Saudi Arabia and its allies, who accuse the Houthis of serving Iran, launched a campaign."
    )
    article, doc = parse(text)
    assert not dated_by_text(ParsedArticle.of(doc, article), assault(text, "accuse"), date_words)
    assert dated_by_text(ParsedArticle.of(doc, article), assault(text, "launched"), date_words)


@pytest.mark.model
def test_speakers_later_statements_take_the_date_they_were_first_said_to_speak(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from newsevents.model import Actor

    first = "The rebels will keep fighting, the minister said on Thursday."
    text = first + " The army is shelling the town, the minister said."
    article, doc = parse(text)
    minister = Actor("the minister", "minister", "SYRGOV", "SYR", "GOV")
    later = text.index("The army")

    def event(trigger: str, start: int, end: int, modality: str) -> Event:
        i = text.index(trigger)
        return replace(assault(text, trigger), evidence=Evidence.of(text, start, end),
                       trigger=Evidence.of(text, i, i + len(trigger)), modality=modality,
                       attributed_to=minister if modality == "reported" else None)

    events = [
        event("fighting", 0, len(first), "reported"),
        event("shelling", later, len(text), "reported"),
        event("shelling", later, len(text), "asserted"),
    ]
    dated = date_events(ParsedArticle.of(doc, article), events, date_words)
    assert [e.date for e in dated] == ["2016-02-11", "2016-02-11", SAT]

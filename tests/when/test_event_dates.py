"""Event dates: the expression attached to the trigger's clause, the speaker's date, or the
publication date (Saturday 2016-02-13 unless said otherwise)."""

from __future__ import annotations

import pytest

from newsevents.model import Event, Evidence
from newsevents.when import date_events, dated_by_text

SAT = "2016-02-13"


def _event(text: str, trigger: str) -> Event:
    i = text.index(trigger)
    return Event(
        None,
        None,
        "190",
        "19",
        "ASSAULT",
        4,
        -10.0,
        Evidence.of(text, 0, len(text)),
        Evidence.of(text, i, i + len(trigger)),
    )


def _date(parse, text: str, trigger: str, published: str | None = SAT) -> Event:  # type: ignore[no-untyped-def]
    article, doc = parse(text, published=published)
    return date_events(doc, article, [_event(text, trigger)])[0]


@pytest.mark.model
def test_event_takes_expression_attached_to_its_trigger(parse) -> None:  # type: ignore[no-untyped-def]
    event = _date(parse, "Rebels attacked a checkpoint in Idlib on Thursday.", "attacked")
    assert (event.date, event.date_precision) == ("2016-02-11", "day")


@pytest.mark.model
def test_reported_event_takes_date_of_the_statement(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Peace talks will not stop the fighting, Assad said on Thursday."
    event = _date(parse, text, "stop")
    assert event.date == "2016-02-11"


@pytest.mark.model
def test_end_bound_does_not_date_the_event(parse) -> None:  # type: ignore[no-untyped-def]
    text = "De Mistura announced a three-week pause to February 25 in the talks."
    article, doc = parse(text)
    event = _event(text, "announced")
    assert not dated_by_text(doc, article, event)
    assert date_events(doc, article, [event])[0].date == SAT  # defaulted to publication


@pytest.mark.model
def test_future_clause_dates_forward(parse) -> None:  # type: ignore[no-untyped-def]
    event = _date(parse, "Leaders will meet on Monday in Brussels.", "meet")
    assert event.date == "2016-02-15"


@pytest.mark.model
def test_date_in_another_sentence_is_not_used(parse) -> None:  # type: ignore[no-untyped-def]
    event = _date(parse, "The army shelled the town. Talks resumed on Thursday.", "shelled")
    assert (event.date, event.date_precision) == (SAT, "day")


@pytest.mark.model
def test_unknown_publication_date_and_no_expression_gives_none(parse) -> None:  # type: ignore[no-untyped-def]
    event = _date(parse, "The army shelled the town.", "shelled", published=None)
    assert event.date is None and event.date_precision is None


@pytest.mark.model
def test_existing_date_is_kept(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels attacked a checkpoint on Thursday."
    article, doc = parse(text)
    event = Event(**{**_event(text, "attacked").__dict__, "date": "2016-01-01", "date_precision": "day"})
    assert date_events(doc, article, [event])[0].date == "2016-01-01"


@pytest.mark.model
def test_relative_clause_is_not_dated_by_its_sentence(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In 2015, Saudi Arabia and its allies, who accuse the Houthis of serving Iran, launched a campaign."
    )
    article, doc = parse(text)
    assert not dated_by_text(doc, article, _event(text, "accuse"))
    assert dated_by_text(doc, article, _event(text, "launched"))


@pytest.mark.model
def test_speakers_later_statements_take_the_date_they_were_first_said_to_speak(parse) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from newsevents.model import Actor

    first = "The rebels will keep fighting, the minister said on Thursday."
    text = first + " The army is shelling the town, the minister said."
    article, doc = parse(text)
    minister = Actor("the minister", "minister", "SYRGOV", "SYR", "GOV")
    later = text.index("The army")

    def event(trigger: str, start: int, end: int, modality: str) -> Event:
        i = text.index(trigger)
        return replace(_event(text, trigger), evidence=Evidence.of(text, start, end),
                       trigger=Evidence.of(text, i, i + len(trigger)), modality=modality,
                       attributed_to=minister if modality == "reported" else None)

    events = [
        event("fighting", 0, len(first), "reported"),
        event("shelling", later, len(text), "reported"),
        event("shelling", later, len(text), "asserted"),
    ]
    dated = date_events(doc, article, events)
    assert [e.date for e in dated] == ["2016-02-11", "2016-02-11", SAT]

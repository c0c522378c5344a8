"""Event dates: the expression attached to the trigger's clause, the speaker's date, or the
publication date (Saturday 2016-02-13 unless said otherwise)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.events_made import assault

from newsevents.model import Actor, Event, Evidence
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


def _statement(text: str, trigger: str, start: int, end: int, speaker: Actor | None) -> Event:
    """An act told in `text[start:end]`, reported by `speaker` (asserted when None)."""
    i = text.index(trigger)
    return replace(assault(text, trigger), evidence=Evidence.of(text, start, end),
                   trigger=Evidence.of(text, i, i + len(trigger)),
                   modality="reported" if speaker is not None else "asserted", attributed_to=speaker)


@pytest.mark.model
def test_speakers_later_statements_take_the_date_they_were_first_said_to_speak(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    first = "The rebels will keep fighting, the minister said on Thursday."
    text = first + " The army is shelling the town, the minister said."
    article, doc = parse(text)
    minister = Actor("the minister", "minister", "SYRGOV", "SYR", "GOV")
    later = text.index("The army")

    events = [
        _statement(text, "fighting", 0, len(first), minister),
        _statement(text, "shelling", later, len(text), minister),
        _statement(text, "shelling", later, len(text), None),
    ]
    dated = date_events(ParsedArticle.of(doc, article), events, date_words)
    assert [e.date for e in dated] == ["2016-02-11", "2016-02-11", SAT]


@pytest.mark.model
def test_a_date_of_the_act_a_speaker_reports_is_not_when_the_speaker_spoke(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    """ "Advocates say police detained 40 activists last month": last month is when the detention
    happened; the advocates' other statements are dated by the news day, not by it."""
    first = "Rights advocates say police detained 40 activists last month."
    text = first + " The police are beating the prisoners, the advocates say."
    article, doc = parse(text)
    advocates = Actor("Rights advocates", "rights advocates", "HRI", None, "HRI")
    later = text.index("The police")

    events = [
        _statement(text, "detained", 0, len(first), advocates),
        _statement(text, "beating", later, len(text), advocates),
    ]
    dated = date_events(ParsedArticle.of(doc, article), events, date_words)
    assert [(e.date, e.date_source) for e in dated] == [("2016-01-01", "text"), (SAT, "published")]


@pytest.mark.model
def test_a_hypothetical_claim_takes_the_date_its_speaker_spoke(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    """Assad's "would not stop" (hypothetical) is dated as his reported words are: when he spoke."""
    text = "The talks would not stop the offensive. The fighting will go on, Assad said on Thursday."
    article, doc = parse(text)
    assad = Actor("Assad", "Bashar al-Assad", "SYRGOV", "SYR", "GOV", Evidence.of(text, 63, 68))
    said = replace(assault(text, "go on"), modality="reported", attributed_to=assad)
    claim = replace(assault(text, "stop"), modality="hypothetical", attributed_to=assad)
    dated = date_events(ParsedArticle.of(doc, article), [said, claim], date_words)
    assert [(e.date, e.date_source) for e in dated] == [("2016-02-11", "text"), ("2016-02-11", "speaker")]


@pytest.mark.model
def test_the_seed_interview_is_dated_to_the_thursday_assad_spoke(seed_path) -> None:  # type: ignore[no-untyped-def]
    """Published Saturday 2016-02-13, "Assad said on Thursday": every event he is said to have
    claimed in the interview is of Thursday 2016-02-11, from his words or from when he spoke."""
    from newsevents import extract

    events = extract(seed_path.read_text(encoding="utf-8")).events
    his = [e for e in events if e.attributed_to is not None and "Assad" in (e.attributed_to.name or "")]
    assert len(his) >= 4
    assert {(e.date, e.date_precision) for e in his} == {("2016-02-11", "day")}
    assert {e.date_source for e in his} <= {"text", "speaker"}


@pytest.mark.model
def test_weekday_under_a_present_schedule_is_the_next_one(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The rebels are scheduled to attack the town on Tuesday."
    assert _date(date_words, parse, text, "attack").date == "2016-02-16"
    # a schedule told in the past may have passed: the weekday stays the last one
    past = "The rebels were scheduled to attack the town on Tuesday."
    assert _date(date_words, parse, past, "attack").date == "2016-02-09"


@pytest.mark.model
def test_weekday_under_a_present_intent_is_the_next_one(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The minister hopes to end the dispute during talks Tuesday with the rebels."
    assert _date(date_words, parse, text, "talks").date == "2016-02-16"
    text = "The rebels plan to attack the town on Tuesday."
    assert _date(date_words, parse, text, "attack").date == "2016-02-16"


@pytest.mark.model
def test_a_count_before_after_in_the_present_dates_back_from_the_news(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "His comments come two days after the minister denounced Israel."
    assert _date(date_words, parse, text, "denounced").date == "2016-02-11"
    # told in the past, the clause above has no day of its own here: no count back from the news
    text = "His comments came two days after the minister denounced Israel."
    assert _date(date_words, parse, text, "denounced").date_source != "text"


@pytest.mark.model
def test_a_day_after_a_means_of_speaking_dates_the_act(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "Sunday" under "by" through "phone"; "by" bounds only a bare date
    text = "The minister spoke by phone Sunday with his Turkish counterpart."
    assert _date(date_words, parse, text, "spoke").date == "2016-02-07"
    text = "The minister must reply by Sunday, his office said."
    assert _date(date_words, parse, text, "reply").date_source != "text"


@pytest.mark.model
def test_an_act_of_a_past_decade_is_not_dated_the_day_before_the_news(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    event = _date(date_words, parse, "Rebels attacked the town in the 1990s.", "attacked")
    assert event.date != "2016-02-12"
    assert event.date_precision != "day" or event.date == SAT

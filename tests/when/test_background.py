"""Background acts: undated events whose tense says they are not the day's news, on sentences
from the corpus (Saturday 2016-02-13 as publication day)."""

from __future__ import annotations

import pytest
from tests.events_made import assault

from newsevents.model import Event
from newsevents.nlp.parsed import ParsedArticle
from newsevents.when import date_events

SAT = "2016-02-13"


def _dated(date_words, parse, text: str, trigger: str) -> Event:  # type: ignore[no-untyped-def]
    article, doc = parse(text, published=SAT, published_source="metadata")
    return date_events(ParsedArticle.of(doc, article), [assault(text, trigger)], date_words)[0]


def _when(event: Event) -> tuple[str | None, str | None, str | None]:
    return event.date, event.date_precision, event.date_source


@pytest.mark.model
def test_past_perfect_is_dated_to_the_month(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = (  # corpus 030
        "Israeli warplanes had also targeted at dawn al-Labbouneh, near the southern Lebanese town "
        "of Naqoura, and fired 15 shells at al-Musheirifa."
    )
    assert _when(_dated(date_words, parse, text, "targeted")) == ("2016-02-01", "month", "inferred")


@pytest.mark.model
def test_past_perfect_of_reported_speech_keeps_the_day(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = (  # corpus 008: "had fired" is "fired" shifted into what the governor said
        "In the Dnipropetrovsk region, to the east, Governor Valentyn Reznychenko said Russia had fired "
        "six missiles, three of which were shot down."
    )
    assert _when(_dated(date_words, parse, text, "fired")) == (SAT, "day", "published")


@pytest.mark.model
def test_a_war_wide_toll_is_dated_to_the_year(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = (  # corpus (Yemen)
        "The conflict has killed nearly 14,000 people and has pushed the country to the brink of famine."
    )
    assert _when(_dated(date_words, parse, text, "killed")) == ("2016-01-01", "year", "inferred")


@pytest.mark.model
def test_the_day_s_toll_keeps_the_day(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = (  # corpus 009: present perfect, but people as subject: the day's news
        "At least 23 people, many of them civilians, have been killed in air strikes on a rebel-held "
        "city in north-western Syria, activists say."
    )
    assert _when(_dated(date_words, parse, text, "killed")) == (SAT, "day", "published")


@pytest.mark.model
def test_a_stated_date_wins_over_the_tense(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "Houthi fighters had seized the city in 2015, before the coalition intervened."
    assert _when(_dated(date_words, parse, text, "seized")) == ("2015-01-01", "year", "text")


@pytest.mark.model
def test_an_act_narrated_after_a_past_setting_takes_it(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mali fell into turmoil in 2012 when Tuareg rebels seized the north. "
        "French troops drove the militants out of the main towns."
    )
    assert _when(_dated(date_words, parse, text, "drove")) == ("2012-01-01", "year", "inferred")
    # a question between the setting and the act does not break the story told
    text = (
        "Remember that in January 2015 the envoy called the border safe? "
        "And what came of it? Weeks later, gunmen attacked the crossing."
    )
    assert _when(_dated(date_words, parse, text, "attacked"))[:2] == ("2015-01-01", "month")


@pytest.mark.model
def test_a_recent_or_present_setting_keeps_the_day(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    # the sentence before is this week's news: the act is the day's
    text = "Rebels seized the town on Monday. Government troops shelled their positions."
    assert _when(_dated(date_words, parse, text, "shelled")) == (SAT, "day", "published")
    # told in the present: "come two days after" is today's story, not 2014's
    text = "The border was closed in 2014. His remarks come days after troops shelled the crossing."
    assert _when(_dated(date_words, parse, text, "shelled")) == (SAT, "day", "published")
    # a running total "since" a day is the news up to today, not a setting in the past
    text = "The toll since Jan. 2 has risen to 95. Artillery shelled the outskirts of the town."
    assert _when(_dated(date_words, parse, text, "shelled")) == (SAT, "day", "published")
    # ... told in the past too: "since" opens a span whatever the parser hangs the date from
    text = "The reporter had been in detention since December 30. He was accused of incitement."
    assert _when(_dated(date_words, parse, text, "accused")) == (SAT, "day", "published")
    # an undated sentence told in the present between them brings the story back to now
    text = "Trade grew in 2012. Both countries have stepped up their ties. A warship paid a visit."
    assert _when(_dated(date_words, parse, text, "paid")) == (SAT, "day", "published")
    # a setting does not cross a paragraph
    text = "The coalition entered the war in 2015.\n\nThe army said jets struck the port."
    assert _when(_dated(date_words, parse, text, "struck")) == (SAT, "day", "published")
    # a date inside what a verb of saying tells dates the thing told, not the telling's story
    text = "He said the bloc was formed in 1993 to harm the country. Later, he threatened new tariffs."
    assert _when(_dated(date_words, parse, text, "threatened")) == (SAT, "day", "published")
    # a date in the act's own sentence belongs to another clause: no guess from the one before
    text = "The war began in 2011. Police arrested him, and the judge freed him on Thursday."
    assert _dated(date_words, parse, text, "arrested").date != "2011-01-01"


@pytest.mark.model
def test_an_act_below_a_background_date_of_its_own_sentence_takes_it(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    # a relative clause of the date: the act happened in 2013, not on the day of publication
    text = "Mali fell into turmoil in 2012 when rebels seized the north and drove the army from Gao."
    assert _when(_dated(date_words, parse, text, "drove")) == ("2012-01-01", "year", "inferred")
    # a recent date in the clause above does not move the act: it may be another day's news
    text = "Mali fell into turmoil on Thursday when rebels seized the north and drove the army from Gao."
    assert _dated(date_words, parse, text, "drove").date_source != "inferred"
    # a background date in a clause beside the act's, not above it, does not set it
    text = "The group, founded in 2014, attacked a village near the border."
    assert _when(_dated(date_words, parse, text, "attacked")) == (SAT, "day", "published")


@pytest.mark.model
def test_a_year_naming_the_act_dates_it(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The kidnapping resembled Boko Haram's 2014 abduction of schoolgirls from Chibok."
    assert _when(_dated(date_words, parse, text, "abduction")) == ("2014-01-01", "year", "text")


@pytest.mark.model
def test_a_background_date_sets_an_act_below_it_under_a_present_perfect_sentence(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    # the sentence speaks from now ("have been frozen"), but the act below the 2013 date is then
    text = (
        "Ties have been frozen since the general was removed in a coup staged by the army in 2013, "
        "when both neighbours recalled their envoys."
    )
    assert _when(_dated(date_words, parse, text, "recalled")) == ("2013-01-01", "year", "inferred")
    # an act in the present perfect still speaks from the day
    text = "Ties have been frozen since 2013, and both neighbours have recalled their envoys."
    assert _dated(date_words, parse, text, "recalled").date_source != "inferred"


@pytest.mark.model
def test_a_date_on_a_participle_describing_a_noun_dates_the_noun_s_act(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "The general was removed in a coup staged by the army in 2013."
    assert _when(_dated(date_words, parse, text, "coup")) == ("2013-01-01", "year", "text")

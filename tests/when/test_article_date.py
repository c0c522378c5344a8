"""The date an article speaks from: its publication day, else a month in its address, else a
dated lead; and the source events dated from it carry."""

from __future__ import annotations

import pytest

from newsevents.model import Evidence
from newsevents.nlp.parsed import ParsedArticle
from newsevents.when.article_date import Fallback, article_date

TEXT = "Gunmen opened fire on villagers in Borno, witnesses said on Monday.\nThe army was deployed.\n"


def _fallback(date_words, parse, text: str = TEXT, **kw: object) -> Fallback | None:  # type: ignore[no-untyped-def]
    article, doc = parse(text, **kw)
    return article_date(ParsedArticle.of(doc, article), date_words)


@pytest.mark.model
@pytest.mark.parametrize(
    ("source", "expected"), [("metadata", "published"), ("dateline", "published"), ("url", "published"),
                             ("text", "inferred")],
)  # fmt: skip
def test_a_publication_day_is_published_unless_read_from_the_lead(  # type: ignore[no-untyped-def]
    date_words, parse, source: str, expected: str
) -> None:
    found = _fallback(date_words, parse, published="2015-04-13", published_source=source)
    assert found == Fallback("2015-04-13", "day", expected)  # type: ignore[arg-type]


@pytest.mark.model
def test_a_month_in_the_address_dates_an_undated_article(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    url = "http://www.temitopetaiwo.com/2015/04/boko-haram-opens-fire-on-villagers-in.html"  # corpus 012
    found = _fallback(date_words, parse, published=None, url=url)
    assert found == Fallback("2015-04-01", "month", "inferred")


@pytest.mark.model
def test_a_dated_lead_dates_an_undated_article_to_its_year(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = (  # corpus 077: the lead's month is its background's (April), the story's is September
        "4 Palestinians killed, 44 injured in Israeli raid in Jenin\n\n"
        "Four dead include Abd al-Rahman Hazem, whose brother killed three in Tel Aviv attack in "
        "April 2022.\n"
        "A similar raid in 2003 killed 12.\n"
    )
    found = _fallback(date_words, parse, text, published=None, title_span=Evidence.of(text, 0, 58))
    assert found == Fallback("2022-01-01", "year", "inferred")


@pytest.mark.model
def test_a_year_below_the_lead_does_not_date_the_article(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = (  # corpus 028: the story is of 2024; the year it names is the 2006 war's
        "Two Hezbollah fighters were killed by the Israeli army in southern Lebanon.\n"
        "The group fought a month-long war with Israel in 2006.\n"
    )
    assert _fallback(date_words, parse, text, published=None) is None


@pytest.mark.model
def test_an_article_with_no_date_anywhere_speaks_from_the_day_it_was_received(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    text = "Two fighters were killed by the army in the south.\nThe group fought a war in 2006.\n"
    found = _fallback(date_words, parse, text, published=None, received="2026-12-05")
    assert found == Fallback("2026-12-05", "day", "received")
    # any date the article gives wins over the received day
    dated = _fallback(date_words, parse, text, published="2015-04-13", received="2026-12-05")
    assert dated == Fallback("2015-04-13", "day", "published")


def test_a_received_day_coarsened_for_a_background_act_stays_received() -> None:
    coarse = Fallback("2026-12-05", "day", "received").coarsened("year")
    assert coarse == Fallback("2026-01-01", "year", "received")


def test_coarsening_keeps_the_coarser_of_the_two() -> None:
    day = Fallback("2016-02-13", "day", "published")
    assert day.coarsened("month") == Fallback("2016-02-01", "month", "inferred")
    assert day.coarsened("year") == Fallback("2016-01-01", "year", "inferred")
    year = Fallback("2016-01-01", "year", "inferred")
    assert year.coarsened("month") == year


@pytest.mark.model
def test_a_story_a_day_after_its_lead_speaks_from_the_lead_s_day(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    # Thursday 2015-04-16 (or just after midnight UTC): the lead's Wednesday is the news day
    thursday = {"published": "2015-04-16T00:40:00Z", "published_source": "metadata"}
    lead = "The government said Wednesday that troops had retaken the town.\nRebels fled north.\n"
    assert _fallback(date_words, parse, lead, **thursday) == Fallback("2015-04-15", "day", "inferred")
    # the day is read in the lead's first sentences, not further down
    later = "Talks opened in Geneva.\nDelegates arrived late.\nNo one spoke.\nRebels left on Wednesday.\n"
    assert _fallback(date_words, parse, later, **thursday) == Fallback("2015-04-16", "day", "published")


@pytest.mark.model
def test_an_older_or_future_day_in_the_lead_keeps_the_publication_day(date_words, parse) -> None:  # type: ignore[no-untyped-def]
    thursday = {"published": "2015-04-16", "published_source": "metadata"}
    older = "Police said Monday that they had arrested two men.\nThe men were charged.\n"
    future = "The president will visit Kenya on Wednesday.\nAides confirmed the trip.\n"
    for text in (older, future):
        assert _fallback(date_words, parse, text, **thursday) == Fallback("2015-04-16", "day", "published")

"""Time expressions resolved against the publication date (Saturday 2016-02-13 unless said otherwise)."""

from __future__ import annotations

import pytest

from newsevents.when import resolve_date

SAT = "2016-02-13"


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("on Thursday", SAT, ("2016-02-11", "day")),  # most recent Thursday before publication
        ("Saturday", SAT, ("2016-02-13", "day")),  # on or before: the day itself
        ("last Saturday", SAT, ("2016-02-06", "day")),  # "last" is strictly before
        ("Thursday night", SAT, ("2016-02-11", "day")),
        ("yesterday", SAT, ("2016-02-12", "day")),
        ("last week", SAT, ("2016-02-01", "week")),  # Monday of the previous week
        ("since last week", SAT, ("2016-02-01", "week")),  # a span: its start
        ("last month", SAT, ("2016-01-01", "month")),
        ("in 2015", SAT, ("2015-01-01", "year")),
        ("February 25", SAT, ("2016-02-25", "day")),
        ("Feb. 25th", SAT, ("2016-02-25", "day")),
        ("December 30", "2016-01-02", ("2015-12-30", "day")),  # nearest occurrence, across the year
        ("January 2", "2015-12-30", ("2016-01-02", "day")),
        ("in February 2015", SAT, ("2015-02-01", "month")),
        ("two weeks ago", SAT, ("2016-01-25", "week")),
        ("3 days ago", SAT, ("2016-02-10", "day")),
        # a count nobody gave: one precision coarser than its unit, never the publication day
        ("a few days ago", SAT, ("2016-02-08", "week")),
        ("several weeks ago", SAT, ("2016-01-01", "month")),
        ("weeks ago", SAT, ("2016-01-01", "month")),
        ("months ago", SAT, ("2015-01-01", "year")),
        ("years ago", SAT, ("2013-01-01", "year")),
        ("many years ago", SAT, ("2006-01-01", "year")),
        ("25 February 2016", None, ("2016-02-25", "day")),  # a full date needs no publication date
        ("in April", "2015-11-01", ("2015-04-01", "month")),  # a month alone looks back
        ("December", "2016-01-05", ("2015-12-01", "month")),
        ("last November", "2021-04-16", ("2020-11-01", "month")),  # the latest strictly before
        ("last February", SAT, ("2015-02-01", "month")),  # not this February: that is "this"
        ("this January", SAT, ("2016-01-01", "month")),
        ("next March", "2016-04-02", ("2017-03-01", "month")),
        ("earlier this week", SAT, ("2016-02-08", "week")),
        ("3:09 pm", SAT, (SAT, "day")),  # a clock time alone is on the publication day
        ("0830 GMT", SAT, (SAT, "day")),
    ],
)
def test_resolve_date(date_words, expression: str, published: str | None, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert resolve_date(expression, published, words=date_words) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # each as the corpus writes it (the article's number in ../shared/corpus/articles)
        ("Wednesday's", ("2016-02-10", "day")),  # 076: "Wednesday's raid was the most violent"
        ("at dawn on Sunday", ("2016-02-07", "day")),  # 011: "prayers at dawn on Sunday"
        ("around midnight Wednesday", ("2016-02-10", "day")),  # 027: "the attack around midnight Wednesday"
        ("Earlier in the day", (SAT, "day")),  # 028: "said earlier in the day that 24 missiles were fired"
        ("earlier this week", ("2016-02-08", "week")),  # 045: "overrun ... earlier this week"
        ("in April 2022", ("2022-04-01", "month")),  # 077: "killed three in Tel Aviv attack in April 2022"
        ("Monday night", ("2016-02-08", "day")),
        ("last weekend", (SAT, "day")),  # the most recent Saturday, as "the weekend" is
        ("overnight", (SAT, "day")),
        ("two days ago", ("2016-02-11", "day")),
        ("earlier this month", ("2016-02-01", "month")),
    ],
)
def test_news_forms_from_the_corpus(date_words, expression: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert resolve_date(expression, SAT, words=date_words) == expected


def test_a_count_of_hours_ago_is_still_a_date(date_words) -> None:  # type: ignore[no-untyped-def]
    assert resolve_date("48 hours ago", "2025-03-12T13:16:27Z", words=date_words) == ("2025-03-10", "day")


def test_a_late_year_is_its_december(date_words) -> None:  # type: ignore[no-untyped-def]
    published = "2021-04-16T22:42:47Z"
    assert resolve_date("late last year", published, words=date_words) == ("2020-12-01", "month")
    assert resolve_date("in late 2019", published, words=date_words) == ("2019-12-01", "month")
    # "late" before a day or a month keeps that day or month
    assert resolve_date("late Tuesday", published, words=date_words) == ("2021-04-13", "day")
    assert resolve_date("late last month", published, words=date_words) == ("2021-03-01", "month")


def test_the_day_alone_is_not_a_date(date_words) -> None:  # type: ignore[no-untyped-def]
    """Only "earlier/later in the day" speaks of the publication day; "the day" may be any."""
    assert resolve_date("the day", SAT, words=date_words) is None


@pytest.mark.parametrize(
    "expression",
    [
        "in recent weeks",
        "recently",
        "five-year",
        "a three-week",
        "two years",
        "less than a year",
        "in the coming days",
        "48 hours",  # "gave authorities 48 hours to comply": a deadline's length, not two days ago
        "72-hour",
        "30 minutes",
        "the 1960s",  # a decade or a century: no day, month or year holds it
        "the mid-1990s",
        "the '90s",
        "the 1500s",
        "Su 35",  # a jet: a year alone is written in full
    ],
)
def test_vague_expressions_and_durations_are_not_dates(date_words, expression: str) -> None:
    assert resolve_date(expression, SAT, words=date_words) is None


@pytest.mark.parametrize("expression", ["on Thursday", "yesterday", "last week", "February 25"])
def test_relative_expressions_need_a_publication_date(date_words, expression: str) -> None:
    assert resolve_date(expression, None, words=date_words) is None


def test_future_clause_reads_weekday_forward(date_words) -> None:
    assert resolve_date("Monday", SAT, prefer="future", words=date_words) == ("2016-02-15", "day")
    assert resolve_date("next Monday", SAT, words=date_words) == ("2016-02-15", "day")
    assert resolve_date("April", "2015-11-01", prefer="future", words=date_words) == ("2016-04-01", "month")


def test_impossible_dates_and_bad_publication_dates_give_none(date_words) -> None:
    assert resolve_date("February 30", SAT, words=date_words) is None
    assert resolve_date("31 June 2015", None, words=date_words) is None
    assert resolve_date("on Thursday", "not a date", words=date_words) is None
    assert resolve_date("", SAT, words=date_words) is None


@pytest.mark.parametrize(
    ("expression", "published"),
    [
        ("last week", "0001-01-01"),
        ("yesterday", "0001-01-01"),
        ("ten years ago", "0005-06-01"),
        ("last month", "0001-01-15"),
        ("tomorrow", "9999-12-31"),
        ("next week", "9999-12-28"),
        ("next year", "9999-06-01"),
        ("on Thursday", "0001-01-01"),
    ],
)
def test_publication_dates_at_the_ends_of_the_calendar_do_not_overflow(
    date_words, expression: str, published: str
) -> None:  # type: ignore[no-untyped-def]
    """The Python API takes any ISO date as `published`: a day before year 1 or after 9999 is
    no date, not an OverflowError that loses the article."""
    assert resolve_date(expression, published, words=date_words) is None

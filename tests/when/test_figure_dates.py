"""date_quantities: the day a figure refers to (published Saturday 2016-02-13)."""

from __future__ import annotations

import pytest

from newsevents.model import Quantity
from newsevents.nlp.parsed import ParsedArticle
from newsevents.quantities import find_quantities
from newsevents.when import date_quantities

pytestmark = pytest.mark.model
SAT = "2016-02-13"


@pytest.fixture
def figure_of(parse, quantity_lexicon, date_words):  # type: ignore[no-untyped-def]
    """figure_of(text, published=SAT) -> the text's one figure, dated."""

    def _figure(text: str, published: str | None = SAT) -> Quantity:
        article, doc = parse(text, published=published)
        [figure] = find_quantities(doc, article, lexicon=quantity_lexicon)
        return date_quantities(ParsedArticle.of(doc, article), [figure], words=date_words)[0]

    return _figure


def test_span_in_the_clause_dates_a_reported_figure(figure_of) -> None:  # type: ignore[no-untyped-def]
    figure = figure_of("Some 35,000 refugees have arrived at the border since last week.")
    assert (figure.status, figure.date) == ("reported", "2016-02-01")


def test_weekday_dates_a_reported_figure(figure_of) -> None:  # type: ignore[no-untyped-def]
    assert figure_of("Twelve civilians were killed in an air strike on Thursday.").date == "2016-02-11"


def test_undated_reported_figure_takes_the_publication_date(figure_of) -> None:  # type: ignore[no-untyped-def]
    assert figure_of("Twelve civilians were killed in an air strike.").date == SAT


def test_cumulative_figure_is_as_of_publication(figure_of) -> None:  # type: ignore[no-untyped-def]
    figure = figure_of("The conflict, which so far has killed more than 250,000 people, goes on.")
    assert (figure.status, figure.date) == ("cumulative", SAT)


def test_since_starts_a_running_total_and_does_not_date_it(figure_of) -> None:  # type: ignore[no-untyped-def]
    figure = figure_of("The war has killed 250,000 people since March 2011.")
    assert (figure.status, figure.date) == ("cumulative", SAT)


def test_projected_figure_has_no_date(figure_of) -> None:  # type: ignore[no-untyped-def]
    figure = figure_of("An offensive could trigger around 600,000 more refugees to flee.")
    assert (figure.status, figure.date) == ("projected", None)


def test_no_publication_date_no_default(figure_of) -> None:  # type: ignore[no-untyped-def]
    assert figure_of("Twelve civilians were killed in an air strike.", published=None).date is None

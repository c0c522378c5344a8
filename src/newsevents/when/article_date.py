"""The date an article speaks from: what an event takes when nothing in its own words or its
speaker's dates it, and where that date came from.

An article with a publication day gives that day (precision "day"); events dated from it are
`published`, unless the day was only read from a date stated in the story's first paragraph
(`Article.published_source == "text"`), which is the day the story speaks of rather than the
day it appeared: those are `inferred`. A story that appeared the day after its news gives
the news day instead (`news_day`): when the first day its lead names ("Security sources said
Wednesday", in a story of Thursday; "warned Wednesday" in a story stamped 00:33 UTC on Thursday,
still Wednesday where it was written) falls up to NEWS_DAY_LAG days before the publication day,
the story's undated acts are that day's news, `inferred`. An article without a publication day
still places its events: a month in its address (/2015/04/) gives that month, else a date
with its own year in the story's first paragraph gives its year (the lead tells the news, so
its year is the news's); both are `inferred`. A year named further down is not used: background ("the 2006
war", "the worst attack since December 2017") names older years than the story's (in the
project's corpus the latest year named below the lead was the story's own in fewer than half
of the undated stories). An article with none of these speaks from the day newsevents received
it (`Article.received`), with source `received`: its events happened on or before that day. This
is the convention of the field's scrapers, which date an undated story by the day they fetched
it; an analyst who wants only stated dates drops `received`, and the date is never empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span

from newsevents.ingest.dates import month_from_url
from newsevents.model import DatePrecision, DateSource
from newsevents.nlp import sentences_of
from newsevents.nlp.parsed import ParsedArticle
from newsevents.nlp.syntax import clause_head
from newsevents.when.attachment import attached_to, date_expressions, is_future
from newsevents.when.expressions import parse_published, resolve_date
from newsevents.when.words import DateWords

PRECISIONS: tuple[DatePrecision, ...] = ("day", "week", "month", "year")
# How many days a story may appear after the day its lead names and still speak from that day;
# a lead naming an older day tells background, not the day the story is about.
NEWS_DAY_LAG = 1
# The lead: the story's first sentences, where a news story states the day of its news.
LEAD_SENTENCES = 3


@dataclass(frozen=True)
class Fallback:
    """A date an event may default to: the day or span start, its precision and its source."""

    date: str
    precision: DatePrecision
    source: DateSource

    def coarsened(self, precision: DatePrecision) -> Fallback:
        """This date at `precision` or coarser (the first day of its month or year), `inferred`;
        a received day stays `received`, since nothing in the text was read to reach it."""
        source: DateSource = "received" if self.source == "received" else "inferred"
        if PRECISIONS.index(precision) <= PRECISIONS.index(self.precision):
            return Fallback(self.date, self.precision, source)
        day = self.date[:8] + "01" if precision in ("week", "month") else self.date[:4] + "-01-01"
        coarse: DatePrecision = "month" if precision == "week" else precision
        return Fallback(day, coarse, source)


def article_date(parsed: ParsedArticle, words: DateWords) -> Fallback | None:
    """The date the article speaks from, by the rules of the module docstring, or None."""
    article = parsed.article
    published = parse_published(article.published)
    if published is not None:
        earlier = news_day(parsed, words)
        if earlier is not None:
            return earlier
        source: DateSource = "inferred" if article.published_source == "text" else "published"
        return Fallback(published.isoformat(), "day", source)
    month = month_from_url(article.url)
    if month is not None:
        return Fallback(month, "month", "inferred")
    lead = lead_date(parsed, words)
    if lead is not None or article.received is None:
        return lead
    return Fallback(article.received, "day", "received")


def news_day(parsed: ParsedArticle, words: DateWords) -> Fallback | None:
    """The day the lead names, when it is 1 to NEWS_DAY_LAG days before publication, else None.

    The first date expression of the lead's first LEAD_SENTENCES sentences that names a single
    day (a weekday, "yesterday", a day and month) is read; one that only bounds a span ("until
    Friday") or sits in a clause about the future is passed over. A lead naming the publication
    day itself, or none, leaves the publication day.
    """
    published = parse_published(parsed.article.published)
    if published is None:
        return None
    for sent in _lead(parsed)[:LEAD_SENTENCES]:
        for ent in date_expressions(parsed, sent):
            head = attached_to(ent, words)
            if head is None or is_future(clause_head(head), words):
                continue
            resolved = resolve_date(ent.text, parsed.article.published, words=words)
            if resolved is None or resolved[1] != "day":
                continue
            lag = (published - date.fromisoformat(resolved[0])).days
            return Fallback(resolved[0], "day", "inferred") if 0 < lag <= NEWS_DAY_LAG else None
    return None


def _lead(parsed: ParsedArticle) -> list[Span]:
    """The body's sentences from the top: below the headline, outside page furniture."""
    below = parsed.article.title_span.end if parsed.article.title_span is not None else 0
    return [
        sent
        for sent in sentences_of(parsed.doc)
        if sent.end_char > below
        and parsed.article.text[max(sent.start_char, below) : sent.end_char].strip()
        and not parsed.is_furniture(sent.start, sent.end)
    ]


def lead_date(parsed: ParsedArticle, words: DateWords) -> Fallback | None:
    """The year of the latest date carrying its own year in the story's first paragraph, or None.

    The paragraph is the first line of text after the headline and outside furniture. Only the
    year is kept: a lead's month may be a background clause's ("whose brother killed three in
    Tel Aviv in April 2022", in a story of September 2022), its year far less often.
    """
    article, years = parsed.article, []
    text = article.text
    below = article.title_span.end if article.title_span is not None else 0
    end: int | None = None
    for sent in sentences_of(parsed.doc):
        start = max(sent.start_char, below)
        if not text[start : sent.end_char].strip() or parsed.is_furniture(sent.start, sent.end):
            continue
        if end is None:
            start += len(text[start:]) - len(text[start:].lstrip())
            newline = text.find("\n", start)
            end = newline if newline >= 0 else len(text)
        if start >= end:
            break
        for ent in date_expressions(parsed, sent):
            resolved = resolve_date(ent.text, None, words=words)
            if resolved is not None:
                years.append(resolved[0][:4])
    return Fallback(f"{max(years)}-01-01", "year", "inferred") if years else None

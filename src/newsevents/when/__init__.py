"""Dates: time expressions resolved against the publication date, and a date for every event.

News conventions, decided here (dateparser alone gets several wrong):

- A bare weekday ("on Thursday") is the most recent such day on or before publication
  (Saturday 2016-02-13 -> Thursday 2016-02-11); "last Thursday" the most recent strictly
  before; "next Thursday", or a weekday in a clause about the future ("will meet on Monday",
  "is scheduled to travel on Monday": when.yml `future` and `scheduling`), the next one on or after.
- A day and month without a year ("February 25") takes the year that puts it nearest to the
  publication date, so "December 30" in an article of 2 January is last year's.
- A month alone ("in April") is the latest such month up to publication (in a clause about the
  future, the next one): news looks back.
  "Last November" is the latest November strictly before the publication month, "next June"
  the first June after it, "this March" the publication year's.
- A clock time alone ("3:09 pm", "0830 GMT") is on the publication day.
- A year said to be late ("late last year", "in late 2019") is its December, at month precision.
- A count before "after" under a clause in the present tense counts back from the news: "His
  comments come two days after Erdogan denounced Israel" dates the denouncing two days before
  publication.
- Precision says how much of the date to trust. Week, month and year dates are the first day of
  the span the expression names: "last week" in that Saturday's article is Monday 2016-02-01
  (week), "last month" 2016-01-01 (month), "in 2015" 2015-01-01 (year). "Since last week" is a
  span; its start is given, with precision week.
- Too vague to date, returned as None: "recently", "in recent weeks", "in the coming days", and
  durations ("the five-year conflict", "a three-week pause", "in two years", "48 hours to comply").
- Without a publication date, only expressions that carry their own year can be resolved.

An event's date (see `date_events`) is the date expression attached to its trigger's clause,
else the one attached to the nearest clause above it through complement, adverbial or joined
clauses ("said on Thursday that forces had ...", "blew themselves up on Thursday, killing 32")
(`date_source` "text"); else, for a definite noun naming again an act the article dated ("the
attack" after "attacked the train on Tuesday", same_act.py), that act's date ("inferred");
else, for an event attributed to a speaker (reported or hypothetical),
the date that speaker was first said to speak in the article ("speaker"); else the date the
article speaks from (article_date.py): the publication day with precision "day" ("published",
the convention of GDELT and Phoenix, where an article reports what happened up to the day it
appeared), or, for an article without one, a month in its address or a dated lead
("inferred"). A background act (background.py: an undated past perfect outside reported speech,
or a war's running total in the present perfect) takes that date at month or year precision
("inferred"); a past act told below a clause of its own sentence that a background date dates
("fell into turmoil in 2012 when rebels seized the north and drove ...") takes that date.
An article with no date anywhere speaks from the day it was received
(`Article.received`, "received"); only an Article built without one leaves its events undated.

A figure's date (see `date_quantities`) follows the same attachment rules; a cumulative total is
"as of" the publication date and a projection has none.

The parts: expressions.py resolves a time expression to a date; attachment.py finds the
expression that dates a clause; article_date.py gives the date an article speaks from and
background.py the coarser precision of background acts; same_act.py the act a definite noun
names again; event_dates.py and figure_dates.py date
events and figures;
words.py loads the words dates are read with (data/en/when.yml), which the date stages load
once and pass to every function here.
"""

from newsevents.when.attachment import date_expressions
from newsevents.when.event_dates import date_events, dated_by_text
from newsevents.when.expressions import Prefer, Resolution, resolve_date
from newsevents.when.figure_dates import date_quantities
from newsevents.when.words import DateWords, load_date_words

__all__ = [
    "DateWords",
    "Prefer",
    "Resolution",
    "date_events",
    "date_expressions",
    "date_quantities",
    "dated_by_text",
    "load_date_words",
    "resolve_date",
]

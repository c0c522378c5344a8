"""Dates: time expressions resolved against the publication date, and a date for every event.

News conventions, decided here (dateparser alone gets several wrong):

- A bare weekday ("on Thursday") is the most recent such day on or before publication
  (Saturday 2016-02-13 -> Thursday 2016-02-11); "last Thursday" the most recent strictly
  before; "next Thursday", or a weekday in a clause about the future ("will meet on Monday"),
  the next one on or after.
- A day and month without a year ("February 25") takes the year that puts it nearest to the
  publication date, so "December 30" in an article of 2 January is last year's.
- A month alone ("in April") is the latest such month up to publication (in a clause about the
  future, the next one): news looks back.
- A clock time alone ("3:09 pm", "0830 GMT") is on the publication day.
- Precision says how much of the date to trust. Week, month and year dates are the first day of
  the span the expression names: "last week" in that Saturday's article is Monday 2016-02-01
  (week), "last month" 2016-01-01 (month), "in 2015" 2015-01-01 (year). "Since last week" is a
  span; its start is given, with precision week.
- Too vague to date, returned as None: "recently", "in recent weeks", "in the coming days", and
  durations ("the five-year conflict", "a three-week pause", "in two years").
- Without a publication date, only expressions that carry their own year can be resolved.

An event's date (see `date_events`) is the date expression attached to its trigger's clause,
else the one attached to the nearest clause above it through complement, adverbial or joined
clauses ("said on Thursday that forces had ...", "blew themselves up on Thursday, killing 32"),
else the publication date with precision "day": the convention of GDELT and Phoenix, where
an article reports what happened up to the day it appeared. Such defaulted dates cannot be
told apart in the Event record; `dated_by_text` says which events were dated by their words.

A figure's date (see `date_quantities`) follows the same attachment rules; a cumulative total is
"as of" the publication date and a projection has none.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Literal

from spacy.tokens import Doc, Span, Token

from newsevents.model import Article, DatePrecision, Event, Quantity

Prefer = Literal["past", "future"]
Resolution = tuple[str, DatePrecision]

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
UNITS = ("day", "week", "month", "year")

_LEAD = re.compile(r"^(?:on|in|at|since|during|from|by|as of|earlier|later|late|early|mid|over|the|of)\s+")
_TRAIL = re.compile(r"\s+(?:morning|afternoon|evening|night|overnight)$")
_VAGUE = re.compile(r"\brecent(?:ly)?\b|\bcoming\b|\bfew\b|\bseveral\b|\bsome\b|\bdecades?\b|\bcentur")
_DURATION = re.compile(
    rf"^(?:\d+|{'|'.join(NUMBERS)})[- ](?:{'|'.join(UNITS)})s?(?:[- ]long|[- ]old)?$"
    r"|^(?:less|more) than|^(?:about|nearly|almost|over) (?:a|\d+|one|two|three)"
)
_AGO = re.compile(rf"^(\d+|{'|'.join(NUMBERS)}) ({'|'.join(UNITS)})s? ago$")
# A clock time alone ("3:09 pm", "0830 GMT") is a time on the day the article speaks of.
_CLOCK = re.compile(
    r"^(?:\d{1,2}(?::\d\d)?\s*(?:a ?m|p ?m)|\d{1,2}:\d\d|\d{4} (?:gmt|utc))(?:\s+(?:gmt|utc|et|local time))?$"
)
_YEAR = re.compile(r"^(19\d\d|20\d\d)$")


def _clean(expression: str) -> str:
    text = re.sub(r"[.,]", " ", expression.lower().replace("’", "'"))
    text = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\bmid-", "mid ", text).replace("last night", "yesterday")
    text = re.sub(r"\s+", " ", text).strip()
    previous = None
    while previous != text:
        previous = text
        text = _TRAIL.sub("", _LEAD.sub("", text)).strip()
    return text


def _parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _weekday(text: str, base: date, prefer: Prefer) -> date | None:
    words = text.split()
    if not words or words[-1] not in WEEKDAYS or len(words) > 2:
        return None
    target = WEEKDAYS[words[-1]]
    modifier = words[0] if len(words) == 2 else ""
    if modifier not in ("", "last", "next"):
        return None
    if modifier == "next" or (prefer == "future" and modifier != "last"):
        return base + timedelta(days=(target - base.weekday()) % 7)
    back = (base.weekday() - target) % 7
    if modifier == "last" and back == 0:
        back = 7
    return base - timedelta(days=back)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _relative(text: str, base: date) -> Resolution | None:
    """today, yesterday, last/this/next week|month|year, N units ago."""
    simple: dict[str, tuple[date, DatePrecision]] = {
        "today": (base, "day"),
        "tonight": (base, "day"),
        "yesterday": (base - timedelta(days=1), "day"),
        "tomorrow": (base + timedelta(days=1), "day"),
        "day before yesterday": (base - timedelta(days=2), "day"),
        "last week": (_monday(base) - timedelta(days=7), "week"),
        "this week": (_monday(base), "week"),
        "this past week": (base - timedelta(days=7), "week"),
        "past week": (base - timedelta(days=7), "week"),
        "previous week": (_monday(base) - timedelta(days=7), "week"),
        "next week": (_monday(base) + timedelta(days=7), "week"),
        "last month": (_shift_month(base, -1), "month"),
        "this month": (_shift_month(base, 0), "month"),
        "previous month": (_shift_month(base, -1), "month"),
        "next month": (_shift_month(base, 1), "month"),
        "last year": (date(base.year - 1, 1, 1), "year"),
        "this year": (date(base.year, 1, 1), "year"),
        "previous year": (date(base.year - 1, 1, 1), "year"),
        "next year": (date(base.year + 1, 1, 1), "year"),
        "weekend": (base - timedelta(days=(base.weekday() - 5) % 7), "day"),
    }
    if text in simple:
        day, precision = simple[text]
        return day.isoformat(), precision
    match = _AGO.match(text)
    if match:
        count = int(match.group(1)) if match.group(1).isdigit() else NUMBERS[match.group(1)]
        unit = match.group(2)
        if unit == "day":
            return (base - timedelta(days=count)).isoformat(), "day"
        if unit == "week":
            return _monday(base - timedelta(weeks=count)).isoformat(), "week"
        if unit == "month":
            return _shift_month(base, -count).isoformat(), "month"
        return date(base.year - count, 1, 1).isoformat(), "year"
    return None


def _nearest(month: int, day: int, base: date) -> date | None:
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - base).days), default=None)


def _calendar(text: str, base: date | None, prefer: Prefer = "past") -> Resolution | None:
    """Month-day, day-month, month(-year), year, with or without a year."""
    tokens = text.split()
    months = [MONTHS[t] for t in tokens if t in MONTHS]
    numbers = [int(t) for t in tokens if t.isdigit()]
    years = [n for n in numbers if 1900 <= n <= 2100]
    days = [n for n in numbers if 1 <= n <= 31]
    if len(months) != 1 or len(tokens) > len(years) + len(days) + 1 + (1 if "of" in tokens else 0):
        if not months and len(tokens) == 1 and _YEAR.match(tokens[0]):
            return f"{tokens[0]}-01-01", "year"
        return None
    month = months[0]
    if years:
        if days:
            try:
                return date(years[0], month, days[0]).isoformat(), "day"
            except ValueError:
                return None
        return date(years[0], month, 1).isoformat(), "month"
    if base is None:
        return None
    if days:
        nearest = _nearest(month, days[0], base)
        return (nearest.isoformat(), "day") if nearest else None
    this_year = date(base.year, month, 1)
    if prefer == "future":
        return (this_year if month >= base.month else date(base.year + 1, month, 1)).isoformat(), "month"
    return (this_year if month <= base.month else date(base.year - 1, month, 1)).isoformat(), "month"


def _fallback(expression: str, base: date | None, prefer: Prefer) -> Resolution | None:
    """dateparser, for forms the rules above do not cover (ISO dates, "12 March 2015, 10:00")."""
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(expression)
    if data.date_obj is None or data.period not in ("day", "week", "month", "year"):
        return None
    found = data.date_obj.date()
    if data.period == "week":
        found = _monday(found)
    elif data.period == "month":
        found = found.replace(day=1)
    elif data.period == "year":
        found = found.replace(month=1, day=1)
    return found.isoformat(), data.period  # type: ignore[return-value]


def resolve_date(expression: str, published: str | None, *, prefer: Prefer = "past") -> Resolution | None:
    """The date an expression names, as (YYYY-MM-DD, precision), or None if too vague or unknown.

    "on Thursday" with published "2016-02-13" -> ("2016-02-11", "day"). `prefer="future"` reads
    a bare weekday or month as the next one (for clauses about what will happen).
    """
    text = _clean(expression)
    if not text or _VAGUE.search(text) or _DURATION.search(text):
        return None
    base = _parse_published(published)
    if base is not None and _CLOCK.match(text):
        return base.isoformat(), "day"
    if text.isdigit() and not _YEAR.match(text):
        return None  # a bare number ("40") is not a date
    if base is not None:
        day = _weekday(text, base, prefer)
        if day is not None:
            return day.isoformat(), "day"
        relative = _relative(text, base)
        if relative is not None:
            return relative
    found = _calendar(text, base, prefer)
    if found is not None:
        return found
    if base is None and not re.search(r"\b(?:19|20)\d\d\b", text):
        return None  # anything else is relative to a day we do not know
    if not re.search(r"\d|" + "|".join(MONTHS) + "|" + "|".join(WEEKDAYS) + "|ago|yesterday|today", text):
        return None
    return _fallback(text, base, prefer)


# Prepositions that bound an event in time without dating it ("a pause to February 25").
BOUNDS = frozenset({"to", "until", "till", "through", "before", "by", "after", "ahead", "within", "for"})
# Clauses that take the date of the clause above them: what was said ("said on Thursday that
# ..."), what followed ("..., killing 32"), what was joined ("shelled and stormed"). A relative
# clause ("allies who accuse the Houthis") describes, and is not dated by, its sentence.
INHERITS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis", "ROOT"})
FUTURE_WORDS = frozenset({"will", "wo", "'ll", "shall"})
CLAUSE_POS = frozenset({"VERB", "AUX"})


def _clause(tok: Token) -> Token:
    while tok.pos_ not in CLAUSE_POS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _attached_to(span: Span) -> Token | None:
    """The word a date expression modifies; None when it only bounds ("until Friday") or
    describes a noun ("the five-year conflict")."""
    root = span.root
    if root.dep_ == "pobj":
        prep = root.head
        return None if prep.lower_ in BOUNDS else prep.head
    if root.dep_ in ("compound", "amod", "nummod", "poss"):
        return None
    return root.head if root.head.i != root.i else None


def _is_future(verb: Token) -> bool:
    return any(child.lower_ in FUTURE_WORDS for child in verb.children) or (
        verb.lower_ in ("going",) and any(c.dep_ == "xcomp" for c in verb.children)
    )


def date_expressions(doc: Doc, article: Article, sent: Span) -> list[Span]:
    """DATE and TIME entities of a sentence, outside page furniture."""
    return [
        ent
        for ent in sent.ents
        if ent.label_ in ("DATE", "TIME") and not article.in_furniture(ent.start_char, ent.end_char)
    ]


def _event_date(doc: Doc, article: Article, event: Event) -> tuple[str, DatePrecision] | None:
    trig = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return None if trig is None else _date_at(doc, article, trig)


def _date_at(
    doc: Doc, article: Article, trig: Span, skip: frozenset[str] = frozenset()
) -> tuple[str, DatePrecision] | None:
    """The date expression attached to the span's clause or a clause above it, resolved.

    Expressions whose first word is in `skip` are passed over ("since" for running totals).
    """
    trigger = trig.root
    attached: dict[int, list[tuple[int, Span, Token]]] = {}
    for ent in date_expressions(doc, article, trig.sent):
        head = _attached_to(ent)
        if head is None or _first_word(ent) in skip:
            continue
        direct = head.i == trigger.i or (trigger.pos_ not in CLAUSE_POS and head.i == trigger.head.i)
        clause = trigger.i if direct else _clause(head).i
        attached.setdefault(clause, []).append((abs(ent.root.i - trigger.i), ent, _clause(head)))
    verb = _clause(trigger)
    # The trigger itself, then its clause, then each clause above it, nearest first.
    chain = [trigger.i, verb.i]
    while verb.head.i != verb.i and verb.dep_ in INHERITS:
        verb = _clause(verb.head)
        chain.append(verb.i)
    for key in chain:
        for _, ent, clause_verb in sorted(attached.get(key, []), key=lambda x: x[0]):
            prefer: Prefer = "future" if _is_future(clause_verb) else "past"
            resolved = resolve_date(ent.text, article.published, prefer=prefer)
            if resolved is not None:
                return resolved
    return None


def dated_by_text(doc: Doc, article: Article, event: Event) -> bool:
    """True when the event's own sentence dates it; False when `date_events` used the default."""
    return _event_date(doc, article, event) is not None


def date_events(doc: Doc, article: Article, events: Sequence[Event]) -> list[Event]:
    """Events with `date` and `date_precision` filled (see the module docstring for the rules).

    An event that already has a date keeps it. Without a date in its sentence, a reported event
    takes the date its speaker was first said to speak in this article ("..., Assad said on
    Thursday" dates the rest of the interview); any other event takes the publication date with
    precision "day" (defaulted); with no publication date either, None.
    """
    published = _parse_published(article.published)
    found = [None if e.date is not None else _event_date(doc, article, e) for e in events]
    spoke = _speaker_dates(events, found)
    out = []
    for event, date_found in zip(events, found, strict=True):
        if event.date is not None:
            out.append(event)
            continue
        if date_found is None and event.modality == "reported" and event.attributed_to is not None:
            date_found = spoke.get(event.attributed_to.code)
        if date_found is None and published is not None:
            date_found = (published.isoformat(), "day")
        out.append(replace(event, date=date_found[0], date_precision=date_found[1]) if date_found else event)
    return out


def _speaker_dates(
    events: Sequence[Event], found: Sequence[tuple[str, DatePrecision] | None]
) -> dict[str, tuple[str, DatePrecision]]:
    """The first text-given date of each speaker's reported statements, by actor code."""
    spoke: dict[str, tuple[str, DatePrecision]] = {}
    for event, date_found in zip(events, found, strict=True):
        who = event.attributed_to
        if event.modality == "reported" and who is not None and who.code and date_found is not None:
            spoke.setdefault(who.code, date_found)
    return spoke


def _first_word(ent: Span) -> str:
    """The expression's first word, or the preposition it hangs from ("since last week")."""
    root = ent.root
    if root.dep_ == "pobj":
        return root.head.lower_
    return ent[0].lower_


def date_quantities(
    doc: Doc, article: Article, quantities: Sequence[Quantity], events: Sequence[Event] = ()
) -> list[Quantity]:
    """Figures with `date` filled: the day (or span start) the figure refers to.

    - A date attached to the figure's clause or a clause above it dates it ("35,000 refugees
      have arrived ... since last week" -> 2016-02-01, the start of the span).
    - A cumulative figure is a running total "as of" the article: the publication date, unless
      its clause names the as-of day ("had killed 40 by Friday" is still the publication date,
      a bound; "the toll on Monday stood at 40" is Monday). "Since 2011" gives when the count
      began, not when it stood, and is passed over.
    - A reported figure without one takes the date of its linked event (`event_index`) when that
      event is stated in the same sentence, else the publication date (as events do).
    - A projected figure ("could trigger 600,000 more refugees") keeps None unless its clause
      names a day: it has not happened.
    A figure that already has a date keeps it; without a publication date, defaults stay None.
    """
    published = _parse_published(article.published)
    default = published.isoformat() if published is not None else None
    out: list[Quantity] = []
    for quantity in quantities:
        if quantity.date is not None:
            out.append(quantity)
            continue
        span = doc.char_span(quantity.evidence.start, quantity.evidence.end, alignment_mode="expand")
        skip = frozenset({"since"}) if quantity.status == "cumulative" else frozenset()
        found = _date_at(doc, article, span, skip) if span is not None else None
        day = found[0] if found is not None else None
        if day is None and quantity.status == "reported":
            day = _linked_date(doc, quantity, events, span) or default
        elif day is None and quantity.status == "cumulative":
            day = default
        out.append(quantity if day is None else replace(quantity, date=day))
    return out


def _linked_date(doc: Doc, quantity: Quantity, events: Sequence[Event], span: Span | None) -> str | None:
    index = quantity.event_index
    if span is None or index is None or not 0 <= index < len(events):
        return None
    event = events[index]
    trig = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if event.date is None or trig is None or trig.sent.start != span.sent.start:
        return None
    return event.date

"""Date expressions: the day (or span start) and precision a time expression names, resolved
against the publication date with the news conventions of the package docstring.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Literal

from newsevents.model import DatePrecision
from newsevents.when.words import DateWords

Prefer = Literal["past", "future"]
Resolution = tuple[str, DatePrecision]
# The precision a vague count of each unit is read at ("days ago": that week; "weeks ago": that month).
COARSER: dict[str, DatePrecision] = {"day": "week", "week": "month", "month": "year", "year": "year"}

_VAGUE = re.compile(r"\brecent(?:ly)?\b|\bcoming\b|\bfew\b|\bseveral\b|\bsome\b|\bdecades?\b|\bcentur")
# A clock time alone ("3:09 pm", "0830 GMT") is a time on the day the article speaks of.
_CLOCK = re.compile(
    r"^(?:\d{1,2}(?::\d\d)?\s*(?:a ?m|p ?m)|\d{1,2}:\d\d|\d{4} (?:gmt|utc))(?:\s+(?:gmt|utc|et|local time))?$"
)
_YEAR = re.compile(r"^(19\d\d|20\d\d)$")
# A decade or a century told by its years ("the 1960s", "the mid-1990s", "the '90s", "the 1500s"): no
# day, month or year of ours holds it, and dateparser reads it as the day before the news.
_DECADE = re.compile(r"(?:^|[\s'’(-])\d{0,2}\d0['’]?s\b")
_FOUR_DIGITS = re.compile(r"\b\d{4}\b")
# "earlier in the day": the day the article speaks from (a bare "the day" is not).
_SAME_DAY = re.compile(r"^(?:earlier|later) (?:in|during|on) the day$")


def _clean(expression: str, words: DateWords) -> str:
    text = re.sub(r"[.,]", " ", expression.lower().replace("’", "'"))
    text = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\bmid-", "mid ", text).replace("last night", "yesterday")
    text = re.sub(r"(\w)'s\b", r"\1", text)  # "Thursday's raid": the day, not a possessive
    text = re.sub(r"\s+", " ", text).strip()
    previous = None
    while previous != text:
        previous = text
        text = words.trail.sub("", words.lead.sub("", text)).strip()
    return text


def parse_published(published: str | None) -> date | None:
    """The publication day, or None when the article has none or it is not an ISO date."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _weekday(text: str, base: date, prefer: Prefer, names: DateWords) -> date | None:
    words = text.split()
    if not words or words[-1] not in names.weekdays or len(words) > 2:
        return None
    target = names.weekdays[words[-1]]
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


def _relative(text: str, base: date, words: DateWords) -> Resolution | None:
    """today, yesterday, last/this/next week|month|year, the weekend, N units ago."""
    saturday = base - timedelta(days=(base.weekday() - 5) % 7)
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
        "weekend": (saturday, "day"),
        "last weekend": (saturday, "day"),
        "past weekend": (saturday, "day"),
        "this past weekend": (saturday, "day"),
        "overnight": (base, "day"),
    }
    if text in simple:
        day, precision = simple[text]
        return day.isoformat(), precision
    match = words.ago.match(text)
    if match:
        count = int(match.group(1)) if match.group(1).isdigit() else words.numbers[match.group(1)]
        return _ago(base, count, match.group(2))
    match = words.vague_ago.match(text)
    if match:  # "several weeks ago": about that long, so one precision coarser than the unit
        day, _ = _ago(base, words.vague.get(match.group(1) or "bare", 1), match.group(2))
        return _coarser(date.fromisoformat(day), COARSER[match.group(2)])
    return None



def _ago(base: date, count: int, unit: str) -> Resolution:
    """The date `count` units before `base`, at the unit's precision."""
    if unit == "day":
        return (base - timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        return _monday(base - timedelta(weeks=count)).isoformat(), "week"
    if unit == "month":
        return _shift_month(base, -count).isoformat(), "month"
    return date(base.year - count, 1, 1).isoformat(), "year"


def _coarser(day: date, precision: DatePrecision) -> Resolution:
    """`day` as the first day of its week, month or year."""
    if precision == "week":
        return _monday(day).isoformat(), "week"
    if precision == "month":
        return _shift_month(day, 0).isoformat(), "month"
    return date(day.year, 1, 1).isoformat(), "year"


def _nearest(month: int, day: int, base: date) -> date | None:
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - base).days), default=None)


def _named_month(text: str, base: date, words: DateWords) -> Resolution | None:
    """ "last November", "this March", "next June": a month named with a word saying which one.

    "last November" is the latest November strictly before the publication month (in an article
    of April 2021, November 2020; in one of November 2021, November 2020 too), "next June" the
    first June strictly after it, "this March" the March of the publication year.
    """
    tokens = text.split()
    if len(tokens) != 2 or tokens[0] not in ("last", "this", "next", "past") or tokens[1] not in words.months:
        return None
    month = words.months[tokens[1]]
    year = base.year
    if tokens[0] in ("last", "past"):
        year -= 1 if month >= base.month else 0
    elif tokens[0] == "next":
        year += 1 if month <= base.month else 0
    return date(year, month, 1).isoformat(), "month"


def _calendar(text: str, base: date | None, prefer: Prefer, words: DateWords) -> Resolution | None:
    """Month-day, day-month, month(-year), year, with or without a year."""
    if base is not None and (named := _named_month(text, base, words)) is not None:
        return named
    tokens = text.split()
    months = [words.months[t] for t in tokens if t in words.months]
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
    if data.period == "year" and not _FOUR_DIGITS.search(expression):
        return None  # "Su 35" (a jet) is no year 1935: a year alone is written in full
    found = data.date_obj.date()
    if data.period == "week":
        found = _monday(found)
    elif data.period == "month":
        found = found.replace(day=1)
    elif data.period == "year":
        found = found.replace(month=1, day=1)
    return found.isoformat(), data.period  # type: ignore[return-value]


def resolve_date(
    expression: str, published: str | None, *, words: DateWords, prefer: Prefer = "past"
) -> Resolution | None:
    """The date an expression names, as (YYYY-MM-DD, precision), or None if too vague or unknown.

    "on Thursday" with published "2016-02-13" -> ("2016-02-11", "day"). `prefer="future"` reads
    a bare weekday or month as the next one (for clauses about what will happen). `words` are
    the date words the date stages loaded (`words.load_date_words`). A publication date near
    the ends of the calendar (year 1, year 9999, as a caller of the Python API may pass) leaves
    a relative expression unresolved rather than failing on the arithmetic. A decade or a century
    ("the 1960s") is no date of ours: None. A year said to be late ("late last year", when.yml
    `year_end`) is its December, at month precision.
    """
    if _DECADE.search(expression.lower()):
        return None
    try:
        found = _resolve(expression, published, words, prefer)
    except (OverflowError, ValueError):  # "last week" from 0001-01-01: no such day
        return None
    said = " ".join(expression.lower().split())
    if found is not None and found[1] == "year" and words.year_end.match(said):
        return f"{found[0][:4]}-12-01", "month"  # "late last year": its closing weeks, in December
    return found


def _resolve(expression: str, published: str | None, words: DateWords, prefer: Prefer) -> Resolution | None:
    text = _clean(expression, words)
    vague = _VAGUE.search(text) and not words.vague_ago.match(text)  # "several weeks ago" is read
    if not text or vague or words.duration.search(text):
        return None
    base = parse_published(published)
    if base is not None and (_CLOCK.match(text) or _SAME_DAY.match(" ".join(expression.lower().split()))):
        return base.isoformat(), "day"
    if text.isdigit() and not _YEAR.match(text):
        return None  # a bare number ("40") is not a date
    if base is not None:
        day = _weekday(text, base, prefer, words)
        if day is not None:
            return day.isoformat(), "day"
        relative = _relative(text, base, words)
        if relative is not None:
            return relative
    found = _calendar(text, base, prefer, words)
    if found is not None:
        return found
    if base is None and not re.search(r"\b(?:19|20)\d\d\b", text):
        return None  # anything else is relative to a day we do not know
    if not words.datelike.search(text):
        return None
    return _fallback(text, base, prefer)

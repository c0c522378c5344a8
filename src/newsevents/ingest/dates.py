"""Publication dates: finding date expressions in lines and normalising them to YYYY-MM-DD.

Only absolute dates with a day, month and year count: a relative date ("yesterday") or one
without a year cannot be placed without knowing when the page was read, and guessing the
current year would silently mis-date an archive.

A publication date must lie between 1600-01-01 and a year after today (`date_range`). The
first printed newspapers are from the early 1600s, so any digitised archive fits; a date a
year ahead allows for clocks and time zones, not for a page published in the future. Dates
outside it are errors in the metadata ("0001-01-01" as "unknown", "9999-12-31" as "never"),
and they would also break the arithmetic that resolves "last week" against them.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

log = logging.getLogger(__name__)

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
DATE_RE = re.compile(
    rf"\b(?:{MONTH}\s+{DAY},?\s+{YEAR}|{DAY}\s+{MONTH},?\s+{YEAR}|{YEAR}-\d\d-\d\d)\b", re.IGNORECASE
)
TIME_RE = re.compile(
    r"\b\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?", re.IGNORECASE
)
WEEKDAY_RE = re.compile(
    r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\b\.?", re.IGNORECASE
)
URL_MONTH_RE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])(?:/|$)")
URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)")

EARLIEST = date(1600, 1, 1)
AHEAD = timedelta(days=366)

_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}


def normalise(expression: str) -> str | None:
    """YYYY-MM-DD for an absolute English date expression, else None (never a relative date)."""
    import dateparser  # slow to import; only needed once a candidate is found

    expression = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", expression.strip())
    try:
        parsed = dateparser.parse(expression, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError) as exc:  # dateparser raises on some odd inputs
        log.debug("unparseable date %r: %s", expression, exc)
        return None
    return parsed.date().isoformat() if parsed else None


def date_range() -> tuple[date, date]:
    """The earliest and latest publication dates accepted (see the module docstring)."""
    return EARLIEST, date.today() + AHEAD


def in_range(value: str) -> bool:
    """Whether an ISO date (YYYY-MM-DD...) may be a publication date."""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return False
    low, high = date_range()
    return low <= day <= high


def find(text: str, any_day: bool = False) -> str | None:
    """The first full date expression inside `text` that may be a publication date (or, with
    `any_day`, any date, for a caller that reports the ones out of range), or None."""
    for match in DATE_RE.finditer(text):
        value = normalise(match.group(0))
        if value and (any_day or in_range(value)):
            return value
    return None


def is_date_line(text: str) -> bool:
    """A line that is only a date stamp ("Mon Jan 07, 2019", "October 3, 2020 3:09 pm").

    A few leftover words are allowed (section names, an agency, a place: "News Stories, 31 July
    2012"), but not a sentence.
    """
    match = DATE_RE.search(text)
    if not match or (text.rstrip().endswith((".", "?", "!")) and len(text.split()) > 8):
        return False
    rest = TIME_RE.sub(" ", WEEKDAY_RE.sub(" ", text[: match.start()] + " " + text[match.end() :]))
    words = re.findall(r"[^\W\d_]+", rest)
    return len(words) <= 6


def from_url(url: str | None) -> str | None:
    """A date written into a page address (/2021/09/05/), when it is a real calendar day."""
    if not url:
        return None
    match = URL_DATE_RE.search(url)
    if not match:
        return None
    try:
        value = date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None
    return value if in_range(value) else None


def month_from_url(url: str | None) -> str | None:
    """The first day of a month written into a page address without its day (/2015/04/), so a
    caller can date an article to that month; None when the address has no such path."""
    if not url:
        return None
    match = URL_MONTH_RE.search(url)
    if not match:
        return None
    value = date(int(match.group(1)), int(match.group(2)), 1).isoformat()
    return value if in_range(value) else None

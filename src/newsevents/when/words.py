"""The words dates are read with (`data/<language>/when.yml`): weekday, month and number names,
the units of "N ... ago", the leading and trailing words dropped from an expression, the
prepositions that only bound a span, the auxiliaries that make a clause future or perfect, and
the subjects whose perfect is a running total.

Loaded by the date stages when they are built and handed to every function that reads a date;
the patterns built from the words are compiled here, once per load.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents import data
from newsevents.data import lists
from newsevents.speech.lexicon import load_quote_lexicon

NAMES = ("weekdays", "months", "numbers", "vague")
LISTS = (
    "units",
    "clock_units",
    "lead",
    "trail",
    "bounds",
    "future",
    "past_perfect",
    "present_perfect",
    "running",
    "scheduling",
    "definite",
    "year_end",
    "counted_back",
)


@dataclass(frozen=True)
class DateWords:
    """The validated word lists of when.yml, with the patterns built from them."""

    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    numbers: Mapping[str, int]
    vague: Mapping[str, int]  # "several": the count a word with no number stands for ("bare": none)
    bounds: frozenset[str]  # "until Friday": a limit, not the event's date
    future: frozenset[str]  # "will": a bare weekday or month is the next one
    past_perfect: frozenset[str]  # "had": an undated act is background (month precision)
    present_perfect: frozenset[str]  # "has", read with `running`
    running: frozenset[str]  # "the war has killed": a running total (year precision)
    lead: re.Pattern[str]  # leading words dropped: "on Monday", "as of March"
    trail: re.Pattern[str]  # trailing words dropped: "Monday morning"
    duration: re.Pattern[str]  # "a five-day truce", "48 hours to comply", "more than a year": no date
    ago: re.Pattern[str]  # "two weeks ago": group 1 the count, group 2 the unit
    vague_ago: re.Pattern[str]  # "several weeks ago", "years ago": group 1 the word or None, group 2 the unit
    datelike: re.Pattern[str]  # a digit or a date word: worth handing to the fallback parser
    scheduling: frozenset[str] = frozenset()  # "is scheduled to travel on Wednesday": the next one
    definite: frozenset[str] = frozenset()  # "the attack": a noun naming an act already told
    year_end: re.Pattern[str] = re.compile(r"(?!)")  # "late last year": December, month precision
    counted_back: frozenset[str] = frozenset()  # "comes two days after X": X two days before the news
    speech: frozenset[str] = frozenset()  # "said", "told" (quotes.yml): a telling is the day's news


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) if not w.isalpha() else w for w in words)


def _range(low: int, high: int) -> lists.Check:
    def check(value: object) -> str | None:
        ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        return None if ok else f"{value!r} is not a whole number from {low} to {high}"

    return check


def load_date_words(
    extra: Sequence[str | Path] = (), language: str = "en", speech: frozenset[str] | None = None
) -> DateWords:
    """The shipped when.yml of `language` with the user's files merged over it; E202 if bad.
    `speech`: the verbs of saying the pipeline's speech lexicon holds (else the shipped ones)."""
    paths = (data.shipped("when.yml", language), *extra)
    checks = {"weekdays": _range(0, 6), "months": _range(1, 12), "numbers": lists.positive_int,
              "vague": lists.positive_int}  # fmt: skip
    found = lists.values(paths, checks, LISTS)
    names = {key: {word: int(str(n)) for word, n in pairs.items()} for key, pairs in found.items()}
    words = lists.words(paths, LISTS, NAMES)
    numbers, units = _alternation(list(names["numbers"])), _alternation(words["units"])
    spans = _alternation([*words["units"], *words["clock_units"]])
    vague = _alternation([w for w in names["vague"] if w != "bare"])
    return DateWords(
        weekdays=names["weekdays"],
        months=names["months"],
        numbers=names["numbers"],
        vague=names["vague"],
        bounds=frozenset(words["bounds"]),
        future=frozenset(words["future"]),
        past_perfect=frozenset(words["past_perfect"]),
        present_perfect=frozenset(words["present_perfect"]),
        running=frozenset(words["running"]),
        scheduling=frozenset(words["scheduling"]),
        definite=frozenset(words["definite"]),
        counted_back=frozenset(words["counted_back"]),
        speech=load_quote_lexicon(language=language).verbs if speech is None else speech,
        year_end=re.compile(rf"^(?:in |at |by |since )?(?:{_alternation(words['year_end'])})\s"),
        lead=re.compile(rf"^(?:{_alternation(words['lead'])})\s+"),
        trail=re.compile(rf"\s+(?:{_alternation(words['trail'])})$"),
        duration=re.compile(
            rf"^(?:\d+|{numbers})[- ](?:{spans})s?(?:[- ]long|[- ]old)?$"
            r"|^(?:less|more) than|^(?:about|nearly|almost|over) (?:a|\d+|one|two|three)"
        ),
        ago=re.compile(rf"^(\d+|{numbers}) ({units})s? ago$"),
        vague_ago=re.compile(rf"^(?:({vague}) )?({units})s ago$"),
        datelike=re.compile(
            r"\d|" + "|".join(names["months"]) + "|" + "|".join(names["weekdays"]) + "|ago|yesterday|today"
        ),
    )

"""Event dating: each event's date from its own clause, its speaker's statements, or the date
the article speaks from, made coarser for background acts (see the package docstring).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.model import DatePrecision, DateSource, Event, evolve
from newsevents.nlp.parsed import Anchors, ParsedArticle
from newsevents.when.article_date import Fallback, article_date
from newsevents.when.attachment import date_at
from newsevents.when.background import background_precision, narrated_date
from newsevents.when.same_act import same_act_dates
from newsevents.when.words import DateWords


def _event_date(
    parsed: ParsedArticle, event: Event, words: DateWords, anchors: Anchors | None
) -> tuple[str, DatePrecision] | None:
    trig = parsed.span_of(event.trigger, anchors)
    return None if trig is None else date_at(parsed, trig, words)


def dated_by_text(
    parsed: ParsedArticle, event: Event, words: DateWords, anchors: Anchors | None = None
) -> bool:
    """True when the event's own sentence dates it; False when `date_events` used the default."""
    return _event_date(parsed, event, words, anchors) is not None


def date_events(
    parsed: ParsedArticle, events: Sequence[Event], words: DateWords, anchors: Anchors | None = None
) -> list[Event]:
    """Events with `date`, `date_precision` and `date_source` filled (rules: package docstring).

    An event that already has a date keeps it. Without a date in its sentence, an event that is
    a definite noun naming an act the article dated ("the attack") takes that act's date
    (`same_act`, `inferred`); one attributed to a speaker takes the date the speaker was first
    said to speak in this article
    ("..., Assad said on Thursday" dates the rest of the interview); an act narrated in the past
    right after a sentence set in the past takes that setting (`background.narrated_date`,
    `inferred`); any other event takes the
    date the article speaks from (`article_date`: the publication day, else a month or year
    the article gives), coarsened to the month or year when its clause is background
    (`background_precision`). `date_source` says which (text, speaker, published, inferred,
    received), so an analyst can tell a stated day from a default; only an article with no date
    and no received day leaves events undated. `anchors` are the triggers' tokens as the events
    stage recorded them.
    """
    fallback = article_date(parsed, words)
    found = [None if e.date is not None else _event_date(parsed, e, words, anchors) for e in events]
    spoke = _speaker_dates(parsed, events, found, words, anchors)
    again = same_act_dates(parsed, events, found, words, anchors)
    out = []
    for event, date_found, named in zip(events, found, again, strict=True):
        if event.date is not None:
            out.append(event)
            continue
        source: DateSource = "text"
        if date_found is None and named is not None:
            date_found, source = named, "inferred"
        if date_found is None and event.attributed_to is not None:
            date_found, source = spoke.get(event.attributed_to.code), "speaker"
        if date_found is None:
            date_found, source = _narrated(parsed, event, words, anchors), "inferred"
        if date_found is None and fallback is not None:
            default = _default(parsed, event, fallback, words, anchors)
            date_found, source = (default.date, default.precision), default.source
        if date_found is None:
            out.append(event)
            continue
        out.append(evolve(event, date=date_found[0], date_precision=date_found[1], date_source=source))
    return out


def _default(
    parsed: ParsedArticle, event: Event, fallback: Fallback, words: DateWords, anchors: Anchors | None
) -> Fallback:
    """The article's date for an event its words do not date, coarser when it is background."""
    trig = parsed.span_of(event.trigger, anchors)
    coarse = None if trig is None else background_precision(trig, words)
    return fallback if coarse is None else fallback.coarsened(coarse)


def _narrated(
    parsed: ParsedArticle, event: Event, words: DateWords, anchors: Anchors | None
) -> tuple[str, DatePrecision] | None:
    """The background setting the event is narrated in (`background.narrated_date`), or None."""
    trig = parsed.span_of(event.trigger, anchors)
    return None if trig is None else narrated_date(parsed, trig, words)


def _speaker_dates(
    parsed: ParsedArticle,
    events: Sequence[Event],
    found: Sequence[tuple[str, DatePrecision] | None],
    words: DateWords,
    anchors: Anchors | None,
) -> dict[str, tuple[str, DatePrecision]]:
    """The first day each speaker is said to speak, by actor code: the date of a clause above one
    of the speaker's attributed statements ("Assad said on Thursday that ..."). A date in the
    statement's own clause is the day of the act it reports ("rights advocates say authorities
    deported 40 others last month"), not of the speaking, and dates no other statement."""
    spoke: dict[str, tuple[str, DatePrecision]] = {}
    for event, date_found in zip(events, found, strict=True):
        who = event.attributed_to
        if who is None or not who.code or date_found is None or who.code in spoke:
            continue
        trig = parsed.span_of(event.trigger, anchors)
        said = None if trig is None else date_at(parsed, trig, words, above=True)
        if said is not None:
            spoke[who.code] = said
    return spoke

"""Figure dating: the day a casualty or displacement figure refers to, from its clause, its
linked event, or the publication date, by its status (see `date_quantities`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from newsevents.model import Event, Quantity, evolve
from newsevents.nlp import sentence_of
from newsevents.nlp.parsed import Anchors, ParsedArticle
from newsevents.when.attachment import date_at
from newsevents.when.expressions import parse_published
from newsevents.when.words import DateWords


def date_quantities(
    parsed: ParsedArticle,
    quantities: Sequence[Quantity],
    events: Sequence[Event] = (),
    *,
    words: DateWords,
    anchors: Anchors | None = None,
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
    `anchors` are the tokens the earlier stages recorded for figures and triggers.
    """
    published = parse_published(parsed.article.published)
    default = published.isoformat() if published is not None else None
    out: list[Quantity] = []
    for quantity in quantities:
        if quantity.date is not None:
            out.append(quantity)
            continue
        span = parsed.span_of(quantity.evidence, anchors)
        skip = frozenset({"since"}) if quantity.status == "cumulative" else frozenset()
        found = date_at(parsed, span, words, skip) if span is not None else None
        day = found[0] if found is not None else None
        if day is None and quantity.status == "reported":
            day = _linked_date(parsed, quantity, events, span, anchors) or default
        elif day is None and quantity.status == "cumulative":
            day = default
        out.append(quantity if day is None else evolve(quantity, date=day))
    return out


def _linked_date(
    parsed: ParsedArticle,
    quantity: Quantity,
    events: Sequence[Event],
    span: Span | None,
    anchors: Anchors | None,
) -> str | None:
    index = quantity.event_index
    if span is None or index is None or not 0 <= index < len(events):
        return None
    event = events[index]
    trig = parsed.span_of(event.trigger, anchors)
    if event.date is None or trig is None or sentence_of(trig).start != sentence_of(span).start:
        return None
    return event.date

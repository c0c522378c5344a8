"""The date stages: each event's date, then each figure's, resolved against the publication date.

    event_dates     sets events.date (with its precision and source)
    quantity_dates  sets quantities.date (a figure linked to an event takes its date)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.speech.stage import shared_lexicon
from newsevents.stages import BuildContext, Found, Section, check_keys, paths_in
from newsevents.when import date_events, date_quantities
from newsevents.when.words import DateWords, load_date_words

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle


def shared_words(context: BuildContext) -> DateWords:
    """The date words of this pipeline (the `event_dates` section's `words` files merged over the
    shipped when.yml), loaded once and read by both date stages; its verbs of saying are those of
    the pipeline's one speech lexicon, not a second reading of it."""
    extra = paths_in("event_dates", context.settings.section("event_dates"), "words")
    language = context.settings.language
    speech = shared_lexicon(context).verbs
    return context.shared("when.words", lambda: load_date_words(extra, language, speech))


class EventDateStage:
    """Dates every event from its clause, its speaker's statement or the date its article speaks from."""

    name = "event_dates"
    needs: tuple[str, ...] = ("events",)
    sets: tuple[str, ...] = ("events.date",)

    def __init__(self, words: DateWords) -> None:
        self.words = words

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> EventDateStage:
        check_keys(cls.name, section, frozenset({"words"}))
        return cls(shared_words(context))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        dated = date_events(parsed, found.events or (), self.words, found.anchors)
        return found.with_(events=tuple(dated))


class QuantityDateStage:
    """Dates every figure from its sentence or the event it is linked to."""

    name = "quantity_dates"
    needs: tuple[str, ...] = ("quantities", "events.date")
    sets: tuple[str, ...] = ("quantities.date",)

    def __init__(self, words: DateWords) -> None:
        self.words = words

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> QuantityDateStage:
        check_keys(cls.name, section, frozenset())
        return cls(shared_words(context))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        dated = date_quantities(
            parsed, found.quantities or (), found.events or (), words=self.words, anchors=found.anchors
        )
        return found.with_(quantities=tuple(dated))

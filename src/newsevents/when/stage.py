"""The date stages: each event's date, then each figure's, resolved against the publication date.

    event_dates     sets events.date
    quantity_dates  sets quantities.date (a figure linked to an event takes its date)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.stages import BuildContext, Found, Section, check_keys
from newsevents.when import date_events, date_quantities

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle


class EventDateStage:
    """Dates every event from its clause, its speaker's statement or the publication date."""

    name = "event_dates"
    needs: tuple[str, ...] = ("events",)
    sets: tuple[str, ...] = ("events.date",)

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> EventDateStage:
        check_keys(cls.name, section, frozenset())
        return cls()

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        return found.with_(events=tuple(date_events(parsed.doc, parsed.article, found.events or ())))


class QuantityDateStage:
    """Dates every figure from its sentence or the event it is linked to."""

    name = "quantity_dates"
    needs: tuple[str, ...] = ("quantities", "events.date")
    sets: tuple[str, ...] = ("quantities.date",)

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> QuantityDateStage:
        check_keys(cls.name, section, frozenset())
        return cls()

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        dated = date_quantities(parsed.doc, parsed.article, found.quantities or (), found.events or ())
        return found.with_(quantities=tuple(dated))

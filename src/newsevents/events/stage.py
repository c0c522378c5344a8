"""The `events` stage: who did what to whom, coded in CAMEO and PLOVER, from the actors found before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.events import find_events, load_codebook
from newsevents.events.codebook import Codebook
from newsevents.stages import BuildContext, Found, Section, check_keys, paths_in

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle

KEYS = frozenset({"dictionaries"})


class EventStage:
    """Codes events; dates and places are left to later stages."""

    name = "events"
    needs: tuple[str, ...] = ("actors",)
    sets: tuple[str, ...] = ("events",)

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> EventStage:
        check_keys(cls.name, section, KEYS)
        extra = paths_in(cls.name, section, "dictionaries")
        return cls(context.shared("events.codebook", lambda: load_codebook(extra)))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        mentions = found.actors or ()
        return found.with_(events=tuple(find_events(parsed.doc, parsed.article, mentions, self.codebook)))

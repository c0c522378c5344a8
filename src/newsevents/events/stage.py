"""The `events` stage: who did what to whom, coded in CAMEO and PLOVER, from the actors found before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.events import code_article, load_codebook
from newsevents.events.codebook import Codebook
from newsevents.stages import BuildContext, Found, Section, check_keys, paths_in

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle

# Each key names user files merged over one shipped file (see settings.yml).
FILE_KEYS = ("dictionaries", "codes", "plover", "cues", "victims", "intents")
KEYS = frozenset(FILE_KEYS)


class EventStage:
    """Codes events; dates and places are left to later stages."""

    name = "events"
    needs: tuple[str, ...] = ("actors", "speakers")
    sets: tuple[str, ...] = ("events",)

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> EventStage:
        check_keys(cls.name, section, KEYS)
        files = {key: paths_in(cls.name, section, key) for key in FILE_KEYS}
        language = context.settings.language
        return cls(context.shared("events.codebook", lambda: load_codebook(**files, language=language)))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        if found.speakers is None:
            raise ValueError("the events stage needs the speakers stage's resolver")
        coded = code_article(parsed, found.actors or (), self.codebook, found.speakers)
        return found.with_(events=tuple(coded.events)).anchored(coded.anchors)

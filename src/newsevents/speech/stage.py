"""The `speakers` stage: one resolver of who speaks, for the events and the quotes after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.speech import QuoteLexicon, find_speakers, load_quote_lexicon
from newsevents.stages import BuildContext, Found, Section, check_keys, paths_in

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle

KEYS = frozenset({"lexicons"})


def shared_lexicon(context: BuildContext) -> QuoteLexicon:
    """The speech word lists (shipped, then the `speakers` section's `lexicons`), one per pipeline.

    The quotes stage reads the same lists, so a word added for one is a word for both.
    """
    extra = paths_in("speakers", context.settings.section("speakers"), "lexicons")
    language = context.settings.language
    return context.shared("speech.lexicon", lambda: load_quote_lexicon(extra, language))


class SpeakerStage:
    """Builds the article's speaker resolver from its actor mentions."""

    name = "speakers"
    needs: tuple[str, ...] = ("actors",)
    sets: tuple[str, ...] = ("speakers",)

    def __init__(self, lexicon: QuoteLexicon) -> None:
        self.lexicon = lexicon

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> SpeakerStage:
        check_keys(cls.name, section, KEYS)
        return cls(shared_lexicon(context))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        speakers = find_speakers(parsed.doc, parsed.article, found.actors or (), self.lexicon)
        return found.with_speakers(speakers)

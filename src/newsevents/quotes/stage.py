"""The `quotes` stage: direct and reported speech, each with its speaker from the `speakers` stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.quotes import QuoteLexicon, find_quotes
from newsevents.speech.stage import shared_lexicon
from newsevents.stages import BuildContext, Found, Section, check_keys

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle


class QuoteStage:
    """Finds quotes and their speakers."""

    name = "quotes"
    needs: tuple[str, ...] = ("actors", "speakers")
    sets: tuple[str, ...] = ("quotes",)

    def __init__(self, lexicon: QuoteLexicon) -> None:
        self.lexicon = lexicon

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> QuoteStage:
        check_keys(cls.name, section, frozenset())
        return cls(shared_lexicon(context))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        said = find_quotes(
            parsed.doc, parsed.article, found.actors or (), lexicon=self.lexicon, speakers=found.speakers
        )
        return found.with_(quotes=tuple(said))

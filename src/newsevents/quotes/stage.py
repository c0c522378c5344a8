"""The `quotes` stage: direct and reported speech, with the speaker read from the actors found before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.quotes import QuoteLexicon, find_quotes, load_quote_lexicon
from newsevents.stages import BuildContext, Found, Section, check_keys, paths_in

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle

KEYS = frozenset({"lexicons"})


class QuoteStage:
    """Finds quotes and their speakers."""

    name = "quotes"
    needs: tuple[str, ...] = ("actors",)
    sets: tuple[str, ...] = ("quotes",)

    def __init__(self, lexicon: QuoteLexicon) -> None:
        self.lexicon = lexicon

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> QuoteStage:
        check_keys(cls.name, section, KEYS)
        return cls(load_quote_lexicon(*paths_in(cls.name, section, "lexicons")))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        said = find_quotes(parsed.doc, parsed.article, found.actors or (), lexicon=self.lexicon)
        return found.with_(quotes=tuple(said))

"""The field's discard phrases (`data/petrarch/discards.tsv`): a sentence holding one codes no event.

Sports, entertainment and business phrases ("World Cup", "box office") that PETRARCH used to set
aside stories; read by `verb_patterns.load_converted` with the rest of the converted dictionary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.nlp.words import words as doc_words

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass(frozen=True)
class Discards:
    """Discard phrases by their first word."""

    phrases: Mapping[str, tuple[tuple[str, ...], ...]]

    def found_in(self, sent: Span) -> str | None:
        """The first discard phrase in the sentence, or None."""
        words = doc_words(sent.doc).lower[sent.start : sent.end]
        if self.phrases.keys().isdisjoint(words):  # most sentences hold no phrase's first word
            return None
        for i, word in enumerate(words):
            for rest in self.phrases.get(word, ()):
                if tuple(words[i + 1 : i + 1 + len(rest)]) == rest:
                    return " ".join((word, *rest))
        return None

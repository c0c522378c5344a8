"""Speech: the words of saying, the quote marks, and who speaks, read once per article.

Who said something matters twice: a quote's `speaker`, and an event's `attributed_to` when it
is told inside someone's statement ("the army will attack, the minister said"). One resolver
answers both, so an article's quotes and its reported events never disagree about who spoke.
The `speakers` stage builds it after the actors (it reads their mentions) and before the
events; the events and quotes stages ask it.

The parts: lexicon.py loads the word lists of data/<language>/quotes.yml; marks.py pairs the
quote marks; cues.py finds speech cues; labels.py reads transcript labels ("WALLACE: ...");
subjects.py finds the subject of a verb of saying and the words of a name;
speakers.py decides who spoke (see its docstring and the quotes package's for the rules a
caller may rely on).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsevents.model import ActorMention, Article
from newsevents.speech.lexicon import QuoteLexicon, load_quote_lexicon
from newsevents.speech.marks import Marked, marked_spans
from newsevents.speech.speakers import Speakers

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["QuoteLexicon", "Speakers", "find_speakers", "load_quote_lexicon", "quote_marks"]


def quote_marks(article: Article, lexicon: QuoteLexicon) -> list[Marked]:
    """The article's paired quote marks, outside its furniture."""
    return [m for m in marked_spans(article.text, lexicon) if not article.in_furniture(*m.outer)]


def find_speakers(
    doc: Doc, article: Article, mentions: Sequence[ActorMention], lexicon: QuoteLexicon
) -> Speakers:
    """The article's speaker resolver: `of(cue)` is who speaks through the speech cue `cue`."""
    spans = [m.outer for m in quote_marks(article, lexicon)]
    return Speakers(doc, article, mentions, lexicon, spans)

"""Event coding: find who did what to whom in a parsed article, in CAMEO and PLOVER.

`find_events` leaves `date`, `date_precision` and `location` empty; later stages fill them.
The knowledge lives in data files (`data/en/events/verbs.yml`, `cues.yml` and `victims.yml` beside it,
and the codebooks `data/events/cameo.yml` and `cameo_plover.tsv`); users extend each with their own files.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsevents.events.codebook import Codebook, load_codebook
from newsevents.events.coding import Coded, code_article
from newsevents.model import ActorMention, Article, Event
from newsevents.nlp.parsed import ParsedArticle
from newsevents.speech import find_speakers, load_quote_lexicon
from newsevents.stages import SpeakerLookup

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Codebook", "Coded", "code_article", "find_events", "load_codebook"]


def find_events(
    doc: Doc,
    article: Article,
    mentions: Sequence[ActorMention],
    codebook: Codebook,
    speakers: SpeakerLookup | None = None,
) -> list[Event]:
    """Every event in the article with at least one resolved actor, in text order, deduplicated.

    `doc` must be parsed over `article.text`; `mentions` index tokens of that doc; `speakers` is
    the article's speaker resolver (built from `mentions` and the shipped speech words if None).
    """
    if speakers is None:
        speakers = find_speakers(doc, article, mentions, load_quote_lexicon(language=article.language))
    return code_article(ParsedArticle.of(doc, article), mentions, codebook, speakers).events

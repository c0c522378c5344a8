"""Composes the stages; the one module that knows their order.

article -> spaCy Doc (over `article.text`, batched with nlp.pipe) -> actor mentions ->
events -> places and event locations -> event dates -> figures -> quotes -> Extraction.
spaCy objects never leave this module: callers get `Extraction`s and `Problem`s only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsevents import actors, events, geo, quantities, quotes, when
from newsevents.errors import Problem, message
from newsevents.model import Article, Extraction
from newsevents.settings import Settings, load_settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Resources:
    """Everything the stages read besides the text, loaded once per run, never changed during it."""

    nlp: Language
    actor_dictionary: Any
    codebook: Any
    gazetteer: Any


def load_resources(settings: Settings) -> Resources:
    """Load the model, dictionaries and gazetteer; raises ResourceError with a one-line message."""
    from newsevents import nlp

    return Resources(
        nlp=nlp.load(),
        actor_dictionary=actors.load_dictionary(tuple(settings.actor_dictionaries)),
        codebook=events.load_codebook(tuple(settings.event_dictionaries)),
        gazetteer=geo.load_gazetteer(),
    )


def extract_doc(doc: Doc, article: Article, res: Resources) -> Extraction:
    """Run every stage over one parsed article, in order."""
    mentions = actors.find_mentions(doc, article, res.actor_dictionary)
    found = events.find_events(doc, article, mentions, res.codebook)
    places = geo.find_places(doc, article, res.gazetteer)
    found = geo.locate_events(doc, article, found, places)
    found = when.date_events(doc, article, found)
    figures = quantities.find_quantities(doc, article, found)
    said = quotes.find_quotes(doc, article, mentions)
    return Extraction(
        article=article,
        events=tuple(found),
        quantities=tuple(figures),
        quotes=tuple(said),
        locations=tuple(places),
        actors=tuple(mentions),
    )


def _batches(items: Iterable[Article | Problem], size: int) -> Iterator[list[Article | Problem]]:
    batch: list[Article | Problem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(
    items: Iterable[Article | Problem], settings: Settings, resources: Resources | None = None
) -> Iterator[Extraction | Problem]:
    """Extract from a stream of articles, passing reader problems through in order.

    Articles are parsed in nlp.pipe batches of `settings.batch_size`. A failure inside a stage
    on one article becomes a Problem for that article (E501) and the batch goes on, so one odd
    text never costs the rest of a corpus.
    """
    res = resources or load_resources(settings)
    n_process = max(1, settings.workers)
    for batch in _batches(items, max(1, settings.batch_size)):
        for item in batch:
            if isinstance(item, Problem):
                yield item
        arts = [item for item in batch if isinstance(item, Article)]
        pairs = ((a.text, a) for a in arts)
        for doc, article in res.nlp.pipe(pairs, as_tuples=True, n_process=n_process):
            try:
                yield extract_doc(doc, article, res)
            except Exception as exc:  # a bug on one article must not stop a corpus
                log.exception("stage failed on %s", article.origin or article.id)
                detail = f"{type(exc).__name__}: {exc}"
                yield Problem(article.origin or article.id, "E501", message("E501", detail=detail))


@lru_cache(maxsize=1)
def _default_resources() -> Resources:
    return load_resources(load_settings())


def extract(text_or_article: str | Article, settings: Settings | None = None) -> Extraction:
    """Extract everything from one article given as text (title line, blank line, body) or Article."""
    from newsevents import ingest

    article = (
        text_or_article
        if isinstance(text_or_article, Article)
        else ingest.article_from_text(text_or_article)
    )
    res = _default_resources() if settings is None else load_resources(settings)
    return extract_doc(res.nlp(article.text), article, res)

"""Composes the stages; the one module that knows their order.

article -> spaCy Doc (over `article.text`, batched with nlp.pipe) -> actor mentions ->
events -> places and event locations -> event dates -> figures -> quotes -> Extraction.
spaCy objects never leave this module: callers get `Extraction`s and `Problem`s only.

With several workers, each worker process parses *and* runs every stage for its share of
the articles and sends back finished Extractions, so our stages run in parallel with the
parse instead of serially behind it, and no spaCy Doc ever crosses a process boundary (a
Doc is far bigger to pickle than the Extraction made from it). Batches go out in order,
at most a few per worker at a time, so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from newsevents import actors, events, geo, quantities, quotes, when
from newsevents.errors import Problem, message
from newsevents.model import Article, Extraction
from newsevents.settings import Settings, load_settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

Item = Article | Problem
Result = Extraction | Problem
T = TypeVar("T")

# Batches queued per worker beyond the one it is working on: enough that a worker never
# waits for the parent, few enough that memory does not grow with the corpus.
_AHEAD_PER_WORKER = 2

# With worker processes, each task is this fraction of `batch_size` articles.
_TASKS_PER_BATCH = 4

# A short article run once in the parent before workers fork, so every lazily loaded
# lexicon and cache is built once and shared, not rebuilt in each worker.
_WARM_UP_TEXT = (
    "Police clash with protesters in Paris\n\n"
    'Three people were killed on Monday, police said. "We condemn it," the minister said.'
)


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


def extract_doc(
    doc: Doc, article: Article, res: Resources, timings: dict[str, float] | None = None
) -> Extraction:
    """Run every stage over one parsed article, in order.

    With `timings`, each stage's seconds are added to it under the stage's name (the
    performance benchmark reads them), so per-stage costs are measured where the order lives.
    """
    clock = _StageClock(timings)
    mentions = clock("actors", actors.find_mentions, doc, article, res.actor_dictionary)
    found = clock("events", events.find_events, doc, article, mentions, res.codebook)
    places = clock("geo.places", geo.find_places, doc, article, res.gazetteer)
    found = clock("geo.locate", geo.locate_events, doc, article, found, places)
    found = clock("geo.actors", geo.reconcile_countries, found, mentions, res.gazetteer, res.actor_dictionary)
    found = clock("when", when.date_events, doc, article, found)
    figures = clock("quantities", quantities.find_quantities, doc, article, found)
    figures = clock("geo.figures", geo.locate_quantities, doc, article, figures, places, found)
    figures = clock("when.figures", when.date_quantities, doc, article, figures, found)
    said = clock("quotes", quotes.find_quotes, doc, article, mentions)
    return Extraction(
        article=article,
        events=tuple(found),
        quantities=tuple(figures),
        quotes=tuple(said),
        locations=tuple(places),
        actors=tuple(mentions),
    )


class _StageClock:
    """Calls a stage, adding its wall time to `timings` when there is one to fill."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    def __call__(self, name: str, stage: Callable[..., T], *args: Any) -> T:
        if self.timings is None:
            return stage(*args)
        start = time.perf_counter()
        try:
            return stage(*args)
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start


def worker_count(settings: Settings) -> int:
    """Processes to use: `settings.workers`, where 0 (or less) means one per available core."""
    if settings.workers > 0:
        return settings.workers
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _failed(article: Article, detail: str) -> Problem:
    return Problem(article.origin or article.id, "E501", message("E501", detail=detail))


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_batch(batch: list[Item], res: Resources) -> Iterator[Result]:
    """Parse the batch's articles in one nlp.pipe pass and extract each, keeping input order.

    A failure inside a stage on one article becomes a Problem for that article (E501) and the
    batch goes on, so one odd text never costs the rest of a corpus.
    """
    articles = [item for item in batch if isinstance(item, Article)]
    docs = res.nlp.pipe((a.text for a in articles), batch_size=max(1, len(articles)))
    for item in batch:
        if isinstance(item, Problem):
            yield item
            continue
        doc = next(docs)
        try:
            yield extract_doc(doc, item, res)
        except Exception as exc:  # a bug on one article must not stop a corpus
            log.exception("stage failed on %s", item.origin or item.id)
            yield _failed(item, f"{type(exc).__name__}: {exc}")


def run(
    items: Iterable[Item], settings: Settings, resources: Resources | None = None
) -> Iterator[Result]:
    """Extract from a stream of articles, passing reader problems through in order.

    Articles go in batches of `settings.batch_size`; with `worker_count(settings)` above one,
    batches of a quarter of that are extracted in that many worker processes and come back in
    input order. A
    failure inside a stage on one article becomes a Problem for that article (E501).
    """
    res = resources or load_resources(settings)
    workers = worker_count(settings)
    size = max(1, settings.batch_size)
    if workers <= 1:
        for batch in _batches(items, size):
            yield from _extract_batch(batch, res)
        return
    # Smaller tasks for workers, so that they finish together: at the end of a run one worker
    # is idle for at most one task's time.
    yield from _run_parallel(_batches(items, max(1, size // _TASKS_PER_BATCH)), res, settings, workers)


# --- worker processes -------------------------------------------------------------------
#
# The worker's resources are held in this dict, set once by the pool initializer in each
# worker process; the parent process never writes or reads it.
_WORKER: dict[str, Resources] = {}


def _init_worker(resources: Resources | None, settings: Settings) -> None:
    """Give the worker its resources: inherited from the parent when forked, else loaded here."""
    _WORKER["resources"] = resources if resources is not None else load_resources(settings)


def _work(batch: list[Item]) -> list[Result]:
    return list(_extract_batch(batch, _WORKER["resources"]))


def _pool(res: Resources, settings: Settings, workers: int) -> ProcessPoolExecutor:
    """A pool whose workers share the parent's loaded resources where the OS can fork.

    Forked workers inherit the model and dictionaries already in memory (copy-on-write), so
    starting them costs milliseconds; elsewhere each worker loads its own copy once.
    """
    if "fork" in multiprocessing.get_all_start_methods():
        _warm_up(res)
        context, shared = multiprocessing.get_context("fork"), res
    else:
        context, shared = multiprocessing.get_context("spawn"), None
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(shared, settings)
    )


def _warm_up(res: Resources) -> None:
    from newsevents import ingest

    try:
        list(_extract_batch([ingest.article_from_text(_WARM_UP_TEXT)], res))
    except Exception:  # warming up is an optimisation; the real run reports real failures
        log.debug("warm-up failed", exc_info=True)


def _run_parallel(
    batches: Iterator[list[Item]], res: Resources, settings: Settings, workers: int
) -> Iterator[Result]:
    """Keep every worker busy with a bounded queue of batches; yield results in input order.

    If a worker process dies (killed, out of memory), the batches in flight at that moment are
    reported as E501 problems, a fresh pool is started and the run goes on.
    """
    pending: deque[tuple[list[Item], Future[list[Result]]]] = deque()
    pool = _pool(res, settings, workers)
    try:
        while True:
            while len(pending) < workers * (1 + _AHEAD_PER_WORKER):
                batch = next(batches, None)
                if batch is None:
                    break
                pending.append((batch, pool.submit(_work, batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                log.error("a worker process died; restarting the pool")
                yield from _lost(batch, "worker process died")
                for lost, _ in pending:
                    yield from _lost(lost, "worker process died")
                pending.clear()
                pool.shutdown(cancel_futures=True)
                pool = _pool(res, settings, workers)
            except Exception as exc:  # a result that cannot cross the process boundary
                log.exception("batch failed in a worker")
                yield from _lost(batch, f"{type(exc).__name__}: {exc}")
    finally:
        pool.shutdown(cancel_futures=True)


def _lost(batch: list[Item], detail: str) -> Iterator[Result]:
    for item in batch:
        yield item if isinstance(item, Problem) else _failed(item, detail)


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

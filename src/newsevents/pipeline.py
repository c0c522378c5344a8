"""Builds the ordered stages from the registry and the settings, checks them, and runs them.

    built = build(settings)              # the model and every stage's data, loaded once
    for result in run(articles, settings, built): ...
    extraction = built.extract(article)

article -> spaCy Doc (over `article.text`, batched with nlp.pipe) -> ParsedArticle -> each stage
in the settings' `pipeline` order -> Extraction. spaCy objects never leave this module and the
stages: callers get `Extraction`s and `Problem`s only.

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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from newsevents.errors import Problem, ResourceError, message
from newsevents.model import Article, Extraction
from newsevents.nlp.parsed import ParsedArticle
from newsevents.settings import Settings, load_settings
from newsevents.stages import BuildContext, Factory, Found, Stage
from newsevents.stages.registry import factory_for

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

Item = Article | Problem
Result = Extraction | Problem

# Batches queued per worker beyond the one it is working on: enough that a worker never
# waits for the parent, few enough that memory does not grow with the corpus.
_AHEAD_PER_WORKER = 2

# With worker processes, each task is this fraction of `batch_size` articles.
_TASKS_PER_BATCH = 4


@dataclass(frozen=True)
class Pipeline:
    """The loaded model and the built stages, in order; read-only for the whole run."""

    nlp: Language
    stages: tuple[Stage, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    def extract_doc(self, doc: Doc, article: Article, timings: dict[str, float] | None = None) -> Extraction:
        """Run every stage over one parsed article, in order.

        With `timings`, each stage's seconds are added to it under the stage's name (the
        performance benchmark reads them), so per-stage costs are measured where the order lives.
        """
        parsed = ParsedArticle.of(doc, article)
        found = Found()
        for stage in self.stages:
            start = time.perf_counter() if timings is not None else 0.0
            found = stage(parsed, found)
            if not isinstance(found, Found):
                raise TypeError(f"stage '{stage.name}' returned {type(found).__name__}, not Found")
            if timings is not None:
                timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - start
        return Extraction(
            article=article,
            events=found.events or (),
            quantities=found.quantities or (),
            quotes=found.quotes or (),
            locations=found.places or (),
            actors=found.actors or (),
        )

    def extract(self, article: Article) -> Extraction:
        """Parse and extract one article."""
        return self.extract_doc(self.nlp(article.text), article)


def build(settings: Settings, factories: Mapping[str, Factory] | None = None) -> Pipeline:
    """Load the model and build the settings' stages in order; raises ResourceError on a bad pipeline.

    `factories` adds or replaces stages by name for this build (see `stages.registry`). Every
    stage's needs must be set by a stage before it: a pipeline that cannot work fails here,
    with one line naming the stage and what it lacks, before any article is read.
    """
    from newsevents import nlp

    stages = build_stages(settings, factories)
    return Pipeline(nlp=nlp.load(settings.model), stages=stages)


def build_stages(settings: Settings, factories: Mapping[str, Factory] | None = None) -> tuple[Stage, ...]:
    """The stages of `settings.pipeline`, built from their sections and checked in order."""
    context = BuildContext(settings)
    unused = sorted(set(settings.stages) - set(settings.pipeline))
    if unused:
        log.debug("settings for stages not in the pipeline: %s", unused)
    stages = tuple(
        factory_for(name, factories)(settings.section(name), context) for name in settings.pipeline
    )
    check_order(stages)
    return stages


def check_order(stages: Sequence[Stage]) -> None:
    """Refuse a pipeline where a stage needs what no earlier stage sets (E203)."""
    have: set[str] = set()
    for stage in stages:
        missing = [need for need in stage.needs if need not in have]
        if missing:
            raise ResourceError(
                "E203", detail=f"stage '{stage.name}' needs {missing}, which no stage before it sets"
            )
        have.update(stage.sets)


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


def _extract_batch(batch: list[Item], built: Pipeline) -> Iterator[Result]:
    """Parse the batch's articles in one nlp.pipe pass and extract each, keeping input order.

    A failure inside a stage on one article becomes a Problem for that article (E501) and the
    batch goes on, so one odd text never costs the rest of a corpus.
    """
    articles = [item for item in batch if isinstance(item, Article)]
    docs = built.nlp.pipe((a.text for a in articles), batch_size=max(1, len(articles)))
    for item in batch:
        if isinstance(item, Problem):
            yield item
            continue
        doc = next(docs)
        try:
            yield built.extract_doc(doc, item)
        except Exception as exc:  # a bug on one article must not stop a corpus
            log.exception("stage failed on %s", item.origin or item.id)
            yield _failed(item, f"{type(exc).__name__}: {exc}")


def run(
    items: Iterable[Item], settings: Settings, built: Pipeline | None = None
) -> Iterator[Result]:
    """Extract from a stream of articles, passing reader problems through in order.

    Articles go in batches of `settings.batch_size`; with `worker_count(settings)` above one,
    batches of a quarter of that are extracted in that many worker processes and come back in
    input order. A
    failure inside a stage on one article becomes a Problem for that article (E501).
    """
    res = built or build(settings)
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
# A worker's pipeline is held in this dict, set once by the pool initializer in each worker
# process; the parent process never writes or reads it.
_WORKER: dict[str, Pipeline] = {}


def _init_worker(built: Pipeline | None, settings: Settings) -> None:
    """Give the worker its pipeline: inherited from the parent when forked, else built here."""
    _WORKER["pipeline"] = built if built is not None else build(settings)


def _work(batch: list[Item]) -> list[Result]:
    return list(_extract_batch(batch, _WORKER["pipeline"]))


def _pool(built: Pipeline, settings: Settings, workers: int) -> ProcessPoolExecutor:
    """A pool whose workers share the parent's built pipeline where the OS can fork.

    Every stage loads its data when it is built, so forked workers inherit the model,
    dictionaries and gazetteer already in memory (copy-on-write) and start in milliseconds;
    elsewhere each worker builds its own pipeline once, from the settings alone, so a stage
    given only as a `factories` entry must then be named in the settings by a path or plugin.
    """
    if "fork" in multiprocessing.get_all_start_methods():
        context, shared = multiprocessing.get_context("fork"), built
    else:
        context, shared = multiprocessing.get_context("spawn"), None
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(shared, settings)
    )


def _run_parallel(
    batches: Iterator[list[Item]], res: Pipeline, settings: Settings, workers: int
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


def extract(text_or_article: str | Article, settings: Settings | None = None) -> Extraction:
    """Extract everything from one article given as text (title line, blank line, body) or Article.

    Without `settings`, the default pipeline is built on the first call and reused by later ones
    (the one process-wide default, so a loop over `extract()` does not reload the model); with
    `settings`, a pipeline is built for the call: build one with `build()` to reuse it.
    """
    from newsevents import ingest

    article = (
        text_or_article
        if isinstance(text_or_article, Article)
        else ingest.article_from_text(text_or_article)
    )
    return (default_pipeline() if settings is None else build(settings)).extract(article)


@cache
def default_pipeline() -> Pipeline:
    """The pipeline of the shipped settings, built once per process for `extract()`."""
    return build(load_settings())

"""Builds the ordered stages from the registry and the settings, checks them, and runs them.

    built = build(settings)              # the model and every stage's data, loaded once
    for result in run(articles, settings, built): ...
    extraction = built.extract(article)
    for extraction in pipe(texts_or_records, metadata=...): ...   # the batch API of notebooks

article -> spaCy Doc (over `article.text`, batched with nlp.pipe) -> ParsedArticle -> each stage
in the settings' `pipeline` order -> Extraction. spaCy objects never leave this package and the
stages: callers get `Extraction`s and `Problem`s only.

With several workers, each worker process parses *and* runs every stage for its share of
the articles and sends back finished Extractions, so our stages run in parallel with the
parse instead of serially behind it, and no spaCy Doc ever crosses a process boundary (a
Doc is far bigger to pickle than the Extraction made from it): see `workers.py`. How one
batch is parsed and extracted, one failure costing one article, is `batches.py`.

An article longer than `settings.max_article_chars` is refused (E502) before it is batched;
below that, a long article is parsed in paragraph-bounded windows (`nlp.windows`), so time and
memory grow linearly with its length.
"""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from newsevents.errors import Problem, ResourceError, message
from newsevents.model import Article, Extraction
from newsevents.nlp.parsed import ParsedArticle
from newsevents.nlp.windows import parse
from newsevents.pipeline.batches import Failure, Item, Result, batches, extract_batch, log_trace
from newsevents.pipeline.workers import run_parallel
from newsevents.settings import Settings, load_settings
from newsevents.stages import BuildContext, Factory, Found, Stage
from newsevents.stages.registry import factory_for

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newsevents.ingest import Metadata

__all__ = [
    "Failure", "Item", "Pipeline", "Result", "build", "build_stages", "check_order",
    "default_pipeline", "extract", "pipe", "run", "worker_count",
]  # fmt: skip

log = logging.getLogger(__name__)

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
        """Parse and extract one article; a long one is parsed in windows (`nlp.windows`)."""
        return self.extract_doc(parse(self.nlp, article.text), article)


def build(settings: Settings, factories: Mapping[str, Factory] | None = None) -> Pipeline:
    """Load the model and build the settings' stages in order; raises ResourceError on a bad pipeline.

    `factories` adds or replaces stages by name for this build (see `stages.registry`). Every
    stage's needs must be set by a stage before it: a pipeline that cannot work fails here,
    with one line naming the stage and what it lacks, before any article is read.
    """
    from newsevents import nlp

    stages = build_stages(settings, factories)
    built = Pipeline(nlp=nlp.load(settings.model), stages=stages)
    # The model, dictionaries and gazetteer (half a million objects) live as long as the pipeline:
    # leave them out of the cyclic collector's generations, so each full collection during the
    # run walks only what the articles made, not everything loaded here, and forked workers do
    # not touch (and copy) the pages that hold them. The price: a pipeline dropped later is freed
    # by reference counts alone, so a process builds one and reuses it (as `default_pipeline` does).
    gc.freeze()
    return built


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


def run(
    items: Iterable[Item], settings: Settings, built: Pipeline | None = None
) -> Iterator[Result]:
    """Extract from a stream of articles, passing reader problems through in order.

    Articles go in batches of `settings.batch_size`; with `worker_count(settings)` above one,
    batches of a quarter of that are extracted in that many worker processes and come back in
    input order. An article over `settings.max_article_chars` is an E502 problem; a failure to
    parse one article or inside a stage on it is an E501 `Failure` for that article alone, its
    traceback logged at DEBUG level here, in the process that reads the results.
    """
    res = built or build(settings)
    workers = worker_count(settings)
    size = max(1, settings.batch_size)
    checked = (_within_limit(item, settings.max_article_chars) for item in items)
    if workers <= 1:
        results = (r for batch in batches(checked, size) for r in extract_batch(batch, res))
    else:
        # Smaller tasks for workers, so that they finish together: at the end of a run one
        # worker is idle for at most one task's time.
        results = run_parallel(batches(checked, max(1, size // _TASKS_PER_BATCH)), res, settings, workers)
    try:
        for result in results:
            log_trace(result)
            yield result
    finally:
        results.close()


def _within_limit(item: Item, limit: int) -> Item:
    """The article, or the one-line E502 problem when it is longer than `limit` characters."""
    if isinstance(item, Article) and len(item.text) > limit:
        detail = f"{len(item.text):,} characters; the limit is {limit:,}"
        return Problem(item.origin or item.id, "E502", message("E502", detail=detail))
    return item


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


def pipe(
    records: Iterable[object],
    *,
    metadata: Metadata = None,
    batch_size: int | None = None,
    workers: int | None = None,
    settings: Settings | None = None,
    problems: list[Problem] | None = None,
) -> Iterator[Extraction]:
    """Extractions of many articles, in input order: texts, dicts or Articles, with metadata.

    A text is read as a text file is (title line, blank line, body); a dict gives `text` and
    optional `title`, `url`, `source`, `published` (the day relative dates such as "on
    Thursday" are counted from) and `id`; `metadata`, one dict for all or a list of one per
    record, fills the keys a record does not give. Each article's `origin` is "record N" (its
    position, from 0). Bad input never stops the batch: a record that cannot be read, or fails,
    yields nothing and is logged as one warning line naming it and the field (`record 3:
    [E411] bad record field: 'published' is not a date: 'soon'`); a bad field alone costs only
    that field. Pass a list as `problems` to collect those lines as `Problem`s too.

    `batch_size` and `workers` default to those of `settings`; without `settings`, to the shipped
    batch size and one worker: this process, reusing the model `extract()` loaded (more workers
    load the model once each, which pays off from a few hundred articles).
    """
    base = settings if settings is not None else load_settings().with_overrides(workers=1)
    chosen = base.with_overrides(batch_size=batch_size, workers=workers)
    built = default_pipeline() if settings is None and chosen.workers <= 1 else None
    from newsevents import ingest

    for result in run(ingest.from_records(records, chosen, metadata), chosen, built):
        if isinstance(result, Extraction):
            yield result
            continue
        log.warning("%s", result)
        if problems is not None:
            problems.append(result)

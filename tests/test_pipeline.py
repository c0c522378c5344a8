"""pipeline.run: the same Extractions in one process or several, in input order, one bad article at a time."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents import ingest, pipeline
from newsevents.errors import Problem, message
from newsevents.model import Article, Extraction
from newsevents.settings import Settings, load_settings
from newsevents.stages import BuildContext, Found, Section

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"


@pytest.fixture(scope="module")
def settings() -> Settings:
    # two articles per batch: four articles make two batches, one for each worker
    return load_settings().with_overrides(batch_size=2)


@pytest.fixture(scope="module")
def resources(settings: Settings) -> pipeline.Pipeline:
    return pipeline.build(settings)


@pytest.fixture(scope="module")
def items(settings: Settings, seed_path: Path) -> list[Article | Problem]:
    """Three corpus articles and the seed, with reader problems before, between and after."""
    paths = [CORPUS / "001.txt", CORPUS / "002.txt", CORPUS / "003.txt", seed_path]
    read = [a for a in ingest.read([str(p) for p in paths], settings) if isinstance(a, Article)]
    assert len(read) == 4
    bad = [Problem(f"bad{i}.txt", "E101", message("E101")) for i in range(3)]
    return [bad[0], read[0], read[1], bad[1], read[2], read[3], bad[2]]


def _run(items: list[Article | Problem], settings: Settings, res: pipeline.Pipeline, workers: int
         ) -> list[Extraction | Problem]:
    return list(pipeline.run(iter(items), settings.with_overrides(workers=workers), res))


def _origin(item: Article | Problem | Extraction) -> str:
    if isinstance(item, Problem):
        return item.origin
    article = item.article if isinstance(item, Extraction) else item
    return article.origin or article.id


@pytest.mark.model
def test_two_workers_give_the_same_extractions_in_input_order(items, settings, resources) -> None:
    one = _run(items, settings, resources, 1)
    two = _run(items, settings, resources, 2)
    assert [_origin(x) for x in one] == [_origin(x) for x in items]
    assert two == one
    kinds = [Problem, Extraction, Extraction, Problem, Extraction, Extraction, Problem]
    assert [type(x) for x in two] == kinds
    assert sum(len(x.events) for x in two if isinstance(x, Extraction)) > 0


class _FailsOn:
    """A stage that raises on one article, as a bug in a real stage would."""

    name = "fails_on"
    needs: tuple[str, ...] = ()
    sets: tuple[str, ...] = ()

    def __init__(self, article_id: str) -> None:
        self.article_id = article_id

    def __call__(self, parsed, found: Found) -> Found:  # type: ignore[no-untyped-def]
        if parsed.article.id == self.article_id:
            raise ValueError("broken on purpose")
        return found


@pytest.mark.model
@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_stage_costs_only_its_article(items, settings, resources, workers) -> None:
    victim = items[2]
    assert isinstance(victim, Article)

    def make(section: Section, context: BuildContext) -> _FailsOn:
        return _FailsOn(victim.id)

    failing = settings.with_overrides(pipeline=(*settings.pipeline, "fails_on"))
    # forked workers inherit the built pipeline with its failing stage
    built = pipeline.Pipeline(resources.nlp, pipeline.build_stages(failing, {"fails_on": make}))
    out = _run(items, failing, built, workers)
    assert [_origin(x) for x in out] == [_origin(x) for x in items]
    failed = out[2]
    assert isinstance(failed, Problem) and failed.code == "E501"
    assert "ValueError: broken on purpose" in failed.text
    others = [x for i, x in enumerate(out) if isinstance(items[i], Article) and i != 2]
    assert len(others) == 3 and all(isinstance(x, Extraction) for x in others)


@pytest.mark.model
@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_spacy_refuses_costs_only_its_article(items, settings, resources, workers, monkeypatch
                                                         ) -> None:
    """spaCy raising on one text of an nlp.pipe batch (here: over a lowered nlp.max_length, as a
    text over 1,000,000 characters is) fails that article alone, in this process or a worker."""
    articles = [x for x in items if isinstance(x, Article)]
    victim = max(articles, key=lambda a: len(a.text))
    monkeypatch.setattr(resources.nlp, "max_length", len(victim.text) - 1)  # forked workers inherit it
    out = _run(items, settings.with_overrides(batch_size=32), resources, workers)  # one batch, one task
    assert [_origin(x) for x in out] == [_origin(x) for x in items]
    for item, result in zip(items, out, strict=True):
        if item is victim:
            assert isinstance(result, Problem) and result.code == "E501" and "E088" in result.text
        elif isinstance(item, Article):
            assert isinstance(result, Extraction)


def test_zero_workers_means_every_core() -> None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert pipeline.worker_count(Settings(workers=0)) == cores
    assert pipeline.worker_count(Settings(workers=3)) == 3
    assert load_settings().workers == 0


@pytest.mark.model
def test_the_stream_is_consumed_as_it_goes(settings, resources) -> None:
    """A bounded number of batches is read ahead, so a corpus never sits in memory whole."""
    read = 0
    article = next(a for a in ingest.read([str(CORPUS / "004.txt")], settings) if isinstance(a, Article))

    def endless() -> Iterator[Article]:
        nonlocal read
        while True:
            read += 1
            yield article

    stream = pipeline.run(endless(), settings.with_overrides(workers=2), resources)
    first = next(stream)
    stream.close()
    assert isinstance(first, Extraction)
    assert read <= 2 * settings.batch_size * (1 + 2) + settings.batch_size

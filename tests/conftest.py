"""Shared fixtures: the real spaCy model, the stages' data (each loaded once) and the path to ../shared.

Nothing in the library caches a loaded dictionary (a stage loads its data when it is built), so
tests that read the shipped data share one copy per session here instead of reloading it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.store import pg_server

from newsevents.model import Article, Extraction

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared")).resolve()
SEED = SHARED / "seed" / "000_794fa90fa2d30440.txt"
# `make test` passes a relative path (../shared); tests run commands in other folders, and every
# test module reads the variable, so it is made absolute once, here, before any of them loads.
os.environ["NEWSEVENTS_SHARED"] = str(SHARED)



@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """The URL of an empty database on a real PostgreSQL server, one server for the whole session
    (the store tests and the hostile runs each take their own schema in it)."""
    try:
        with pg_server.server() as url:
            yield url
    except pg_server.Unavailable as exc:
        pytest.skip(f"this test needs a PostgreSQL server: {exc}")


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from newsevents import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def parse(nlp) -> Callable[..., tuple[Article, object]]:  # type: ignore[no-untyped-def]
    """parse(text, published="2016-02-13") -> (Article, spaCy Doc over article.text)."""

    def _parse(text: str, published: str | None = "2016-02-13", **kw: object) -> tuple[Article, object]:
        art = Article(id=hashlib.sha1(text.encode()).hexdigest()[:16], text=text, published=published, **kw)
        return art, nlp(text)

    return _parse


@pytest.fixture(scope="session")
def corpus_extractions() -> list[Extraction]:
    """The shared corpus through the real pipeline, in file order, once per session: the tests
    that need whole real articles (exports, the dashboard, clustering) build their stores from it."""
    from newsevents import ingest, pipeline
    from newsevents.errors import Problem
    from newsevents.settings import load_settings

    corpus = SHARED / "corpus" / "articles"
    if not corpus.is_dir():
        pytest.fail(f"corpus missing at {corpus}; set NEWSEVENTS_SHARED to the shared folder")
    settings = load_settings(None)
    stream = pipeline.run(ingest.read([str(corpus)], settings), settings)
    found = [x for x in stream if not isinstance(x, Problem)]
    assert len(found) > 50
    return found


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.fail(f"seed article missing at {SEED}; set NEWSEVENTS_SHARED to the shared folder")
    return SEED


@pytest.fixture(scope="session")
def actor_dictionary():  # type: ignore[no-untyped-def]
    from newsevents.actors import load_dictionary

    return load_dictionary()


@pytest.fixture(scope="session")
def codebook():  # type: ignore[no-untyped-def]
    from newsevents.events import load_codebook

    return load_codebook()


@pytest.fixture(scope="session")
def gaz():  # type: ignore[no-untyped-def]
    from newsevents.geo import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def quantity_lexicon():  # type: ignore[no-untyped-def]
    from newsevents.quantities import load_quantity_lexicon

    return load_quantity_lexicon()


@pytest.fixture(scope="session")
def quote_lexicon():  # type: ignore[no-untyped-def]
    from newsevents.quotes import load_quote_lexicon

    return load_quote_lexicon()


@pytest.fixture(scope="session")
def ingest_rules():  # type: ignore[no-untyped-def]
    from newsevents.ingest import load_ingest_rules

    return load_ingest_rules()


@pytest.fixture(scope="session")
def date_words():  # type: ignore[no-untyped-def]
    from newsevents.when import load_date_words

    return load_date_words()

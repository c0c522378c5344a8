"""One big mixed run per backend: every kind of bad input beside a few real articles.

Loading the spaCy model is the main cost of a run, so `extract` runs once per backend over a
folder holding every kind (each in its own subfolder, so each problem line and stored row can
be traced back to its kind), and the tests assert over that one run's output.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.hostile.harness import REPO, MixedRun, mixed_run, remove_tree, scratch
from tests.hostile.kinds import KINDS
from tests.store import pg_server

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"
GOOD_ARTICLES = 4
# Heavy kinds (the 1.2M-character article, tens of seconds to parse) run on SQLite only: the
# PostgreSQL run shares everything else, so the suite stays within a few minutes.
LIGHT = [name for name, kind in KINDS.items() if not kind.heavy]
# A bound on a hang, not a speed target: the SQLite run takes about three minutes on a quiet
# 2-core machine and has passed 240 s on a loaded one, so the bound leaves it room.
TIMEOUT_S = 600.0


def _run(backend: str, base: Path, db: str, names: list[str]) -> MixedRun:
    if len(list(CORPUS.glob("*.txt"))) < GOOD_ARTICLES:
        pytest.skip(f"the hostile runs need {GOOD_ARTICLES} corpus articles in {CORPUS}")
    return mixed_run(backend, base / "mixed", db, names, CORPUS, GOOD_ARTICLES, TIMEOUT_S)


@pytest.fixture(scope="session")
def sqlite_run() -> Iterator[MixedRun]:
    base = scratch()
    try:
        yield _run("sqlite", base, str(base / "store.sqlite"), list(KINDS))
    finally:
        remove_tree(base)


@pytest.fixture(scope="session")
def postgresql_run(pg_url: str) -> Iterator[MixedRun]:
    base = scratch()
    try:
        with pg_server.schema(pg_url, f"hostile_{uuid.uuid4().hex[:10]}") as url:
            yield _run("postgresql", base, url, LIGHT)
    finally:
        remove_tree(base)

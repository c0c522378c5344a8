"""One big mixed run per backend: every kind of bad input beside a few real articles.

Loading the spaCy model is the main cost of a run, so `extract` runs once per backend over a
folder holding every kind (each in its own subfolder, so each problem line and stored row can
be traced back to its kind), and the tests assert over that one run's output.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.hostile.harness import REPO, Row, Run, remove_tree, run_cli, scratch, stored_rows
from tests.hostile.kinds import KINDS, Made, build

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared"))
GOOD = "good"  # the subfolder of real corpus articles
GOOD_ARTICLES = 4
# Heavy kinds (the 1.2M-character article, tens of seconds to parse) run on SQLite only: the
# PostgreSQL run shares everything else, so the suite stays within a few minutes.
LIGHT = [name for name, kind in KINDS.items() if not kind.heavy]
TIMEOUT_S = 240.0  # a bound on a hang, not a speed target

_spec = importlib.util.spec_from_file_location(
    "newsevents_hostile_pg_server", Path(__file__).parents[1] / "store" / "pg_server.py"
)
assert _spec is not None and _spec.loader is not None
pg_server = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pg_server)


@dataclass
class MixedRun:
    """A finished run over the mixed folder, with what each kind made and what was stored."""

    backend: str
    root: Path
    made: dict[str, Made]
    good: int
    run: Run
    rows: list[Row]
    store_error: str | None


def copy_good(dest: Path, count: int) -> int:
    """Copy `count` corpus articles (text and sidecar) into `dest`; skip when there is no corpus."""
    articles = sorted((SHARED / "corpus" / "articles").glob("*.txt"))[:count]
    if len(articles) < count:
        pytest.skip(f"the hostile runs need {count} corpus articles in {SHARED}/corpus/articles")
    dest.mkdir(parents=True)
    for text in articles:
        shutil.copy(text, dest / text.name)
        meta = text.with_name(text.stem + ".meta.json")
        if meta.exists():
            shutil.copy(meta, dest / meta.name)
    return len(articles)


def mixed_run(backend: str, root: Path, db: str, names: list[str]) -> MixedRun:
    made = build(root, names)
    good = copy_good(root / GOOD, GOOD_ARTICLES)
    run = run_cli(["extract", str(root), "--db", db], timeout=TIMEOUT_S)
    try:
        rows, error = stored_rows(db), None
    except Exception as exc:  # the store itself is part of what is judged
        rows, error = [], f"{type(exc).__name__}: {exc}"
    return MixedRun(backend, root, made, good, run, rows, error)


@pytest.fixture(scope="session")
def sqlite_run() -> Iterator[MixedRun]:
    base = scratch()
    try:
        yield mixed_run("sqlite", base / "mixed", str(base / "store.sqlite"), list(KINDS))
    finally:
        remove_tree(base)




@pytest.fixture(scope="session")
def postgresql_run(pg_url: str) -> Iterator[MixedRun]:
    base = scratch()
    try:
        with pg_server.schema(pg_url, f"hostile_{uuid.uuid4().hex[:10]}") as url:
            yield mixed_run("postgresql", base / "mixed", url, LIGHT)
    finally:
        remove_tree(base)

"""The run as a process: standard input over the file limit, exit codes, kill -9 and Ctrl-C.

Each case is the real command in a subprocess bounded by a timeout, with its process tree
watched: a worker that outlives its parent is a failure even when the output looks right.
"""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest
from tests.hostile.conftest import SHARED
from tests.hostile.harness import Run, remove_tree, run_cli, scratch, stored_rows
from tests.hostile.kinds import build
from tests.hostile.kinds.prose import article, body

pytestmark = pytest.mark.model
TIMEOUT_S = 120.0
FILLER = 120
WARNINGS_ONLY = ["jsonl_field_types", "sidecar_broken", "sidecar_wrong_types", "control_few"]


@pytest.fixture
def folder() -> Iterator[Path]:
    path = scratch()
    yield path
    remove_tree(path)


def _corpus(dest: Path, count: int) -> int:
    articles = sorted((SHARED / "corpus" / "articles").glob("*.txt"))[:count]
    if len(articles) < count:
        pytest.skip(f"needs {count} corpus articles in {SHARED}/corpus/articles")
    dest.mkdir(parents=True, exist_ok=True)
    for text in articles:
        shutil.copy(text, dest / text.name)
    return count


def test_stdin_over_the_file_limit_is_read_article_by_article(folder: Path) -> None:
    page = "<p>" + "x" * 1_000_000 + "</p>"
    lines = [json.dumps({"text": body(f"piped {i}"), "html": page}) for i in range(6)]
    feed = folder / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "s.sqlite"
    run = run_cli(["extract", "-", "--db", str(db), "--workers", "1"], TIMEOUT_S, stdin=feed)
    assert (run.exit_code, run.problem_lines) == (0, []), run.stderr[-2000:]
    assert len(stored_rows(str(db))) == 6


def test_warnings_alone_keep_exit_code_zero(folder: Path) -> None:
    """Bad metadata is a warning: the article is kept, so nothing was skipped and the exit is 0."""
    build(folder / "in", WARNINGS_ONLY)
    run = run_cli(["extract", str(folder / "in"), "--db", str(folder / "s.sqlite")], TIMEOUT_S)
    assert run.exit_code == 0, run.stderr[-2000:]
    assert len(run.problem_lines) == 4 + 1 + 3, run.problem_lines
    assert len(stored_rows(str(folder / "s.sqlite"))) == 2 + 1 + 1 + 1


def test_two_writers_share_a_sqlite_store(folder: Path) -> None:
    """Two runs into one SQLite file at once: they queue on its lock, and both finish."""
    count = _corpus(folder / "a", 12)
    moved = sorted((folder / "a").glob("*.txt"))[count // 2 :]
    (folder / "b").mkdir()
    for path in moved:
        path.rename(folder / "b" / path.name)
    db = str(folder / "s.sqlite")
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda part: run_cli(["extract", str(folder / part), "--db", db], TIMEOUT_S),
                             ["a", "b"]))
    assert [run.exit_code for run in runs] == [0, 0], [run.stderr[-1500:] for run in runs]
    assert len(stored_rows(db)) == count


def _once_storing(db: Path, action: signal.Signals) -> object:
    """A `during` callback: as soon as the store holds an article (the run is mid-way, workers
    up, many articles to go), send `action` to the parent."""

    def during(parent: psutil.Process) -> bool:
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
            try:
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error:
            return False
        if not stored:
            return False
        parent.send_signal(action)
        return True

    return during


def _interrupted(folder: Path, action: signal.Signals, rerun: bool) -> Run:
    """Interrupt a run of 24 corpus and 120 made-up articles once it has stored one; then
    (with `rerun`) check that re-running the same command completes the store."""
    count = _corpus(folder / "in", 24) + FILLER
    for i in range(FILLER):
        (folder / "in" / f"filler-{i:03}.txt").write_text(article(f"filler {i}"), encoding="utf-8")
    db = folder / "s.sqlite"
    args = ["extract", str(folder / "in"), "--db", str(db), "--workers", "2"]
    run = run_cli(args, TIMEOUT_S, during=_once_storing(db, action))  # type: ignore[arg-type]
    assert not run.timed_out
    assert len(stored_rows(str(db))) < count, "the run ended before it could be interrupted"
    if not rerun:
        return run
    again = run_cli(["extract", str(folder / "in"), "--db", str(db)], TIMEOUT_S)
    assert again.exit_code == 0, again.stderr[-2000:]
    assert len(stored_rows(str(db))) == count  # a re-run completes the store
    return run


def test_kill_9_leaves_no_worker_and_a_store_a_rerun_completes(folder: Path) -> None:
    run = _interrupted(folder, signal.SIGKILL, rerun=True)
    assert run.exit_code == -signal.SIGKILL
    assert run.leftovers == []


def test_ctrl_c_ends_in_one_line_without_traceback_or_workers(folder: Path) -> None:
    run = _interrupted(folder, signal.SIGINT, rerun=False)
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.exit_code == 1, run.stderr[-2000:]
    assert run.leftovers == []

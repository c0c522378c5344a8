"""`newsevents watch` as a real process: files dropped into a folder are stored and clustered; a
SIGKILL mid-stream and a restart lose and duplicate nothing; a changed file is a new version;
Ctrl-C ends it in one line; a JSON Lines feed on standard input is stored line by line."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import newsevents
from newsevents import ingest
from newsevents.cli.common import EXIT_INTERRUPTED
from newsevents.model import Article
from newsevents.settings import load_settings
from newsevents.store import open_store

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"
SRC = Path(newsevents.__file__).resolve().parents[1]
WAIT_S = 300  # generous: loading the model on a busy machine; the test never measures speed

pytestmark = pytest.mark.model


@contextmanager
def watching(folder: str, db: Path, **kw: object) -> Iterator[subprocess.Popen[bytes]]:
    """A `newsevents watch` process, killed if the test leaves it running."""
    cmd = [sys.executable, "-m", "newsevents.cli", "watch", folder, "--db", str(db), "--interval", "0.2"]
    proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONPATH": str(SRC)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, **kw)  # type: ignore[call-overload]  # fmt: skip
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def stored_ids(db: Path) -> list[str]:
    """Article ids in the store, read without taking part in the writer's transactions."""
    if not db.exists():
        return []
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return [i for (i,) in conn.execute("SELECT id FROM articles")]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return []  # the schema is being created


def wait_for(db: Path, ids: set[str], proc: subprocess.Popen[bytes], at_least: int | None = None) -> None:
    """Until the store holds every one of `ids` (or `at_least` of them)."""
    need = len(ids) if at_least is None else at_least
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = proc.stderr.read().decode() if proc.stderr else ""
            pytest.fail(f"watch ended ({proc.returncode}): {said}")
        if len(ids & set(stored_ids(db))) >= need:
            return
        time.sleep(0.05)
    pytest.fail(f"the store never held {need} of the {len(ids)} articles")


def drop(names: list[str], folder: Path) -> set[str]:
    """Copy corpus articles (with their sidecars) into `folder`; their article ids."""
    for name in names:
        for part in CORPUS.glob(f"{name}.*"):
            shutil.copy(part, folder / part.name)
    return ids_of([folder / f"{n}.txt" for n in names])


def ids_of(paths: list[Path]) -> set[str]:
    return {a.id for a in ingest.read([str(p) for p in paths], load_settings(None)) if isinstance(a, Article)}


def check_store(db: Path, expected: set[str]) -> None:
    """Every expected article exactly once, nothing else, each event in a cluster."""
    with open_store(db, "read") as store:
        ids = [r["id"] for r in store.rows("articles")]
        assert sorted(ids) == sorted(expected)
        assert not store.behind()
        events = store.events()
        assert events and all(e["cluster_id"] is not None for e in events)
        members = store.fetch_all("SELECT article_id, idx FROM event_cluster_members")
        assert sorted(members) == sorted((e["article_id"], e["idx"]) for e in events)


def test_a_watched_folder_survives_sigkill_and_restart(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "w.db"
    folder.mkdir()
    names = sorted(p.stem for p in CORPUS.glob("*.txt"))[:14]
    expected: set[str] = set()
    with watching(str(folder), db) as proc:
        expected |= drop(names[:2], folder)
        wait_for(db, expected, proc)
        expected |= drop(names[2:10], folder)
        wait_for(db, expected, proc, at_least=4)  # mid-stream: some of the batch stored, not all
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert len(set(stored_ids(db))) < len(expected)
    with watching(str(folder), db) as proc:
        expected |= drop(names[10:14], folder)
        # A changed file is a new version: both are kept, and grouped as copies of one story.
        changed = folder / f"{names[0]}.txt"
        (old,) = ids_of([changed])
        changed.write_text(changed.read_text(encoding="utf-8") + "\nThe toll was later revised.\n",
                           encoding="utf-8")  # fmt: skip
        (new,) = ids_of([changed])
        expected.add(new)
        wait_for(db, expected, proc)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=WAIT_S)
    assert proc.returncode == EXIT_INTERRUPTED
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsevents: interrupted;"), lines
    check_store(db, expected)
    with open_store(db, "read") as store:
        groups = dict(store.fetch_all("SELECT article_id, group_id FROM article_groups"))
        assert groups[old] == groups[new]


def test_a_jsonl_feed_on_stdin_is_stored_line_by_line(tmp_path: Path) -> None:
    db = tmp_path / "feed.db"
    texts = [(CORPUS / f"{n}.txt").read_text(encoding="utf-8") for n in ("001", "002")]
    lines = [json.dumps({"title": t.split("\n", 1)[0], "text": t.split("\n\n", 1)[1]}) for t in texts]
    with watching("-", db, stdin=subprocess.PIPE) as proc:
        assert proc.stdin is not None
        proc.stdin.write((lines[0] + "\n").encode())
        proc.stdin.flush()
        deadline = time.monotonic() + WAIT_S
        while not stored_ids(db) and time.monotonic() < deadline:  # stored while the feed stays open
            assert proc.poll() is None
            time.sleep(0.05)
        assert len(stored_ids(db)) == 1
        proc.stdin.write(b'{"text": oops}\n' + (lines[1] + "\n").encode())
        proc.stdin.close()
        proc.wait(timeout=WAIT_S)
        assert proc.stderr is not None
        stderr = proc.stderr.read()
    assert proc.returncode == 0
    report = stderr.decode().strip().splitlines()
    assert len(report) == 2 and "<stdin>:2: [E104]" in report[0], report
    assert "stored 2" in report[1] and "skipped 1" in report[1]
    with open_store(db, "read") as store:
        assert len(list(store.rows("articles"))) == 2
        assert all(e["cluster_id"] for e in store.events())


def test_a_path_that_is_no_folder_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsevents.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Title\n\nBody.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["watch", str(article), "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 1
    assert result.output == (
        f"newsevents: {article}: not a folder (watch follows a folder, or - for JSON Lines"
        " on standard input)\n"
    )
    assert not (tmp_path / "w.db").exists()

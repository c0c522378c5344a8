"""The commands over hostile stores, each built in the test: corrupt, truncated, empty, missing,
read-only and full files, and a store a stopped run left unclustered. Every failure is one line,
never a traceback, and reading never creates or changes a store."""

from __future__ import annotations

import importlib.util
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from fastapi.testclient import TestClient

from newsevents.api import create_app
from newsevents.cli import main
from newsevents.cli.common import EXIT_RESOURCE
from newsevents.store import EventFilter, open_store, sqlite

# The store tests' hand-built extraction, loaded by path: "conftest" names several modules.
_spec = importlib.util.spec_from_file_location(
    "newsevents_store_test_extraction", Path(__file__).resolve().parents[1] / "store" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_extraction = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_extraction)
build = _extraction.build

READERS = {
    "show": ["show"],
    "export": ["export", "--format", "csv"],
    "dedup": ["dedup"],
    "serve": ["serve", "--port", "1"],  # refused before it listens
}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _store(path: Path, cluster: bool = True) -> Path:
    """A store holding article a1; with `cluster` False, as an older newsevents left it: behind,
    a1 stored and not clustered."""
    with open_store(path) as store:
        if not cluster:
            _mark_behind(path)
        store.write(build("a1"))
        if cluster:
            store.recluster()
    return path


def _mark_behind(path: Path) -> None:
    """What a store upgraded from schema 3 says until its first recluster."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE store_state SET value = '1' WHERE name = 'dirty'")
    conn.close()


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xffnot a database" * 300)


def _truncated(path: Path) -> None:
    whole = _store(path).read_bytes()
    path.write_bytes(whole[: len(whole) // 3])


def _empty(path: Path) -> None:
    path.touch()


def _missing(path: Path) -> None:
    pass


KINDS: dict[str, tuple[Callable[[Path], None], str]] = {
    "garbage": (_garbage, "the file is corrupt"),
    "truncated": (_truncated, "the file is corrupt"),
    "empty": (_empty, "not a newsevents store"),
    "missing": (_missing, "no such store"),
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", READERS)
def test_a_bad_store_is_one_e301_line_and_is_left_as_it_was(
    command: str, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: None)  # a server that starts never listens here
    db = tmp_path / "bad.db"
    make, says = KINDS[kind]
    make(db)
    before = db.read_bytes() if db.exists() else None
    result = run(*READERS[command], "--db", str(db))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: [E301] cannot open store {db}: {says}"), result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stdout == ""
    assert (db.read_bytes() if db.exists() else None) == before


def test_extract_refuses_a_corrupt_store_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    _truncated(db)
    result = run("extract", str(tmp_path / "none.txt"), "--db", str(db))
    assert result.exit_code == EXIT_RESOURCE
    assert result.stderr.startswith("newsevents: [E301] cannot open store") and "corrupt" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_read_only_store_is_read_by_show_export_and_serve_and_refused_by_writers(tmp_path: Path) -> None:
    db = _store(tmp_path / "ro.db")
    db.chmod(0o444)
    before = db.read_bytes()
    try:
        shown = run("show", "--db", str(db))
        assert shown.exit_code == 0 and "2 event clusters" in shown.stderr, shown.output
        exported = run("export", "--db", str(db), "--format", "csv", "--table", "articles")
        assert exported.exit_code == 0 and "wrote 1 articles" in exported.stderr, exported.output
        with TestClient(create_app(str(db)), base_url="http://localhost") as client:
            assert client.get("/api/articles/a1").status_code == 200
        writers = ((["dedup"], 1, "Error: "), (["extract", str(db)], EXIT_RESOURCE, "newsevents: "))
        for args, code, prefix in writers:
            refused = run(*args, "--db", str(db))
            assert refused.exit_code == code, refused.output
            assert refused.stderr.startswith(f"{prefix}[E301] cannot open store {db}: the store is read-only")
            assert len(refused.stderr.splitlines()) == 1
    finally:
        db.chmod(0o644)
    assert db.read_bytes() == before


def test_show_limit_0_prints_no_rows_and_no_warning(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.db")
    shown = run("show", "--db", str(db), "--limit", "0")
    assert shown.exit_code == 0, shown.output
    assert shown.stderr == "newsevents: 0 event clusters\n"


def test_show_says_when_the_store_is_behind_on_clustering(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.db", cluster=False)
    shown = run("show", "--db", str(db))
    assert shown.exit_code == 0, shown.output
    assert "stored without clustering" in shown.stderr and "dedup" in shown.stderr


@pytest.mark.model
def test_extract_reclusters_a_store_left_behind(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run("extract", str(seed_path), "--db", str(db), "--quiet").exit_code == 0
    _mark_behind(db)
    with open_store(db) as store:
        store.write(build("a1"))  # stored by a store still behind: left for the recluster
        assert not store.clusters(EventFilter(article_id="a1"))
    again = run("extract", str(seed_path), "--db", str(db))  # nothing new to store
    assert again.exit_code == 0 and "stored 0" in again.stderr, again.output
    with open_store(db) as store:
        assert store.clusters(EventFilter(article_id="a1"))


@pytest.mark.model
def test_a_full_disk_during_extract_is_one_line_and_the_store_stays_whole(
    tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _store(tmp_path / "s.db")
    connect = sqlite.connect

    def filled(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages}")  # no page more: what a full disk answers
        return conn

    monkeypatch.setattr(sqlite, "connect", filled)
    result = run("extract", str(seed_path), "--db", str(db))
    assert result.exit_code == EXIT_RESOURCE, result.output
    errors = [line for line in result.stderr.splitlines() if "[E" in line]
    assert len(errors) == 1 and errors[0].startswith("newsevents: [E303] cannot write to store")
    assert "full" in errors[0] and "Traceback" not in result.output
    monkeypatch.undo()
    with open_store(db) as store:
        assert store.counts()["articles"] == 1 and store.has("a1")
        assert store.fetch_one("PRAGMA quick_check") == ("ok",)

"""Store backends by URL scheme: a user's backend registers the way the built-ins do, and both
`open_store` and `newsevents extract --db` go through the registry."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from newsevents.errors import StoreError
from newsevents.model import Extraction
from newsevents.store import EventFilter, SQLiteStore, open_store, register_backend, store_exists
from newsevents.store import registry as store_registry


class RecordingStore(SQLiteStore):
    """The SQLite dialect under another scheme, recording what went through it."""

    opened: ClassVar[list[str]] = []
    written: ClassVar[list[str]] = []

    def write(self, extraction: Extraction) -> bool:
        RecordingStore.written.append(extraction.article.id)
        return super().write(extraction)


def open_recording(url: str) -> RecordingStore:
    path = url.split(":///", 1)[1]
    RecordingStore.opened.append(path)
    return RecordingStore(path)


@pytest.fixture
def recording() -> Iterator[type[RecordingStore]]:
    RecordingStore.opened, RecordingStore.written = [], []
    register_backend("recording", open_recording, lambda url: Path(url.split(":///", 1)[1]).exists())
    yield RecordingStore
    store_registry.unregister_backend("recording")


def test_a_registered_backend_opens_writes_and_reads(recording, tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "rec.db"
    assert not store_exists(f"recording:///{path}")
    with open_store(f"recording:///{path}") as store:
        assert isinstance(store, RecordingStore)
        assert store.write(make_extraction("a1")) is True
        assert [e["idx"] for e in store.events(EventFilter(article_id="a1"))] == [0, 1]
    assert recording.opened == [str(path)] and recording.written == ["a1"]
    assert store_exists(f"recording:///{path}")
    # What it wrote is an ordinary store file.
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 2
    conn.close()


def test_unknown_schemes_are_refused_until_registered(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"\[E301\].*nosuch://\.\.\.: unknown kind of store"):
        open_store(f"nosuch:///{tmp_path / 'x.db'}")
    with pytest.raises(ValueError):
        register_backend("bad/scheme", open_recording)


def test_plain_paths_go_through_the_registry_too(tmp_path: Path) -> None:
    """The built-in SQLite store is a registered backend: replacing it changes what a path opens."""
    builtin = store_registry.backends()["sqlite"]
    register_backend("sqlite", open_recording)
    try:
        RecordingStore.opened = []
        with open_store(tmp_path / "plain.db") as store:
            assert isinstance(store, RecordingStore)
        with open_store(str(tmp_path / "text.db")) as store:
            assert isinstance(store, RecordingStore)
    finally:
        register_backend("sqlite", builtin.open, builtin.exists, builtin.open_as)
    assert RecordingStore.opened == [str(tmp_path / "plain.db"), str(tmp_path / "text.db")]
    with open_store(tmp_path / "again.db") as store:
        assert type(store) is SQLiteStore


@pytest.mark.model
def test_extract_stores_through_a_registered_backend(recording, tmp_path: Path, seed_path: Path) -> None:  # type: ignore[no-untyped-def]
    from newsevents.cli import main

    db = f"recording:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(main, ["extract", str(seed_path), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    assert recording.opened == [str(tmp_path / "cli.db")] and len(recording.written) == 1
    shown = CliRunner().invoke(main, ["show", "--db", db, "--view", "events"])
    assert shown.exit_code == 0, shown.output
    assert len(recording.opened) == 2 and "SYR" in shown.stdout  # show read it through the backend
    with open_store(tmp_path / "cli.db") as store:
        assert store.has(recording.written[0]) and store.events()


AUDITED = """
from pathlib import Path

from newsevents.store import SQLiteStore


class AuditedStore(SQLiteStore):
    def write(self, extraction):
        with open(self.audit, "a", encoding="utf-8") as log:
            log.write(extraction.article.id + "\\\\n")
        return super().write(extraction)


def open_audited(url):
    path = url.split(":///", 1)[1]
    store = AuditedStore(path)
    store.audit = path + ".audit"
    return store
"""


@pytest.mark.model
def test_an_installed_plugin_backend_works_from_the_command_line(tmp_path: Path, seed_path: Path) -> None:
    """No user code runs before the command: the backend is found through its package's metadata."""
    import os
    import subprocess
    import sys

    site = tmp_path / "site"
    site.mkdir()
    (site / "audited_store.py").write_text(AUDITED, encoding="utf-8")
    info = site / "audited_store-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: audited-store\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[newsevents.stores]\naudited = audited_store:open_audited\n")
    path = os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": path}
    db = tmp_path / "events.db"
    exe = Path(sys.executable).with_name("newsevents")
    proc = subprocess.run([str(exe), "extract", str(seed_path), "--db", f"audited:///{db}", "-q"],
                          env=env, capture_output=True, text=True, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert len(Path(f"{db}.audit").read_text(encoding="utf-8").split()) == 1
    with open_store(db) as store:
        assert store.events(EventFilter())

"""Output piped into a reader that stops early (`| head`): the command ends quietly, as Unix tools
do, and a run that also stores keeps storing every article."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"
ARTICLES = 12  # their printed JSON is several times a pipe's buffer (64 KiB)
# The clusters of 12 articles make about 30 KB of CSV, less than a pipe's buffer: the export could
# finish before the reader closes and the test would race. These make several buffers of each format.
EXPORTED = 48

pytestmark = pytest.mark.model


def _first_line_then_close(*args: str) -> tuple[int, str]:
    """Run the command, read one line of its output, close the pipe; (exit status, stderr)."""
    proc = subprocess.Popen([sys.executable, "-m", "newsevents.cli", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    return proc.wait(timeout=600), stderr


def _copies(out: Path, count: int) -> Path:
    for path in sorted(CORPUS.glob("*.txt"))[:count]:
        shutil.copy(path, out / path.name)
    return out


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copies(tmp_path_factory.mktemp("pipes"), ARTICLES)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copies(tmp_path_factory.mktemp("exported"), EXPORTED)


def test_extract_printing_into_a_closed_pipe_still_stores_every_article(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    status, stderr = _first_line_then_close("extract", str(folder), "--format", "jsonl", "--db", str(db))
    assert status == 0, stderr
    assert "Traceback" not in stderr and "Broken pipe" not in stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == ARTICLES


def test_an_export_into_a_closed_pipe_ends_quietly(exported: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    made = subprocess.run([sys.executable, "-m", "newsevents.cli", "extract", str(exported), "--db", str(db),
                           "--quiet"], capture_output=True, text=True)  # fmt: skip
    assert made.returncode == 0, made.stderr
    for fmt in ("csv", "jsonl"):
        status, stderr = _first_line_then_close("export", "--db", str(db), "--format", fmt)
        assert status == 0, stderr
        assert stderr == "", stderr

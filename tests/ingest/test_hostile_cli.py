"""`newsevents extract` over one folder mixing hostile inputs with good articles, as a user runs
it (a separate process, bounded by a timeout): one stderr line per bad input, naming it, no
traceback, no hang, exit 1 (something was skipped), and every good article stored."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsevents
from newsevents.ingest import article_from_text

pytestmark = pytest.mark.model
SRC = Path(newsevents.__file__).resolve().parents[1]
DEPTH = 1200
ENGLISH = (
    "Police fired tear gas at protesters in the capital last week, witnesses said, as thousands "
    "marched towards the presidential palace to demand that the government step down. The interior "
    "ministry said it would investigate the clashes and called for calm."
)
PAGE = """<!DOCTYPE html><html><head><title>Police fire tear gas</title>
<link rel="canonical" href="javascript:alert(1)"></head><body><article><h1>Police fire tear gas</h1>
<p>Police fired tear gas at protesters in the capital on Sunday, witnesses said, as thousands
marched towards the presidential palace to demand that the government step down.</p>
<p>The interior ministry said it would investigate the clashes and called for calm across the
country, while opposition leaders vowed to return to the streets next week.</p></article></body></html>"""


@pytest.fixture
def mixed(tmp_path: Path, seed_path: Path) -> Iterator[tuple[Path, list[tuple[str, str]]]]:
    """The folder, and (code, name the line must carry) for each line expected on stderr."""
    folder = tmp_path / "in"
    folder.mkdir()
    corpus = seed_path.parents[1] / "corpus" / "articles"
    for name in ("001.txt", "002.txt"):
        shutil.copy(corpus / name, folder / f"good-{name}")
    shutil.copy(
        corpus / "003.txt", folder / os.fsdecode(b"caf\xe9.txt")
    )  # read, and stored by a printable name
    (folder / "empty.txt").write_bytes(b"")
    os.symlink(".", folder / "loop")
    os.mkfifo(folder / "pipe.txt")
    levels = [folder]
    for _ in range(DEPTH):
        levels.append(levels[-1] / "d")
        levels[-1].mkdir()
    (levels[-1] / "wide.txt").write_bytes(("Title\n\n" + ENGLISH).encode("utf-16"))
    feed = [
        "{broken",
        json.dumps(
            {"text": "北京宣布新措施。北京市政府周一宣布，将开展环境整治行动。官员表示，行动将持续三个月。"}
        ),
        '{"text": "Tear gas\\ud800\\n\\n'
        + ENGLISH
        + '", "published": "9999-12-31", "url": "javascript:x()"}',
    ]
    (folder / "feed.jsonl").write_text("\n".join(feed) + "\n", encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    expected = [
        ("E101", "empty.txt"),
        ("E103", "pipe.txt"),
        ("E105", "wide.txt"),
        ("E104", "feed.jsonl:1"),
        ("E106", "feed.jsonl:2"),
        ("E113", "feed.jsonl:3"),
        ("E114", "feed.jsonl:3"),
        ("E115", "feed.jsonl:3"),
        ("E115", "page.html"),
    ]
    yield folder, expected
    for level in reversed(levels[1:]):  # bottom-up: shutil.rmtree would recurse 1,200 deep
        for entry in level.iterdir():
            entry.unlink()
        level.rmdir()


def test_extract_over_hostile_inputs(mixed: tuple[Path, list[tuple[str, str]]], tmp_path: Path) -> None:
    folder, expected = mixed
    db = tmp_path / "x.sqlite"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-c", "from newsevents.cli import main; main()", "extract", str(folder)]
    proc = subprocess.run(
        [*command, "--db", str(db), "--quiet"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.splitlines()
    assert len(lines) == len(expected), proc.stderr
    for code, name in expected:
        assert sum(1 for ln in lines if f"[{code}]" in ln and name in ln) == 1, (code, name, proc.stderr)
    assert proc.returncode == 1, proc.stderr  # README: 1 when anything was skipped
    with sqlite3.connect(db) as con:
        origins = sorted(Path(o).name for (o,) in con.execute("select origin from articles"))
    assert origins == ["caf\\xe9.txt", "feed.jsonl:3", "good-001.txt", "good-002.txt", "page.html"]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_python_api_takes_publication_dates_at_the_ends_of_the_calendar(published: str) -> None:
    text = (
        "Troops attack village\n\nGovernment troops attacked the village last week, killing 12 civilians, "
        "officials said. Rebels vowed to attack the capital tomorrow."
    )
    result = newsevents.extract(article_from_text(text, published=published))
    assert result.events and result.article.published == published

"""`extract` prints or stores as asked: printing alone writes nothing, `--db` stores (and still
prints what it already held), and a run that reads nothing creates no store."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main

pytestmark = pytest.mark.model
SRC = Path(__file__).resolve().parents[2] / "src"


def command(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, run in `cwd`, as a user types it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "newsevents.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as con:
        return (con.execute("select count(*) from articles").fetchone()[0],
                con.execute("select count(*) from events").fetchone()[0])


def test_format_json_twice_prints_the_same_json_and_writes_no_file(tmp_path: Path, seed_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    first = command("extract", str(seed_path), "--format", "json", cwd=work)
    second = command("extract", str(seed_path), "--format", "json", cwd=work)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert json.loads(first.stdout)["events"], "the seed article has events"
    assert first.stdout == second.stdout
    assert list(work.iterdir()) == []
    assert "stored 0; already stored 0" in second.stderr


def test_with_db_an_article_already_stored_is_printed_and_not_written_again(
    tmp_path: Path, seed_path: Path
) -> None:
    db = tmp_path / "events.sqlite"
    first = run("extract", str(seed_path), "--format", "jsonl", "--db", str(db))
    assert first.exit_code == 0, first.output
    assert "stored 1" in first.stderr and "not written again" not in first.stderr
    stored = counts(db)
    second = run("extract", str(seed_path), "--format", "jsonl", "--db", str(db))
    assert second.exit_code == 0, second.output
    assert second.stdout == first.stdout and len(second.stdout.splitlines()) == 1
    notice = [line for line in second.stderr.splitlines() if "not written again" in line]
    assert notice == [f"newsevents: 1 article already stored in {db}: printed from a fresh extraction, "
                      "not written again"]
    assert "stored 0; already stored 1" in second.stderr
    assert counts(db) == stored
    quiet = run("extract", str(seed_path), "--db", str(db), "-q")  # storing only: not even parsed
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""


def test_without_format_the_default_store_is_written(tmp_path: Path, seed_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("extract", str(seed_path))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert counts(tmp_path / "newsevents.sqlite")[0] == 1


def test_no_db_wins_over_db(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    result = run("extract", str(seed_path), "--db", str(db), "--no-db", "--format", "jsonl")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1
    assert not db.exists()


@pytest.mark.parametrize("db", [None, "named.sqlite"])
def test_a_missing_input_writes_nothing(tmp_path: Path, db: str | None) -> None:
    work = tmp_path / "work"
    work.mkdir()
    args = ["extract", "nope.txt", "-q"] + (["--db", db] if db else [])
    result = command(*args, cwd=work)
    assert result.returncode == 1
    assert result.stderr == "nope.txt: [E109] no such file or directory\n"
    assert list(work.iterdir()) == []


def test_a_store_is_created_once_an_article_is_read_after_bad_input(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    result = run("extract", str(tmp_path / "nope.txt"), str(seed_path), "--db", str(db))
    assert result.exit_code == 1
    assert counts(db)[0] == 1


def test_a_gzip_feed_is_extracted_like_the_plain_one(tmp_path: Path, seed_path: Path) -> None:
    line = json.dumps({"text": seed_path.read_text(encoding="utf-8"), "published": "2016-02-13"}) + "\n"
    plain, packed = tmp_path / "feed.jsonl", tmp_path / "feed.jsonl.gz"
    plain.write_text(line * 2, encoding="utf-8")
    with gzip.open(packed, "wt", encoding="utf-8") as handle:
        handle.write(line * 2)
    a = run("extract", str(plain), "--format", "jsonl", "--no-text")
    b = run("extract", str(packed), "--format", "jsonl", "--no-text")
    assert a.exit_code == 0 and b.exit_code == 0, a.output + b.output
    assert len(b.stdout.splitlines()) == 2 and a.stdout == b.stdout

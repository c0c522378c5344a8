"""An id given in the input is metadata: the article's key stays the hash of its text, so two
texts given one id are two articles and an id with a slash never becomes part of a URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsevents.api import create_app
from newsevents.cli import main
from newsevents.ingest import article_id
from newsevents.store import open_store

pytestmark = pytest.mark.model

FIRST = "Rebels shelled Aleppo on Monday, killing 12 civilians, officials said."
SECOND = "Government forces attacked rebels near Idlib on Tuesday, residents said."


def _jsonl(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_two_texts_given_one_id_are_both_stored(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", {"id": "x1", "text": FIRST}, {"id": "x1", "text": SECOND})
    db = tmp_path / "s.db"
    result = CliRunner().invoke(main, ["extract", str(source), "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "stored 2" in result.stderr and "already stored 0" in result.stderr
    printed = [json.loads(line)["article"] for line in result.stdout.splitlines()]
    both = [(article_id(FIRST), "x1"), (article_id(SECOND), "x1")]
    assert [(a["id"], a["given_id"]) for a in printed] == both
    with open_store(db, "read") as store:
        assert sorted((r["id"], r["given_id"]) for r in store.rows("articles")) == sorted(both)


def test_an_id_with_a_slash_is_opened_by_its_key_in_the_api(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", {"id": "a/b", "text": FIRST})
    db = tmp_path / "s.db"
    result = CliRunner().invoke(main, ["extract", str(source), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with TestClient(create_app(str(db)), base_url="http://localhost") as client:
        (listed,) = client.get("/api/articles").json()["items"]
        assert listed["id"] == article_id(FIRST)
        opened = client.get(f"/api/articles/{listed['id']}")
        assert opened.status_code == 200, opened.text
        assert opened.json()["article"]["given_id"] == "a/b"

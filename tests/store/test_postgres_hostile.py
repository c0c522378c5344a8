"""Hostile values on a real PostgreSQL server: figures over 32 bits, NUL in text and in an id,
an older store's 32-bit columns, and a read-only session. Skipped, saying why, without a server."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newsevents.errors import StoreError
from newsevents.model import Evidence, Extraction
from newsevents.store import open_store
from newsevents.store.migrations import SCHEMA_VERSION

psycopg = pytest.importorskip("psycopg")


def _sql(url: str, sql: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql)
        return cur.fetchall() if cur.description else []


def _with_nul(plain: Extraction) -> Extraction:
    text = plain.article.text.replace("Photo", "Ph\x00to")
    furniture = tuple(Evidence.of(text, f.start, f.end) for f in plain.article.furniture)
    return replace(plain, article=replace(plain.article, text=text, furniture=furniture))


def test_a_figure_over_32_bits_is_stored(pg_schema: str, make_extraction) -> None:  # type: ignore[no-untyped-def]
    extraction = make_extraction("a1")
    displaced = replace(extraction.quantities[0], kind="displaced", value=3_000_000_000)
    with open_store(pg_schema) as store:
        assert store.write(replace(extraction, quantities=(displaced,)))
        assert [q["value"] for q in store.rows("quantities")] == [3_000_000_000]
        with pytest.raises(StoreError, match=r"\[E304\]"):
            store.write(replace(make_extraction("a2"), quantities=(replace(displaced, value=2**64),)))
        assert not store.has("a2")


def test_an_older_store_gets_64_bit_integers(pg_schema: str, make_extraction) -> None:  # type: ignore[no-untyped-def]
    open_store(pg_schema).close()
    for column in ("value", "low", "high", "idx"):  # as a schema-2 newsevents created them
        _sql(pg_schema, f"ALTER TABLE quantities ALTER COLUMN {column} TYPE INTEGER")
    _sql(pg_schema, "ALTER TABLE articles DROP COLUMN given_id")
    _sql(pg_schema, "DROP TABLE store_state")
    _sql(pg_schema, "UPDATE schema_version SET version = 2")
    with pytest.raises(StoreError, match=r"\[E301\].*older newsevents"):
        open_store(pg_schema, "read")  # reading never migrates
    extraction = make_extraction("a1")
    big = replace(extraction.quantities[0], value=3_000_000_000)
    with open_store(pg_schema) as store:
        assert store.behind() and store.write(replace(extraction, quantities=(big,)))
    types = _sql(pg_schema, "SELECT DISTINCT data_type FROM information_schema.columns WHERE table_name ="
                 " 'quantities' AND column_name IN ('value', 'idx') AND table_schema = current_schema()")
    assert types == [("bigint",)]
    assert _sql(pg_schema, "SELECT MAX(version) FROM schema_version") == [(SCHEMA_VERSION,)]


def test_nul_is_stored_as_on_sqlite(pg_schema: str, tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    extraction = _with_nul(make_extraction("a1"))
    found = []
    for url in (pg_schema, str(tmp_path / "s.db")):
        with open_store(url) as store:
            assert store.write(extraction)
            found.append([{k: v for k, v in r.items() if k != "stored_at"} for r in store.rows("articles")])
    assert found[0] == found[1]
    (article,) = found[0]
    assert article["text"] == extraction.article.text.replace("\x00", "\ufffd")
    assert article["furniture"][0]["text"] == "Ph\ufffdto: AFP"
    assert len(article["text"]) == len(extraction.article.text)  # offsets still point at their words


def test_a_nul_id_is_404_in_the_api(pg_schema: str, make_extraction) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from newsevents.api import create_app

    with open_store(pg_schema) as store:
        store.write(make_extraction("a1"))
    with TestClient(create_app(pg_schema), base_url="http://localhost") as client:
        assert client.get("/api/articles/%00").status_code == 404
        assert client.get("/api/events/%00/0").status_code == 404
        assert client.get("/api/quotes", params={"article_id": "\x00"}).json()["total"] == 0
        assert client.get("/api/articles/a1").status_code == 200


def test_a_read_session_never_writes(pg_schema: str, make_extraction) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match=r"\[E301\].*not a newsevents store"):
        open_store(pg_schema, "read")  # an empty database is not created by a read
    assert _sql(pg_schema, "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                "current_schema()") == []  # fmt: skip
    open_store(pg_schema).close()
    with open_store(pg_schema, "read") as store:
        with pytest.raises(StoreError, match=r"\[E303\]"):
            store.write(make_extraction("a1"))
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            store.fetch_all("INSERT INTO store_state (name, value) VALUES ('x', 'y')")


HOSTILE_JSONL = [
    {"id": "big", "text": "Police said 9,223,372,036,854,775,808 civilians were killed on Monday in the "
                          "capital. About 3 billion people were displaced by the floods, officials said."},
    {"id": "nul", "text": "Rebels shelled Aleppo on Monday,\x00 killing 12 civilians, officials said."},
]  # fmt: skip


@pytest.mark.model
def test_extract_stores_hostile_figures_and_nul_alike_on_both_backends(
    pg_schema: str, tmp_path: Path
) -> None:
    import json

    from click.testing import CliRunner

    from newsevents.cli import main

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in HOSTILE_JSONL), encoding="utf-8")
    found = []
    for url in (pg_schema, str(tmp_path / "s.db")):
        result = CliRunner().invoke(main, ["extract", str(source), "--db", url])
        assert result.exit_code == 0 and "stored 2" in result.stderr, result.output
        with open_store(url, "read") as store:
            found.append(sorted((q["kind"], q["value"]) for q in store.rows("quantities")))
            texts = [a["text"] for a in store.rows("articles")]
            assert any("Monday,\ufffd killing" in t for t in texts)
    assert found[0] == found[1] == [("displaced", 3_000_000_000), ("killed", 12)]

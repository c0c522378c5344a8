"""Where each actor's country came from, stored: extracted from real text, written to a real SQLite
file and the real PostgreSQL server, read back per event side, actor mention and quote speaker;
and schema step 7 adds the columns to a version-6 store of either engine, keeping its rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest

import newsevents
from newsevents.model import Extraction
from newsevents.store import Store, open_store
from newsevents.store.migrations import SCHEMA_VERSION

pytestmark = pytest.mark.model

SOMALIA = (
    "Gunmen storm hotel in Somali capital\n\n"
    "MOGADISHU, Somalia (AP) - Gunmen attacked a hotel on Sunday, a Somali police officer said. "
    "Syrian troops shelled a village near Idlib on Monday. "
    "Somalia's government condemned the attack and Somali officials promised an inquiry.\n"
)
# The columns step 7 adds, by table.
ADDED = {
    "events": ("source_country_source", "target_country_source", "location_reason"),  # steps 7 and 8
    "actors": ("country_source",),
    "quotes": ("speaker_country_source",),
}


@pytest.fixture(scope="module")
def somalia() -> Extraction:
    return newsevents.extract(SOMALIA)


def _sides(store: Store) -> dict[str, tuple[str | None, str | None]]:
    """Each stored event side by its words: (code, country_source)."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for row in store.events():
        for side in ("source", "target"):
            if row[f"{side}_text"]:
                out[row[f"{side}_text"]] = (row[f"{side}_code"], row[f"{side}_country_source"])
    return out


def _round_trip(store: Store, extraction: Extraction) -> None:
    assert store.write(extraction)
    sides = _sides(store)
    assert sides["Gunmen"][0] == "SOMUAF" and sides["Gunmen"][1] in ("article", "place")
    assert sides["Syrian troops"] == ("SYRMIL", "text")
    stored = [(r["text"], r["code"], r["country_source"]) for r in store.rows("actors")]
    made = [(m.actor.text, m.actor.code, m.actor.country_source) for m in extraction.actors]
    assert stored == made and {s for _, _, s in stored} >= {"text", "article"}
    speakers = [r["speaker_country_source"] for r in store.rows("quotes")]
    assert speakers == [q.speaker.country_source if q.speaker else None for q in extraction.quotes]


def test_sqlite_keeps_where_each_country_came_from(tmp_path: Path, somalia: Extraction) -> None:
    with open_store(tmp_path / "c.db") as store:
        _round_trip(store, somalia)


def test_postgres_keeps_where_each_country_came_from(
    pg_schema: str, somalia: Extraction, tmp_path: Path
) -> None:
    with open_store(pg_schema) as pg:
        _round_trip(pg, somalia)
        with open_store(tmp_path / "same.db") as lite:
            lite.write(somalia)
            assert _sides(pg) == _sides(lite)


def _as_version_6(run: Any) -> None:
    """Turn a current store back into what a schema-6 newsevents wrote (`run` executes SQL)."""
    for table, columns in ADDED.items():
        for column in columns:
            run(f"ALTER TABLE {table} DROP COLUMN {column}")
    run("DELETE FROM schema_version")
    run("INSERT INTO schema_version (version) VALUES (6)")


def _after_step_7(store: Store, old: Extraction, new: Extraction) -> None:
    """The old article is kept with nulls where step 7 adds columns; a new one is written in full."""
    assert store.has(old.article.id)
    assert all(r["source_country_source"] is None for r in store.events())
    assert store.write(new)
    by_article: dict[str, set[Any]] = {}
    for row in store.rows("actors"):
        by_article.setdefault(row["article_id"], set()).add(row["country_source"])
    assert by_article[old.article.id] == {None} and "article" in by_article[new.article.id]


def test_step_7_upgrades_a_version_6_sqlite_store(  # type: ignore[no-untyped-def]
    tmp_path: Path, make_extraction, somalia: Extraction
) -> None:
    db = tmp_path / "v6.db"
    old = make_extraction("a1")
    with open_store(db) as store:
        store.write(old)
    conn = sqlite3.connect(db, isolation_level=None)
    _as_version_6(conn.execute)
    conn.close()
    with open_store(db, "write") as store:
        _after_step_7(store, old, somalia)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    for table, columns in ADDED.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        assert set(columns) <= have, table


def test_step_7_upgrades_a_version_6_postgres_store(  # type: ignore[no-untyped-def]
    pg_schema: str, make_extraction, somalia: Extraction
) -> None:
    old = make_extraction("a1")
    with open_store(pg_schema) as store:
        store.write(old)
    with psycopg.connect(pg_schema, autocommit=True) as conn:
        _as_version_6(conn.execute)
    with open_store(pg_schema) as store:
        _after_step_7(store, old, somalia)
    with psycopg.connect(pg_schema, autocommit=True) as conn:
        versions = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert versions == [(v,) for v in range(6, SCHEMA_VERSION + 1)]  # one row per step taken

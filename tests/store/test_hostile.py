"""Hostile stores and values, built in each test: corrupt, truncated, empty, missing, read-only
and full files; text with NUL; integers beyond 64 bits; a run stopped before its clustering."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from newsevents.errors import StoreError
from newsevents.model import Evidence, Extraction
from newsevents.store import EventFilter, open_store
from newsevents.store.migrations import SCHEMA_VERSION


def _stored(path: Path, extraction: Extraction, cluster: bool = True) -> Path:
    with open_store(path) as store:
        store.write(extraction)
        if cluster:
            store.recluster()
    return path


def test_garbage_bytes_are_one_e301_line_in_every_mode(tmp_path: Path) -> None:
    db = tmp_path / "garbage.db"
    db.write_bytes(bytes(range(256)) * 40)
    before = db.read_bytes()
    for access in ("create", "write", "read"):
        with pytest.raises(StoreError, match=r"\[E301\].*garbage.db: the file is corrupt"):
            open_store(db, access)
    assert db.read_bytes() == before


def test_a_truncated_store_is_refused_at_open(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    db = _stored(tmp_path / "s.db", make_extraction("a1"))
    whole = db.read_bytes()
    db.write_bytes(whole[: len(whole) // 3])
    for access in ("create", "write", "read"):
        with pytest.raises(StoreError, match=r"\[E301\].*s.db: the file is corrupt"):
            open_store(db, access)


def test_reading_never_creates_a_store(tmp_path: Path) -> None:
    missing, empty = tmp_path / "missing.db", tmp_path / "empty.db"
    empty.touch()
    for access in ("write", "read"):
        with pytest.raises(StoreError, match=r"\[E301\].*missing.db: no such store"):
            open_store(missing, access)
        with pytest.raises(StoreError, match=r"\[E301\].*empty.db: not a newsevents store"):
            open_store(empty, access)
    assert not missing.exists() and empty.stat().st_size == 0
    assert not list(tmp_path.glob("*-wal")) and not list(tmp_path.glob("*-journal"))


def test_a_read_only_store_is_read_but_never_written(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    db = _stored(tmp_path / "ro.db", make_extraction("a1"))
    db.chmod(0o444)
    before = db.read_bytes()
    try:
        with open_store(db, "read") as store:
            assert store.has("a1") and store.clusters()
            with pytest.raises(StoreError, match=r"\[E303\].*read-only"):
                store.write(make_extraction("a2"))
        for access in ("create", "write"):
            with pytest.raises(StoreError, match=r"\[E301\].*ro.db: the store is read-only"):
                open_store(db, access)
    finally:
        db.chmod(0o644)
    assert db.read_bytes() == before


def test_an_older_store_is_not_migrated_by_a_read(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    db = _stored(tmp_path / "old.db", make_extraction("a1"))
    _as_version_2(db)
    with pytest.raises(StoreError, match=r"\[E301\].*older newsevents \(schema version 2\)"):
        open_store(db, "read")
    with open_store(db, "write") as store:  # dedup's access migrates it
        assert store.has("a1") and store.behind()
        assert store.write(replace(make_extraction("a2"), article=replace(make_extraction("a2").article,
                                                                          given_id="x/1")))  # fmt: skip
        assert [r["given_id"] for r in store.rows("articles")] == [None, "x/1"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)


def test_a_version_4_store_gains_the_publication_date_source(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    db = _stored(tmp_path / "v4.db", make_extraction("a1"))
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("ALTER TABLE articles DROP COLUMN published_source")
    conn.execute("UPDATE schema_version SET version = 4")
    conn.close()
    with open_store(db, "write") as store:
        dated = make_extraction("a2")
        assert store.write(replace(dated, article=replace(dated.article, published_source="url")))
        assert sorted((r["id"], r["published_source"]) for r in store.rows("articles")) == [
            ("a1", None), ("a2", "url")
        ]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)


def test_a_version_7_store_gains_the_reason_an_event_has_no_place(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    db = _stored(tmp_path / "v7.db", make_extraction("a1"))
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("ALTER TABLE events DROP COLUMN location_reason")
    conn.execute("UPDATE schema_version SET version = 7")
    conn.close()
    with open_store(db, "write") as store:
        assert store.write(make_extraction("a2"))
        reasons = sorted((r["article_id"], r["idx"], r["location_reason"]) for r in store.rows("events"))
        assert reasons == [("a1", 0, None), ("a1", 1, None),  # stored before step 8: unknown
                           ("a2", 0, None), ("a2", 1, "statement_no_place")]  # fmt: skip
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)


def _as_version_2(db: Path) -> None:
    """Turn a current store back into what a schema-2 newsevents wrote."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("ALTER TABLE articles DROP COLUMN given_id")
    conn.execute("DROP TABLE store_state")
    for table in ("article_sketches", "article_band_keys", "event_keys"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("UPDATE schema_version SET version = 2")
    conn.close()


def test_a_full_database_is_one_line_and_keeps_what_it_held(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    db = _stored(tmp_path / "full.db", make_extraction("a1"))
    store = open_store(db)
    (pages,) = store.fetch_one("PRAGMA page_count")
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # what a full disk answers: SQLITE_FULL
    big = make_extraction("a2", text=make_extraction().article.text + "More words. " * 20_000)
    with pytest.raises(StoreError, match=r"\[E303\].*full.db: the disk or the database is full"):
        store.write(big)
    assert not store.has("a2") and store.has("a1") and store.counts()["events"] == 2
    assert store.fetch_one("PRAGMA quick_check") == ("ok",)
    store.close()


def test_nul_is_stored_as_the_replacement_character(db_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    plain = make_extraction("a1")
    text = plain.article.text.replace("Photo", "Ph\x00to")
    furniture = tuple(Evidence.of(text, f.start, f.end) for f in plain.article.furniture)
    extraction = replace(plain, article=replace(plain.article, text=text, furniture=furniture))
    with open_store(db_path) as store:
        store.write(extraction)
        (article,) = store.rows("articles")
        assert article["text"] == extraction.article.text.replace("\x00", "\ufffd")
        assert article["furniture"][0]["text"] == "Ph\ufffdto: AFP"
        assert store.article("a\x00") is None and store.events(EventFilter(article_id="a1\x00")) == []


def test_an_integer_beyond_64_bits_is_refused_before_the_driver(db_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    extraction = make_extraction("a1")
    huge = replace(extraction.quantities[0], value=2**63)
    with open_store(db_path) as store:
        with pytest.raises(StoreError, match=r"\[E304\].*quantities.value = 9223372036854775808"):
            store.write(replace(extraction, quantities=(huge,)))
        assert not store.has("a1")
        assert store.write(replace(extraction, quantities=(replace(huge, value=2**63 - 1),)))
        assert [q["value"] for q in store.rows("quantities")] == [2**63 - 1]


def test_the_store_says_when_it_is_behind_on_clustering(db_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    with open_store(db_path) as store:
        assert not store.behind()
        store.write(make_extraction("a1"))  # clustered in its own transaction
        assert not store.behind() and store.clusters()
    _as_version_3(db_path)  # what a schema-3 newsevents left: no lookup keys to join new articles by
    with open_store(db_path) as store:
        assert store.behind()
        store.write(make_extraction("a2"))  # stored, left for the recluster to come
    with open_store(db_path, "read") as store:
        waiting = {e["article_id"] for e in store.events() if e["cluster_id"] is None}
        assert store.behind() and waiting == {"a2"}
    with open_store(db_path) as store:
        store.write(make_extraction("a1"))  # already stored: changes nothing
        store.recluster()
        assert not store.behind() and all(e["cluster_id"] for e in store.events())
        assert store.fetch_one("SELECT COUNT(DISTINCT article_id) FROM article_band_keys") == (2,)


def _as_version_3(db: Path) -> None:
    """Turn a current store back into what a schema-3 newsevents wrote."""
    conn = sqlite3.connect(db, isolation_level=None)
    for table in ("article_sketches", "article_band_keys", "event_keys"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("UPDATE schema_version SET version = 3")
    conn.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "s.db"


def test_a_store_in_a_read_only_folder_is_read_without_side_files(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "ro"
    db = _stored(folder / "s.db", make_extraction("a1"))
    folder.chmod(0o555)
    try:
        with open_store(db, "read") as store:
            assert store.has("a1") and store.clusters()
        with pytest.raises(StoreError, match=r"\[E301\].*s.db: the store is read-only"):
            open_store(db, "write")
    finally:
        folder.chmod(0o755)
    assert sorted(p.name for p in folder.iterdir()) == ["s.db"]


def test_a_truncated_large_store_is_refused_by_the_cheap_check(
    tmp_path: Path, make_extraction, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """Past FULL_CHECK_BYTES the open reads no page but the schema's: a short file still fails."""
    from newsevents.store import sqlite as sqlite_store

    db = _stored(tmp_path / "big.db", make_extraction("a1"))
    monkeypatch.setattr(sqlite_store, "FULL_CHECK_BYTES", 0)
    with open_store(db, "read") as store:  # whole, it opens, checked the cheap way
        assert store.counts()["articles"] == 1
    whole = db.read_bytes()
    db.write_bytes(whole[: len(whole) // 3])
    for access in ("create", "write", "read"):
        with pytest.raises(StoreError, match=r"\[E301\].*big.db: the file is corrupt"):
            open_store(db, access)

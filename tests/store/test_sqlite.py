"""The SQLite store: every table written and read back, idempotency, atomicity, reopening."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsevents.errors import StoreError
from newsevents.store import EventFilter, SQLiteStore, Store, open_store
from newsevents.store import rows as row_builders
from newsevents.store.migrations import SCHEMA_VERSION


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "events.db")
    yield store
    store.close()


def _text(row: dict, text: str, prefix: str) -> str:
    return text[row[f"{prefix}_start"] : row[f"{prefix}_end"]]


def test_write_and_read_back_every_table(db: Store, make_extraction) -> None:  # type: ignore[no-untyped-def]
    ext = make_extraction()
    text = ext.article.text
    assert isinstance(db, Store)
    assert db.write(ext) is True
    assert db.has("a1") and not db.has("zzz")
    assert db.counts() == {
        "articles": 1,
        "events": 2,
        "actors": 3,
        "quantities": 1,
        "quotes": 1,
        "locations": 2,
    }

    (article,) = db.rows("articles")
    assert article["text"] == text and article["published"] == "2016-02-13"
    assert article["furniture"] == [
        {"start": text.index("Photo"), "end": text.index("Photo") + 10, "text": "Photo: AFP"}
    ]
    assert text[article["title_start"] : article["title_end"]] == article["title"]
    assert article["stored_at"].endswith("+00:00")

    ev0, ev1 = db.rows("events")
    assert (ev0["source_code"], ev0["target_code"], ev0["cameo_root"], ev0["plover"]) == (
        "SYRMIL",
        "SYRREB",
        "19",
        "ASSAULT",
    )
    assert _text(ev0, text, "trigger") == ev0["trigger_text"] == "attacked"
    assert _text(ev0, text, "evidence") == ev0["evidence_text"]
    assert _text(ev0, text, "source") == "Syrian government forces"
    assert _text(ev0, text, "location") == "Aleppo" and ev0["location_start"] > text.index("\n")
    assert ev0["location_lat"] == pytest.approx(36.2) and ev0["goldstein"] == -10.0
    assert ev0["negated"] is False and ev0["attributed_to"] is None
    assert ev1["negated"] is True and ev1["modality"] == "reported"
    assert (ev1["attributed_to"], ev1["attributed_to_code"]) == ("Bashar al-Assad", "SYRGOV")
    assert ev1["target_code"] is None and ev1["location_name"] is None


def test_write_and_read_back_the_other_tables(db: Store, make_extraction) -> None:  # type: ignore[no-untyped-def]
    ext = make_extraction()
    text = ext.article.text
    assert db.write(ext) is True
    actors = list(db.rows("actors"))
    assert [a["kind"] for a in actors] == ["noun", "noun", "name"]
    assert [_text(a, text, "evidence") for a in actors] == [a["text"] for a in actors]

    (qty,) = db.rows("quantities")
    assert (qty["kind"], qty["value"], qty["qualifier"], qty["status"], qty["event_idx"]) == (
        "refugees",
        35000,
        "about",
        "reported",
        0,
    )
    assert qty["location_country"] == "TUR" and _text(qty, text, "evidence") == qty["evidence_text"]

    (quote,) = db.rows("quotes")
    assert quote["direct"] is True and quote["speaker_code"] == "SYRGOV" and quote["cue"] == "said"
    assert _text(quote, text, "evidence") == quote["evidence_text"]

    aleppo, kilis = db.rows("locations")
    assert aleppo["mention_count"] == 2 and len(aleppo["mentions"]) == 2
    assert all(text[m["start"] : m["end"]] == "Aleppo" == m["text"] for m in aleppo["mentions"])
    assert _text(aleppo, text, "evidence") == "Aleppo" and aleppo["geonameid"] == 170063
    assert kilis["country"] == "TUR" and kilis["admin1"] is None


def test_writing_twice_changes_nothing(db: Store, make_extraction) -> None:  # type: ignore[no-untyped-def]
    assert db.write(make_extraction()) is True
    before = (db.counts(), list(db.rows("articles")))
    assert db.write(make_extraction()) is False
    assert (db.counts(), list(db.rows("articles"))) == before


def test_an_article_without_items_is_stored(db: Store, make_extraction) -> None:  # type: ignore[no-untyped-def]
    bare = make_extraction("bare")
    from dataclasses import replace

    assert db.write(replace(bare, events=(), quantities=(), quotes=(), locations=(), actors=()))
    assert db.counts()["articles"] == 1 and db.counts()["events"] == 0
    assert db.events() == []


@pytest.mark.parametrize("failure", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_a_failure_mid_write_leaves_no_partial_article(
    db: Store,
    make_extraction,
    monkeypatch: pytest.MonkeyPatch,
    failure: BaseException,  # type: ignore[no-untyped-def]
) -> None:
    original = row_builders.quote_rows
    calls = []

    def broken(extraction):  # type: ignore[no-untyped-def]
        calls.append(1)
        raise failure

    monkeypatch.setattr(row_builders, "quote_rows", broken)
    with pytest.raises(type(failure)):
        db.write(make_extraction())
    assert calls, "the failing builder must have run after the article row was inserted"
    assert not db.has("a1")
    assert all(n == 0 for n in db.counts().values())

    monkeypatch.setattr(row_builders, "quote_rows", original)
    assert db.write(make_extraction()) is True
    assert db.counts()["quotes"] == 1 and db.counts()["events"] == 2


def test_a_failing_insert_rolls_back_the_article(db: Store, make_extraction, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Two events with the same idx break the primary key at the second insert.
    def duplicated(extraction):  # type: ignore[no-untyped-def]
        (row, *_) = original(extraction)
        return [row, dict(row)]

    original = row_builders.event_rows
    monkeypatch.setattr(row_builders, "event_rows", duplicated)
    with pytest.raises(StoreError, match=r"\[E303\]") as raised:
        db.write(make_extraction())
    assert isinstance(raised.value.__cause__, sqlite3.IntegrityError)
    assert db.counts()["articles"] == 0 and db.counts()["events"] == 0


def test_a_reopened_store_sees_the_data(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "sub" / "events.db"
    with SQLiteStore(path) as store:
        store.write(make_extraction("a1"))
    with open_store(f"sqlite:///{path}") as again:
        assert again.has("a1")
        assert again.write(make_extraction("a1")) is False
        assert again.write(make_extraction("a2")) is True
        assert len(again.events()) == 4
    # Readable by any SQLite client, with WAL on and the schema version recorded.
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
    conn.close()


def test_a_second_connection_reads_only_committed_articles(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "events.db"
    with open_store(path) as writer, open_store(path) as reader:
        writer.write(make_extraction("a1"))
        assert reader.has("a1") and reader.counts()["events"] == 2


def test_open_store_urls_and_errors(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "plain.db")) as store:
        assert isinstance(store, SQLiteStore)
    with pytest.raises(StoreError, match=r"\[E301\] cannot open store postgresql://me:\*\*\*@127") as err:
        open_store("postgresql://me:secret@127.0.0.1:1/events")  # nothing listens on port 1
    assert err.value.code == "E301" and "secret" not in str(err.value)
    with pytest.raises(StoreError, match=r"\[E301\].*unknown kind of store"):
        open_store("mysql://localhost/events")
    with pytest.raises(StoreError, match=r"\[E301\].*is a directory"):
        open_store(tmp_path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all, just some text " * 100)
    with pytest.raises(StoreError, match=r"\[E301\]"):
        open_store(junk)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"\[E301\].*newer newsevents"):
        open_store(path)


def test_rows_of_an_unknown_table_is_an_error(db: Store) -> None:
    with pytest.raises(StoreError, match=r"\[E302\].*no table 'sqlite_master'"):
        list(db.rows("sqlite_master"))


def test_events_join_the_article(db: Store, make_extraction) -> None:  # type: ignore[no-untyped-def]
    db.write(make_extraction())
    first = db.events(EventFilter(limit=1))[0]
    assert (first["title"], first["url"], first["source"], first["published"]) == (
        "Syrian forces press Aleppo offensive",
        "https://example.org/a1",
        "Example News",
        "2016-02-13",
    )
    assert first["idx"] == 0 and first["source_code"] == "SYRMIL"


def test_an_older_schema_is_migrated(tmp_path: Path, make_extraction, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsevents.store import migrations as sqlite_module

    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.write(make_extraction("a1"))
    monkeypatch.setattr(sqlite_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(
        sqlite_module, "MIGRATIONS", {SCHEMA_VERSION + 1: ("ALTER TABLE events ADD COLUMN reviewed BOOLEAN",)}
    )
    with open_store(path) as store:
        assert store.has("a1")
    conn = sqlite3.connect(path)
    assert [v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY version")] == [
        SCHEMA_VERSION,
        SCHEMA_VERSION + 1,
    ]
    assert "reviewed" in [row[1] for row in conn.execute("PRAGMA table_info(events)")]
    conn.close()


def test_a_foreign_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"\[E301\].*not a newsevents store"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["notes"]
    conn.close()


def test_a_process_killed_mid_write_leaves_no_partial_article(tmp_path: Path) -> None:
    """A hard crash (no cleanup, no rollback) inside the transaction: the file keeps only committed work."""
    import subprocess
    import sys

    path = tmp_path / "crash.db"
    script = f"""
import os, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from conftest import build
from newsevents.store import open_store
from newsevents.store import rows

store = open_store({str(path)!r})
store.write(build("kept"))
def crash(extraction):
    os._exit(3)
rows.quote_rows = crash
store.write(build("lost"))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    with open_store(path) as store:
        assert store.has("kept") and not store.has("lost")
        assert store.counts()["events"] == 2 and store.counts()["articles"] == 1


def test_two_writers_on_one_file(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    import threading

    path = tmp_path / "shared.db"
    open_store(path).close()
    errors: list[BaseException] = []

    def work(prefix: str) -> None:
        try:
            with open_store(path) as store:
                for i in range(20):
                    store.write(make_extraction(f"{prefix}{i}"))
        except BaseException as exc:  # reported to the test thread below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(p,)) for p in "xy"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(path) as store:
        assert store.counts()["articles"] == 40 and store.counts()["events"] == 80


def test_a_store_made_by_another_opener_meanwhile_is_not_made_again(tmp_path: Path) -> None:
    # Two extract runs on one fresh file both find it empty; the second to get the write lock
    # must find the schema there instead of failing on schema_version's key.
    from newsevents.store import migrations

    with open_store(tmp_path / "s.sqlite") as store:
        assert migrations._create(store) is False
        assert store.fetch_all("SELECT version FROM schema_version") == [(migrations.SCHEMA_VERSION,)]


def _open_at_once(path: str, barrier: Any) -> str | None:
    barrier.wait()
    try:
        open_store(path).close()
    except StoreError as exc:
        return str(exc)
    return None


def test_two_processes_opening_one_fresh_file_at_once_both_get_the_store(tmp_path: Path) -> None:
    # Two extract runs started together on a new store: the switch to WAL must wait for the
    # other opener instead of answering "database is locked" (it did in most rounds).
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Manager() as manager, context.Pool(2) as pool:
        barrier = manager.Barrier(2)
        for n in range(15):
            path = str(tmp_path / f"s{n}.sqlite")
            assert pool.starmap(_open_at_once, [(path, barrier), (path, barrier)]) == [None, None]


def test_the_public_open_store_reads_without_creating_when_asked(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    import newsevents

    path = tmp_path / "s.sqlite"
    with pytest.raises(StoreError, match=r"\[E301\].*no such store"):
        newsevents.open_store(path, "read")
    assert not path.exists()
    newsevents.open_store(path).close()
    with newsevents.open_store(path, "read") as store, pytest.raises(StoreError, match=r"\[E303\]"):
        store.write(make_extraction("a1"))


def test_readers_keep_a_larger_page_cache_than_writers(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    """A store opened to read (the API's, `show`'s) keeps READ_CACHE_KIB of pages, so a page of a
    large store does not read its B-trees' inner pages again each time; a writer keeps SQLite's."""
    from newsevents.store.sqlite import READ_CACHE_KIB

    path = tmp_path / "cache.db"
    with open_store(path) as store:
        store.write(make_extraction("a1"))
        default = store.fetch_one("PRAGMA cache_size")[0]  # type: ignore[attr-defined]
    assert default != -READ_CACHE_KIB
    for access in ("read", "browse"):
        with open_store(path, access) as store:  # type: ignore[arg-type]
            assert store.fetch_one("PRAGMA cache_size")[0] == -READ_CACHE_KIB  # type: ignore[attr-defined]
            assert len(store.events()) == 2
    with open_store(path, "write") as store:
        assert store.fetch_one("PRAGMA cache_size")[0] == default  # type: ignore[attr-defined]

"""Each article's shingle hashes kept in `article_sketches`: a new article is compared with its
candidate copies from them, never from their texts, and a store written before they were kept
gets them filled from its texts by migration step 13, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from newsevents.corpus import dedup
from newsevents.model import Extraction
from newsevents.store import Store, open_store
from newsevents.store import incremental as incremental_module
from newsevents.store.incremental import pack_hashes, unpack_hashes
from newsevents.store.migrations import SCHEMA_VERSION

COPY_LINE = "The offensive entered its second week, officials said.\n"


def _two(build: Callable[..., Extraction]) -> list[Extraction]:
    """An article and a copy of it with one more line."""
    first = build("first")
    return [first, build("copy", text=first.article.text + COPY_LINE)]


def _hashes(store: Store) -> dict[str, str | None]:
    return dict(store.fetch_all("SELECT article_id, hashes FROM article_sketches"))


def _as_schema_12(store: Store) -> None:
    """Make a store what schema 12 wrote: no hashes column, version 12 (a fresh store holds one
    version row)."""
    with store.transaction() as cur:
        cur.execute("ALTER TABLE article_sketches DROP COLUMN hashes")
        cur.execute(f"UPDATE schema_version SET version = {SCHEMA_VERSION - 1}")


def test_hashes_pack_to_text_and_back() -> None:
    hashes = dedup.shingle_hashes("Soldiers attacked the village at dawn, residents said on Friday.")
    packed = pack_hashes(hashes)
    assert isinstance(packed, str) and packed.isascii()
    back = unpack_hashes(packed)
    assert back.dtype == np.uint32 and np.array_equal(back, hashes)
    assert len(unpack_hashes(pack_hashes(np.zeros(0, dtype=np.uint32)))) == 0


def test_a_new_copy_is_compared_without_shingling_the_stored_one_again(
    tmp_path: Path, make_extraction, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    first, copy = _two(make_extraction)
    shingled: list[str] = []
    real = dedup.shingle_hashes

    def counted(text: str, *args: object) -> np.ndarray:
        shingled.append(text)
        return real(text, *args)  # type: ignore[arg-type]

    with open_store(tmp_path / "s.db") as store:
        store.write(first)
        monkeypatch.setattr(incremental_module.dedup, "shingle_hashes", counted)
        store.write(copy)
        groups = store.fetch_all("SELECT article_id, group_id FROM article_groups ORDER BY article_id")
    assert len(shingled) == 1  # the new copy's own text, and no stored article's
    assert [a for a, _ in groups] == sorted(["first", "copy"]) and len({g for _, g in groups}) == 1


def _migrated_hashes_match(store_at: Callable[[], Store], build: Callable[..., Extraction]) -> None:
    with store_at() as store:
        for extraction in _two(build):
            store.write(extraction)
        written = _hashes(store)
        assert set(written) == {"first", "copy"} and all(written.values())
        _as_schema_12(store)
    with store_at() as store:  # opened to write: migrated to the current schema
        assert store.fetch_all("SELECT MAX(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        assert _hashes(store) == written
        late = build("late", text=build("x").article.text + "A later update.\n")
        store.write(late)  # a copy of the stored ones, compared with the filled hashes
        groups = dict(store.fetch_all("SELECT article_id, group_id FROM article_groups"))
    assert set(groups) == {"first", "copy", "late"} and len(set(groups.values())) == 1


def test_migration_fills_the_hashes_of_a_sqlite_store(tmp_path: Path, make_extraction) -> None:  # type: ignore[no-untyped-def]
    _migrated_hashes_match(lambda: open_store(tmp_path / "old.db"), make_extraction)


def test_migration_fills_the_hashes_of_a_postgres_store(pg_schema: str, make_extraction) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("psycopg")
    _migrated_hashes_match(lambda: open_store(pg_schema), make_extraction)

"""The table declarations, the DDL rendered from them and the row builders describe the same tables."""

from __future__ import annotations

import sqlite3

from newsevents.store import schema
from newsevents.store.tables import COLUMNS, DERIVED_COLUMNS, TABLES


def _created() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    for stmt in schema.ddl():
        conn.execute(stmt)
    return conn


def test_the_ddl_creates_every_declared_column_in_order() -> None:
    conn = _created()
    for table, columns in {**COLUMNS, **DERIVED_COLUMNS}.items():
        found = tuple(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
        assert found == columns, table


def test_the_row_builders_fill_exactly_the_declared_columns(make_extraction) -> None:  # type: ignore[no-untyped-def]
    from newsevents.store import rows

    extraction = make_extraction("a1")
    assert tuple(rows.article_row(extraction.article, "now")) == COLUMNS["articles"]
    for table, builder in rows.CHILD_TABLES:
        (first, *_) = getattr(rows, builder)(extraction)
        assert tuple(first) == COLUMNS[table], table


def test_every_filter_column_is_indexed() -> None:
    conn = _created()
    indexed = {
        row[2]
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='events'")
        for row in conn.execute(f"PRAGMA index_info({name})")
    }
    wanted = {
        "source_country",
        "target_country",
        "source_code",
        "target_code",
        "cameo_root",
        "date",
        "article_id",
    }
    assert wanted <= indexed


def test_every_table_and_column_is_documented() -> None:
    for table in TABLES:
        assert table.doc.strip(), table.name
        for column in table.columns:
            assert column.doc.strip(), f"{table.name}.{column.name}"
            assert column.type in ("TEXT", "INTEGER", "DOUBLE PRECISION", "BOOLEAN", "JSON"), column


def test_migrated_tables_match_the_declared_ones() -> None:
    """The frozen migration steps create the derived tables exactly as a fresh store does."""
    from newsevents.store.migrations import ADDED_COLUMNS, MIGRATIONS

    fresh, migrated = _created(), sqlite3.connect(":memory:")
    for stmt in schema.ddl(tables=[t for t in TABLES if not t.derived]):
        migrated.execute(stmt)
    for step in (2, 6):  # the steps that create derived tables (step 6 also marks the store behind)
        for stmt in MIGRATIONS[step]:
            if not stmt.startswith("UPDATE store_state"):
                migrated.execute(stmt)
    for table, column, sql_type in ADDED_COLUMNS[13]:  # step 13 adds a column to one of them
        migrated.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")
    for table in DERIVED_COLUMNS:
        sql = f"PRAGMA table_info({table})"
        assert migrated.execute(sql).fetchall() == fresh.execute(sql).fetchall(), table


def test_the_docs_list_every_column_as_declared() -> None:
    """docs/store.md's column reference is generated from the declarations and kept current."""
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "store.md").read_text(encoding="utf-8")
    start = page.index("-->\n\n", page.index("<!-- generated from src/newsevents/store/tables.py")) + 5
    end = page.index("<!-- end of generated reference -->")
    assert page[start:end] == schema.markdown(), "regenerate the column reference of docs/store.md"

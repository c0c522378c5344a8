"""The schema file and the row builders describe the same tables."""

from __future__ import annotations

import sqlite3

from newsevents.store.rows import COLUMNS
from newsevents.store.sqlite import schema_statements


def test_schema_sql_matches_the_row_builders() -> None:
    conn = sqlite3.connect(":memory:")
    for stmt in schema_statements():
        conn.execute(stmt)
    for table, columns in COLUMNS.items():
        found = tuple(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
        assert found == columns, table


def test_every_filter_column_is_indexed() -> None:
    conn = sqlite3.connect(":memory:")
    for stmt in schema_statements():
        conn.execute(stmt)
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


def test_schema_comments_document_every_table() -> None:
    from importlib import resources

    text = resources.files("newsevents.store").joinpath("schema.sql").read_text()
    for table in COLUMNS:
        head = text.split(f"CREATE TABLE IF NOT EXISTS {table} ", 1)[0].rstrip().splitlines()
        assert head[-1].startswith("--"), f"{table} has no comment above it"

"""Writing stored data out: any table, in any registered column set and file format.

    rows_for(store, table, columns, filters) -> rows     the rows of one table in one column set
    columns_for(table, columns) -> list | None           their column order
    types_for(table, columns) -> dict | None             their declared types (name -> SQL type)
    write_rows(rows, out, fmt, columns, types=...) -> int  rows to a file in one file format

Each column set (native, gdelt, plover, acled, ucdp) and each file format (csv, jsonl, parquet) is a module
registered by name in `registry.py`, the built-ins as a user's would be; the CLI's choices
come from there. docs/exports.md documents every column.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsevents.export.files import write_rows
from newsevents.export.gdelt import GDELT_COLUMNS
from newsevents.export.plover import PLOVER_FIELDS
from newsevents.export.registry import (
    TABLES,
    ColumnSet,
    FileFormat,
    column_set,
    column_sets,
    file_formats,
    register_column_set,
    register_file_format,
    unregister,
)

__all__ = [
    "GDELT_COLUMNS", "PLOVER_FIELDS", "TABLES", "ColumnSet", "FileFormat", "column_sets", "columns_for",
    "file_formats", "register_column_set", "register_file_format", "rows_for", "types_for", "unregister",
    "write_rows",
]  # fmt: skip


def rows_for(
    store: Any, table: str = "events", columns: str = "native", filters: Any = None
) -> Iterator[dict[str, Any]]:
    """Rows of one table in one column set, ready for `write_rows(..., columns=columns_for(...))`.

    `events` is one row per coded event (a mention: two reports of one event are two rows);
    `clusters` one row per real-world event (see `Store.recluster`). `gdelt` and `plover`
    apply to those two; `quantities`, `quotes` and `articles` have native columns only.
    `filters` (an `EventFilter`) select events, clusters by any member, and the other tables'
    rows of articles with a matching event; None selects everything.
    """
    chosen = column_set(table, columns)
    from newsevents.store import EventFilter

    return chosen.rows(store, table, filters if filters is not None else EventFilter())


def columns_for(table: str = "events", columns: str = "native") -> list[str] | None:
    """The column order of `rows_for(store, table, columns)`; None where the rows' keys give it."""
    return column_set(table, columns).columns(table)


def types_for(table: str = "events", columns: str = "native") -> dict[str, str] | None:
    """Each column's declared type (TEXT, INTEGER, DOUBLE PRECISION, BOOLEAN, JSON) for
    `write_rows(..., types=...)`, so a file's types follow the column set's declaration, never
    the rows it happens to hold; None where the column set declares none."""
    chosen = column_set(table, columns)
    return chosen.types(table) if chosen.types is not None else None

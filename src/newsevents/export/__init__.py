"""Writing stored data out: any table, in any registered column set and file format.

    rows_for(store, table, columns, filters) -> rows     the rows of one table in one column set
    columns_for(table, columns, filters) -> list | None  their column order
    types_for(table, columns, filters) -> dict | None    their declared types (name -> SQL type)
    write_rows(rows, out, fmt, columns, types=...) -> int  rows to a file in one file format

Each column set (native, gdelt, plover, acled, ucdp), each file format (csv, tsv, jsonl,
parquet) and each preset (gdelt, plover, acled, ucdp: a column set in the original's file
format) is registered by name in `registry.py`, the built-ins as a user's would be; the CLI's
choices come from there. docs/exports.md documents every column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from newsevents.export.files import write_rows
from newsevents.export.gdelt import GDELT_COLUMNS
from newsevents.export.plover import PLOVER_FIELDS
from newsevents.export.registry import (
    TABLES,
    ColumnSet,
    FileFormat,
    Preset,
    column_set,
    column_sets,
    file_formats,
    presets,
    register_column_set,
    register_file_format,
    register_preset,
    unregister,
)

__all__ = [
    "GDELT_COLUMNS", "PLOVER_FIELDS", "TABLES", "ColumnSet", "FileFormat", "Preset", "column_sets",
    "columns_for", "file_formats", "presets", "register_column_set", "register_file_format",
    "register_preset", "rows_for", "types_for", "unregister", "write_rows",
]  # fmt: skip


def rows_for(
    store: Any, table: str = "events", columns: str = "native", filters: Any = None
) -> Iterator[dict[str, Any]]:
    """Rows of one table in one column set, ready for `write_rows(..., columns=columns_for(...))`.

    `events` is one row per coded event (a mention: two reports of one event are two rows);
    `clusters` one row per real-world event (see `Store.recluster`). `gdelt` and `plover`
    apply to those two; `quantities`, `quotes` and `articles` have native columns only.
    `filters` (an `EventFilter`) select events, clusters by any member, and the other tables'
    rows of articles with a matching event; None selects everything, but for a column set
    analysts sum (`asserted_only`: gdelt), which holds asserted events only unless the filter
    says `asserted=False`.
    """
    chosen = column_set(table, columns)
    return chosen.rows(store, table, _effective(chosen, filters))


def columns_for(table: str = "events", columns: str = "native", filters: Any = None) -> list[str] | None:
    """The column order of `rows_for(store, table, columns, filters)`; None where the rows' keys
    give it. An `asserted_only` set that is asked for every event gets its flag columns last."""
    chosen = column_set(table, columns)
    order = chosen.columns(table)
    if order is not None and chosen.flag_columns and not _effective(chosen, filters).asserted:
        order = [*order, *chosen.flag_columns]
    return order


def _effective(chosen: ColumnSet, filters: Any) -> Any:
    """The filter a column set reads: an unsaid `asserted` is the set's own default."""
    from newsevents.store import EventFilter

    given = filters if filters is not None else EventFilter()
    return replace(given, asserted=True) if chosen.asserted_only and given.asserted is None else given


def types_for(table: str = "events", columns: str = "native", filters: Any = None) -> dict[str, str] | None:
    """Each column's declared type (TEXT, INTEGER, DOUBLE PRECISION, BOOLEAN, JSON) for
    `write_rows(..., types=...)`, in `columns_for(table, columns, filters)` order (flag columns
    included when the filters include them), so a file's types follow the column set's
    declaration, never the rows it happens to hold; None where the column set declares none."""
    chosen = column_set(table, columns)
    if chosen.types is None:
        return None
    declared = chosen.types(table)
    order = columns_for(table, columns, filters)
    return declared if order is None else {c: declared[c] for c in order if c in declared}

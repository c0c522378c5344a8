"""The schema, rendered from the table declarations in `tables.py`: SQL DDL and Arrow schemas.

The DDL is portable (TEXT, INTEGER, DOUBLE PRECISION, BOOLEAN; no engine-specific types), so
one rendering creates the SQLite and the PostgreSQL store; a dialect may still map a type.
The Arrow schema gives every Parquet file one fixed schema, whatever values it happens to hold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsevents.store.columns import Column, Table
from newsevents.store.tables import BY_NAME, TABLES

if TYPE_CHECKING:
    import pyarrow as pa

_STORED_AS = {"JSON": "TEXT"}  # JSON columns are text holding JSON in every engine
_ARROW = {"TEXT": "string", "JSON": "string", "INTEGER": "int64", "DOUBLE PRECISION": "float64",
          "BOOLEAN": "bool"}  # fmt: skip

TypeMap = Callable[[str], str]


def sql_type(column: Column) -> str:
    """The portable SQL type a column is created with."""
    return _STORED_AS.get(column.type, column.type)


def create_table(table: Table, type_map: TypeMap = lambda t: t) -> str:
    """CREATE TABLE IF NOT EXISTS for one table; `type_map` lets a dialect rename a type."""
    inline_key = len(table.key) == 1
    lines = []
    for col in table.columns:
        parts = [col.name, type_map(sql_type(col))]
        if col.required:
            parts.append("NOT NULL")
        if inline_key and col.name == table.key[0]:
            parts.append("PRIMARY KEY")
        if col.references:
            parts.append(f"REFERENCES {col.references}")
        lines.append(" ".join(parts))
    if not inline_key:
        lines.append(f"PRIMARY KEY ({', '.join(table.key)})")
    if table.foreign_key:
        lines.append(f"FOREIGN KEY {table.foreign_key}")
    body = ",\n    ".join(lines)
    return f"CREATE TABLE IF NOT EXISTS {table.name} (\n    {body}\n)"


def create_indexes(table: Table) -> list[str]:
    """CREATE INDEX IF NOT EXISTS for each declared index of one table."""
    return [f"CREATE INDEX IF NOT EXISTS {name} ON {table.name} ({col})" for name, col in table.indexes]


def ddl(type_map: TypeMap = lambda t: t, tables: Sequence[Table] = TABLES) -> list[str]:
    """Every statement that creates the current schema in an empty database, in order."""
    out: list[str] = []
    for table in tables:
        out.append(create_table(table, type_map))
        out.extend(create_indexes(table))
    return out


def column_type(name: str, tables: Sequence[str]) -> str:
    """The declared type of `name` in the first of `tables` that has it; TEXT for a column none
    declares (a computed one such as cluster_id in an event row)."""
    for table in tables:
        for col in BY_NAME[table].columns:
            if col.name == name:
                return col.type
    return "TEXT"


def arrow_schema(names: Sequence[str], tables: Sequence[str] = ("events", "articles")) -> pa.Schema:
    """An Arrow schema for rows of `names`, each typed as its column in `tables` declares."""
    import pyarrow as pa  # imported on use: only Parquet needs it

    return pa.schema([pa.field(n, _ARROW[column_type(n, tables)]) for n in names])


def markdown() -> str:
    """The column reference of docs/store.md: every table with each column's type, NOT NULL and
    what it holds, as declared (a test keeps the page equal to this)."""
    parts: list[str] = []
    for table in TABLES:
        derived = " Derived: each write updates it, `recluster()` rebuilds it." if table.derived else ""
        if table.summary:
            derived = " Summary: each write adds its article's counts, `recluster()` counts it anew."
        parts.append(f"### `{table.name}`\n\n{table.doc}{derived} Key: `{', '.join(table.key)}`.\n")
        parts.append("| column | type | null | holds |\n| --- | --- | --- | --- |")
        for col in table.columns:
            null = "no" if col.required else "yes"
            parts.append(f"| `{col.name}` | {col.type} | {null} | {col.doc.replace('|', '/')} |")
        parts.append("")
    return "\n".join(parts)

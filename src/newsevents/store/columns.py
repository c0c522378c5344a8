"""What a stored table and column are declared as (`tables.py` declares every one of them).

Kept apart from the declarations themselves so that the schema, the API's response models and
the exports' type vocabulary can name the shapes without reading the whole list of tables.
"""

from __future__ import annotations

from dataclasses import dataclass

# The SQL types a column may have. JSON is stored as TEXT holding JSON; every engine reads it
# back as text and the store decodes it.
SQL_TYPES: tuple[str, ...] = ("TEXT", "INTEGER", "DOUBLE PRECISION", "BOOLEAN", "JSON")


@dataclass(frozen=True)
class Column:
    """One column: `required` is NOT NULL; `references` a foreign key clause such as
    "articles (id) ON DELETE CASCADE"."""

    name: str
    type: str
    doc: str
    required: bool = False
    references: str | None = None


@dataclass(frozen=True)
class Table:
    """One table: its columns in order, its primary key, its indexes as (name, what it indexes:
    a column, or columns and expressions separated by commas)."""

    name: str
    doc: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    indexes: tuple[tuple[str, str], ...] = ()  # (name, column or "col_a, col_b")
    foreign_key: str | None = None  # a table-level FOREIGN KEY clause
    derived: bool = False  # kept current by write() for its article, rebuilt whole by recluster()
    summary: bool = False  # counts kept current by write(), rebuilt by recluster(); never exported

    @property
    def names(self) -> tuple[str, ...]:
        """The column names in order: the order rows, DDL and exports use."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The column called `name`; KeyError when the table has none."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name}.{name}")


def _c(name: str, sql_type: str, doc: str, required: bool = False, references: str | None = None) -> Column:
    return Column(name, sql_type, doc, required, references)

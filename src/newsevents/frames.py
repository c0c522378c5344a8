"""Tables as pandas DataFrames, for notebooks: the export's own rows, with declared types.

    newsevents.to_pandas(store, "events")                 # a store (or its path or URL)
    newsevents.to_pandas(extractions, "clusters")         # Extractions held in memory
    extraction.to_frame("quotes")

A store's rows come from the export (`export.rows_for`), so a DataFrame has exactly the columns
`newsevents export` writes, in the chosen column set (native, gdelt, plover, ...). Extractions
held in memory are first written to an in-memory SQLite store (and clustered), then read the
same way: the same row builders, so a notebook gets the same columns whichever it starts from.
Each column's dtype comes from its declaration (the column set's `types`, else the store's
tables), never from the values, so an empty frame and a full one have the same dtypes: TEXT is
pandas' nullable string, INTEGER `Int64`, DOUBLE PRECISION `Float64`, BOOLEAN `boolean`, and
JSON (a cluster's members, an article's furniture) stays Python objects.

pandas is optional: without it these functions raise `MissingExtraError` (E206, an ImportError)
with the one-line hint to install the `pandas` extra, as every optional feature does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents.export import column_sets, columns_for, rows_for
from newsevents.model import Extraction
from newsevents.store import EventFilter, Store, open_store
from newsevents.store.query import CLUSTER_COLUMNS, EVENT_COLUMNS
from newsevents.store.schema import column_type
from newsevents.store.tables import COLUMNS

if TYPE_CHECKING:
    import pandas as pd

# The store tables that declare the columns of each exported table, searched in order.
DECLARED_IN: dict[str, tuple[str, ...]] = {
    "events": ("events", "articles", "event_cluster_members", "article_groups"),
    "clusters": ("event_clusters",),
    "quantities": ("quantities",),
    "quotes": ("quotes",),
    "articles": ("articles",),
}
# The native rows' columns, for a table with no rows to read them from.
NATIVE_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": EVENT_COLUMNS,
    "clusters": (*CLUSTER_COLUMNS, "members"),
    "quantities": COLUMNS["quantities"],
    "quotes": COLUMNS["quotes"],
    "articles": COLUMNS["articles"],
}
# Columns the native rows compute rather than read from one table.
COMPUTED = {"members": "JSON"}
DTYPES = {"TEXT": "string", "INTEGER": "Int64", "DOUBLE PRECISION": "Float64", "BOOLEAN": "boolean",
          "JSON": "object"}  # fmt: skip

Source = Store | str | Path | Iterable[Extraction]


def _pandas(what: str) -> Any:
    from newsevents.extras import require

    require("pandas", what)
    import pandas

    return pandas


def to_pandas(
    source: Source, table: str = "events", filters: EventFilter | None = None, columns: str = "native"
) -> pd.DataFrame:
    """One table (events, clusters, quantities, quotes, articles) as a DataFrame.

    `source` is an open store, a store's path or URL (opened read-only), or Extractions. `filters`
    selects as `newsevents export` does; `columns` names a column set (`gdelt`, `plover`, ...).
    An article given twice (the same text) is one article, as in a store.
    """
    pandas = _pandas("to_pandas")
    if isinstance(source, Store):
        return _frame(pandas, source, table, filters, columns)
    if isinstance(source, str | Path):
        with open_store(source, "read") as store:
            return _frame(pandas, store, table, filters, columns)
    with open_store(":memory:") as store:
        for extraction in source:
            if not isinstance(extraction, Extraction):
                raise TypeError(f"to_pandas takes a store or Extractions, not {type(extraction).__name__}")
            store.write(extraction)  # each article joins its groups and clusters as it is written
        return _frame(pandas, store, table, filters, columns)


def _frame(pandas: Any, store: Store, table: str, filters: EventFilter | None, columns: str) -> pd.DataFrame:
    rows = list(rows_for(store, table, columns, filters))
    order = columns_for(table, columns, filters) or (list(rows[0]) if rows else list(NATIVE_COLUMNS[table]))
    types = declared_types(table, columns, order)
    frame = pandas.DataFrame.from_records(rows, columns=order)
    if types is None:
        return frame
    return frame.astype({name: DTYPES[types[name]] for name in order})


def declared_types(table: str, columns: str, names: Sequence[str]) -> dict[str, str] | None:
    """Each column's declared type: the column set's own declaration where it makes one; for the
    native columns, which are the store's, the store's tables' (TEXT for a column none declares);
    None for a column set that declares nothing, whose values then decide."""
    chosen = column_sets()[columns]
    if chosen.types is not None:
        given = chosen.types(table)
        return {name: given.get(name, "TEXT") for name in names}
    if chosen.name != "native":
        return None
    return {name: COMPUTED.get(name) or column_type(name, DECLARED_IN[table]) for name in names}

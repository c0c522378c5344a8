"""The native column set: rows exactly as the store gives them, in the store's own columns
(docs/store.md and docs/exports.md document them), with the store's own types.

Column order and types come from the table declarations (`store/tables.py`): an events row is
the events table's columns, then the article fields the query joins in, then the event's
cluster; a clusters row is the event_clusters table's columns, then its `members` (JSON).
Declaring them, rather than reading them off the first row, is what gives an empty export
the same columns and schema as a full one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import Any

from newsevents.export.registry import ColumnSet
from newsevents.store.query import CLUSTER_COLUMNS, EVENT_COLUMNS
from newsevents.store.tables import BY_NAME

# Where each column an events or clusters row adds to its own table is declared: the joined
# article fields, the event's cluster, the article it copies, and a cluster's member list.
_JOINED: dict[str, tuple[str, str]] = {
    "title": ("articles", "title"),
    "url": ("articles", "url"),
    "source": ("articles", "source"),
    "published": ("articles", "published"),
    "cluster_id": ("event_cluster_members", "cluster_id"),
    "duplicate_of": ("article_groups", "group_id"),
}
_MEMBERS = "members"
_STORED_AS = {"events": "events", "clusters": "event_clusters"}  # else the table of that name


def native_rows(store: Any, table: str, filters: Any) -> Iterator[dict[str, Any]]:
    """Events, clusters (with their members), or the rows of an article-level table."""
    if table in ("quantities", "quotes", "articles"):
        return article_rows(store, table, filters)
    if table == "clusters":
        return store.iter_clusters(filters)
    return store.iter_events(filters)


def article_rows(store: Any, table: str, filters: Any) -> Iterator[dict[str, Any]]:
    """Every row of `table`, or only those of articles with an event matching `filters`."""
    # asserted=False keeps every event, as None does: it selects nothing away.
    active = any(getattr(filters, f.name) not in (None, False) for f in fields(filters) if f.name != "limit")
    wanted = {e["article_id"] for e in store.iter_events(filters)} if active else None
    key = "id" if table == "articles" else "article_id"
    for row in store.rows(table):
        if wanted is None or row[key] in wanted:
            yield row


def native_columns(table: str) -> list[str]:
    """The store's column order for `table`: what `Store.events`, `clusters` and `rows` give."""
    if table == "events":
        return list(EVENT_COLUMNS)
    if table == "clusters":
        return [*CLUSTER_COLUMNS, _MEMBERS]
    return list(BY_NAME[table].names)


def native_types(table: str) -> dict[str, str]:
    """Each column's SQL type as its table declares it (`store/tables.py`)."""
    own = BY_NAME[_STORED_AS.get(table, table)]
    types: dict[str, str] = {}
    for name in native_columns(table):
        if name == _MEMBERS:
            types[name] = "JSON"
        elif name in own.names:
            types[name] = own.column(name).type
        else:
            source, column = _JOINED[name]
            types[name] = BY_NAME[source].column(column).type
    return types


COLUMN_SET = ColumnSet("native", native_rows, native_columns, help="ours (docs/store.md)", types=native_types)

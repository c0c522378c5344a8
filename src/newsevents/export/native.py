"""The native column set: rows exactly as the store gives them, in the store's own columns
(docs/store.md and docs/exports.md document them)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import Any

from newsevents.export.registry import ColumnSet


def native_rows(store: Any, table: str, filters: Any) -> Iterator[dict[str, Any]]:
    """Events, clusters (with their members), or the rows of an article-level table."""
    if table in ("quantities", "quotes", "articles"):
        return article_rows(store, table, filters)
    if table == "clusters":
        return iter(store.clusters(filters))
    return iter(store.events(filters))


def article_rows(store: Any, table: str, filters: Any) -> Iterator[dict[str, Any]]:
    """Every row of `table`, or only those of articles with an event matching `filters`."""
    active = any(getattr(filters, f.name) is not None for f in fields(filters) if f.name != "limit")
    wanted = {e["article_id"] for e in store.events(filters)} if active else None
    key = "id" if table == "articles" else "article_id"
    for row in store.rows(table):
        if wanted is None or row[key] in wanted:
            yield row


def _no_fixed_order(table: str) -> None:
    """Native rows carry their own column order (the store's), so none is imposed."""
    return None


COLUMN_SET = ColumnSet("native", native_rows, _no_fixed_order, help="ours (docs/store.md)")

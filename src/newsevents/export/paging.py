"""Foreign column sets (GDELT, PLOVER, ACLED, UCDP) a page at a time, in flat memory.

Each of their rows reads more than its own event or cluster: the reports of its cluster, its
articles (outlet, url, when stored), the places, figures and tolls those articles gave. They
once read all of that for the whole store before writing a row, which at a million events held
gigabytes. Every such fact belongs to an article, and each row needs only those of the articles
its own reports come from; so the rows are read a page at a time (`Store.iter_events`,
`iter_clusters`), and each page gets a `Scope`: the part of the store its rows can reach, the
articles of its reports and of every report of their clusters, read for that page alone. The
column sets ask a `Scope` what they asked the store (`rows`, `events`, cluster members), and
since nothing a row reads lies outside it, the file is the one the whole store gave, byte for
byte.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

Row = dict[str, Any]
PAGE_ROWS = 2_000  # events or clusters written per page; their articles are read together


@dataclass(frozen=True)
class Scope:
    """The rows of a store that one page of exported rows can reach: `articles` (every article
    of a report in the page or in a cluster of one), and `clusters`, those of the page's rows
    with all their members. It answers the store's reads, restricted to them."""

    store: Any
    articles: list[str]
    clusters: list[Row]

    def rows(self, table: str) -> Iterator[Row]:
        """The scope's articles' rows of `table` (articles, locations, quantities, ...), in key order."""
        return iter(self.store.rows_of(table, self.articles))

    def events(self, filters: Any = None) -> list[Row]:
        """The reports of the scope's clusters that match `filters`, in `Store.events` order."""
        from newsevents.store import EventFilter

        chosen = filters if filters is not None else EventFilter()
        return self.store.cluster_events(chosen, [c["cluster_id"] for c in self.clusters])

    def members(self) -> dict[str, list[tuple[str, int]]]:
        """Each of the scope's clusters' reports, by key."""
        return {c["cluster_id"]: [(m["article_id"], m["idx"]) for m in c.get("members", [])]
                for c in self.clusters}  # fmt: skip


def pages(store: Any, table: str, filters: Any, size: int | None = None) -> Iterator[tuple[list[Row], Scope]]:
    """The events or clusters `filters` select, a page at a time in `Store.events`/`clusters`
    order, each with the `Scope` its rows read."""
    found = store.iter_clusters(filters) if table == "clusters" else store.iter_events(filters)
    while page := list(islice(found, size or PAGE_ROWS)):
        if table == "clusters":
            clusters, own = page, set()
        else:
            clusters = store.clusters_by_id([e["cluster_id"] for e in page if e.get("cluster_id")])
            own = {e["article_id"] for e in page}
        articles = own | {m["article_id"] for c in clusters for m in c.get("members", [])}
        yield page, Scope(store, sorted(articles), clusters)

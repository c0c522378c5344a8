"""The store's browsing reads: pages of events or clusters, timelines, one article, stats.

These are what the REST API, the dashboard and the CLI ask of a store, kept beside the store
so the callers never see SQL or a connection. Events are viewed as clusters (one per
real-world event, the default) or as mentions (one per report). An event stored since the
store last clustered is in no cluster yet and is shown as a cluster of its own, so nothing
stored is ever missing from the cluster view.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from newsevents.store import browse
from newsevents.store import rows as row_builders
from newsevents.store.browse import EventQuery, ItemQuery
from newsevents.store.query import EventFilter

Row = dict[str, Any]
View = Literal["clusters", "mentions"]
ALL = 2**62  # "no limit" for a page
SINGLE_SEP = "-"  # cluster ids of single events: "<article_id>-<idx>"
MEMBER_KEYS = ("article_id", "idx", "evidence_start", "evidence_end", "evidence_text", "source", "title",
               "published")  # fmt: skip


class StoreViews:
    """Browsing reads over the plumbing of `core.SQLStore` (`fetch_all`, `fetch_one`, `placeholder`)."""

    placeholder: str

    def fetch_all(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """Supplied by `core.SQLStore`."""
        raise NotImplementedError

    def fetch_one(self, sql: str, params: Any = ()) -> tuple[Any, ...]:
        """Supplied by `core.SQLStore`."""
        raise NotImplementedError

    def events(self, filters: EventFilter = EventFilter()) -> list[Row]:  # noqa: B008 (frozen)
        """Supplied by `core.SQLStore`."""
        raise NotImplementedError

    def clusters(self, filters: EventFilter = EventFilter()) -> list[Row]:  # noqa: B008 (frozen)
        """Supplied by `core.SQLStore`."""
        raise NotImplementedError

    def _page(self, queries: tuple[browse.Sql, browse.Sql], names: tuple[str, ...]) -> tuple[int, list[Row]]:
        (count_sql, count_params), (sql, params) = queries
        total = self.fetch_one(count_sql, count_params)[0]
        found = self.fetch_all(sql, params)
        return total, [row_builders.decode(dict(zip(names, r, strict=True))) for r in found]

    def mention_page(self, query: EventQuery, limit: int, offset: int) -> tuple[int, list[Row]]:
        """(total matching, one page of flat event rows) in `events()` order, each with its
        `cluster_id` (null until the next `recluster()`)."""
        return self._page(browse.event_page_sql(self.placeholder, query, limit, offset), browse.EVENT_NAMES)

    def event_page(self, query: EventQuery, view: View, limit: int, offset: int) -> tuple[int, list[Row]]:
        """(total, page) of clusters or event rows (mentions) matching `query`."""
        if view == "clusters":
            found = self.matching_clusters(query)
            return len(found), found[offset : offset + limit]
        return self.mention_page(query, limit, offset)

    def timeline(self, query: EventQuery, view: View) -> list[tuple[str, int]]:
        """(day, count) oldest first: clusters by their first report's day, or events by date;
        undated ones are left out."""
        if view == "clusters":
            days = Counter(c["date_first"] for c in self.matching_clusters(query) if c.get("date_first"))
            return sorted(days.items())
        sql, params = browse.timeline_sql(self.placeholder, query)
        return [(day, n) for day, n in self.fetch_all(sql, params) if day]

    def binned_timeline(
        self, query: EventQuery, view: View, unit: browse.Bin = "day"
    ) -> tuple[str, list[tuple[str, int]]]:
        """(bin used, (first day of each bin, count) oldest first): `timeline` by day, ISO week or
        month; "auto" picks by the span of the matching days (`browse.choose_bin`)."""
        return browse.binned(self.timeline(query, view), unit)

    def matching_clusters(self, query: EventQuery) -> list[Row]:
        """Every cluster with a member event matching `query` (all its filters), earliest first."""
        _, rows = self.mention_page(query, ALL, 0)
        wanted = {r["cluster_id"] for r in rows if r.get("cluster_id") is not None}
        found = [c for c in self.clusters(query.filters) if c["cluster_id"] in wanted] if wanted else []
        found += [single_cluster(r) for r in rows if r.get("cluster_id") is None]
        found.sort(
            key=lambda c: (c.get("date_first") is None, c.get("date_first") or "", str(c["cluster_id"]))
        )
        return found

    def event(self, article_id: str, idx: int) -> Row | None:
        """One event row (as `events()` gives it), or None."""
        for row in self.events(EventFilter(article_id=article_id)):
            if row["idx"] == idx:
                return row
        return None

    def cluster_of(self, row: Row) -> Row:
        """The cluster an event row belongs to; its own single cluster when not clustered yet."""
        cluster_id = row.get("cluster_id")
        if cluster_id is not None:
            for found in self.clusters(EventFilter(article_id=row["article_id"])):
                if found["cluster_id"] == cluster_id:
                    return found
        return single_cluster(row)

    def cluster(self, cluster_id: str) -> Row | None:
        """The cluster with this id (or the single cluster "<article_id>-<idx>"), or None."""
        for found in self.clusters(EventFilter()):
            if str(found["cluster_id"]) == cluster_id:
                return found
        article_id, sep, idx = cluster_id.rpartition(SINGLE_SEP)
        if not sep or not (idx.isascii() and idx.isdigit()) or not article_id:
            return None
        row = self.event(article_id, int(idx))
        return single_cluster(row) if row is not None else None

    def article_page(self, q: str | None, limit: int, offset: int) -> tuple[int, list[Row]]:
        """(total, page of article summaries with their event count), newest first; `q` searches
        title and text."""
        return self._page(browse.article_page_sql(self.placeholder, q, limit, offset), browse.ARTICLE_SUMMARY)

    def article(self, article_id: str) -> Row | None:
        """The article row with every child row under its table's name; None when unknown."""
        found: Row = {}
        for table in ("articles", *browse.CHILD_TABLES):
            cols = row_builders.COLUMNS[table]
            recs = self.fetch_all(browse.article_sql(self.placeholder, table), [article_id])
            found[table] = [row_builders.decode(dict(zip(cols, r, strict=True))) for r in recs]
            if table == "articles" and not recs:
                return None
        return {"article": found.pop("articles")[0], **found}

    def item_page(self, table: str, query: ItemQuery, limit: int, offset: int) -> tuple[int, list[Row]]:
        """(total, page) of `quotes` or `quantities` rows with the article's title and published."""
        queries = browse.item_page_sql(self.placeholder, table, query, limit, offset)
        return self._page(queries, browse.item_names(table))

    def stats(self, asserted: bool = False) -> Row:
        """Counts per table, clusters, the span of dates, and events per quad class, PLOVER type,
        CAMEO root and country; with `asserted`, everything but the table counts is of asserted
        events only (`counted` says how many events that is)."""
        (span_sql, span_params), tallies = browse.overview_sql(self.placeholder, asserted)
        out: Row = {"counts": self.counts()}
        out["date_first"], out["date_last"] = self.fetch_one(span_sql, span_params)
        for key, (sql, params) in tallies.items():
            out[key] = {str(k): n for k, n in self.fetch_all(sql, params)}
        out["counted"] = sum(out["cameo_root"].values())
        query = EventQuery(filters=EventFilter(asserted=True)) if asserted else EventQuery()
        out["clusters"] = len(self.matching_clusters(query))
        return out

    def counts(self) -> dict[str, int]:
        """Supplied by `core.SQLStore`."""
        raise NotImplementedError


def single_cluster(row: Row) -> Row:
    """An event row seen as a cluster of one report."""
    return {
        "cluster_id": f"{row['article_id']}{SINGLE_SEP}{row['idx']}",
        "cameo_root": row["cameo_root"],
        "plover": row.get("plover"),
        "quad_class": row["quad_class"],
        "source_code": row.get("source_code"),
        "target_code": row.get("target_code"),
        "country": row.get("location_country") or row.get("source_country") or row.get("target_country"),
        "location_name": row.get("location_name"),
        "lat": row.get("location_lat"),
        "lon": row.get("location_lon"),
        "date_first": row.get("date") or row.get("published"),
        "date_last": row.get("date") or row.get("published"),
        "n_events": 1,
        "n_articles": 1,
        "n_sources": 1,
        "first_article_id": row["article_id"],
        "members": [{k: row.get(k) for k in MEMBER_KEYS}],
    }

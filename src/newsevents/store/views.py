"""The store's browsing reads: pages of events or clusters, timelines, one article, stats.

These are what the REST API, the dashboard and the CLI ask of a store, kept beside the store
so the callers never see SQL or a connection. Events are viewed as clusters (one per
real-world event, the default) or as mentions (one per report). An event stored since the
store last clustered is in no cluster yet and is shown as a cluster of its own, so nothing
stored is ever missing from the cluster view.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Literal

from newsevents.store import browse, cursors, pages, tallies
from newsevents.store import rows as row_builders
from newsevents.store.browse import EventQuery
from newsevents.store.lists import StoreLists
from newsevents.store.pages import ClusterKey, MentionKey
from newsevents.store.query import CLUSTER_COLUMNS, MEMBER_COLUMNS, EventFilter
from newsevents.store.tables import UNDATED

Row = dict[str, Any]
View = Literal["clusters", "mentions"]
ALL = 2**62  # "no limit" for a page
SINGLE_SEP = "-"  # cluster ids of single events: "<article_id>-<idx>"
BY_ID_CHUNK = 500  # clusters or articles read by id per query: far under any engine's limit on parameters
Key = tuple[str, str, tuple[str, int] | None]  # a cluster page's key: sort key, id, single event
COMMON = 0.02  # a filter matching this share of the events or more is walked in page order
BOX_CAP = 10_000  # a box is counted to the end up to this many rows; past it, "more than" this
FACETS = ("quad_class", "plover", "cameo_root", "country")  # the stats' tallies, in their order
MEMBER_KEYS = ("article_id", "idx", "evidence_start", "evidence_end", "evidence_text", "source", "title",
               "published")  # fmt: skip


@dataclass(frozen=True)
class Page:
    """One page: `total` rows match across all pages (when not `exact`, more than BOX_CAP do and
    `total` is BOX_CAP + 1); `next` is the cursor of the page after this one (pass it back as
    `after`), None on the last page."""

    total: int
    items: list[Row]
    next: str | None = None
    exact: bool = True


class StoreViews(StoreLists):
    """Browsing reads over the plumbing of `core.SQLStore` (`fetch_all`, `fetch_one`, `placeholder`);
    the lists of articles, quotes and figures are `lists.StoreLists`'."""

    def events(self, filters: EventFilter = EventFilter()) -> list[Row]:  # noqa: B008 (frozen)
        """Supplied by `core.SQLStore`."""
        raise NotImplementedError

    def clusters(self, filters: EventFilter = EventFilter()) -> list[Row]:  # noqa: B008 (frozen)
        """Supplied by `core.SQLStore`."""
        raise NotImplementedError

    def behind(self) -> bool:
        """Supplied by `core.SQLStore`."""
        raise NotImplementedError

    def mention_page(self, query: EventQuery, limit: int, offset: int) -> tuple[int, list[Row]]:
        """(total matching, one page of flat event rows) in `events()` order, each with its
        `cluster_id` (null until the next `recluster()`)."""
        return self._page(
            browse.event_page_sql(self.placeholder, query, limit, offset, search=self.text_search),
            browse.EVENT_NAMES,
        )

    def event_page(
        self, query: EventQuery, view: View, limit: int, offset: int = 0, after: str | None = None,
        total: int | None = None, counted: bool = True,
    ) -> Page:
        """One page of clusters or event rows (mentions) matching `query`, read through an index
        from `after` (a `Page.next` of the same view), then `offset` rows on; its `total` counts
        every match, or is `total` when the caller counted it already (for an earlier page of the
        same store state and query: the count reads every match, the page only its rows), or is
        -1 when not `counted` (a caller that shows no total, such as `show`, saves the count where
        the summary tables cannot answer it)."""
        ph = self.placeholder
        if total is None and counted:
            total = self._box_total(query, view)
        if view == "clusters":
            key = cursors.cluster_key(after) if after is not None else None
            if total is None and counted:
                total = self._clamped(query, self.count_clusters(query))
            exact = total is None or not self._capped(query, total)
            days = None
            if key is None:
                key, offset, days = self._cluster_start(query, offset, limit + 1)
            rare = days is None and exact and self._rare(query, total)
            keys = self._cluster_keys(query, key, limit + 1, offset, days, rare) if days != () else []
            items = self._clusters_of(keys[:limit])
            last = (keys[limit - 1][0], keys[limit - 1][1]) if len(keys) > limit else None
            nxt = cursors.encode("clusters", last) if last else None
            return Page(-1 if total is None else total, items, nxt, exact)
        mkey = cursors.mention_key(after) if after is not None else None
        if total is None and counted:
            total = self._clamped(query, self.count_mentions(query))
        exact = total is None or not self._capped(query, total)
        if mkey is None:
            mkey, offset = self._mention_start(query, offset)
        common = self._common(query, total)
        found = self.fetch_all(*pages.mention_page_sql(ph, query, mkey, limit + 1, offset, common,
                                                       self.keeps_join_order, self.text_search))  # fmt: skip
        names = (*browse.EVENT_NAMES, "_key")
        rows = [row_builders.decode(dict(zip(names, r, strict=True))) for r in found]
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = (rows[-1]["_key"], rows[-1]["article_id"], rows[-1]["idx"]) if more else None
        for row in rows:
            del row["_key"]
        cursor = cursors.encode("mentions", nxt) if nxt else None
        return Page(-1 if total is None else total, rows, cursor, exact)

    @staticmethod
    def _capped(query: EventQuery, total: int) -> bool:
        """True when `total` (of a page for `query`) is BOX_CAP + 1 standing for "more than BOX_CAP"."""
        return query.bbox is not None and total > BOX_CAP

    @staticmethod
    def _clamped(query: EventQuery, total: int) -> int:
        """An exact `total` as a page for `query` says it: a box's is never more than BOX_CAP + 1, so
        that a total passed back (`total=`) tells whether it was capped."""
        return min(total, BOX_CAP + 1) if query.bbox is not None else total

    def _box_total(self, query: EventQuery, view: View) -> int | None:
        """The total of a box, counted only as far as BOX_CAP + 1 ("more than BOX_CAP"); None for
        any other query, which is counted exactly.

        No summary counts a box, so its exact total reads every matching event (and, for
        clusters, their distinct clusters): the whole map's box is the whole store. Instead the
        matching events (or their distinct clusters) are read through the place index until
        BOX_CAP + 1 are found: a box with fewer is counted exactly at the cost of its rows. While
        the store is behind its clustering, clusters are counted exactly (and clamped)."""
        if query.bbox is None or (view == "clusters" and self.behind()):
            return None
        counts = pages.capped_cluster_count_sql if view == "clusters" else pages.capped_mention_count_sql
        return int(self.fetch_one(*counts(self.placeholder, query, BOX_CAP + 1, self.text_search))[0])

    def _cluster_start(
        self, query: EventQuery, offset: int, limit: int
    ) -> tuple[ClusterKey | None, int, tuple[str, ...] | None]:
        """Where a walk of the clusters may start instead of the first cluster, the offset left
        from there, and the days (page keys) that hold the page: from the summary's matching
        clusters per day, so a deep offset does not walk its depth and a rare filter walks only
        the days that have a match. (None, offset, None) when the summary cannot say, when the
        store is behind its clustering, and for the first page of everything (one index walk)."""
        scope = tallies.scope(query)
        if scope is None or not tallies.answers_clusters(scope) or self.behind():
            return None, offset, None
        if offset == 0 and scope == tallies.Scope(scope.level, tallies.ALL, None, None, None):
            return None, offset, None
        found = self.fetch_all(*tallies.cluster_days_sql(self.placeholder, scope, undated=True))
        placed = tallies.page_days(sorted((day or UNDATED, int(n)) for day, n in found), offset, limit)
        if placed is None:  # past the last match: an empty page
            return None, offset, ()
        return (placed[0][0], ""), placed[1], placed[0]

    def _mention_start(self, query: EventQuery, offset: int) -> tuple[MentionKey | None, int]:
        """As `_cluster_start`, for events in their published order, when no filter but asserted is
        set (the summary counts events per published day only as a whole)."""
        scope = tallies.scope(query)
        if offset == 0 or scope is None or scope != tallies.Scope(scope.level, tallies.ALL, None, None, None):
            return None, offset
        found = self.fetch_all(*tallies.published_days_sql(self.placeholder, scope.level))
        placed = tallies.page_days(sorted((day or UNDATED, int(n)) for day, n in found), offset, 1)
        return ((placed[0][0], "", -1), placed[1]) if placed is not None else (None, offset)

    def _common(self, query: EventQuery, total: int | None) -> bool:
        """True when `query` filters by country or root only (and asserted), and its events
        (`total`, else counted from the summary) are at least COMMON of all: a walk in page order
        then meets a match every few events, where the filter's index would fetch and sort every
        match."""
        scope = tallies.scope(query)
        if scope is None or scope.plover is not None:  # a PLOVER type keeps the plan it always had
            return False
        if scope.date_from is not None or scope.date_to is not None:
            return False
        everything = tallies.Scope(scope.level, tallies.ALL, None, None, None)
        if scope == everything:
            return False
        ph = self.placeholder
        found = total if total is not None else int(self.fetch_one(*tallies.event_total_sql(ph, scope))[0])
        return found >= COMMON * int(self.fetch_one(*tallies.event_total_sql(ph, everything))[0])

    def _rare(self, query: EventQuery, total: int | None) -> bool:
        """True when a filter the summary cannot place by day (an actor, a box, text, a PLOVER
        type with a root) matches fewer than COMMON of the clusters (`total`, else counted)."""
        filtered = pages.event_where(query, self.placeholder, self.text_search)[0]
        if tallies.scope(query) is not None or not filtered:
            return False
        if self.behind():
            return False
        found = total if total is not None else self.count_clusters(query)
        level = 1 if query.filters.asserted else 0
        everything = tallies.Scope(level, tallies.ALL, None, None, None)
        clusters = int(self.fetch_one(*tallies.cluster_total_sql(self.placeholder, everything))[0])
        return found < COMMON * clusters

    def _cluster_keys(
        self, query: EventQuery, after: ClusterKey | None, limit: int, offset: int,
        days: tuple[str, ...] | None = None, rare: bool = False,
    ) -> list[Key]:
        """(sort key, id, (article_id, idx) of a single cluster or None), in page order; only of
        `days` (page keys) when given, found from the matching events when `rare`."""
        ph, search = self.placeholder, self.text_search
        if not self.behind():  # every event is in a cluster: one walk of the cluster index
            sql = pages.cluster_keys_sql(ph, query, after, limit, offset, days, rare, search)
            found = self.fetch_all(*sql)
            return [(k, cid, None) for k, cid in found]
        # Events wait for clustering: the first `offset + limit` of both kinds, merged.
        want = offset + limit
        found = self.fetch_all(*pages.cluster_keys_sql(ph, query, after, want, 0, search=search))
        keys: list[Key] = [(k, cid, None) for k, cid in found]
        singles = self.fetch_all(*pages.single_keys_sql(ph, query, after, want, 0, search=search))
        keys += [(k, cid, (aid, idx)) for k, cid, aid, idx in singles]
        keys.sort(key=lambda k: (k[0], k[1]))
        return keys[offset:want]

    def _clusters_of(self, keys: list[Key]) -> list[Row]:
        """The cluster rows (with their members) for page keys, in the keys' order."""
        ids = [cid for _, cid, single in keys if single is None]
        by_id: dict[str, Row] = {c["cluster_id"]: c for c in self._clusters_by_id(ids)}
        out = []
        for _, cid, single in keys:
            if single is None:
                out.append(by_id[cid])
            elif (row := self.event(*single)) is not None:
                out.append(single_cluster(row))
        return out

    def _clusters_by_id(self, ids: list[str]) -> list[Row]:
        """The clusters named (those that exist), each with its members."""
        if len(ids) > BY_ID_CHUNK:
            chunks = (ids[i : i + BY_ID_CHUNK] for i in range(0, len(ids), BY_ID_CHUNK))
            return [c for chunk in chunks for c in self._clusters_by_id(chunk)]
        if not ids:
            return []
        ph = self.placeholder
        found = [dict(zip(CLUSTER_COLUMNS, r, strict=True)) for r in
                 self.fetch_all(pages.clusters_by_id_sql(ph, len(ids)), ids)]  # fmt: skip
        members: dict[str, list[Row]] = {c["cluster_id"]: [] for c in found}
        for rec in self.fetch_all(pages.members_by_id_sql(ph, len(ids)), ids):
            member = dict(zip(MEMBER_COLUMNS, rec, strict=True))
            members[member.pop("cluster_id")].append(member)
        for cluster in found:
            cluster["members"] = members[cluster["cluster_id"]]
        return found

    def asserted_clusters(self, query: EventQuery, ids: list[str]) -> set[str]:
        """Which of these clusters (of a page for `query`) have a member that matches `query` and
        is asserted; a single cluster is asserted when its one event is."""
        only = EventQuery(replace(query.filters, asserted=True), query.plover, query.bbox, query.q)
        sql, params = pages.matching_ids_sql(self.placeholder, only, len(ids), search=self.text_search)
        found = {cid for (cid,) in self.fetch_all(sql, [*params, *ids])} if ids else set()
        for cid in set(ids) - found:
            row = self._single_event(cid)
            if row is not None and row.get("cluster_id") is None and not row["negated"] \
                    and row["modality"] == "asserted":  # fmt: skip
                found.add(cid)
        return found

    def timeline(self, query: EventQuery, view: View) -> list[tuple[str, int]]:
        """(day, count) oldest first: clusters by their first report's day, or events by date;
        undated ones are left out. Read from the summary tables (a few rows a day) when they can
        answer the filters, else counted by the database (GROUP BY); one row a day either way."""
        ph, scope = self.placeholder, tallies.scope(query)
        if view == "mentions":
            sql, params = tallies.event_days_sql(ph, scope) if scope else \
                browse.timeline_sql(ph, query, search=self.text_search)  # fmt: skip
            return [(day, int(n)) for day, n in self.fetch_all(sql, params) if day]
        days_sql = tallies.cluster_days_sql(ph, scope) if scope and tallies.answers_clusters(scope) else \
            pages.cluster_days_sql(ph, query, search=self.text_search)  # fmt: skip
        days: Counter[str] = Counter({day: int(n) for day, n in self.fetch_all(*days_sql)})
        if self.behind():
            days.update(dict(self.fetch_all(*pages.single_days_sql(ph, query, search=self.text_search))))
        return sorted(days.items())

    def binned_timeline(
        self, query: EventQuery, view: View, unit: browse.Bin = "day"
    ) -> tuple[str, list[tuple[str, int]]]:
        """(bin used, (first day of each bin, count) oldest first): `timeline` by day, ISO week,
        month or year; "auto" picks by the span of the matching days (`browse.choose_bin`)."""
        return browse.binned(self.timeline(query, view), unit)

    def count_clusters(self, query: EventQuery) -> int:
        """How many clusters (single ones included) have a member event matching `query`: from the
        summary tables when they can answer the filters, else counted over the rows."""
        scope = tallies.scope(query)
        if scope is not None and tallies.answers_clusters(scope):
            total = int(self.fetch_one(*tallies.cluster_total_sql(self.placeholder, scope))[0])
        else:
            sql = pages.cluster_count_sql(self.placeholder, query, search=self.text_search)
            total = int(self.fetch_one(*sql)[0])
        if self.behind():
            sql = pages.single_count_sql(self.placeholder, query, search=self.text_search)
            total += self.fetch_one(*sql)[0]
        return total

    def count_mentions(self, query: EventQuery) -> int:
        """How many events match `query`: from the summary tables when they can answer the
        filters, else counted over the rows."""
        scope = tallies.scope(query)
        sql = tallies.event_total_sql(self.placeholder, scope) if scope else \
            pages.mention_count_sql(self.placeholder, query, search=self.text_search)  # fmt: skip
        return int(self.fetch_one(*sql)[0])

    def matching_clusters(self, query: EventQuery) -> list[Row]:
        """Every cluster with a member event matching `query` (all its filters), earliest first:
        the whole set at once, for exports; pages come from `event_page`."""
        return self._clusters_of(self._cluster_keys(query, None, ALL, 0))

    def event(self, article_id: str, idx: int) -> Row | None:
        """One event row (as `events()` gives it), or None."""
        for row in self.events(EventFilter(article_id=article_id)):
            if row["idx"] == idx:
                return row
        return None

    def cluster_of(self, row: Row) -> Row:
        """The cluster an event row belongs to; its own single cluster when not clustered yet."""
        cluster_id = row.get("cluster_id")
        found = self._clusters_by_id([cluster_id]) if cluster_id is not None else []
        return found[0] if found else single_cluster(row)

    def cluster(self, cluster_id: str) -> Row | None:
        """The cluster with this id (or the single cluster "<article_id>-<idx>"), or None."""
        found = self._clusters_by_id([cluster_id])
        if found:
            return found[0]
        row = self._single_event(cluster_id)
        return single_cluster(row) if row is not None and row.get("cluster_id") is None else None

    def _single_event(self, cluster_id: str) -> Row | None:
        """The event a single cluster id "<article_id>-<idx>" names, or None."""
        article_id, sep, idx = cluster_id.rpartition(SINGLE_SEP)
        if not sep or not (idx.isascii() and idx.isdigit()) or not article_id or len(idx) > 18:
            return None
        return self.event(article_id, int(idx))

    def stats(self, asserted: bool = False) -> Row:
        """Counts per table, clusters, the span of dates, and events per quad class, PLOVER type,
        CAMEO root and country; with `asserted`, everything but the table counts is of asserted
        events only (`counted` says how many events that is)."""
        level = 1 if asserted else 0
        found: dict[str, dict[str, int]] = {f: {} for f in ("rows", *FACETS)}
        for facet, value, n in self.fetch_all(*tallies.facets_sql(self.placeholder, level, FACETS)):
            found[facet][value] = int(n)
        out: Row = {"counts": {t: found["rows"].get(t, 0) for t in tallies.ROW_TABLES}}
        first, last = self.fetch_one(*tallies.span_sql(self.placeholder, level))
        out["date_first"], out["date_last"] = first or None, last or None
        out.update({facet: found[facet] for facet in FACETS})
        out["counted"] = sum(out["cameo_root"].values())
        query = EventQuery(filters=EventFilter(asserted=True)) if asserted else EventQuery()
        out["clusters"] = self.count_clusters(query)
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

"""The summary tables hold what a count over the rows gives: after each write (clustered as it is
stored), after a recluster, and after the migrations that create them in an older store; and the
totals, timelines, stats and lists read from them equal the same counts made over the rows, on
SQLite and on a real PostgreSQL server alike."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.store.conftest import TEXT, build
from tests.store.test_pages import expected_clusters, walk

from newsevents.store import EventFilter, EventQuery, Store, browse, lists, open_store, pages, views
from newsevents.store.migrations import SCHEMA_VERSION
from newsevents.store.tallies import scope as summary_scope

# (article id, published, event date, cameo, source, target): days that repeat, reports of one
# event that cluster, undated ones, a target of another country, events with no target.
Source = tuple[str, str | None, str | None]
ARTICLES: tuple[tuple[str, str | None, str | None, str, Source, Source | None], ...] = (
    ("b01", "2016-02-13", "2016-02-11", "190", ("SYRMIL", "SYR", "MIL"), ("SYRREB", "SYR", "REB")),
    ("b02", "2016-02-13", "2016-02-11", "190", ("SYRMIL", "SYR", "MIL"), ("SYRREB", "SYR", "REB")),
    ("b03", "2016-02-14", "2016-02-12", "173", ("TURGOV", "TUR", "GOV"), ("SYRREB", "SYR", "REB")),
    ("b04", "2016-02-14", "2016-02-14", "190", ("RUSMIL", "RUS", "MIL"), None),
    ("b05", "2016-02-15", None, "190", ("SYRMIL", "SYR", "MIL"), ("SYRREB", "SYR", "REB")),
    ("b06", None, None, "173", ("TURGOV", "TUR", "GOV"), None),
    ("b07", "2016-02-16", "2016-02-16", "190", ("IGOUNO", None, None), ("SYRREB", "SYR", "REB")),
    ("b08", "2016-02-17", "2016-02-16", "190", ("RUSMIL", "RUS", "MIL"), ("SYRREB", "SYR", "REB")),
)
QUERIES = (
    EventQuery(),
    EventQuery(EventFilter(asserted=True)),
    EventQuery(EventFilter(cameo_root="19")),
    EventQuery(EventFilter(country="syr", asserted=True)),
    EventQuery(EventFilter(country="TUR", cameo_root="17")),
    EventQuery(EventFilter(date_from="2016-02-12")),
    EventQuery(EventFilter(date_to="2016-02-14", country="SYR")),
    EventQuery(EventFilter(date_from="2016-02-12", date_to="2016-02-15", asserted=True)),
    EventQuery(EventFilter(actor="RUS")),  # not in a summary: counted over the rows
)
# Counted per PLOVER type (`plover_tallies`, `cluster_plover_tallies`), and over the rows when a
# root filters them as well (or, for clusters, both ends of a date range).
PLOVER_QUERIES = (
    EventQuery(plover="assault"),
    EventQuery(EventFilter(asserted=True), plover="RETREAT"),
    EventQuery(EventFilter(country="SYR"), plover="RETREAT"),
    EventQuery(EventFilter(country="RUS", asserted=True), plover="ASSAULT"),
    EventQuery(EventFilter(date_from="2016-02-12"), plover="ASSAULT"),
    EventQuery(EventFilter(date_to="2016-02-14", country="SYR"), plover="ASSAULT"),
    EventQuery(EventFilter(cameo_root="19"), plover="ASSAULT"),
    EventQuery(plover="PROTEST"),  # a type no event has
)
SUMMARIES = ("event_tallies", "cluster_tallies", "facet_tallies", "plover_tallies", "cluster_plover_tallies")


def _extraction(n: int, article_id: str, published: str | None, when: str | None, cameo: str,
                source: Source, target: Source | None) -> Any:  # fmt: skip
    text = TEXT + f"Witness {article_id} counted {n + 2} craters near the market.\n"
    return build(article_id, published, text, when, source, target, cameo=cameo)


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield str(tmp_path / "tallies.db") if request.param == "sqlite" else request.getfixturevalue("pg_schema")


def stored(store: Store, table: str) -> Counter[tuple[Any, ...]]:
    """A summary table as {key: n}."""
    return Counter({tuple(r[:-1]): int(r[-1]) for r in store.fetch_all(f"SELECT * FROM {table}")})


def expected(store: Store) -> dict[str, Counter[tuple[Any, ...]]]:
    """The summaries counted in Python from the rows `events()` and `clusters()` read."""
    events = {(e["article_id"], e["idx"]): e for e in store.events()}
    out: dict[str, Counter[tuple[Any, ...]]] = {t: Counter() for t in SUMMARIES}
    for e in events.values():
        countries = {c for c in (e["source_country"], e["target_country"]) if c}
        for level in _levels(e):
            for country in {"*", *countries}:
                for root in ("*", e["cameo_root"]):  # its own root, and all roots together
                    out["event_tallies"][(level, country, root, _day(e) or "")] += 1
                if e["plover"]:
                    out["plover_tallies"][(level, country, e["plover"], _day(e) or "")] += 1
            out["facet_tallies"][(level, "published", e["published"] or "")] += 1
            out["facet_tallies"][(level, "quad_class", str(e["quad_class"]))] += 1
            out["facet_tallies"][(level, "cameo_root", e["cameo_root"])] += 1
            if e["plover"]:
                out["facet_tallies"][(level, "plover", e["plover"])] += 1
            for c in (e["source_country"], e["target_country"]):
                if c:
                    out["facet_tallies"][(level, "country", c)] += 1
    for table, n in store.counts().items():
        if n:
            out["facet_tallies"][(0, "rows", table)] = n
    for cluster in store.clusters():
        members = [events[(m["article_id"], m["idx"])] for m in cluster["members"]]
        for level in (0, 1):
            kept = [m for m in members if level in _levels(m)]
            found = {c for m in kept for c in (m["source_country"], m["target_country"]) if c}
            for country in ({"*"} if kept else set()) | found:
                chosen = [m for m in kept if country in ("*", m["source_country"], m["target_country"])]
                days = sorted(d for d in map(_day, chosen) if d)
                for root in ("*", cluster["cameo_root"]):
                    key = (level, country, root, cluster["date_first"] or "",
                           days[0] if days else "", days[-1] if days else "")  # fmt: skip
                    out["cluster_tallies"][key] += 1
                for plover in {m["plover"] for m in chosen if m["plover"]}:  # each type its members have
                    typed = sorted(d for d in (_day(m) for m in chosen if m["plover"] == plover) if d)
                    key = (level, country, plover, cluster["date_first"] or "",
                           typed[0] if typed else "", typed[-1] if typed else "")  # fmt: skip
                    out["cluster_plover_tallies"][key] += 1
    return out


def _levels(e: dict[str, Any]) -> tuple[int, ...]:
    return (0, 1) if not e["negated"] and e["modality"] == "asserted" else (0,)


def _day(e: dict[str, Any]) -> str | None:
    return e["date"] or e["published"]


def assert_summaries(store: Store) -> None:
    want = expected(store)
    for table in SUMMARIES:
        assert stored(store, table) == want[table], table


def test_summaries_follow_every_write_and_a_recluster(url: str) -> None:
    with open_store(url) as store:
        for n, args in enumerate(ARTICLES):
            assert store.write(_extraction(n, *args))
            assert not store.behind()
            assert_summaries(store)  # clusters joined and rewritten one article at a time
        assert not store.write(_extraction(0, *ARTICLES[0]))  # stored already: nothing counted twice
        assert_summaries(store)
        multi = store.fetch_one("SELECT COUNT(*) FROM event_clusters WHERE n_events > 1")[0]
        assert multi > 0  # the reports of one event were counted as one cluster
        store.recluster()
        assert_summaries(store)


@pytest.mark.parametrize("version", [8, 10])
def test_a_migrated_store_gets_its_summaries_filled(url: str, version: int) -> None:
    """From schema 8 (no summary at all: steps 9 to 11) and from schema 10 (no PLOVER tallies:
    step 11), the store's summaries come out as the rows count them, and stay so."""
    with open_store(url) as store:
        for n, args in enumerate(ARTICLES):
            store.write(_extraction(n, *args))
        want = expected(store)
        assert want["plover_tallies"]  # something to fill
        missing = SUMMARIES if version == 8 else ("plover_tallies",)
        with store.transaction() as cur:  # the store as that schema left it
            for table in missing:
                cur.execute(f"DROP TABLE {table}")
            cur.execute(f"DELETE FROM schema_version WHERE version > {version}")
    with open_store(url) as store:
        assert store.fetch_one("SELECT MAX(version) FROM schema_version")[0] == SCHEMA_VERSION
        for table in SUMMARIES:
            assert stored(store, table) == want[table], table
        store.write(_extraction(20, "b20", "2016-02-17", "2016-02-17", "190", ("RUSMIL", "RUS", "MIL"), None))
        assert_summaries(store)


def test_totals_timelines_and_stats_equal_the_counts_over_the_rows(url: str) -> None:
    with open_store(url) as store:
        for n, args in enumerate(ARTICLES):
            store.write(_extraction(n, *args))
        ph = store.placeholder
        for query in QUERIES:
            counted = store.fetch_one(*pages.cluster_count_sql(ph, query))[0]
            assert store.count_clusters(query) == counted, query
            assert store.count_mentions(query) == store.fetch_one(*pages.mention_count_sql(ph, query))[0]
            days = sorted(store.fetch_all(*pages.cluster_days_sql(ph, query)))
            assert store.timeline(query, "clusters") == [(d, int(n)) for d, n in days], query
            days = [(d, int(n)) for d, n in store.fetch_all(*browse.timeline_sql(ph, query)) if d]
            assert store.timeline(query, "mentions") == days, query
        for query in PLOVER_QUERIES:
            assert (summary_scope(query) is None) == (query.filters.cameo_root is not None)
            counted = store.fetch_one(*pages.mention_count_sql(ph, query))[0]
            assert store.count_mentions(query) == counted, query
            assert store.count_clusters(query) == store.fetch_one(*pages.cluster_count_sql(ph, query))[0]
            days = [(d, int(n)) for d, n in store.fetch_all(*browse.timeline_sql(ph, query)) if d]
            assert store.timeline(query, "mentions") == days, query
            days = sorted(store.fetch_all(*pages.cluster_days_sql(ph, query)))
            assert store.timeline(query, "clusters") == [(d, int(n)) for d, n in days], query
        assert store.count_mentions(PLOVER_QUERIES[0]) > 0
        for asserted in (False, True):
            found = store.stats(asserted)
            (span, span_params), tallies = browse.overview_sql(ph, asserted)
            assert (found["date_first"], found["date_last"]) == tuple(store.fetch_one(span, span_params))
            for key, (sql, params) in tallies.items():
                assert found[key] == {str(k): n for k, n in store.fetch_all(sql, params)}, key
            assert found["counts"] == store.counts()
            query = EventQuery(EventFilter(asserted=asserted or None))
            assert found["clusters"] == store.fetch_one(*pages.cluster_count_sql(ph, query))[0]


def test_the_list_pages_are_in_their_order_and_counted(url: str) -> None:
    with open_store(url) as store:
        for n, args in enumerate(ARTICLES):
            store.write(_extraction(n, *args))
        total, items = store.article_page(None, 3, 2)
        every = sorted(store.rows("articles"), key=lambda a: a["id"])
        every.sort(key=lambda a: a["published"] or "", reverse=True)  # newest first, undated last
        assert total == len(every)
        assert [a["id"] for a in items] == [a["id"] for a in every[2:5]]
        for table in ("quotes", "quantities"):
            total, items = store.item_page(table, browse.ItemQuery(), 100, 0)
            assert total == store.counts()[table]
            want = sorted(store.rows(table), key=lambda r: (r["article_id"], r["idx"]))
            published = {a["id"]: a["published"] for a in every}
            want.sort(key=lambda r: published[r["article_id"]] or "9999-99-99")
            assert [(r["article_id"], r["idx"]) for r in items] == [(r["article_id"], r["idx"]) for r in want]


@pytest.mark.parametrize("weight", [0.0, 1e9], ids=["walked", "from-matches"])
def test_quotes_of_a_speaker_and_figures_of_a_kind_are_the_full_read_in_order(
    url: str, weight: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A speaker (a code prefix, by the range its index serves) or a figure kind, read by walking
    the page order or from its matches, sorted: the same rows, counted."""
    monkeypatch.setattr(lists, "SORTED_PER_WALKED", weight)
    with open_store(url) as store:
        for n, args in enumerate(ARTICLES):
            store.write(_extraction(n, *args))
        published = {a["id"]: a["published"] or "9999-99-99" for a in store.rows("articles")}

        def in_order(table: str, keep: Any) -> list[tuple[str, int]]:
            rows = [r for r in store.rows(table) if keep(r)]
            keys = [(published[r["article_id"]], r["article_id"], r["idx"]) for r in rows]
            return [(aid, idx) for _, aid, idx in sorted(keys)]

        cases = [("quotes", browse.ItemQuery(speaker=p),
                  lambda r, p=p: (r["speaker_code"] or "").startswith(p.upper()))
                 for p in ("SYR", "syrgov", "SYRGOVX", "S", "TUR", "Z")]  # fmt: skip
        cases += [("quantities", browse.ItemQuery(kind=k), lambda r, k=k: r["kind"] == k)
                  for k in ("refugees", "killed")]  # fmt: skip
        for table, query, keep in cases:
            want = in_order(table, keep)
            for offset in range(len(want) + 1):
                total, items = store.item_page(table, query, 3, offset)
                assert total == len(want), query
                assert [(r["article_id"], r["idx"]) for r in items] == want[offset : offset + 3], query
        assert in_order("quotes", lambda r: r["speaker_code"] == "SYRGOV")  # the speakers looked for exist


@pytest.mark.parametrize("common", [0.0, 1.0], ids=["walked", "from-matches"])
def test_pages_started_from_the_summary_are_the_full_read_in_order(
    url: str, common: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offsets jump to the day that holds them, and filtered pages visit only the days with a
    match (both read from the summary), filters read in page order or from their matches
    (every filter common, or every one rare): every page is still the full read's slice."""
    monkeypatch.setattr(views, "COMMON", common)
    with open_store(url) as store:
        for n, args in enumerate(ARTICLES):
            store.write(_extraction(n, *args))
        assert not store.behind()
        for query in QUERIES:
            expected = expected_clusters(store, query)
            for limit in (1, 2, 3):
                for offset in range(len(expected) + 2):
                    page = store.event_page(query, "clusters", limit, offset)
                    assert page.items == expected[offset : offset + limit], (query, limit, offset)
                    assert page.total == len(expected)
            assert walk(store, query, "clusters", 2) == expected
            events = [_without(r, "duplicate_of") for r in store.events(query.filters)]
            for offset in range(len(events) + 1):
                assert store.event_page(query, "mentions", 2, offset).items == events[offset : offset + 2]
        for query in PLOVER_QUERIES:
            kind = browse.plover_type(str(query.plover))
            events = [_without(r, "duplicate_of") for r in store.events(query.filters) if r["plover"] == kind]
            for offset in range(len(events) + 1):
                page = store.event_page(query, "mentions", 2, offset)
                assert (page.total, page.items) == (len(events), events[offset : offset + 2]), query
            typed = {(r["article_id"], r["idx"]) for r in events}
            clusters = [c for c in expected_clusters(store, EventQuery(query.filters))
                        if any((m["article_id"], m["idx"]) in typed for m in c["members"])]  # fmt: skip
            for offset in range(len(clusters) + 1):
                page = store.event_page(query, "clusters", 2, offset)
                assert (page.total, page.items) == (len(clusters), clusters[offset : offset + 2]), query
            assert walk(store, query, "clusters", 2) == clusters


def _without(row: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != key}


def test_show_reads_the_first_rows_of_the_full_read(url: str) -> None:
    """`newsevents show` reads one page through the indexes: the full read's first rows."""
    from newsevents.cli.read import _first_rows

    with open_store(url) as store:
        for n, args in enumerate(ARTICLES):
            store.write(_extraction(n, *args))
        for query in QUERIES:
            for limit in (1, 3, 50):
                chosen = EventFilter(**{**query.filters.__dict__, "limit": limit})
                assert _first_rows(store, chosen, True) == store.clusters(chosen)
                events = [_without(r, "duplicate_of") for r in store.events(chosen)]
                assert _first_rows(store, chosen, False) == events


@pytest.mark.parametrize("cap", [3, 100], ids=["capped", "counted"])
def test_a_box_is_counted_to_its_cap_and_paged_in_full(
    url: str, cap: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A box holding more than BOX_CAP matching events is counted only that far ("more than"),
    on both views; under the cap it is counted exactly; its pages are the full read's either way."""
    monkeypatch.setattr(views, "BOX_CAP", cap)
    with open_store(url) as store:
        for n, args in enumerate(ARTICLES):
            store.write(_extraction(n, *args))
        ph = store.placeholder
        for box in ((30.0, 30.0, 40.0, 40.0), (-10.0, -10.0, 10.0, 10.0)):  # Aleppo's, and an empty one
            query = EventQuery(EventFilter(asserted=True), bbox=box)
            inside = [_without(r, "duplicate_of") for r in store.events(query.filters)
                      if r["location_lat"] is not None and 30 <= r["location_lat"] <= 40
                      and 30 <= r["location_lon"] <= 40 and box[0] == 30.0]  # fmt: skip
            clusters = store.fetch_one(*pages.cluster_count_sql(ph, query))[0]
            for view, counted in (("mentions", len(inside)), ("clusters", clusters)):
                page = store.event_page(query, view, 100, 0)  # type: ignore[arg-type]
                if counted > cap:
                    assert (page.total, page.exact) == (cap + 1, False), view
                else:
                    assert (page.total, page.exact) == (counted, True), view
                known = store.event_page(query, view, 2, 1, total=page.total)  # type: ignore[arg-type]
                assert (known.total, known.exact) == (page.total, page.exact)
            assert store.event_page(query, "mentions", 100, 0).items == inside
            if box[0] == 30.0:
                assert len(inside) > 3 and clusters > 3  # the capped run caps both views

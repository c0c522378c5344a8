"""Clustering each article in the transaction that writes it (store/incremental.py): what adding
articles one at a time guarantees against a full `recluster()`, on SQLite and PostgreSQL, and a
real `extract` killed with SIGKILL in the middle of a batch."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.store import pg_server

import newsevents
from newsevents.corpus.cluster import MAX_SPAN_DAYS, codes_compatible
from newsevents.model import Extraction
from newsevents.store import Store, open_store

log = logging.getLogger(__name__)
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"
SRC = Path(newsevents.__file__).resolve().parents[1]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus(corpus_extractions: list[Extraction]) -> list[Extraction]:
    """The corpus through the real pipeline, in file order."""
    return corpus_extractions


def derived(store: Store) -> dict[str, Any]:
    """What clustering left: groups, the partition of events, cluster rows, lookup keys."""
    members: dict[str, set[tuple[str, int]]] = {}
    sql = "SELECT article_id, idx, cluster_id FROM event_cluster_members"
    for art, idx, cluster_id in store.fetch_all(sql):
        members.setdefault(cluster_id, set()).add((art, idx))
    return {
        "groups": sorted(store.fetch_all("SELECT article_id, group_id, similarity FROM article_groups")),
        "partition": {frozenset(m) for m in members.values()},
        "clusters": sorted(store.fetch_all("SELECT * FROM event_clusters")),
        "keys": sorted(store.fetch_all("SELECT * FROM event_keys")),
        "band_keys": sorted(store.fetch_all("SELECT * FROM article_band_keys")),
    }


def check_guarantee(store: Store) -> None:
    """Every event in exactly one cluster; a cluster holds one root and compatible actors on each
    side; a cluster with no copies in it spans at most MAX_SPAN_DAYS."""
    events = store.events()
    assert events and all(e["cluster_id"] is not None for e in events)
    member_rows = store.fetch_all("SELECT article_id, idx FROM event_cluster_members")
    assert sorted(member_rows) == sorted((e["article_id"], e["idx"]) for e in events)
    by_cluster: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        by_cluster.setdefault(e["cluster_id"], []).append(e)
    assert len(by_cluster) == store.cluster_count()
    for cluster in store.clusters():
        found = by_cluster[cluster["cluster_id"]]
        assert cluster["n_events"] == len(found)
        assert {e["cameo_root"] for e in found} == {cluster["cameo_root"]}
        for side in ("source_code", "target_code"):
            codes = sorted({e[side] for e in found} - {None})
            assert all(codes_compatible(a, b) for a in codes for b in codes), cluster
        if not any(e["duplicate_of"] or _has_copies(store, e["article_id"]) for e in found):
            dated = sorted((e["date"] or e["published"])[:10] for e in found if e["date"] or e["published"])
            if dated:
                first, last = (time.strptime(d, "%Y-%m-%d") for d in (dated[0], dated[-1]))
                assert (time.mktime(last) - time.mktime(first)) / 86400 <= MAX_SPAN_DAYS + 0.1, cluster


def _has_copies(store: Store, article_id: str) -> bool:
    p = store.placeholder
    return bool(store.fetch_all(f"SELECT 1 FROM article_groups WHERE article_id = {p}", (article_id,)))


def test_one_at_a_time_groups_as_a_full_recluster_and_keeps_clusters_coherent(
    corpus: list[Extraction], tmp_path: Path
) -> None:
    results = []
    for name, order in (("forward", corpus), ("reverse", corpus[::-1])):
        with open_store(tmp_path / f"{name}.db") as store:
            for extraction in order:
                assert store.write(extraction)
            assert not store.behind()
            check_guarantee(store)
            written = derived(store)
            store.recluster()
            full = derived(store)
        # Near-duplicate groups and the lookup keys do not depend on order: equal to a full pass.
        assert written["groups"] == full["groups"] and written["groups"]
        assert written["keys"] == full["keys"] and written["band_keys"] == full["band_keys"]
        # Clusters may differ where a join was refused in one order and not in the other.
        differ = len(written["partition"] - full["partition"])
        log.info("%s: %d of %d clusters differ from a full recluster", name, differ, len(full["partition"]))
        assert differ <= len(full["partition"]) // 20
        results.append(written)
    assert results[0]["groups"] == results[1]["groups"]


def test_a_new_report_joins_the_existing_cluster(corpus: list[Extraction], tmp_path: Path) -> None:
    """A cluster of several reports, rebuilt by writing all but one report then the last one."""
    with open_store(tmp_path / "all.db") as store:
        for extraction in corpus:
            store.write(extraction)
        dated = {(e["article_id"], e["idx"]) for e in store.events() if e["date"]}
        # A cluster of dated reports: an undated copy's joins depend on the order copies arrive
        # in (see extend_clusters), so it is no fixed point to rebuild.
        multi = min((c for c in store.clusters() if c["n_articles"] >= 2
                     and all((m["article_id"], m["idx"]) in dated for m in c["members"])),
                    key=lambda c: c["cluster_id"])  # fmt: skip
    last, last_idx = multi["members"][-1]["article_id"], multi["members"][-1]["idx"]
    with open_store(tmp_path / "late.db") as store:
        for extraction in corpus:
            if extraction.article.id != last:
                store.write(extraction)
        before = store.cluster_count()
        store.write(next(x for x in corpus if x.article.id == last))
        (event,) = [e for e in store.events() if (e["article_id"], e["idx"]) == (last, last_idx)]
        joined = next(c for c in store.clusters() if c["cluster_id"] == event["cluster_id"])
        assert joined["n_articles"] >= 2
        assert store.cluster_count() <= before + len(next(x for x in corpus if x.article.id == last).events)
        check_guarantee(store)


@pytest.fixture
def pg_schema(pg_url: str) -> Iterator[str]:
    with pg_server.schema(pg_url, f"i_{uuid.uuid4().hex[:12]}") as scoped:
        yield scoped


def test_postgres_clusters_each_article_as_sqlite_does(
    corpus: list[Extraction], pg_schema: str, tmp_path: Path
) -> None:
    some = corpus[:40]
    with open_store(pg_schema) as pg, open_store(tmp_path / "ref.db") as ref:
        for extraction in some:
            assert pg.write(extraction) and ref.write(extraction)
        assert not pg.behind()
        check_guarantee(pg)
        assert derived(pg) == derived(ref)
        assert pg.clusters() == ref.clusters()


def test_a_killed_extract_leaves_only_whole_clustered_articles(
    corpus: list[Extraction], tmp_path: Path
) -> None:
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "newsevents.cli", "extract", str(CORPUS), "--db", str(db), "-q",
           "--workers", "1", "--batch-size", "4"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        stored = _wait_for_articles(db, 6, proc)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    expected = {x.article.id: x for x in corpus}
    with open_store(db, "read") as store:
        assert store.fetch_one("PRAGMA integrity_check") == ("ok",)
        ids = [r["id"] for r in store.rows("articles")]
        assert stored <= len(ids) < len(expected)  # killed mid-run: some stored, not all
        counts = dict(store.fetch_all("SELECT article_id, COUNT(*) FROM events GROUP BY article_id"))
        for art_id in ids:  # whole articles: every child row the extraction has
            assert counts.get(art_id, 0) == len(expected[art_id].events), art_id
            keys = store.fetch_all("SELECT 1 FROM article_band_keys WHERE article_id = ?", (art_id,))
            assert len(keys) == 64
        assert not store.behind()
        check_guarantee(store)


def _wait_for_articles(db: Path, n: int, proc: subprocess.Popen[bytes]) -> int:
    """Poll the store read-only until it holds `n` articles (the run is mid-batch then)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        if db.exists():
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                (found,) = conn.execute("SELECT COUNT(*) FROM articles").fetchone()
                conn.close()
                if found >= n:
                    return int(found)
            except sqlite3.OperationalError:
                pass  # the schema is being created
        time.sleep(0.05)
    pytest.fail(f"the store never held {n} articles")


# Two reports that share one sentence and little else (not copies of each other), and a wire
# round-up that copies both: it makes all three copies of one story.
SHARED_SENTENCE = "Soldiers fought Boko Haram fighters outside Maiduguri, the army said in a statement."
FIRST = (
    "Army repels attack\n\n" + SHARED_SENTENCE + " Residents of the eastern districts described hours of "
    "gunfire and said that families fled toward the centre of the city before dawn, carrying what they "
    "could. Traders closed the main market and the road to the airport was shut for most of the day."
)
SECOND = (
    "Clashes near the city\n\n" + SHARED_SENTENCE + " Aid workers said a camp for displaced people on the "
    "southern edge of town took in several hundred new arrivals, most of them women and children who had "
    "walked through the night from villages that the insurgents had burned during the week."
)
ROUNDUP = "Round-up\n\n" + FIRST.split("\n\n", 1)[1] + " " + SECOND.split("\n\n", 1)[1].split(". ", 1)[1]


def _report(art_id: str, text: str) -> Extraction:
    """One undated fight between the army and Boko Haram, stated by the shared sentence: undated
    events join only events of copies of their own story."""
    from newsevents.model import Actor, Article, Event, Evidence

    start = text.index(SHARED_SENTENCE) if SHARED_SENTENCE in text else text.index("\n\n") + 2
    sentence = Evidence.of(text, start, text.index(".", start) + 1)
    word = Evidence.of(text, start, start + 8)
    event = Event(Actor("Soldiers", "Nigerian military", "NGAMIL", "NGA", "MIL", word),
                  Actor("Boko Haram", "Boko Haram", "NGAREB", "NGA", "REB", word),
                  "190", "19", "FIGHT", 4, -10.0, sentence, word)  # fmt: skip
    article = Article(id=art_id, text=text, title=text.split("\n", 1)[0])
    return Extraction(article, (event,), (), (), (), ())


def test_a_copy_of_two_stories_joins_their_events_as_a_full_recluster_does(tmp_path: Path) -> None:
    with open_store(tmp_path / "bridge.db") as store:
        store.write(_report("first", FIRST))
        store.write(_report("second", SECOND))
        apart = {e["article_id"]: e["cluster_id"] for e in store.events()}
        assert apart["first"] != apart["second"]  # not copies of each other, no date: apart
        roundup = _report("roundup", ROUNDUP)
        store.write(replace(roundup, events=()))  # it codes nothing itself: only the copies join
        groups = dict(store.fetch_all("SELECT article_id, group_id FROM article_groups"))
        assert set(groups) == {"first", "second", "roundup"} and len(set(groups.values())) == 1
        written = derived(store)
        assert len({e["cluster_id"] for e in store.events()}) == 1 and len(store.events()) == 2
        store.recluster()
        assert derived(store) == written


def test_clusters_updated_by_each_new_report_equal_their_members_summarised_afresh(
    corpus: list[Extraction], tmp_path: Path
) -> None:
    """Three editions of the corpus, each article a copy of its earlier editions, written one at
    a time: every story's cluster grows with each edition, and the store writes only the new
    reports' member rows. Each cluster row, its members and the counts must still be what
    summarising the cluster's members and counting every row afresh give."""
    from newsevents.corpus.cluster import extend_clusters
    from newsevents.store import tallies
    from newsevents.store.query import CLUSTER_INPUT_COLUMNS, cluster_input_sql
    from newsevents.store.rows import DERIVED_COLUMNS, cluster_rows
    from newsevents.store.tables import SUMMARY_COLUMNS

    def edition(x: Extraction, n: int) -> Extraction:
        text = f"{x.article.text}\n\nEdition {n}."
        return replace(x, article=replace(x.article, id=f"{x.article.id}-{n}", text=text))

    with open_store(tmp_path / "editions.db") as store:
        for n in range(3):
            for extraction in corpus:
                assert store.write(edition(extraction, n) if n else extraction)
        assert not store.behind()
        rows = {(r[0], r[1]): dict(zip(CLUSTER_INPUT_COLUMNS, r, strict=True))
                for r in store.fetch_all(cluster_input_sql())}  # fmt: skip
        of = store.fetch_all("SELECT article_id, idx, cluster_id FROM event_cluster_members")
        members: dict[str, list[dict[str, Any]]] = {}
        for art, idx, cluster_id in of:
            members.setdefault(cluster_id, []).append(rows[(art, idx)])
        groups = dict(store.fetch_all("SELECT article_id, group_id FROM article_groups"))
        assert max(len({m["article_id"] for m in ms}) for ms in members.values()) >= 3  # clusters grew
        afresh = cluster_rows(extend_clusters(members.values(), [], groups))
        stored = {t: sorted(store.fetch_all(f"SELECT * FROM {t}")) for t in afresh}
        for table, want in afresh.items():
            assert stored[table] == sorted(tuple(r[c] for c in DERIVED_COLUMNS[table]) for r in want), table
        counted = {t: sorted(store.fetch_all(f"SELECT * FROM {t}")) for t in SUMMARY_COLUMNS}
        with store.transaction() as cur:
            tallies.rebuild(cur)
        assert counted == {t: sorted(store.fetch_all(f"SELECT * FROM {t}")) for t in SUMMARY_COLUMNS}

"""Clustering one new article inside the transaction that writes it.

`write()` calls `add_article` after the article's rows are inserted, with the same cursor, so
an article is stored together with its near-duplicate group and its events' clusters or not at
all: a run killed at any point leaves no article unclustered. The work is lookups by index,
never a pass over the store:

- near-duplicates: the article's MinHash band keys find the articles sharing two or more
  (`article_band_keys`, keyed by band and key); `dedup.likely_copies` and then the exact check
  on those few articles' shingle hashes, kept in `article_sketches` when each was written, decide,
  by the same rule `find_groups` uses over a whole corpus, so groups equal a full `recluster()`'s
  whatever order articles came in. A copy is never read or shingled again: a story syndicated
  many times over costs each new copy a lookup per earlier copy, not a parse of its text;
- clusters: each event's block (root, country, day) finds the events of the same root and
  country within a day (`event_keys`); their clusters, the clusters of the article's copies and
  of every article whose group changed are read back, and `cluster.extend_clusters` decides
  those clusters only. Each one's summary row is written again, but a member row only for a new
  event or one whose cluster id changed, so joining a story with many reports does not rewrite
  them all.

The cluster ids and summaries follow the same rules as `recluster()`; which clusters form may
differ from a full recluster only where a join is refused (see `extend_clusters`).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from newsevents.corpus import cluster, dedup
from newsevents.store import rows as row_builders
from newsevents.store import tallies
from newsevents.store.query import CLUSTER_INPUT_COLUMNS

if TYPE_CHECKING:
    from newsevents.store.core import SQLStore

Row = dict[str, Any]
# Cluster blocks looked up in one statement: a UNION of this many probes stays under SQLite's
# 500 compound SELECTs and 999 parameters, the smallest limits of the engines we run on.
PROBES = 100
FILL_BATCH = 500  # articles read at a time when a migrated store's shingle hashes are filled in
_INPUT = ", ".join(f"a.{c}" if c in ("source", "published") else f"e.{c}" for c in CLUSTER_INPUT_COLUMNS)
_INPUT_FROM = "FROM events e JOIN articles a ON a.id = e.article_id"


@dataclass(frozen=True)
class Sketch:
    """An article's shingle hashes and the lookup rows made from them: computed from its text
    alone, so before the write takes the derived tables' lock, which concurrent writers queue
    for (the MinHash alone took about 2.6 ms an article of client time inside it)."""

    hashes: Any
    rows: dict[str, list[Row]]


def sketch_of(article: Row) -> Sketch:
    """The `Sketch` of a stored article row."""
    hashes = article_hashes(article)
    return Sketch(hashes, sketch_rows(article["id"], hashes))


def article_hashes(article: Row) -> np.ndarray:
    """The shingle hashes of a stored article row (id, text, title span, furniture)."""
    return dedup.shingle_hashes(row_builders.dedup_document(row_builders.decode(dict(article)))[1])


def pack_hashes(hashes: np.ndarray) -> str:
    """Shingle hashes as the text `article_sketches.hashes` keeps: every engine stores text, and
    base64 of the little-endian words costs 5.3 characters a shingle and no parse to read back."""
    return base64.b64encode(np.asarray(hashes, dtype="<u4").tobytes()).decode("ascii")


def unpack_hashes(packed: str) -> np.ndarray:
    """The sorted shingle hashes `pack_hashes` kept, as `dedup.shingle_hashes` gave them."""
    return np.frombuffer(base64.b64decode(packed), dtype="<u4").astype(np.uint32)


def fill_hashes(store: SQLStore, cur: Any) -> None:
    """Migration step 13: the shingle hashes of every article whose sketch row has none (a store
    written before they were kept), from its text, a batch at a time in id order. An article
    with no sketch row yet waits for the recluster a store behind will run, which writes both."""
    p = store.placeholder
    columns = ("id", "text", "title_start", "title_end", "furniture")
    last = ""
    while True:
        cur.execute(
            f"SELECT {', '.join('a.' + c for c in columns)} FROM article_sketches s JOIN articles a"
            f" ON a.id = s.article_id WHERE s.hashes IS NULL AND a.id > {p} ORDER BY a.id LIMIT {FILL_BATCH}",
            (last,),
        )
        found = [dict(zip(columns, rec, strict=True)) for rec in cur.fetchall()]
        if not found:
            return
        filled = [(pack_hashes(article_hashes(row)), row["id"]) for row in found]
        cur.executemany(f"UPDATE article_sketches SET hashes = {p} WHERE article_id = {p}", filled)
        last = found[-1]["id"]


def add_article(store: SQLStore, cur: Any, article: Row, sketch: Sketch | None = None) -> None:
    """Group and cluster the just-inserted `article` (its stored row) with what the store holds;
    `sketch` is its `sketch_of`, when the caller made it before taking the lock."""
    groups, before = _add_to_groups(store, cur, article["id"], sketch or sketch_of(article))
    _add_to_clusters(store, cur, article["id"], groups, before)


def sketch_rows(article_id: str, hashes: Any) -> dict[str, list[Row]]:
    """The `article_sketches` and `article_band_keys` rows of one article's shingle hashes."""
    keys = dedup.sketch(hashes).tolist()
    return {
        "article_sketches": [
            {"article_id": article_id, "shingles": len(hashes), "hashes": pack_hashes(hashes)}
        ],
        "article_band_keys": [
            {"band": band, "band_key": key, "article_id": article_id} for band, key in enumerate(keys)
        ],
    }


def key_rows(events: Iterable[Row]) -> list[Row]:
    """The `event_keys` rows of event rows (with cameo_root, place, actors, date, published)."""
    out = []
    for row in events:
        block = cluster.event_block(row)
        if block is not None:
            out.append({"article_id": row["article_id"], "idx": row["idx"], "cameo_root": block[0],
                        "country": block[1], "day": block[2]})  # fmt: skip
    return out


def _insert(store: SQLStore, cur: Any, table: str, batch: Sequence[Row]) -> None:
    columns = row_builders.DERIVED_COLUMNS[table]
    store.insert_rows(cur, table, columns, [[r[c] for c in columns] for r in batch])


def _in(store: SQLStore, values: Sequence[Any]) -> str:
    return f"({', '.join([store.placeholder] * len(values))})"


def _add_to_groups(
    store: SQLStore, cur: Any, art_id: str, sketch: Sketch
) -> tuple[dict[str, str], dict[str, str]]:
    """Store the article's keys, join it to its copies' groups; return the changed group's
    members with their group ids now and before (both empty when it copies nothing)."""
    hashes = sketch.hashes
    for table, batch in sketch.rows.items():
        _insert(store, cur, table, batch)
    if not len(hashes):
        return {}, {}
    keys = sketch.rows["article_band_keys"]
    p = store.placeholder
    match = " OR ".join([f"(k.band = {p} AND k.band_key = {p})"] * len(keys))
    cur.execute(
        f"SELECT k.article_id, COUNT(*), s.shingles FROM article_band_keys k JOIN article_sketches s"
        f" ON s.article_id = k.article_id WHERE ({match}) AND k.article_id <> {p}"
        f" GROUP BY k.article_id, s.shingles HAVING COUNT(*) >= {dedup.MIN_SHARED_KEYS}",
        [v for k in keys for v in (k["band"], k["band_key"])] + [art_id],
    )
    likely = sorted(a for a, n, size in cur.fetchall() if dedup.likely_copies(n, len(hashes), size))
    if not likely:
        return {}, {}
    cur.execute(f"SELECT article_id, hashes FROM article_sketches WHERE article_id IN {_in(store, likely)}",
                likely)  # fmt: skip
    scores = {}
    for other, packed in cur.fetchall():
        score = dedup.similarity(hashes, unpack_hashes(packed))
        if score >= dedup.THRESHOLD:
            scores[other] = round(score, 4)
    return _regroup(store, cur, art_id, scores) if scores else ({}, {})


def _regroup(
    store: SQLStore, cur: Any, art_id: str, scores: dict[str, float]
) -> tuple[dict[str, str], dict[str, str]]:
    """Merge the article and the groups of its `scores` copies into one group, as `find_groups`
    would over everything: best similarity per member, the first published names the group.
    Returns each member's group id now and before (an article in no group was its own)."""
    matched = sorted(scores)
    cur.execute(
        f"SELECT g.article_id, g.similarity, a.published, g.group_id FROM article_groups g JOIN articles a"
        f" ON a.id ="
        f" g.article_id WHERE g.group_id IN (SELECT group_id FROM article_groups WHERE article_id IN"
        f" {_in(store, matched)})",
        matched,
    )
    found = cur.fetchall()
    best = {a: sim for a, sim, _, _ in found}
    published = {a: pub for a, _, pub, _ in found}
    before = {a: group for a, _, _, group in found}
    ids = sorted({art_id, *matched, *best})
    missing = [a for a in ids if a not in published]
    cur.execute(f"SELECT id, published FROM articles WHERE id IN {_in(store, missing)}", missing)
    published.update(dict(cur.fetchall()))
    best[art_id] = max(scores.values())
    for other, score in scores.items():
        best[other] = max(best.get(other, 0.0), score)
    first = min(ids, key=lambda a: (published.get(a) is None, published.get(a) or "", a))
    cur.execute(f"DELETE FROM article_groups WHERE article_id IN {_in(store, ids)}", ids)
    _insert(store, cur, "article_groups",
            [{"article_id": a, "group_id": first, "similarity": best[a]} for a in ids])  # fmt: skip
    return dict.fromkeys(ids, first), {a: before.get(a, a) for a in ids}


def _add_to_clusters(
    store: SQLStore, cur: Any, art_id: str, changed: dict[str, str], before: dict[str, str]
) -> None:
    """Store the article's event keys and rewrite the clusters its events may join."""
    p = store.placeholder
    cur.execute(f"SELECT {_INPUT} {_INPUT_FROM} WHERE e.article_id = {p} ORDER BY e.idx", (art_id,))
    new = [dict(zip(CLUSTER_INPUT_COLUMNS, rec, strict=True)) for rec in cur.fetchall()]
    keys = key_rows(new)
    _insert(store, cur, "event_keys", keys)
    touched: set[str] = set()
    gap = cluster.MAX_GAP_DAYS
    blocks = sorted({(k["cameo_root"], k["country"], k["day"]) for k in keys})
    # One statement for up to PROBES blocks, each its own index probe: a round trip per event
    # cost a client-server store more than the lookups themselves.
    probe = (
        "SELECT m.cluster_id FROM event_keys k JOIN event_cluster_members m ON m.article_id ="
        f" k.article_id AND m.idx = k.idx WHERE k.cameo_root = {p} AND k.country = {p}"
        f" AND k.day BETWEEN {p} AND {p}"
    )
    for start in range(0, len(blocks), PROBES):
        chunk = blocks[start : start + PROBES]
        params = [v for root, country, day in chunk for v in (root, country, day - gap, day + gap)]
        cur.execute(" UNION ".join([probe] * len(chunk)), params)
        touched.update(c for (c,) in cur.fetchall())
    others = sorted(set(changed) - {art_id})
    if others:
        sql = "SELECT DISTINCT cluster_id FROM event_cluster_members WHERE article_id IN "
        cur.execute(sql + _in(store, others), others)
        touched.update(c for (c,) in cur.fetchall())
    if not new and not touched:
        return
    members = _members(store, cur, sorted(touched))
    articles = sorted({r["article_id"] for rows in members.values() for r in rows} | {art_id})
    cur.execute(f"SELECT article_id, group_id FROM article_groups WHERE article_id IN {_in(store, articles)}",
                articles)  # fmt: skip
    groups = dict(cur.fetchall())
    found = cluster.extend_clusters(members.values(), new, groups, before)
    _replace(store, cur, members, found)


def _members(store: SQLStore, cur: Any, cluster_ids: list[str]) -> dict[str, list[Row]]:
    """Each cluster's member rows (clustering's input columns), by cluster id."""
    if not cluster_ids:
        return {}
    cur.execute(
        f"SELECT m.cluster_id, {_INPUT} {_INPUT_FROM} JOIN event_cluster_members m ON m.article_id ="
        f" e.article_id AND m.idx = e.idx WHERE m.cluster_id IN {_in(store, cluster_ids)}",
        cluster_ids,
    )
    out: dict[str, list[Row]] = {}
    for cluster_id, *rec in cur.fetchall():
        out.setdefault(cluster_id, []).append(dict(zip(CLUSTER_INPUT_COLUMNS, rec, strict=True)))
    return out


def _replace(
    store: SQLStore, cur: Any, old: dict[str, list[Row]], found: list[cluster.EventCluster]
) -> None:
    """Put the clusters `found` in place of the `old` ones (their member rows by cluster id), and
    their counts in place of theirs. Each cluster's row is written again (one row, its summary),
    but a member row only where the event is new or its cluster's id changed: a report joining a
    story told a hundred times writes its own rows, not the hundred others'."""
    old_ids = sorted(old)
    before = tallies.cluster_counts(store, cur, old_ids)
    if old_ids:
        cur.execute(f"DELETE FROM event_clusters WHERE cluster_id IN {_in(store, old_ids)}", old_ids)
    derived = row_builders.cluster_rows(found)
    _insert(store, cur, "event_clusters", derived["event_clusters"])
    was = {(r["article_id"], r["idx"]): cluster_id for cluster_id, rows in old.items() for r in rows}
    moved = sorted((r["article_id"], r["idx"], r["cluster_id"]) for r in derived["event_cluster_members"]
                   if was.get((r["article_id"], r["idx"])) != r["cluster_id"])  # fmt: skip
    store.insert_rows(cur, "event_cluster_members", ("article_id", "idx", "cluster_id"), moved,
                      "(article_id, idx) DO UPDATE SET cluster_id = excluded.cluster_id")  # fmt: skip
    tallies.change_clusters(store, cur, before, (r["cluster_id"] for r in derived["event_clusters"]))

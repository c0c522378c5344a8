"""Scoring deduplication and event clustering against a corpus's list of duplicates.

The truth file (`duplicates.json` beside a corpus's `articles/` folder) lists `syndicated` groups
(copies of one story, by article file stem) and `same_event` groups (articles, copies or not, that
report one real-world event). Near-duplicate groups are measured with `newsevents.corpus.dedup` on
the article bodies exactly as `tests/corpus/test_dedup.py` does; event clusters are read from a
store built with the real pipeline and `recluster()`, the way `newsevents extract` builds one.
"""

from __future__ import annotations

import itertools
import json
import logging
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class CorpusFigures:
    """What docs/accuracy.md reports under "Deduplication"."""

    articles: int = 0
    syndicated: int = 0
    same_event: int = 0
    groups_whole: int = 0
    groups_found: int = 0
    groups_mixed: int = 0
    wrongly_joined: list[str] = field(default_factory=list)
    weakest_link: float | None = None  # lowest similarity that still ties a listed copy to its group
    strongest_other: float | None = None  # highest similarity between articles of different stories
    counts: dict[str, int] = field(default_factory=dict)  # store counts after recluster()
    events_whole: int = 0
    pairs_joined: int = 0
    pairs_total: int = 0
    pairs_wrong: int = 0
    undated_articles: int = 0
    undated_events: int = 0
    unplaced_events: int = 0
    # The dates of the stored events: how many by (date_source, date_precision), how many
    # articles by where their publication date came from, and the articles left with undated events.
    date_sources: dict[tuple[str, str], int] = field(default_factory=dict)
    published_sources: dict[str, int] = field(default_factory=dict)
    undated_event_articles: int = 0
    # events with coordinates and a location_source, by that source (clause ... article)
    placed_by_source: dict[str, int] = field(default_factory=dict)


def corpus_docs(articles: Path, settings: Settings) -> tuple[list[tuple[str, str]], dict[str, str | None]]:
    """(file stem, body) of every readable article, headline and furniture left out, and dates."""
    from newsevents import ingest
    from newsevents.corpus.dedup import article_body

    docs, published = [], {}
    for item in ingest.read([str(articles)], settings):
        if not hasattr(item, "text"):
            continue
        name = Path(item.origin or "").stem
        skip = [(f.start, f.end) for f in item.furniture]
        if item.title_span:
            skip.append((item.title_span.start, item.title_span.end))
        docs.append((name, article_body(item.text, skip)))
        published[name] = item.published
    return docs, published


def score_groups(
    figures: CorpusFigures,
    docs: Sequence[tuple[str, str]],
    published: Mapping[str, Any],
    truth: Sequence[Sequence[str]],
) -> None:
    """Groups found whole, groups mixing stories, unlisted articles joined, and the similarity margin."""
    from newsevents.corpus.dedup import find_groups, shingle_hashes, similarity

    found = [set(g.article_ids) for g in find_groups(list(docs), published=dict(published))]
    group_of = {a: i for i, want in enumerate(truth) for a in want}
    figures.groups_found = len(found)
    figures.groups_whole = sum(1 for want in truth if set(want) in found)
    figures.groups_mixed = sum(1 for g in found if len({group_of.get(x, x) for x in g}) > 1)
    figures.wrongly_joined = sorted(
        a for g in found for a in g if a not in group_of and len({group_of.get(x, x) for x in g}) > 1
    )
    hashes = {name: shingle_hashes(body) for name, body in docs}
    links = []
    for want in truth:
        members = [a for a in want if a in hashes]
        for a in members:
            links.append(max((similarity(hashes[a], hashes[b]) for b in members if b != a), default=0.0))
    figures.weakest_link = min(links) if links else None
    others = [
        similarity(hashes[a], hashes[b])
        for a, b in itertools.combinations(sorted(hashes), 2)
        if group_of.get(a, a) != group_of.get(b, b)
    ]
    figures.strongest_other = max(others) if others else None


def article_pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(sorted(set(g)), 2)}  # type: ignore[misc]


def score_clusters(
    figures: CorpusFigures, clusters: Sequence[Iterable[str]], truth: Sequence[Sequence[str]]
) -> None:
    """Listed events whose articles all share one cluster, and article pairs joined right or wrong."""
    together = article_pairs(clusters)
    wanted = article_pairs(truth)
    event_of: dict[str, set[int]] = {}
    for i, group in enumerate(truth):
        for a in group:
            event_of.setdefault(a, set()).add(i)
    figures.events_whole = sum(1 for g in truth if any(set(g) <= set(c) for c in clusters))
    figures.pairs_total = len(wanted)
    figures.pairs_joined = len(wanted & together)
    figures.pairs_wrong = sum(
        1 for a, b in together - wanted if a in event_of and b in event_of and not event_of[a] & event_of[b]
    )


def cluster_articles(corpus: Path, settings: Settings, store_dir: Path) -> list[set[str]]:
    """Extract the corpus with the pipeline into a fresh SQLite store, recluster, and return each
    cluster's article file stems; also leaves the store's figures in the store for the caller."""
    from newsevents import ingest, open_store, pipeline
    from newsevents.model import Extraction

    store = open_store(store_dir / "corpus.sqlite")
    try:
        for result in pipeline.run(ingest.read([str(corpus)], settings), settings):
            if isinstance(result, Extraction):
                store.write(result)
        store.recluster()
        stem = {a["id"]: Path(a.get("origin") or "").stem for a in store.rows("articles")}
        return [{stem[m["article_id"]] for m in c["members"]} for c in store.clusters()]
    finally:
        store.close()


def measure_corpus(corpus: Path, settings: Settings) -> CorpusFigures:
    """Every figure of the "Deduplication" section, for a corpus folder with articles/ and
    duplicates.json. Runs the whole pipeline over the articles (tens of seconds for ~100)."""
    truth = json.loads((corpus / "duplicates.json").read_text(encoding="utf-8"))
    syndicated = truth.get("syndicated") or []
    same_event = [g["articles"] for g in truth.get("same_event") or []]
    figures = CorpusFigures(syndicated=len(syndicated), same_event=len(same_event))
    docs, published = corpus_docs(corpus / "articles", settings)
    figures.articles = len(docs)
    figures.undated_articles = sum(1 for d in published.values() if not d)
    score_groups(figures, docs, published, syndicated)
    with tempfile.TemporaryDirectory(prefix="newsevents-corpus-") as tmp:
        clusters = cluster_articles(corpus / "articles", settings, Path(tmp))
        _store_counts(figures, Path(tmp) / "corpus.sqlite")
    score_clusters(figures, clusters, same_event)
    return figures


def _store_counts(figures: CorpusFigures, path: Path) -> None:
    from newsevents import open_store

    store = open_store(path)
    try:
        events = store.events()
        clusters = store.clusters()
        articles = list(store.rows("articles"))
    finally:
        store.close()
    figures.counts = {
        "events": len(events),
        "clusters": len(clusters),
        "multi_report_clusters": sum(1 for c in clusters if len({m["article_id"] for m in c["members"]}) > 1),
    }
    figures.undated_events = sum(1 for e in events if not e.get("date"))
    figures.undated_event_articles = len({e["article_id"] for e in events if not e.get("date")})
    figures.date_sources = dict(
        Counter((str(e.get("date_source") or "none"), str(e.get("date_precision") or "none")) for e in events)
    )
    figures.published_sources = dict(Counter(str(a.get("published_source") or "none") for a in articles))
    figures.unplaced_events = sum(1 for e in events if not e.get("location_name"))
    placed = [e for e in events if e.get("location_lat") is not None and e.get("location_lon") is not None]
    sources = Counter(str(e["location_source"]) for e in placed if e.get("location_source"))
    figures.placed_by_source = dict(sources)

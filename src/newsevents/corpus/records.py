"""What event clustering gives back: one cluster with its representative values and counts, and
its members. Plain records, kept apart from `cluster.py`'s rules so that the store's row
builders and the rules each read only what they need."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClusterMember:
    """One event of a cluster and the words it was coded from."""

    article_id: str
    idx: int
    evidence_start: int
    evidence_end: int
    evidence_text: str
    source: str | None  # the article's outlet
    published: str | None


@dataclass(frozen=True)
class EventCluster:
    """One real-world event and every report of it.

    Representative fields are the members' most common values (the most precise place; the
    most specific actor code). `n_sources` counts distinct outlets; `n_independent` counts
    articles with each near-duplicate group counted once, since copies of one wire story are
    one source, not corroboration. The earliest report is the member article published first
    (undated last, then by id).
    """

    cluster_id: str
    cameo_root: str
    plover: str | None
    quad_class: int | None
    source_code: str | None
    target_code: str | None
    country: str | None
    location_name: str | None
    lat: float | None
    lon: float | None
    date_first: str | None
    date_last: str | None
    n_events: int
    n_articles: int
    n_sources: int
    n_independent: int
    first_article_id: str
    first_published: str | None
    members: tuple[ClusterMember, ...]

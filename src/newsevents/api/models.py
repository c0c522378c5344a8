"""Response models of the REST API: the typed shapes its OpenAPI schema promises.

They mirror the store's tables (docs/store.md, schema.sql) column for column, so a client
reading the API and one reading the SQLite file see the same names. Offsets are character
offsets into the article's `text`, end exclusive.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Problem(BaseModel):
    """Every 4xx the API sends itself: a sentence saying what was wrong."""

    detail: str


class Span(BaseModel):
    start: int
    end: int
    text: str


class ArticleRef(BaseModel):
    """An article as listed: where it came from, without its text."""

    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None


class ArticleSummary(ArticleRef):
    n_events: int


class Event(BaseModel):
    """One coded event (one mention, in cluster terms) with its article's fields joined in."""

    article_id: str
    idx: int
    cluster_id: str | None = Field(None, description="its event cluster; null until the store is clustered")
    duplicate_of: str | None = Field(None, description="the earlier article this one copies, if any")
    source_text: str | None = None
    source_name: str | None = None
    source_code: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    target_text: str | None = None
    target_name: str | None = None
    target_code: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    target_start: int | None = None
    target_end: int | None = None
    cameo: str
    cameo_name: str | None = None
    cameo_root: str
    plover: str | None = None
    plover_mode: str | None = None
    quad_class: int
    goldstein: float
    date: str | None = None
    date_precision: str | None = None
    location_name: str | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    location_country: str | None = None
    location_precision: str | None = None
    location_start: int | None = None
    location_end: int | None = None
    negated: bool
    modality: str
    attributed_to: str | None = None
    attributed_to_code: str | None = None
    confidence: float
    trigger_start: int
    trigger_end: int
    trigger_text: str
    evidence_start: int
    evidence_end: int
    evidence_text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None


class ClusterMember(BaseModel):
    """One report of a clustered event: the article and the words that state it there."""

    article_id: str
    idx: int
    evidence_start: int
    evidence_end: int
    evidence_text: str
    source: str | None = None
    title: str | None = None
    published: str | None = None


class Cluster(BaseModel):
    """One real-world event as reported by one or more articles (`members`)."""

    cluster_id: str
    cameo_root: str
    cameo_root_name: str | None = None
    plover: str | None = None
    quad_class: int
    source_code: str | None = None
    target_code: str | None = None
    country: str | None = None
    location_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    date_first: str | None = None
    date_last: str | None = None
    n_events: int
    n_articles: int
    n_sources: int
    n_independent: int | None = Field(None, description="articles, each near-duplicate group counted once")
    first_article_id: str
    first_published: str | None = None
    members: list[ClusterMember]


class EventPage(BaseModel):
    """A page of events: clusters (the default view) or raw mentions (`view=mentions`)."""

    total: int = Field(description="rows matching the filters, across all pages")
    limit: int
    offset: int
    view: Literal["clusters", "mentions"]
    items: list[Cluster] | list[Event]


class EventDetail(BaseModel):
    event: Event
    article: ArticleRef
    cluster: Cluster | None = None


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class Actor(BaseModel):
    """An actor mention; `evidence_start`/`evidence_end` are where it is named."""

    article_id: str
    idx: int
    text: str
    name: str
    code: str
    country: str | None = None
    sector: str | None = None
    kind: str
    evidence_start: int | None = None
    evidence_end: int | None = None


class Quantity(BaseModel):
    article_id: str
    idx: int
    kind: str
    value: int | None = None
    low: int | None = None
    high: int | None = None
    qualifier: str
    status: str
    unit: str
    date: str | None = None
    location_name: str | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    location_country: str | None = None
    location_precision: str | None = None
    event_idx: int | None = None
    evidence_start: int
    evidence_end: int
    evidence_text: str
    title: str | None = None
    published: str | None = None


class Quote(BaseModel):
    article_id: str
    idx: int
    speaker_text: str | None = None
    speaker_name: str | None = None
    speaker_code: str | None = None
    speaker_country: str | None = None
    speaker_sector: str | None = None
    text: str
    direct: bool
    cue: str | None = None
    evidence_start: int
    evidence_end: int
    evidence_text: str
    title: str | None = None
    published: str | None = None


class Location(BaseModel):
    """A resolved place with every mention of it in the article."""

    article_id: str
    idx: int
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str
    admin1: str | None = None
    geonameid: int | None = None
    mentions: list[Span]
    mention_count: int
    evidence_start: int | None = None
    evidence_end: int | None = None


class ArticleText(ArticleRef):
    language: str | None = None
    origin: str | None = None
    text: str
    title_start: int | None = None
    title_end: int | None = None
    furniture: list[Span]


class ArticleDetail(BaseModel):
    """An article's text and every item extracted from it, for the highlighted article view."""

    article: ArticleText
    events: list[Event]
    actors: list[Actor]
    quantities: list[Quantity]
    quotes: list[Quote]
    locations: list[Location]


class QuantityPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Quantity]


class QuotePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Quote]


class DayCount(BaseModel):
    date: str
    count: int


class Stats(BaseModel):
    """What the store holds, and the names the dashboard's filters offer."""

    counts: dict[str, int]
    clusters: int = Field(description="events counted once however many reports (each alone if unclustered)")
    date_first: str | None = None
    date_last: str | None = None
    quad_class: dict[str, int]
    plover: dict[str, int]
    cameo_root: dict[str, int]
    country: dict[str, int]
    cameo_root_names: dict[str, str]
    plover_types: list[str]

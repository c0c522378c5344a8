"""Response models of the REST API: the typed shapes its OpenAPI schema promises.

The models of stored rows are generated from the table declarations (`store/tables.py`), so a
client reading the API and one reading the SQLite file see the same names and types, and a
column added to a table appears here without a second declaration. A NOT NULL column is a
required field; any other is optional with a null default. Offsets are character offsets into
the article's `text`, end exclusive. The shapes that are views, not tables (pages, clusters'
members, stats), are written out below.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi.responses import Response
from pydantic import BaseModel, Field, TypeAdapter, create_model

from newsevents.store.columns import Column
from newsevents.store.tables import BY_NAME
from newsevents.store.views import BOX_CAP


class Problem(BaseModel):
    """Every 4xx the API sends itself: a sentence saying what was wrong."""

    detail: str


class Span(BaseModel):
    start: int
    end: int
    text: str


_PYTHON: dict[str, Any] = {"TEXT": str, "INTEGER": int, "DOUBLE PRECISION": float, "BOOLEAN": bool,
                           "JSON": list[Span]}  # fmt: skip
Spec = tuple[Any, Any]
OPTIONAL_TEXT: Spec = (str | None, None)


def field_spec(column: Column) -> Spec:
    """(type, default) of the field for a stored column: required when the column is NOT NULL."""
    kind = _PYTHON[column.type]
    return (kind, ...) if column.required else (kind | None, None)


def table_model(
    name: str,
    table: str,
    doc: str | None = None,
    *,
    only: tuple[str, ...] | None = None,
    skip: tuple[str, ...] = (),
    after: dict[str, dict[str, Spec]] | None = None,
    tail: dict[str, Spec] | None = None,
    base: type[BaseModel] | None = None,
) -> type[BaseModel]:
    """A model of one table's columns (`only` those, minus `skip`), with the fields `after` names
    inserted after a column, `tail` at the end, and `after` may also replace a column's own spec."""
    after = after or {}
    fields: dict[str, Any] = {}
    for column in BY_NAME[table].columns:
        if (only is not None and column.name not in only) or column.name in skip:
            continue
        extra = dict(after.get(column.name, {}))
        fields[column.name] = extra.pop(column.name, field_spec(column))
        fields.update(extra)
    fields.update(tail or {})
    model: type[BaseModel] = create_model(name, __base__=base, __doc__=doc, __module__=__name__, **fields)
    return model


_REF = ("id", "title", "url", "source", "published")
_PUBLISHED = {"title": OPTIONAL_TEXT, "published": OPTIONAL_TEXT}

ArticleRef = table_model(
    "ArticleRef", "articles", "An article as listed: where it came from, without its text.", only=_REF
)


class ArticleSummary(ArticleRef):  # type: ignore[valid-type,misc]
    n_events: int


Event = table_model(
    "Event", "events",
    "One coded event (one mention, in cluster terms) with its article's fields joined in.",
    after={
        "idx": {
            "cluster_id": (
                str | None, Field(None, description="its event cluster; null until the store is clustered")
            ),
            "duplicate_of": (
                str | None, Field(None, description="the earlier article this one copies, if any")
            ),
        },
        "cameo": {"cameo_name": OPTIONAL_TEXT},
    },
    tail={"title": OPTIONAL_TEXT, "url": OPTIONAL_TEXT, "source": OPTIONAL_TEXT, "published": OPTIONAL_TEXT},
)  # fmt: skip


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


Cluster = table_model(
    "Cluster", "event_clusters", "One real-world event as reported by one or more articles (`members`).",
    after={
        "cameo_root": {"cameo_root_name": OPTIONAL_TEXT},
        # A single, not yet clustered event has a quad class but no independent-report count.
        "quad_class": {"quad_class": (int, ...)},
        "n_independent": {"n_independent": (
            int | None, Field(None, description="articles, each near-duplicate group counted once"))},
    },
    tail={
        "members": (list[ClusterMember], ...),
        "asserted": (bool | None, Field(None, description="has a report neither negated, hypothetical "
                                        "nor reported (in lists of clusters)")),
    },
)  # fmt: skip


class EventPage(BaseModel):
    """A page of events: clusters (the default view) or raw mentions (`view=mentions`)."""

    total: int = Field(description="rows matching the filters, across all pages")
    total_exact: bool = Field(
        True, description=f"false when a box (`bbox`) matches more than {BOX_CAP:,} rows: it is not "
        f"counted to the end, and `total` is {BOX_CAP + 1:,}, standing for \"more than {BOX_CAP:,}\""
    )
    limit: int
    offset: int
    view: Literal["clusters", "mentions"]
    items: list[Cluster] | list[Event]  # type: ignore[valid-type]
    next: str | None = Field(
        None, description="cursor of the next page, to pass as `after`; null on the last page"
    )


class EventDetail(BaseModel):
    event: Event  # type: ignore[valid-type]
    article: ArticleRef  # type: ignore[valid-type]
    cluster: Cluster | None = None  # type: ignore[valid-type]


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


Actor = table_model(
    "Actor", "actors", "An actor mention; `evidence_start`/`evidence_end` are where it is named."
)
Quantity = table_model("Quantity", "quantities", tail=_PUBLISHED)
Quote = table_model("Quote", "quotes", tail=_PUBLISHED)
Location = table_model("Location", "locations", "A resolved place with every mention of it in the article.")
ArticleText = table_model("ArticleText", "articles", skip=(*_REF, "stored_at"), base=ArticleRef)


class ArticleDetail(BaseModel):
    """An article's text and every item extracted from it, for the highlighted article view."""

    article: ArticleText  # type: ignore[valid-type]
    events: list[Event]  # type: ignore[valid-type]
    actors: list[Actor]  # type: ignore[valid-type]
    quantities: list[Quantity]  # type: ignore[valid-type]
    quotes: list[Quote]  # type: ignore[valid-type]
    locations: list[Location]  # type: ignore[valid-type]


class QuantityPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Quantity]  # type: ignore[valid-type]


class QuotePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Quote]  # type: ignore[valid-type]


class DayCount(BaseModel):
    """Events in one bin of the timeline."""

    date: str = Field(description="the first day of the bin, YYYY-MM-DD")
    count: int
    bin: Literal["day", "week", "month", "year"] = "day"


def day_counts(used: str, days: list[tuple[str, int]]) -> Response:
    """A timeline's answer, `list[DayCount]`, encoded as FastAPI encodes that model (the same bytes)
    without validating it first: each row is a day the store checked (`browse.binned`), a count
    and the bin used, and a whole-store timeline is ten thousand rows, whose validation cost
    more than reading them."""
    rows = [{"date": day, "count": n, "bin": used} for day, n in days]
    return Response(_ROWS.dump_json(rows), media_type="application/json")


_ROWS = TypeAdapter(list[dict[str, Any]])  # plain rows, serialised by pydantic's own encoder


class Stats(BaseModel):
    """What the store holds, and the names the dashboard's filters offer."""

    counts: dict[str, int]
    clusters: int = Field(description="events counted once however many reports (each alone if unclustered)")
    counted: int = Field(description="events the tallies count: asserted ones unless include_unasserted")
    date_first: str | None = None
    date_last: str | None = None
    quad_class: dict[str, int]
    plover: dict[str, int]
    cameo_root: dict[str, int]
    country: dict[str, int]
    cameo_root_names: dict[str, str]
    plover_types: list[str]


class ExtractRequest(BaseModel):
    """One article to extract (POST /api/extract): the fields of a JSON line, and whether to store it."""

    model_config = {"extra": "forbid"}

    text: str = Field(min_length=1, description="The article's full text; the answer's offsets point into it")
    title: str | None = Field(None, max_length=2000, description="Its headline (else its first line, if one)")
    url: str | None = Field(None, max_length=4000, description="Its http(s) address")
    source: str | None = Field(None, max_length=500, description="The outlet")
    published: str | None = Field(
        None, max_length=100, description="Publication day (YYYY-MM-DD); relative dates count from it"
    )
    store: bool = Field(False, description="Also store it (needs `newsevents serve --allow-writes`)")


class Extraction(BaseModel):
    """The extraction contract, as `newsevents extract --format json` prints it (schema.json)."""

    article: dict[str, Any]
    events: list[dict[str, Any]]
    quantities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    locations: list[dict[str, Any]]
    actors: list[dict[str, Any]]

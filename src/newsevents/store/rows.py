"""Flattening an Extraction into table rows, and turning stored rows back into plain values.

This module owns the mapping between the contract (`model.py`) and the tables declared in
`tables.py`, and knows no SQL engine, so every dialect writes the same rows. A test keeps each
builder's keys equal to its table's declared columns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from newsevents.errors import StoreError
from newsevents.model import (
    Actor,
    ActorMention,
    Article,
    Event,
    EventLocation,
    Evidence,
    Extraction,
    Place,
    Quantity,
    Quote,
)
from newsevents.store.query import MEMBER_COLUMNS
from newsevents.store.tables import BOOLEAN_COLUMNS, COLUMNS, DERIVED_COLUMNS, JSON_COLUMNS

if TYPE_CHECKING:
    from newsevents.corpus.records import EventCluster

__all__ = ["BOOLEAN_COLUMNS", "CHILD_TABLES", "COLUMNS", "DERIVED_COLUMNS", "JSON_COLUMNS", "decode"]

Row = dict[str, Any]

_LOCATION = ("location_name", "location_lat", "location_lon", "location_country", "location_precision")

# Child tables in write order, each with its row builder's name in this module. The store
# looks builders up by name at write time, so a test can replace one to simulate a failure.
CHILD_TABLES: tuple[tuple[str, str], ...] = (
    ("events", "event_rows"),
    ("actors", "actor_rows"),
    ("quantities", "quantity_rows"),
    ("quotes", "quote_rows"),
    ("locations", "location_rows"),
)


def article_row(article: Article, stored_at: str) -> Row:
    span = article.title_span
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": article.published,
        "published_source": article.published_source,
        "language": article.language,
        "origin": article.origin,
        "text": article.text,
        "title_start": span.start if span else None,
        "title_end": span.end if span else None,
        "furniture": _json([asdict(f) for f in article.furniture]),
        "stored_at": stored_at,
        "given_id": article.given_id,
    }


def event_rows(extraction: Extraction) -> Iterator[Row]:
    art_id = extraction.article.id
    for idx, event in enumerate(extraction.events):
        yield _event_row(art_id, idx, event)


def _event_row(art_id: str, idx: int, ev: Event) -> Row:
    attributed = ev.attributed_to
    return {
        "article_id": art_id,
        "idx": idx,
        **_actor_cols("source", ev.source),
        **_actor_cols("target", ev.target),
        "cameo": ev.cameo,
        "cameo_root": ev.cameo_root,
        "plover": ev.plover,
        "plover_mode": ev.plover_mode,
        "quad_class": ev.quad_class,
        "goldstein": ev.goldstein,
        "date": ev.date,
        "date_precision": ev.date_precision,
        "date_source": ev.date_source,
        **_location_cols(ev.location),
        **_span("location", ev.location.evidence if ev.location else None),
        "location_source": ev.location_source,
        "location_reason": ev.location_reason,
        "negated": bool(ev.negated),
        "modality": ev.modality,
        "attributed_to": attributed.name if attributed else None,
        "attributed_to_code": attributed.code if attributed else None,
        "confidence": ev.confidence,
        **_evidence("trigger", ev.trigger),
        **_evidence("evidence", ev.evidence),
    }


def actor_rows(extraction: Extraction) -> Iterator[Row]:
    art_id = extraction.article.id
    for idx, mention in enumerate(extraction.actors):
        yield _actor_row(art_id, idx, mention)


def _actor_row(art_id: str, idx: int, mention: ActorMention) -> Row:
    actor = mention.actor
    return {
        "article_id": art_id,
        "idx": idx,
        "text": actor.text,
        "name": actor.name,
        "code": actor.code,
        "country": actor.country,
        "country_source": actor.country_source,
        "sector": actor.sector,
        "kind": mention.kind,
        **_span("evidence", actor.evidence),
    }


def quantity_rows(extraction: Extraction) -> Iterator[Row]:
    art_id = extraction.article.id
    for idx, q in enumerate(extraction.quantities):
        yield _quantity_row(art_id, idx, q)


def _quantity_row(art_id: str, idx: int, q: Quantity) -> Row:
    return {
        "article_id": art_id,
        "idx": idx,
        "kind": q.kind,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "qualifier": q.qualifier,
        "status": q.status,
        "unit": q.unit,
        "date": q.date,
        **_location_cols(q.location),
        "event_idx": q.event_index,
        **_evidence("evidence", q.evidence),
    }


def quote_rows(extraction: Extraction) -> Iterator[Row]:
    art_id = extraction.article.id
    for idx, quote in enumerate(extraction.quotes):
        yield _quote_row(art_id, idx, quote)


def _quote_row(art_id: str, idx: int, quote: Quote) -> Row:
    speaker = quote.speaker
    return {
        "article_id": art_id,
        "idx": idx,
        "speaker_text": speaker.text if speaker else None,
        "speaker_name": speaker.name if speaker else None,
        "speaker_code": speaker.code if speaker else None,
        "speaker_country": speaker.country if speaker else None,
        "speaker_country_source": speaker.country_source if speaker else None,
        "speaker_sector": speaker.sector if speaker else None,
        "text": quote.text,
        "direct": bool(quote.direct),
        "cue": quote.cue,
        **_evidence("evidence", quote.evidence),
    }


def location_rows(extraction: Extraction) -> Iterator[Row]:
    art_id = extraction.article.id
    for idx, place in enumerate(extraction.locations):
        yield _location_row(art_id, idx, place)


def _location_row(art_id: str, idx: int, place: Place) -> Row:
    first = place.mentions[0] if place.mentions else None
    return {
        "article_id": art_id,
        "idx": idx,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "feature": place.feature,
        "admin1": place.admin1,
        "geonameid": place.geonameid,
        "kind": place.kind,
        "mentions": _json([asdict(m) for m in place.mentions]),
        "mention_count": len(place.mentions),
        **_span("evidence", first),
    }


def dedup_document(article: Row) -> tuple[str, str]:
    """(id, body) of a stored article row for `dedup`: headline and furniture blanked out."""
    from newsevents.corpus.dedup import article_body

    skip = [(f["start"], f["end"]) for f in article.get("furniture") or []]
    if article.get("title_start") is not None and article.get("title_end") is not None:
        skip.append((article["title_start"], article["title_end"]))
    return article["id"], article_body(article["text"], skip)


def derived_rows(articles: Iterable[Row], events: Iterable[Row]) -> dict[str, list[Row]]:
    """Rows of the derived tables for the stored `articles` (rows with id, text, title_start,
    title_end, furniture, published) and `events` (rows of the columns `cluster_input_sql`
    selects): near-duplicate groups first, then the event clusters that use them, and the keys
    new articles are looked up by (see `store/incremental.py`)."""
    from newsevents.corpus.cluster import find_clusters
    from newsevents.corpus.dedup import group_shingles, shingle_hashes, sketch
    from newsevents.store.incremental import key_rows, pack_hashes

    published: dict[str, str | None] = {}
    shingles, sketches = {}, {}
    for article in articles:
        published[article["id"]] = article.get("published")
        shingles[article["id"]] = shingle_hashes(dedup_document(article)[1])
        sketches[article["id"]] = sketch(shingles[article["id"]])
    groups = group_shingles(shingles, sketches=sketches, published=published)
    group_of = {m.article_id: g.group_id for g in groups for m in g.members}
    events = list(events)
    return {
        "article_groups": [
            {"article_id": m.article_id, "group_id": g.group_id, "similarity": m.similarity}
            for g in groups
            for m in g.members
        ],
        **cluster_rows(find_clusters(events, group_of)),
        "article_sketches": [
            {"article_id": a, "shingles": len(h), "hashes": pack_hashes(h)} for a, h in shingles.items()
        ],
        "article_band_keys": [
            {"band": band, "band_key": key, "article_id": a}
            for a, keys in sketches.items()
            for band, key in enumerate(keys.tolist())
        ],
        "event_keys": key_rows(events),
    }


def cluster_rows(clusters: Iterable[EventCluster]) -> dict[str, list[Row]]:
    """The `event_clusters` and `event_cluster_members` rows of clusters."""
    cluster_cols = DERIVED_COLUMNS["event_clusters"]
    clusters = list(clusters)
    return {
        "event_clusters": [{c: getattr(cl, c) for c in cluster_cols} for cl in clusters],
        "event_cluster_members": [
            {"article_id": m.article_id, "idx": m.idx, "cluster_id": cl.cluster_id}
            for cl in clusters
            for m in cl.members
        ],
    }


def decode(row: Row) -> Row:
    """Turn a stored row back into plain values: booleans as bool, JSON columns as lists."""
    for key in BOOLEAN_COLUMNS.intersection(row):
        if row[key] is not None:
            row[key] = bool(row[key])
    for key in JSON_COLUMNS.intersection(row):
        if isinstance(row[key], str):
            row[key] = json.loads(row[key])
    return row


def _actor_cols(prefix: str, actor: Actor | None) -> Row:
    cols: Row = {
        f"{prefix}_text": actor.text if actor else None,
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_code": actor.code if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_country_source": actor.country_source if actor else None,
        f"{prefix}_sector": actor.sector if actor else None,
    }
    cols.update(_span(prefix, actor.evidence if actor else None))
    return cols


def _location_cols(loc: EventLocation | None) -> Row:
    if loc is None:
        return dict.fromkeys(_LOCATION)
    return dict(zip(_LOCATION, (loc.name, loc.lat, loc.lon, loc.country, loc.precision), strict=True))


def _span(prefix: str, ev: Evidence | None) -> Row:
    return {f"{prefix}_start": ev.start if ev else None, f"{prefix}_end": ev.end if ev else None}


def _evidence(prefix: str, ev: Evidence) -> Row:
    return {f"{prefix}_start": ev.start, f"{prefix}_end": ev.end, f"{prefix}_text": ev.text}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


INT64 = (-(2**63), 2**63 - 1)  # what an SQLite INTEGER and a PostgreSQL BIGINT hold
NUL, NUL_STANDIN = "\x00", "\ufffd"
_JSON_NUL = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")


def storable(table: str, row: Row) -> Row:
    """`row` as every dialect can hold it: NUL in text replaced by U+FFFD (JSON text too), and
    an integer outside 64 bits refused with E304, which rolls the article back."""
    for key, value in row.items():
        if isinstance(value, str):
            row[key] = _without_nul(value, key in JSON_COLUMNS)
        elif isinstance(value, int) and not isinstance(value, bool) and not INT64[0] <= value <= INT64[1]:
            article = row.get("article_id", row.get("id"))
            raise StoreError("E304", detail=f"{table}.{key} = {value} (article {article})")
    return row


def _without_nul(text: str, is_json: bool) -> str:
    text = text.replace(NUL, NUL_STANDIN)
    # A JSON column holds NUL escaped; an escaped backslash before "u0000" is no escape of NUL.
    return _JSON_NUL.sub(r"\1\\ufffd", text) if is_json and "\\u0000" in text else text


def clean_params(params: Any) -> Any:
    """Query parameters with NUL replaced as in stored text, so a NUL in a filter or an id finds
    what was stored for it instead of failing in the driver."""
    if isinstance(params, dict):
        return {k: v.replace(NUL, NUL_STANDIN) if isinstance(v, str) else v for k, v in params.items()}
    if isinstance(params, list | tuple):
        return [v.replace(NUL, NUL_STANDIN) if isinstance(v, str) else v for v in params]
    return params


def attach_members(clusters: list[Row], members: list[tuple[Any, ...]]) -> list[Row]:
    """Each cluster row with its `members` list, from rows in `MEMBER_COLUMNS` order."""
    by_id: dict[str, list[Row]] = {c["cluster_id"]: [] for c in clusters}
    for rec in members:
        member = dict(zip(MEMBER_COLUMNS, rec, strict=True))
        by_id.setdefault(member.pop("cluster_id"), []).append(member)
    for cluster in clusters:
        cluster["members"] = by_id[cluster["cluster_id"]]
    return clusters

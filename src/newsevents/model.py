"""The extraction contract: the typed objects that flow between stages and out to users.

Every stage takes and returns these frozen dataclasses, never nested dicts; dicts appear
only at the JSON edge (`Extraction.to_dict`). The JSON shape is fixed by `schema.json`
beside this module, and a test keeps the two equal.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import asdict, dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Any, Literal

Modality = Literal["asserted", "hypothetical", "reported"]
Qualifier = Literal["exact", "more_than", "less_than", "about", "range"]
Status = Literal["reported", "cumulative", "projected"]
Precision = Literal["district", "city", "admin1", "country"]
DatePrecision = Literal["day", "week", "month", "year"]
Feature = Literal["country", "admin1", "city", "district", "other"]


@dataclass(frozen=True)
class Evidence:
    """A span of the article's text: `text == article.text[start:end]` always holds."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, full_text: str, start: int, end: int) -> Evidence:
        """Build evidence from offsets, so the text can never drift from the offsets."""
        return cls(start, end, full_text[start:end])


@dataclass(frozen=True)
class Article:
    """One article exactly as read.

    `text` is the full text offsets point into (for a text file: the whole file, title line
    included). `furniture` lists spans (photo credits, captions, bylines, credit lines, "Share")
    that are kept as metadata and never coded.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str = "en"
    origin: str | None = None  # file path (and line for JSONL) it was read from
    furniture: tuple[Evidence, ...] = ()
    title_span: Evidence | None = None  # where the title sits in `text`, if it does
    # The id the input gave (a JSONL "id", a sidecar's "id"), kept as metadata only: `id` is
    # always the content hash, so two different texts given one id are two articles, and any
    # characters the source put in its ids never reach a URL path or a key.
    given_id: str | None = None

    def in_furniture(self, start: int, end: int) -> bool:
        """True when the span overlaps page furniture, which must never be coded.

        Asked for every candidate word, so it bisects instead of scanning every furniture line:
        of the spans starting before `end`, the one reaching furthest must pass `start`."""
        starts, reach = self._furniture_index
        before = bisect_left(starts, end)
        return before > 0 and reach[before - 1] > start

    @cached_property
    def _furniture_index(self) -> tuple[list[int], list[int]]:
        """Furniture starts in order, and the furthest end among the spans up to each."""
        spans = sorted((f.start, f.end) for f in self.furniture)
        return [a for a, _ in spans], list(accumulate((b for _, b in spans), max))

    def in_title(self, start: int, end: int) -> bool:
        """True when the span lies in the headline (coded only if the body does not repeat it)."""
        span = self.title_span
        return span is not None and span.start <= start and end <= span.end


@dataclass(frozen=True)
class Actor:
    """A resolved actor: who, with a CAMEO-style code of country + sector.

    `code` is the concatenation used by CAMEO/PETRARCH ("SYRGOV", "IGOUNO", "RUSMIL");
    `country` is ISO 3166 alpha-3 or None for international/transnational actors.
    """

    text: str
    name: str
    code: str
    country: str | None = None
    sector: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class ActorMention:
    """An actor found in the text, tied to tokens of the parse so events can link to it.

    `token_start`/`token_end` are token indices (end exclusive) in the spaCy Doc of the article;
    `head` is the index of the syntactic head token of the mention. `kind` says how it was
    recognised: name, demonym, noun (sector noun such as "rebels"), pronoun, coref.
    `country_guessed` is True when the actor's country is the article's dominant one, given to
    a sector noun whose words name none ("soldiers" in an article about Nigeria): a later stage
    with better evidence (the event's place) may replace it.
    """

    actor: Actor
    token_start: int
    token_end: int
    head: int
    kind: str = "name"
    country_guessed: bool = False


@dataclass(frozen=True)
class EventLocation:
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    precision: Precision
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, with the words behind it.

    `evidence` is the sentence (or clause) that states the event; `trigger` the verb or noun
    that was coded.
    """

    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    plover: str | None
    quad_class: int
    goldstein: float
    evidence: Evidence
    trigger: Evidence
    plover_mode: str | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    location: EventLocation | None = None
    negated: bool = False
    modality: Modality = "asserted"
    attributed_to: Actor | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class Quantity:
    """A casualty or displacement figure with its qualifier and whether it happened."""

    kind: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: Qualifier
    status: Status
    evidence: Evidence
    unit: str = "people"
    date: str | None = None
    location: EventLocation | None = None
    event_index: int | None = None  # index into Extraction.events, when the sentence links them


@dataclass(frozen=True)
class Quote:
    speaker: Actor | None
    text: str
    direct: bool
    cue: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Place:
    """A resolved place and every mention of it in the article."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: Feature
    mentions: tuple[Evidence, ...]
    admin1: str | None = None
    geonameid: int | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article; the unit written to stores and printed as JSON."""

    article: Article
    events: tuple[Event, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    locations: tuple[Place, ...] = ()
    actors: tuple[ActorMention, ...] = field(default=(), compare=False)

    def to_dict(self, include_text: bool = True) -> dict[str, Any]:
        """The JSON contract (see schema.json); `include_text=False` drops `article.text`."""
        art = self.article
        article: dict[str, Any] = {
            "id": art.id,
            "title": art.title,
            "url": art.url,
            "source": art.source,
            "published": art.published,
            "language": art.language,
            "given_id": art.given_id,
        }
        if include_text:
            article["text"] = art.text
        article["furniture"] = [asdict(f) for f in art.furniture]
        return {
            "article": article,
            "events": [asdict(e) for e in self.events],
            "quantities": [asdict(q) for q in self.quantities],
            "quotes": [asdict(q) for q in self.quotes],
            "locations": [_place_dict(p) for p in self.locations],
            "actors": [_mention_dict(m) for m in self.actors],
        }

    def to_json(self, include_text: bool = True, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(include_text), ensure_ascii=False, indent=indent)


def _mention_dict(mention: ActorMention) -> dict[str, Any]:
    out = asdict(mention.actor)
    out["kind"] = mention.kind
    return out


def _place_dict(place: Place) -> dict[str, Any]:
    out = asdict(place)
    out["mentions"] = [asdict(m) for m in place.mentions]
    return out

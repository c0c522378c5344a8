"""The extraction contract: the typed objects that flow between stages and out to users.

Every stage takes and returns these frozen dataclasses, never nested dicts; dicts appear
only at the JSON edge: each object's `to_dict()` gives its part of the contract, and
`Extraction.to_dict` (and so `to_json`) is built from them, so an event printed alone and the
same event inside its extraction never differ. The JSON shape is fixed by `schema.json`
beside this module, and a test keeps the two equal.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field, fields, replace
from functools import cache, cached_property
from itertools import accumulate
from typing import Any, Literal, TypeVar

Modality = Literal["asserted", "hypothetical", "reported"]
Qualifier = Literal["exact", "more_than", "less_than", "about", "range"]
Status = Literal["reported", "cumulative", "projected"]
Precision = Literal["district", "city", "admin1", "country"]
DatePrecision = Literal["day", "week", "month", "year"]
# Where an event's date came from: its own words, what its speaker was said to say when, the
# article's publication date (a default, not a statement), a date inferred otherwise, or, for an
# article that gives no date anywhere, the day newsevents received it (the event happened on or
# before that day: the scrape-date convention of the field's pipelines, marked so it can be dropped).
DateSource = Literal["text", "speaker", "published", "inferred", "received"]
# Where an event's place came from: its clause, its sentence, its paragraph, the dateline, or the
# article's focus place; the further down, the more of a guess.
# Where an article's publication date came from, most reliable first: the metadata given with
# it, its own stamp or dateline, its address, or a date stated in its first paragraph.
PublishedSource = Literal["metadata", "dateline", "url", "text"]
LocationSource = Literal["clause", "sentence", "paragraph", "dateline", "article"]
# How the text names a place: by its name ("Syria"), or by a demonym or adjective ("Syrian").
PlaceKind = Literal["name", "demonym", "organisation"]
# Where an actor's country came from: its own words or dictionary entry ("Syrian troops",
# "Putin"), the place of its event, sentence or paragraph, or the article's focus country (its
# dateline, else its most-mentioned country). The last two are guesses an analyst may drop.
CountrySource = Literal["text", "place", "article"]
# Why an event has no place, when the fallback chain finds none (geo/fallback.py): the article
# names no place; the event is a statement, appeal or other verbal act and nothing near it says
# where it was made; the only places named are actors' countries ("Russia said"), which tell who
# acted, not where; or places are named, but none near the event and none the article is about.
LocationReason = Literal["no_place_in_article", "statement_no_place", "only_actor_places", "no_focus_place"]
Feature = Literal["country", "admin1", "city", "district", "other"]


def _plain(value: Any) -> Any:
    """`value` with dataclasses made dicts and tuples made lists: what `json.dumps` takes as is."""
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


_T = TypeVar("_T")


def evolve(obj: _T, **changes: Any) -> _T:
    """`dataclasses.replace(obj, **changes)`, made without calling the class's `__init__`.

    The stages copy their frozen objects with a field or two changed dozens of times an article
    (an event given its date, then its place, an actor its country), and `replace` reads every
    field into keyword arguments and sets each again through `object.__setattr__`: about seven
    microseconds for an Event. A class with no `__post_init__`, no slots and every field set by
    `__init__` holds nothing but its fields' values, so copying them as one dict makes the same
    object; any other class goes through `replace`. Only fields are copied (never a cached
    property's value), and a name that is no field is refused, as `replace` refuses it."""
    names = _copied_fields(type(obj))
    if names is None:
        return replace(obj, **changes)  # type: ignore[type-var]
    held = obj.__dict__
    values = {name: held[name] for name in names}
    if not changes.keys() <= values.keys():
        raise TypeError(f"{type(obj).__name__} has no field {sorted(changes.keys() - values.keys())[0]!r}")
    values.update(changes)
    made = object.__new__(type(obj))
    object.__setattr__(made, "__dict__", values)
    return made


@cache
def _copied_fields(cls: type) -> tuple[str, ...] | None:
    """The field names `evolve` copies for `cls`, or None when it must use `replace`."""
    every = getattr(cls, "__dataclass_fields__", None)
    if every is None or hasattr(cls, "__post_init__") or any("__slots__" in c.__dict__ for c in cls.__mro__):
        return None  # a field held in a slot is no key of the instance's dict
    own = fields(cls)
    if len(own) != len(every) or not all(f.init for f in own):  # init-only or class variables
        return None
    return tuple(f.name for f in own)


def quick_init(cls: type[_T]) -> type[_T]:
    """Give a frozen dataclass an `__init__` that sets its fields as one dict, not one by one.

    A frozen dataclass's own `__init__` sets each field through `object.__setattr__`: about 2.3
    microseconds for a Toponym of 14 fields, 1.1 as one dict, which makes the same object (as
    `evolve` does); the stages make some of their objects hundreds of times an article. Same
    parameters, defaults and factories; a class `evolve` copies through `replace` keeps its own."""
    if _copied_fields(cls) is None or not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        return cls
    scope: dict[str, Any] = {"_set": object.__setattr__, "_UNSET": _UNSET}
    plain: list[str] = []
    named: list[str] = []
    made: list[str] = []
    for f in fields(cls):  # type: ignore[arg-type]
        param = f.name
        if f.default is not MISSING:
            scope[f"_d_{f.name}"], param = f.default, f"{f.name}=_d_{f.name}"
        elif f.default_factory is not MISSING:
            scope[f"_f_{f.name}"], param = f.default_factory, f"{f.name}=_UNSET"
            made.append(f"    {f.name} = _f_{f.name}() if {f.name} is _UNSET else {f.name}\n")
        (named if f.kw_only else plain).append(param)
    params = ", ".join(["self", *plain, *(["*", *named] if named else [])])
    values = ", ".join(f"{f.name!r}: {f.name}" for f in fields(cls))  # type: ignore[arg-type]
    exec(f"def __init__({params}):\n{''.join(made)}    _set(self, '__dict__', {{{values}}})\n", scope)
    init = scope["__init__"]
    init.__qualname__, init.__doc__ = f"{cls.__qualname__}.__init__", cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[misc]
    return cls


_UNSET = object()  # a field with a default factory that the caller left out


class _Contract:
    """The `to_dict` of a contract object whose JSON fields are exactly its dataclass fields."""

    def to_dict(self) -> dict[str, Any]:
        """This object as the contract's JSON (schema.json), ready for `json.dumps`."""
        return _plain(self)  # type: ignore[no-any-return]


@quick_init
@dataclass(frozen=True)
class Evidence(_Contract):
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
    published_source: PublishedSource | None = None  # None when `published` is
    language: str = "en"
    origin: str | None = None  # file path (and line for JSONL) it was read from
    # The day it reached newsevents (YYYY-MM-DD): a file's last-modified day, else the day it was
    # read. Kept in Python like `origin`; it dates events only when nothing else can.
    received: str | None = None
    furniture: tuple[Evidence, ...] = ()
    title_span: Evidence | None = None  # where the title sits in `text`, if it does
    # The id the input gave (a JSONL "id", a sidecar's "id"), kept as metadata only: `id` is
    # always the content hash, so two different texts given one id are two articles, and any
    # characters the source put in its ids never reach a URL path or a key.
    given_id: str | None = None

    def to_dict(self, include_text: bool = True) -> dict[str, Any]:
        """The contract's article (`origin` and `title_span` stay in Python); `include_text=False`
        drops the text, for output that must stay small."""
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": self.published,
            "published_source": self.published_source,
            "language": self.language,
            "given_id": self.given_id,
        }
        if include_text:
            out["text"] = self.text
        out["furniture"] = [f.to_dict() for f in self.furniture]
        return out

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


@quick_init
@dataclass(frozen=True)
class Actor(_Contract):
    """A resolved actor: who, with a CAMEO-style code of country + sector.

    `code` is the concatenation used by CAMEO/PETRARCH ("SYRGOV", "IGOUNO", "RUSMIL");
    `country` is ISO 3166 alpha-3 or None for international/transnational actors;
    `country_source` says where the country came from (`CountrySource`), None when it has none.
    """

    text: str
    name: str
    code: str
    country: str | None = None
    sector: str | None = None
    evidence: Evidence | None = None
    country_source: CountrySource | None = None


@quick_init
@dataclass(frozen=True)
class ActorMention:
    """An actor found in the text, tied to tokens of the parse so events can link to it.

    `token_start`/`token_end` are token indices (end exclusive) in the spaCy Doc of the article;
    `head` is the index of the syntactic head token of the mention. `kind` says how it was
    recognised: name, demonym, noun (sector noun such as "rebels"), pronoun, coref.
    `needs_country` is True for an agent of a home sector whose words name no country
    ("soldiers", "police", "gunmen"): the actors stage leaves its country empty, and the
    `actor_countries` stage gives it one once events are placed (geo/actors.py).
    """

    actor: Actor
    token_start: int
    token_end: int
    head: int
    kind: str = "name"
    needs_country: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The contract's actor mention: the actor's fields and how it was recognised (token
        positions belong to one parse and are not part of the contract)."""
        return {**self.actor.to_dict(), "kind": self.kind}


@quick_init
@dataclass(frozen=True)
class EventLocation(_Contract):
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    precision: Precision
    evidence: Evidence | None = None


@quick_init
@dataclass(frozen=True)
class Event(_Contract):
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
    date_source: DateSource | None = None
    location_source: LocationSource | None = None
    location_reason: LocationReason | None = None


@quick_init
@dataclass(frozen=True)
class Quantity(_Contract):
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
class Quote(_Contract):
    speaker: Actor | None
    text: str
    direct: bool
    cue: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Place(_Contract):
    """A resolved place and every mention of it in the article.

    `kind` says how the text names it: "name" ("Syria") or "demonym", a word of nationality or
    origin ("Syrian forces", "Sudanese") resolved to its country, or "organisation", a place inside
    an organisation's name ("The Washington Post") or a union of states ("the EU"). A demonym or
    an organisation tells what a text is about, never where something happened ("Turkish forces
    shelled Afrin" is not in Turkey), so only named places place events, figures and actors
    (`named_places`).
    """

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: Feature
    mentions: tuple[Evidence, ...]
    admin1: str | None = None
    geonameid: int | None = None
    kind: PlaceKind = "name"


def named_places(places: Iterable[Place]) -> tuple[Place, ...]:
    """The places the text names as places: the ones that may place an event, a figure or an actor."""
    return tuple(p for p in places if p.kind == "name")


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
        """The JSON contract (see schema.json), made of each object's own `to_dict`;
        `include_text=False` drops `article.text`."""
        return {
            "article": self.article.to_dict(include_text),
            "events": [e.to_dict() for e in self.events],
            "quantities": [q.to_dict() for q in self.quantities],
            "quotes": [q.to_dict() for q in self.quotes],
            "locations": [p.to_dict() for p in self.locations],
            "actors": [m.to_dict() for m in self.actors],
        }

    def to_frame(self, table: str = "events") -> Any:
        """One table of this extraction (events, clusters, quantities, quotes, articles) as a
        pandas DataFrame with the export's columns: `newsevents.to_pandas([self], table)`."""
        from newsevents import to_pandas  # the public API, which owns DataFrames (frames.py)

        return to_pandas([self], table)

    def to_json(self, include_text: bool = True, indent: int | None = 2) -> str:
        """`to_dict` as JSON text (non-ASCII kept as is)."""
        return json.dumps(self.to_dict(include_text), ensure_ascii=False, indent=indent)


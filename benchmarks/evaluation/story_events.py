"""Scoring coded events against gold annotated on whole stories, sentence by sentence (GUIDE.md).

The gold gives each event the sentence that states it, copied from the story; the sentence is
looked up in the story's body (exactly, else with quotes, apostrophes and spacing folded), and
a sentence that is not there is one warning line naming the story, its events left unscored.
Our events are grouped by the gold sentence that holds their trigger; an event in no gold
sentence is a false alarm (the gold holds no event there). Per sentence, gold and ours are
matched as multisets at the levels of the other event sets (events.py: root, CAMEO, PLOVER,
countries+root, actors+root, actors+plover), with:

- negated events left out on both sides (a coder codes what happened, not what did not);
  hypothetical ones count on both sides, as the guide annotates them;
- our CAMEO 01x statements left out (the guide does not annotate them; they have no PLOVER type);
- our events in the title left out (the guide annotates the body only).

Gold events matched at the root level are paired with ours (same actors first, then same
countries, then the root alone), and the pair's place and date are judged:

- `place_accuracy_at_161km`: over paired gold events with a place, the share of ours located
  within 161 km of it (great-circle distance); an event of ours with no coordinates is wrong;
- `place_accuracy_at_gold_precision`: the same pairs judged at the precision the gold gives,
  as dates are: a gold place that is a whole country (its name is its country's, written at
  the capital's coordinates by the guide's convention) is right when ours is in that country,
  any other gold place when ours is within 161 km;
- `date_accuracy`: over paired gold events with a date, the share of ours with that date at the
  gold's precision: a day ("2025-03-11") needs our day at day precision; a month ("2025-03") our
  date in that month at month precision or finer (week, day); a year ("2021") our date in that
  year at any precision. An event of ours with no date is wrong.

Over every event of ours in the stories (negated, 01x and title ones included: they are in the
data set too), `located_share` is the share with a location or a stated reason it has none
(`location_reason`, the closed set of geo/fallback.py), and `placed_share` the share with a
location alone.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from benchmarks.evaluation.codes import MISSING, ActorKey, CodeTables, load_tables
from benchmarks.evaluation.events import LEVELS, ScoredEvent, _project_plover, our_actor
from benchmarks.evaluation.gold import GoldRecord, GoldSet
from benchmarks.evaluation.predictions import Prediction
from benchmarks.evaluation.report import ArticleRow, DatasetReport, Finding
from benchmarks.evaluation.story_where import Point, date_right, gold_date, gold_point, place_right
from newsevents.export.lookups import countries
from newsevents.scoring import Counts, distance_km, multiset, pair_in_order

log = logging.getLogger(__name__)

Span = tuple[int, int]
PAIRING = ("actors+root", "countries+root", "root")
# Typographic quotes and non-breaking spaces, folded one character for one so offsets survive.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@dataclass(frozen=True, eq=False)
class GoldEvent:
    """A gold event as scored; `eq=False` so pairing tells two equal codings apart."""

    scored: ScoredEvent
    point: Point | None
    place: str
    date: tuple[str, str] | None  # (precision, "YYYY[-MM[-DD]]")
    country: str | None = None  # ISO alpha-3 when the gold place is a whole country


@dataclass(frozen=True, eq=False)
class OurEvent:
    """One of our events as scored, with what its place and date are judged by."""

    scored: ScoredEvent
    point: Point | None
    place: str
    date: str | None
    precision: str | None
    country: str | None = None


@dataclass
class Sentence:
    """The gold and our events of one sentence (or, for ours outside every gold sentence, one clause)."""

    text: str
    gold: list[GoldEvent] = field(default_factory=list)
    ours: list[OurEvent] = field(default_factory=list)


@dataclass
class Tally:
    """What the measures are made of, summed over stories."""

    gold: int = 0
    negated: int = 0
    unfound_sentences: int = 0
    unfound_events: int = 0
    events: int = 0
    located: int = 0
    placed: int = 0
    place: Counter[bool] = field(default_factory=Counter)
    place_at_precision: Counter[bool] = field(default_factory=Counter)
    date: Counter[bool] = field(default_factory=Counter)

    def measures(self) -> dict[str, float | int | None]:
        return {
            "gold_events": self.gold,
            "gold_negated_left_out": self.negated,
            "gold_sentences_not_found": self.unfound_sentences,
            "gold_events_not_found": self.unfound_events,
            "events": self.events,
            "located_share": _share(self.located, self.events),
            "placed_share": _share(self.placed, self.events),
            "place_judged": sum(self.place.values()),
            "place_accuracy_at_161km": _share(self.place[True], sum(self.place.values())),
            "place_accuracy_at_gold_precision": _share(
                self.place_at_precision[True], sum(self.place_at_precision.values())
            ),
            "date_judged": sum(self.date.values()),
            "date_accuracy": _share(self.date[True], sum(self.date.values())),
        }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` with quotes folded and spacing runs made one space, and each kept character's offset."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text.translate(_FOLD)):
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        where.append(i)
    return "".join(chars), where


def find_sentence(body: str, sentence: str) -> Span | None:
    """Where a gold sentence sits in the body: copied exactly, else up to quotes and spacing."""
    wanted = sentence.strip()
    at = body.find(wanted)
    if wanted and at >= 0:
        return at, at + len(wanted)
    wanted = " ".join(wanted.translate(_FOLD).split())
    folded, where = _folded(body)
    at = folded.find(wanted) if wanted else -1
    return (where[at], where[at + len(wanted) - 1] + 1) if at >= 0 else None


def gold_event(item: Mapping[str, Any], tables: CodeTables) -> GoldEvent:
    """A gold record as scored: actors by country and sector, PLOVER from the project's table."""
    cameo = str(item["cameo"]).strip() if item.get("cameo") is not None else None
    plover = tables.plover_type(_project_plover().get(cameo or "") or item.get("plover"))
    place = item.get("place")
    name = str(place.get("name") or "") if isinstance(place, Mapping) else ""
    scored = ScoredEvent(_gold_actor(item.get("source"), tables), _gold_actor(item.get("target"), tables),
                         cameo or None, plover)  # fmt: skip
    country = str(place.get("country") or "") if isinstance(place, Mapping) else ""
    whole = country if name and _country_names().get(country, "").casefold() == name.casefold() else None
    return GoldEvent(scored, gold_point(place), name, gold_date(item.get("date")), whole)


@cache
def _country_names() -> dict[str, str]:
    """ISO alpha-3 -> the country's name in the shipped GeoNames table."""
    return {code: row["name"] for code, row in countries().items()}


def _gold_actor(side: object, tables: CodeTables) -> ActorKey:
    """Country (ISO3, IGO, NGO, MNC or null) and sector, normalised as the other sets' codes are."""
    if not isinstance(side, Mapping):
        return MISSING
    return tables.actor(str(side.get("country") or "---"), side.get("sector") or None)


def our_event(ev: Mapping[str, Any], tables: CodeTables) -> OurEvent:
    where = ev.get("location") or {}
    lat, lon = where.get("lat"), where.get("lon")
    scored = ScoredEvent(our_actor(ev.get("source"), tables), our_actor(ev.get("target"), tables),
                         ev.get("cameo"), tables.plover_type(ev.get("plover")))  # fmt: skip
    point = (float(lat), float(lon)) if lat is not None and lon is not None else None
    return OurEvent(scored, point, str(where.get("name") or ""), ev.get("date"), ev.get("date_precision"),
                    where.get("country"))  # fmt: skip


def pair_matched(gold: list[GoldEvent], ours: list[OurEvent]) -> list[tuple[GoldEvent, OurEvent]]:
    """Gold events paired one to one with ours of the same root, preferring the same actors,
    then the same countries: as many pairs as the root level matches."""
    pairs: list[tuple[GoldEvent, OurEvent]] = []
    free_gold, free_ours = list(gold), list(ours)
    for level in PAIRING:
        found = pair_in_order(free_gold, free_ours, _agree(level))
        pairs += found
        free_gold = [g for g in free_gold if all(g is not a for a, _ in found)]
        free_ours = [o for o in free_ours if all(o is not b for _, b in found)]
    return pairs


def _agree(level: str) -> Callable[[GoldEvent, OurEvent], bool]:
    """Whether a gold event and ours have the same key at `level` (and have one at all)."""
    key = LEVELS[level]

    def agree(gold: GoldEvent, ours: OurEvent) -> bool:
        wanted = key(gold.scored)
        return wanted is not None and wanted == key(ours.scored)

    return agree


def _scored(ev: Mapping[str, Any], body_start: int) -> int | None:
    """Where our event's trigger starts, when the event is scored: not negated, not a 01x
    statement, not in the title."""
    start = (ev.get("trigger") or {}).get("start")
    if ev.get("negated") or str(ev.get("cameo") or "").startswith("01") or not isinstance(start, int):
        return None
    return start if start >= body_start else None


def _group(
    rec: GoldRecord, data: Mapping[str, Any] | None, ds: DatasetReport, tally: Tally
) -> list[Sentence]:
    """The story's sentences with their gold and scored events; warnings for what cannot be scored."""
    title = str(rec.raw.get("title") or "")
    start = len(title) + 2 if title else 0
    sentences = _gold_sentences(rec, start, ds, tally)
    tables = load_tables()
    for ev in (data or {}).get("events") or []:
        tally.events += 1
        tally.placed += bool(ev.get("location"))
        tally.located += bool(ev.get("location") or ev.get("location_reason"))
        trigger = _scored(ev, start)
        if trigger is None:
            continue
        span = next((s for s in sentences if s[0] <= trigger < s[1]), None)
        if span is None:
            evidence = ev.get("evidence") or {}
            span = (int(evidence.get("start") or trigger), int(evidence.get("end") or trigger))
            sentences.setdefault(span, Sentence(str(evidence.get("text") or "")))
        sentences[span].ours.append(our_event(ev, tables))
    return [sentences[k] for k in sorted(sentences)]


def _gold_sentences(rec: GoldRecord, start: int, ds: DatasetReport, tally: Tally) -> dict[Span, Sentence]:
    """The gold's scored events by the span of their sentence in the text (the body begins at
    `start`); a sentence not in the body, or an event without a usable code, is a warning."""
    tables = load_tables()
    body = rec.text[start:]
    sentences: dict[Span, Sentence] = {}
    unfound: set[str] = set()
    for number, item in enumerate(rec.items):
        if item.get("negated") is True:
            tally.negated += 1
            continue
        event = gold_event(item, tables)
        if not isinstance(item.get("cameo"), str) or not "02" <= (event.scored.root or "") <= "20":
            detail = "'cameo' is not a code string from 02 to 20; not scored"
            _warn(ds, f"{rec.id}: gold events[{number}]: {detail}")
            continue
        span = find_sentence(body, str(item["sentence"]))
        if span is None:
            tally.unfound_events += 1
            if item["sentence"] not in unfound:
                unfound.add(item["sentence"])
                _warn(ds, f"{rec.id}: gold sentence not found in the story: {item['sentence'][:80]!r}")
            continue
        tally.gold += 1
        at = (span[0] + start, span[1] + start)
        sentences.setdefault(at, Sentence(rec.text[at[0] : at[1]])).gold.append(event)
    tally.unfound_sentences += len(unfound)
    return sentences


def _warn(ds: DatasetReport, line: str) -> None:
    """One line in the log as it happens and in the report's problems."""
    log.warning("%s", line)
    ds.problems.append(line)


def _judge(rec: GoldRecord, sentence: Sentence, ds: DatasetReport, tally: Tally) -> None:
    """Place and date of each gold event matched at the root level."""
    for gold, ours in pair_matched(sentence.gold, sentence.ours):
        if gold.point is not None:
            right = place_right(gold.point, ours.point)
            tally.place[right] += 1
            in_country = gold.country is not None and gold.country == ours.country
            tally.place_at_precision[right or in_country] += 1
            if not right:
                km = round(distance_km(gold.point, ours.point)) if ours.point else None
                row = {"story": rec.id, "gold": gold.place, "ours": ours.place or "none", "km": km}
                ds.breakdown.setdefault("places", []).append(row)
        if gold.date is not None:
            right = date_right(gold.date, ours.date, ours.precision)
            tally.date[right] += 1
            if not right:
                got = f"{ours.date} ({ours.precision})" if ours.date else "none"
                row = {"story": rec.id, "gold": gold.date[1], "ours": got}
                ds.breakdown.setdefault("dates", []).append(row)


def _score_sentence(rec: GoldRecord, sentence: Sentence, ds: DatasetReport) -> Counts:
    """Every level's multiset counts for one sentence; returns the main level's."""
    main = Counts()
    for name, key in LEVELS.items():
        counts, missed, extra = multiset(
            (k for k in (key(g.scored) for g in sentence.gold) if k is not None),
            (k for k in (key(o.scored) for o in sentence.ours) if k is not None),
        )
        ds.levels[name].add(counts)
        if name == ds.main_level:
            main = counts
            ds.misses += _findings(rec, sentence, missed, [g.scored for g in sentence.gold], ds)
            ds.false_alarms += _findings(rec, sentence, extra, [o.scored for o in sentence.ours], ds)
    return main


def _findings(
    rec: GoldRecord, sentence: Sentence, keys: Counter[Any], events: list[ScoredEvent], ds: DatasetReport
) -> list[Finding]:
    """The events behind the unmatched keys of the main level, with their sentence."""
    key, left, out = LEVELS[ds.main_level], Counter(keys), []
    for ev in events:
        k = key(ev)
        if k is not None and left[k] > 0:
            left[k] -= 1
            out.append(Finding(ds.name, rec.id, sentence.text, str(ev)))
    return out


def score_story_events(gold: GoldSet, preds: list[Prediction], ds: DatasetReport) -> None:
    """Fill `ds` with every level's counts, the place and date measures, per-story rows and findings."""
    ds.main_level = "actors+root"
    for name in LEVELS:
        ds.level(name)
    tally = Tally()
    for rec, pred in zip(gold.records, preds, strict=True):
        ds.records += 1
        if pred.problem:
            ds.problems.append(f"{rec.id}: {pred.problem}")
        row = Counts()
        n_gold = n_ours = 0
        for sentence in _group(rec, pred.data, ds, tally):
            row.add(_score_sentence(rec, sentence, ds))
            _judge(rec, sentence, ds, tally)
            n_gold, n_ours = n_gold + len(sentence.gold), n_ours + len(sentence.ours)
        ds.articles.append(ArticleRow(rec.id, row, n_gold, n_ours, pred.problem))
    ds.measures.update(tally.measures())

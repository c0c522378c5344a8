"""Gold sets of whole stories: the texts in `stories.jsonl`, the events in a `gold*.jsonl` beside it.

The development set in `benchmarks/voa_dev/` keeps its stories and its annotations apart (see its
GUIDE.md): a gold line names a story by id and gives that story's events, each with the sentence
that states it, copied from the story's text. Here the two are joined into the evaluation's
`GoldRecord`s (kind `story_events`), and the pipeline is run over each story as a user's feed
would be read: a JSON line with the title, and a text of title, blank line and body, dated by the
story's `published` timestamp, so the headline is marked as one and relative dates ("on
Thursday") count from the day the story appeared.

A bad line of either file stops the run with one line naming `file:line` (a silently dropped
story would change every figure); the sentences are looked up by the scorer (story_events.py).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.evaluation.gold import GoldRecord, GoldSet, iso_date
from benchmarks.evaluation.predictions import Prediction
from newsevents.errors import GoldError
from newsevents.model import Extraction
from newsevents.settings import Settings

STORIES = "stories.jsonl"
KIND = "story_events"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Story:
    """One story as published: the text the pipeline reads is its title, a blank line and the body."""

    id: str
    title: str
    body: str
    published: str | None

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.body}" if self.title else self.body

    @property
    def body_start(self) -> int:
        """Where the body begins in `text`: gold sentences are looked up from here on."""
        return len(self.title) + 2 if self.title else 0


def is_story_gold(path: Path) -> bool:
    """True for a gold file whose folder holds the stories it annotates."""
    return path.is_file() and (path.parent / STORIES).is_file()


def _lines(path: Path) -> list[tuple[str, int, Any]]:
    """(`file:line`, line number, parsed object) per non-blank line; broken JSON is E402 naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError("E401", detail=f"{path}: {exc}") from exc
    out = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            out.append((origin, number, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise GoldError("E402", detail=f"{origin}: broken JSON ({exc.msg}, column {exc.colno})") from exc
    return out


def read_stories(path: Path) -> dict[str, Story]:
    """The stories of a `stories.jsonl`, by id; a line without an id or a text string is E402."""
    out: dict[str, Story] = {}
    for origin, _, obj in _lines(path):
        if not isinstance(obj, dict) or obj.get("id") is None or not isinstance(obj.get("text"), str):
            raise GoldError("E402", detail=f"{origin}: a story needs an 'id' and a 'text' string")
        title = obj.get("title") if isinstance(obj.get("title"), str) else ""
        published = obj.get("published") if isinstance(obj.get("published"), str) else None
        out[str(obj["id"])] = Story(str(obj["id"]), title.strip(), obj["text"], published)
    return out


def _check_story_line(obj: object, origin: str, stories: Mapping[str, Story]) -> Story:
    """The story a gold line annotates, after checking the line's shape (E402 naming the field)."""
    if not isinstance(obj, dict):
        raise GoldError("E402", detail=f"{origin}: expected a JSON object")
    story = stories.get(str(obj.get("id")))
    if story is None:
        raise GoldError("E402", detail=f"{origin}: id {obj.get('id')!r} is not a story of {STORIES}")
    events = obj.get("events")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise GoldError("E402", detail=f"{origin}: 'events' is not a list of objects")
    for number, event in enumerate(events):
        if not isinstance(event.get("sentence"), str) or not event["sentence"].strip():
            raise GoldError("E402", detail=f"{origin}: events[{number}] has no 'sentence' string")
    return story


def read_story_gold(path: Path, limit: int | None = None) -> GoldSet:
    """Join a gold file with the stories beside it: one record per gold line, in the gold's order.

    A record's `text` is the story's title, blank line and body (what the pipeline reads), its
    `date` the story's publication day, its `raw` the gold line with the story's `title` added.
    """
    stories = read_stories(path.parent / STORIES)
    records: list[GoldRecord] = []
    for origin, number, obj in _lines(path):
        if limit is not None and len(records) >= limit:
            break
        story = _check_story_line(obj, origin, stories)
        records.append(
            GoldRecord(
                id=story.id,
                text=story.text,
                line=number,
                date=iso_date(story.published),
                items=tuple(obj["events"]),
                raw={**obj, "title": story.title},
            )
        )
    if not records and limit != 0:
        raise GoldError("E401", detail=f"{path}: no records")
    return GoldSet(path.parent.name, path, KIND, tuple(records))


def predict_stories(records: list[GoldRecord], settings: Settings) -> list[Prediction]:
    """Run the pipeline over the stories, read through the ingest of JSON lines (title, text,
    published, id); a story that fails keeps its reason and is scored as an empty prediction."""
    from newsevents import ingest, pipeline
    from newsevents.ingest.records import where

    items = [
        {"id": rec.id, "title": rec.raw.get("title") or None, "text": rec.text, "published": rec.date}
        for rec in records
    ]
    position = {where(i): i for i in range(len(records))}
    found: dict[int, Prediction] = {}
    by_id = {rec.id: i for i, rec in enumerate(records)}
    for result in pipeline.run(ingest.from_records(items, settings), settings):
        if isinstance(result, Extraction):
            index = by_id.get(result.article.given_id or "")
            if index is not None:
                found[index] = Prediction(result.to_dict(include_text=False))
        elif result.fatal and result.origin in position:
            found[position[result.origin]] = Prediction(None, str(result))
        else:
            log.warning("%s", result)
    return [found.get(i, Prediction(None, "the pipeline gave no output")) for i in range(len(records))]

"""Predictions for gold records: read from the project's JSON Lines, or made by running the pipeline.

Either way each gold record gets the extraction JSON (the `Extraction.to_dict` shape) of its text,
or None with the reason when there is none, so scorers read one shape whatever the source.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.evaluation.gold import GoldError, GoldRecord
from newsevents.model import Article, Extraction
from newsevents.settings import Settings


@dataclass(frozen=True)
class Prediction:
    """The extraction JSON for one gold record, or the reason there is none."""

    data: Mapping[str, Any] | None
    problem: str | None = None


def text_id(text: str) -> str:
    """The project's article id for a text (ingest's when it is there, the same recipe otherwise)."""
    try:
        from newsevents.ingest import article_id
    except ImportError:
        try:
            from newsevents.ingest.article import article_id
        except ImportError:
            norm = " ".join(unicodedata.normalize("NFC", text).casefold().split())
            return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]
    return article_id(text)


def read_predictions(path: Path) -> list[Mapping[str, Any]]:
    """Extraction objects from a JSON Lines file; a broken line names file:line (E402)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError("E401", detail=f"{path}: {exc}") from exc
    out: list[Mapping[str, Any]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError("E402", detail=f"{path}:{number}: broken JSON ({exc.msg})") from exc
        if not isinstance(obj, dict) or not isinstance(obj.get("article"), dict):
            raise GoldError("E402", detail=f"{path}:{number}: not an extraction object (no 'article')")
        out.append(obj)
    return out


def match_predictions(
    records: Iterable[GoldRecord], predicted: Iterable[Mapping[str, Any]]
) -> list[Prediction]:
    """Pair each gold record with the extraction of the same article: by gold id, text id or text."""
    by_key: dict[str, Mapping[str, Any]] = {}
    for obj in predicted:
        art = obj["article"]
        for key in (art.get("id"), art.get("text")):
            if isinstance(key, str):
                by_key.setdefault(key, obj)
    out = []
    for rec in records:
        found = by_key.get(rec.id) or by_key.get(text_id(rec.text)) or by_key.get(rec.text)
        out.append(Prediction(found) if found else Prediction(None, "no prediction for this record"))
    return out


def gold_articles(records: Iterable[GoldRecord]) -> Iterator[Article]:
    """Articles built straight from gold texts: single sentences have no title line to read."""
    for rec in records:
        yield Article(id=text_id(rec.text), text=rec.text, title=None, published=rec.date, origin=rec.id)


def run_pipeline(records: list[GoldRecord], settings: Settings) -> list[Prediction]:
    """Run the project's pipeline over the gold texts in batches; failures stay per record."""
    from newsevents import pipeline

    out: list[Prediction] = []
    results = pipeline.run(gold_articles(records), settings)
    for result in results:
        if isinstance(result, Extraction):
            out.append(Prediction(result.to_dict(include_text=False)))
        else:
            out.append(Prediction(None, str(result)))
    out.extend(Prediction(None, "the pipeline gave no output") for _ in records[len(out) :])
    return out

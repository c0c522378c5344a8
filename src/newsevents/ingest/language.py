"""Is an article in English? A share-of-function-words test, cheap and dependency-free.

English news prose has roughly a third of its tokens among a few dozen function words; other
languages have almost none of them. The threshold is `settings.min_english_ratio`. When the text
fails, the language whose stopword list covers the most tokens is named in the report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents import data
from newsevents.data import reader
from newsevents.data.reader import Record

MIN_WORDS = 12  # below this the share says nothing, so short texts are not judged
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    words: frozenset[str]


def _language(rec: Record) -> Language:
    words = str(rec.text("words")).split()
    return Language(str(rec.text("code")), str(rec.text("name")), frozenset(words))


def load_languages(extra: Sequence[str | Path] = ()) -> tuple[Language, ...]:
    """The stopword lists of data/ingest/languages.yml (shared by every language of the data),
    with the user's files merged over them by code; English is required."""
    paths = (data.shipped("ingest/languages.yml"), *extra)
    records = [rec for path in paths for rec in reader.sections(path, ("languages",))]
    out = tuple(reader.merge(records, lambda rec: rec.get("code"), _language))
    if not any(lang.code == "en" for lang in out):
        where = records[0] if records else Record({}, str(paths[0]), 1)
        raise where.fail("code", "English (en) is required")
    return out


def english_ratio(text: str, languages: Sequence[Language]) -> tuple[float, int]:
    """Share of word tokens that are common English function words, and the token count."""
    tokens = WORD.findall(text.lower())
    english = next(lang for lang in languages if lang.code == "en")
    if not tokens:
        return 0.0, 0
    return sum(1 for t in tokens if t in english.words) / len(tokens), len(tokens)


def not_english(text: str, min_ratio: float, languages: Sequence[Language]) -> str | None:
    """None when `text` passes as English (or is too short to judge), else a language guess."""
    ratio, count = english_ratio(text, languages)
    if count < MIN_WORDS or ratio >= min_ratio:
        return None
    tokens = WORD.findall(text.lower())
    best, best_share = None, 0.0
    for lang in languages:
        if lang.code == "en":
            continue
        share = sum(1 for t in tokens if t in lang.words) / len(tokens)
        if share > best_share:
            best, best_share = lang.name, share
    return best if best and best_share >= 0.05 else "an unknown language"

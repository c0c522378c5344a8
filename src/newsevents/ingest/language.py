"""Is an article in English? A share-of-function-words test, cheap and dependency-free.

English news prose has roughly a third of its tokens among a few dozen function words; other
languages have almost none of them. The threshold is `settings.min_english_ratio`. When the text
fails, the language whose stopword list covers the most tokens is named in the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsevents.ingest.resources import load_sections

MIN_WORDS = 12  # below this the share says nothing, so short texts are not judged
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    words: frozenset[str]


@lru_cache(maxsize=1)
def languages() -> tuple[Language, ...]:
    out = []
    for entry in load_sections("languages.yml").get("languages", []):
        words = str(entry.text("words")).split()
        out.append(Language(str(entry.text("code")), str(entry.text("name")), frozenset(words)))
    if not any(lang.code == "en" for lang in out):
        raise load_sections("languages.yml")["languages"][0].fail("code", "English (en) is required")
    return tuple(out)


def english_ratio(text: str) -> tuple[float, int]:
    """Share of word tokens that are common English function words, and the token count."""
    tokens = WORD.findall(text.lower())
    english = next(lang for lang in languages() if lang.code == "en")
    if not tokens:
        return 0.0, 0
    return sum(1 for t in tokens if t in english.words) / len(tokens), len(tokens)


def not_english(text: str, min_ratio: float) -> str | None:
    """None when `text` passes as English (or is too short to judge), else a language guess."""
    ratio, count = english_ratio(text)
    if count < MIN_WORDS or ratio >= min_ratio:
        return None
    tokens = WORD.findall(text.lower())
    best, best_share = None, 0.0
    for lang in languages():
        if lang.code == "en":
            continue
        share = sum(1 for t in tokens if t in lang.words) / len(tokens)
        if share > best_share:
            best, best_share = lang.name, share
    return best if best and best_share >= 0.05 else "an unknown language"

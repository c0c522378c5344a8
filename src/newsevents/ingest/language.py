"""Is an article in English? A share-of-function-words test, cheap and dependency-free.

English news prose has roughly a third of its tokens among a few dozen function words; other
languages have almost none of them. The threshold is `settings.min_english_ratio`. When the text
fails, the language whose stopword list covers the most tokens is named in the report.

Word counts mean little in scripts written without spaces (a Chinese sentence is one "word"),
so the script is checked first, on letters rather than words: a text whose letters are mostly
not Latin is not English, however short it is and whatever English words are mixed in.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents import data
from newsevents.data import reader
from newsevents.data.reader import Record

MIN_WORDS = 12  # below this the share says nothing, so short texts are not judged
WORD = re.compile(r"[^\W\d_]+")
LETTER = re.compile(r"[^\W\d_]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
MIN_LATIN_SHARE = 0.5  # of the letters; English with quoted foreign names stays far above it
SCRIPT_SAMPLE = 20_000  # characters looked at for the script: enough to judge, cheap on any size
MIN_LETTERS = 8  # fewer letters say nothing about the script
SCRIPT_LANGUAGES = {  # the first word of a letter's Unicode name -> what the text looks like
    "CJK": "Chinese (Han script)",
    "HIRAGANA": "Japanese (kana)",
    "KATAKANA": "Japanese (kana)",
    "HANGUL": "Korean (Hangul script)",
}


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


def script_of(text: str) -> str | None:
    """The main script of `text` when most of its letters are not Latin ("CYRILLIC", "CJK"),
    else None (Latin text, or too few letters to tell)."""
    sample = text[:SCRIPT_SAMPLE]
    letters = LETTER.findall(sample)
    if len(letters) < MIN_LETTERS:
        return None
    latin = len(LATIN_LETTER.findall(sample))
    if latin >= MIN_LATIN_SHARE * len(letters):
        return None
    scripts = Counter(
        unicodedata.name(ch, "OTHER").split()[0] for ch in letters if not LATIN_LETTER.match(ch)
    )
    main = scripts.most_common(1)[0][0]
    if main == "CJK" and scripts["HIRAGANA"] + scripts["KATAKANA"]:
        return "HIRAGANA"  # Japanese writes its Han characters with kana; Chinese never has kana
    return main


def not_english(text: str, min_ratio: float, languages: Sequence[Language]) -> str | None:
    """None when `text` passes as English (or is too short to judge), else what it looks like."""
    script = script_of(text)
    if script is not None:
        found = SCRIPT_LANGUAGES.get(script) or _stopword_guess(text, languages)
        return found or f"a language in {script.title()} script"
    ratio, count = english_ratio(text, languages)
    if count < MIN_WORDS or ratio >= min_ratio:
        return None
    return _stopword_guess(text, languages) or "an unknown language"


def _stopword_guess(text: str, languages: Sequence[Language]) -> str | None:
    """The language (other than English) whose stopwords cover the most tokens, if enough do."""
    tokens = WORD.findall(text.lower())
    if not tokens:
        return None
    best, best_share = None, 0.0
    for lang in languages:
        if lang.code == "en":
            continue
        share = sum(1 for t in tokens if t in lang.words) / len(tokens)
        if share > best_share:
            best, best_share = lang.name, share
    return best if best and best_share >= 0.05 else None

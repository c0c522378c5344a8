"""The quotes word lists (`data/quotes.yml`): speech verbs and phrases, quote marks, limits,
titles and pronouns with their gender.

Kept apart from the logic so a researcher extends the lists without touching code; loaded once
per process (`default_lexicon`), validated on load (E202 names the file and line).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsevents import wordlists as lx

LEXICON_FILE = "quotes.yml"
GENDERS = frozenset({"he", "she", "any"})


@dataclass(frozen=True)
class QuoteLexicon:
    """The validated word lists of `quotes/data/quotes.yml` (plus any user files)."""

    verbs: frozenset[str]
    phrases: frozenset[str]
    marks: Mapping[str, str]
    min_words: int
    next_sentence_tokens: int
    titles: Mapping[str, str] = field(default_factory=dict)
    pronouns: Mapping[str, str] = field(default_factory=dict)


def load_quote_lexicon(*extra: str | Path) -> QuoteLexicon:
    """The shipped lists with the user files `extra` merged over them; raises E202 if bad."""
    sections = lx.load_sections(__package__, LEXICON_FILE, tuple(extra))

    def mark(value: object) -> str | None:
        return None if isinstance(value, str) and len(value) == 1 else f"{value!r} is not one character"

    checks: dict[str, lx.Check] = {
        "verbs": lx.one_of({"speech"}),
        "phrases": lx.one_of({"source"}),
        "marks": mark,
        "limits": lx.positive_int,
        "titles": lx.one_of(GENDERS),
        "pronouns": lx.one_of(GENDERS - {"any"}),
    }
    data = lx.validate(sections, checks)
    limits = data["limits"]
    return QuoteLexicon(
        verbs=frozenset(data["verbs"]),
        phrases=frozenset(data["phrases"]),
        marks={str(k): str(v) for k, v in data["marks"].items()},
        min_words=int(limits.get("min_words", 4)),  # type: ignore[call-overload]
        next_sentence_tokens=int(limits.get("next_sentence_tokens", 12)),  # type: ignore[call-overload]
        titles={str(k): str(v) for k, v in data["titles"].items()},
        pronouns={str(k): str(v) for k, v in data["pronouns"].items()},
    )


@lru_cache(maxsize=1)
def default_lexicon() -> QuoteLexicon:
    """The shipped lists, loaded once per process."""
    return load_quote_lexicon()

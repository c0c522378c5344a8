"""The quotes word lists (`data/en/quotes.yml`): speech verbs and phrases, quote marks, limits,
titles and pronouns with their gender,
transcript labels that name a role.

Kept apart from the logic so a researcher extends the lists without touching code; loaded when
the quotes stage is built and held by it, validated on load (E202 names the file and line).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsevents import data
from newsevents.data import lists as lx

LEXICON_FILE = "quotes.yml"  # in data/<language>/
GENDERS = frozenset({"he", "she", "any"})
# What a subject pronoun agrees with: a person of a title gender, or a plural or organisation subject.
AGREES = frozenset({"he", "she", "group"})
ROLES = frozenset({"interviewer", "interviewee"})  # transcript labels that name no person


@dataclass(frozen=True)
class QuoteLexicon:
    """The validated word lists of `data/<language>/quotes.yml` (plus any user files)."""

    verbs: frozenset[str]
    phrases: frozenset[str]
    marks: Mapping[str, str]
    min_words: int
    next_sentence_tokens: int
    titles: Mapping[str, str] = field(default_factory=dict)
    pronouns: Mapping[str, str] = field(default_factory=dict)
    transcript: Mapping[str, str] = field(default_factory=dict)


def load_quote_lexicon(extra: Sequence[str | Path] = (), language: str = "en") -> QuoteLexicon:
    """The shipped lists with the user files `extra` merged over them; raises E202 if bad."""
    paths = (data.shipped(LEXICON_FILE, language), *extra)

    def mark(value: object) -> str | None:
        return None if isinstance(value, str) and len(value) == 1 else f"{value!r} is not one character"

    checks: dict[str, lx.Check] = {
        "verbs": lx.one_of({"speech"}),
        "phrases": lx.one_of({"source"}),
        "marks": mark,
        "limits": lx.positive_int,
        "titles": lx.one_of(GENDERS),
        "pronouns": lx.one_of(AGREES),
        "transcript": lx.one_of(ROLES),
    }
    found = lx.values(paths, checks)
    limits = found["limits"]
    return QuoteLexicon(
        verbs=frozenset(found["verbs"]),
        phrases=frozenset(found["phrases"]),
        marks={str(k): str(v) for k, v in found["marks"].items()},
        min_words=int(limits.get("min_words", 4)),  # type: ignore[call-overload]
        next_sentence_tokens=int(limits.get("next_sentence_tokens", 12)),  # type: ignore[call-overload]
        titles={str(k): str(v) for k, v in found["titles"].items()},
        pronouns={str(k): str(v) for k, v in found["pronouns"].items()},
        transcript={str(k): str(v) for k, v in found["transcript"].items()},
    )

"""The quantities word lists (`data/quantities.yml`): which nouns, verbs and adjectives make a
number a count of people, and the qualifier, vague-plural, number and status words.

Kept apart from the logic so a researcher extends the lists without touching code; loaded once
per process (`default_lexicon`), validated on load (E202 names the file and line).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import get_args

from newsevents import wordlists as lx
from newsevents.model import Qualifier

LEXICON_FILE = "quantities.yml"


@dataclass(frozen=True)
class QuantityLexicon:
    """The validated word lists of `quantities/data/quantities.yml` (plus any user files)."""

    kinds: frozenset[str]
    nouns: Mapping[str, str]
    verbs: Mapping[str, tuple[str, str]]  # lemma -> (kind, "object" | "subject")
    adjectives: Mapping[str, str]
    persons: Mapping[str, str]  # noun -> unit
    qualifiers: Mapping[str, Qualifier]
    vague: Mapping[str, int]
    numbers: Mapping[str, int]
    scales: Mapping[str, int]
    cumulative: frozenset[str]
    since_long: frozenset[str]
    long_running: frozenset[str]
    modals: frozenset[str]
    projected: frozenset[str]


def load_quantity_lexicon(*extra: str | Path) -> QuantityLexicon:
    """The shipped lists with the user files `extra` merged over them; raises E202 if bad."""
    sections = lx.load_sections(__package__, LEXICON_FILE, tuple(extra))
    kinds = frozenset(sections.get("kinds", {}))
    kind = lx.one_of(kinds)

    def verb(value: object) -> str | None:
        parts = str(value).split()
        if len(parts) != 2 or parts[1] not in ("object", "subject"):
            return f"{value!r} should be '<kind> object' or '<kind> subject'"
        return kind(parts[0])

    checks: dict[str, lx.Check] = {
        "kinds": lx.text,
        "nouns": kind,
        "verbs": verb,
        "adjectives": kind,
        "persons": lx.text,
        "qualifiers": lx.one_of(set(get_args(Qualifier))),
        "vague": lx.positive_int,
        "numbers": lx.positive_int,
        "scales": lx.positive_int,
        "cumulative": lx.text,
        "since_long": lx.text,
        "long_running": lx.text,
        "projected": lx.one_of({"modal", "word"}),
    }
    data = lx.validate(sections, checks)
    projected = data["projected"]
    return QuantityLexicon(
        kinds=kinds,
        nouns={k: str(v) for k, v in data["nouns"].items()},
        verbs={k: tuple(str(v).split()) for k, v in data["verbs"].items()},  # type: ignore[misc]
        adjectives={k: str(v) for k, v in data["adjectives"].items()},
        persons={k: str(v) for k, v in data["persons"].items()},
        qualifiers={k: v for k, v in data["qualifiers"].items()},  # type: ignore[misc]
        vague={k: int(v) for k, v in data["vague"].items()},  # type: ignore[call-overload]
        numbers={k: int(v) for k, v in data["numbers"].items()},  # type: ignore[call-overload]
        scales={k: int(v) for k, v in data["scales"].items()},  # type: ignore[call-overload]
        cumulative=frozenset(data["cumulative"]),
        since_long=frozenset(data["since_long"]),
        long_running=frozenset(data["long_running"]),
        modals=frozenset(k for k, v in projected.items() if v == "modal"),
        projected=frozenset(k for k, v in projected.items() if v == "word"),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> QuantityLexicon:
    """The shipped lists, loaded once per process."""
    return load_quantity_lexicon()

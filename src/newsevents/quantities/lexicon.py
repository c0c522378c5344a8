"""The quantities word lists (`data/en/quantities.yml`): which nouns, verbs and adjectives make a
number a count of people, and the qualifier, vague-plural, number and status words.

Kept apart from the logic so a researcher extends the lists without touching code; loaded when
the quantities stage is built and held by it, validated on load (E202 names the file and line).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from newsevents import data
from newsevents.data import lists as lx
from newsevents.model import Qualifier

LEXICON_FILE = "quantities.yml"  # in data/<language>/
SECTIONS = (
    "kinds", "nouns", "verbs", "adjectives", "persons", "qualifiers", "vague", "numbers", "scales",
    "cumulative", "since_long", "long_running", "projected", "not_counted_after", "rising", "home_kinds",
    "parts", "not_counted_before", "rates", "collectives", "singles", "outcomes", "single_nouns",
    "definite",
)  # fmt: skip


@dataclass(frozen=True)
class QuantityLexicon:
    """The validated word lists of `data/<language>/quantities.yml` (plus any user files)."""

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
    not_counted_after: frozenset[str] = frozenset()  # "percent", "March": the number counts no people
    rising: frozenset[str] = frozenset()  # "the death toll has risen to 45": a running total
    home_kinds: Mapping[str, str] = field(default_factory=dict)  # kind -> "only" | "also" (counts homes)
    parts: frozenset[str] = frozenset()  # "including": what follows is part of a group counted already
    not_counted_before: frozenset[str] = frozenset()  # "no one", "not one": a count of nobody
    rate_words: frozenset[str] = frozenset()  # "per", "a", "every": "30 people a day" is a rate
    rate_units: frozenset[str] = frozenset()  # "day", "week": the period of a rate
    collectives: Mapping[str, str] = field(default_factory=dict)  # "a group of 30 people": the group's role
    outcomes: frozenset[str] = frozenset()  # kinds a clause gives over the noun's ("killed 12 refugees")
    single_nouns: frozenset[str] = frozenset()  # "the body of a man": one victim through a noun
    singles: frozenset[str] = frozenset()  # kinds counted from people named one by one ("a soldier")
    rate_breakers: frozenset[str] = frozenset()  # "ago", "earlier": "a week ago" dates, it is no rate
    definite: frozenset[str] = frozenset()  # "the three men": a count that may retell an earlier one


def _verb(kind: lx.Check) -> lx.Check:
    """A verb line's check: '<kind> object' or '<kind> subject', the side of the verb whose
    number counts the people ("killed 12" object, "12 died" subject)."""

    def check(value: object) -> str | None:
        parts = str(value).split()
        if len(parts) != 2 or parts[1] not in ("object", "subject"):
            return f"{value!r} should be '<kind> object' or '<kind> subject'"
        return kind(parts[0])

    return check


def _checks(kinds: frozenset[str]) -> dict[str, lx.Check]:
    """Each section's check of its values (the kinds come from the `kinds` section)."""
    kind = lx.one_of(kinds)
    return {
        "kinds": lx.text,
        "nouns": kind,
        "verbs": _verb(kind),
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
        "not_counted_after": lx.one_of({"unit", "month"}),
        "rising": lx.text,
        "home_kinds": lx.one_of({"only", "also"}),
        "parts": lx.text,
        "not_counted_before": lx.text,
        "rates": lx.one_of({"every", "period", "point"}),
        "collectives": lx.text,
        "singles": lx.text,
        "outcomes": lx.text,
        "single_nouns": lx.text,
        "definite": lx.text,
    }


def load_quantity_lexicon(extra: Sequence[str | Path] = (), language: str = "en") -> QuantityLexicon:
    """The shipped lists with the user files `extra` merged over them; raises E202 if bad."""
    paths = (data.shipped(LEXICON_FILE, language), *extra)
    merged = lx.keyed(paths, SECTIONS)
    kinds = frozenset(merged["kinds"])
    found = lx.checked(merged, _checks(kinds))
    projected = found["projected"]
    return QuantityLexicon(
        kinds=kinds,
        nouns={k: str(v) for k, v in found["nouns"].items()},
        verbs={k: tuple(str(v).split()) for k, v in found["verbs"].items()},  # type: ignore[misc]
        adjectives={k: str(v) for k, v in found["adjectives"].items()},
        persons={k: str(v) for k, v in found["persons"].items()},
        qualifiers={k: v for k, v in found["qualifiers"].items()},  # type: ignore[misc]
        vague={k: int(v) for k, v in found["vague"].items()},  # type: ignore[call-overload]
        numbers={k: int(v) for k, v in found["numbers"].items()},  # type: ignore[call-overload]
        scales={k: int(v) for k, v in found["scales"].items()},  # type: ignore[call-overload]
        cumulative=frozenset(found["cumulative"]),
        since_long=frozenset(found["since_long"]),
        long_running=frozenset(found["long_running"]),
        modals=frozenset(k for k, v in projected.items() if v == "modal"),
        projected=frozenset(k for k, v in projected.items() if v == "word"),
        not_counted_after=frozenset(found["not_counted_after"]),
        rising=frozenset(found["rising"]),
        home_kinds={k: str(v) for k, v in found["home_kinds"].items()},
        parts=frozenset(found["parts"]),
        not_counted_before=frozenset(found["not_counted_before"]),
        rate_words=frozenset(k for k, v in found["rates"].items() if v == "every"),
        rate_units=frozenset(k for k, v in found["rates"].items() if v == "period"),
        rate_breakers=frozenset(k for k, v in found["rates"].items() if v == "point"),
        collectives={k: str(v) for k, v in found["collectives"].items()},
        singles=frozenset(found["singles"]),
        outcomes=frozenset(found["outcomes"]),
        single_nouns=frozenset(found["single_nouns"]),
        definite=frozenset(found["definite"]),
    )

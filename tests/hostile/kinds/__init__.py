"""The catalogue of hostile inputs: each kind is a function that BUILDS one class of bad input.

A writer takes an empty folder, makes its files there (nothing is checked in: every byte is
made here, so the catalogue documents itself) and returns a `Made`: the paths it made and what
the documented contract says `newsevents extract` must do with them. The same catalogue feeds
the tests (tests/hostile) and the benchmark (benchmarks/hostile.py), so the two never disagree
about what a kind is or what it should produce.

The contract (README, "Bad input never stops a batch"): each bad input is one line on stderr
naming the file (and line), carrying an [E...] code; good articles around it are stored; a
warning (bad metadata) keeps the article. Where the contract leaves a choice to the reader
(a lone surrogate may be refused or replaced), a kind lists every allowed outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Outcome:
    """One acceptable result for a kind: problem lines naming its inputs, articles stored."""

    problems: int
    stored: int


@dataclass(frozen=True)
class Stored:
    """What the store holds for one kind's articles, for kinds that check more than a count."""

    urls: tuple[str | None, ...]
    published: tuple[str | None, ...]
    values: tuple[int | None, ...]  # every figure value of the kind's articles


Verify = Callable[[Stored], str | None]  # None when fine, else what is wrong


def sane_dates(found: Stored) -> str | None:
    """No stored publication date at the ends of the calendar (years 1 or 9999)."""
    bad = [p for p in found.published if p and not "1800" <= p[:4] <= "2100"]
    return f"stored out-of-range publication dates {bad}" if bad else None


@dataclass(frozen=True)
class Made:
    """What a writer made and what must come of it."""

    paths: tuple[Path, ...]
    outcomes: tuple[Outcome, ...]
    codes: frozenset[str] = frozenset()  # codes a problem line may carry; empty: any code
    says: str = ""  # text every problem line must contain (e.g. "UTF-16")
    verify: Verify | None = None
    notes: str = ""

    @property
    def expected(self) -> Outcome:
        """The first outcome: the one tables show."""
        return self.outcomes[0]


def made(
    paths: list[Path] | Path, problems: int, stored: int, *codes: str, also: tuple[Outcome, ...] = (),
    says: str = "", verify: Verify | None = None,
) -> Made:
    """Shorthand for the common case of one outcome (plus `also` alternatives)."""
    listed = tuple(paths) if isinstance(paths, list) else (paths,)
    return Made(listed, (Outcome(problems, stored), *also), frozenset(codes), says, verify)


Writer = Callable[[Path], Made]


@dataclass(frozen=True)
class Kind:
    """A named class of bad input: its group (bytes, names, ...), writer and whether it is heavy.

    Heavy kinds (a 1.2M-character article) cost tens of seconds to parse: the suite runs them on
    SQLite only, the benchmark on every backend.
    """

    name: str
    group: str
    write: Writer
    heavy: bool = False
    doc: str = field(default="", compare=False)


def _catalogue() -> dict[str, Kind]:
    from tests.hostile.kinds import content, files, jsonl, raw

    found: dict[str, Kind] = {}
    for module in (raw, files, jsonl, content):
        for kind in module.KINDS:
            assert kind.name not in found, f"two kinds named {kind.name}"
            found[kind.name] = kind
    return found


KINDS: dict[str, Kind] = _catalogue()


def build(root: Path, names: list[str] | None = None) -> dict[str, Made]:
    """Write every kind (or the named ones) into `root/<kind>/`; returns what each made."""
    out: dict[str, Made] = {}
    for name in names if names is not None else list(KINDS):
        folder = root / name
        folder.mkdir(parents=True)
        out[name] = KINDS[name].write(folder)
    return out

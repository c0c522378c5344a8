"""The event codebook: CAMEO table, trigger dictionary, cue words and victim rules, checked together.

Loading validates every file (`file:line -> field: message`), so a broken user dictionary fails
when the run starts, not halfway through a corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsevents.events.codes import CodeTable, load_code_table
from newsevents.events.modality import Cues, load_cues
from newsevents.events.triggers import TriggerDictionary
from newsevents.events.victims import VictimRules, load_victim_rules


@dataclass(frozen=True)
class Codebook:
    codes: CodeTable
    triggers: TriggerDictionary
    cues: Cues
    victims: VictimRules


def _shipped(name: str) -> Path:
    return Path(str(resources.files("newsevents.events").joinpath("data", name)))


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> Codebook:
    codes = load_code_table()
    triggers = TriggerDictionary.load((_shipped("verbs.yml"), *extra), codes)
    return Codebook(codes, triggers, load_cues(), load_victim_rules(codes))


def load_codebook(extra: Sequence[Path] = ()) -> Codebook:
    """Shipped data plus the user's trigger files (the events stage's `dictionaries`); later ones override.

    Cached per tuple of paths: the codebook is read once per process and shared, never mutated.
    """
    return _load(tuple(Path(p) for p in extra))

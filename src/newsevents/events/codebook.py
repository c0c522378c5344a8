"""The event codebook: CAMEO table, trigger dictionaries (curated and converted from PETRARCH2),
cue words, victim rules and the table of intents (what asking for, refusing or threatening each
act is coded), checked together.

Loading validates every file (`file:line -> field: message`), so a broken user dictionary fails
when the pipeline is built, not halfway through a corpus. The events stage loads it once and
holds it; nothing here is cached, so two pipelines with different files never share one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents import data
from newsevents.events.codes import CodeTable, load_code_table
from newsevents.events.intents import IntentTable, load_intents
from newsevents.events.modality import Cues, load_cues
from newsevents.events.triggers import TriggerDictionary
from newsevents.events.verb_patterns import load_converted
from newsevents.events.victims import VictimRules, load_victim_rules

Paths = Sequence[str | Path]


@dataclass(frozen=True)
class Codebook:
    codes: CodeTable
    triggers: TriggerDictionary
    cues: Cues
    victims: VictimRules
    intents: IntentTable


def load_codebook(
    dictionaries: Paths = (),
    *,
    codes: Paths = (),
    plover: Paths = (),
    cues: Paths = (),
    victims: Paths = (),
    intents: Paths = (),
    language: str = "en",
) -> Codebook:
    """The shipped data of `language` with the user's files of each kind merged over it.

    The keywords are the events stage's settings of the same names (`dictionaries` are trigger
    files); each file's header names the identity by which its entries replace shipped ones.
    """
    table = load_code_table(codes, plover, language)
    cue_lists = load_cues(cues, language)
    converted = load_converted(
        table, language=language, scheduling=cue_lists.schedule_words, assertions=cue_lists.assertion_nouns
    )
    curated = (data.shipped("events/verbs.yml", language), *dictionaries)
    triggers = TriggerDictionary.load(curated, table, converted)
    return Codebook(
        table, triggers, cue_lists, load_victim_rules(table, victims, language),
        load_intents(table, intents, language),
    )

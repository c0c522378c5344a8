"""Force used by armed men outside any army: unconventional violence (18), not military force (19).

CAMEO keeps 19 for the conventional force of war, waged by armies and organised armed groups, and 18
for violence meant to terrorise or punish: the shootings, bombings and hijackings of separatists,
of gunmen of no named group and of criminal gangs (the project's annotation guide follows CAMEO in
coding gunmen attacking a hotel as 180). A trigger that says only that force was used
("attacked", "killed", "an attack", "shot": 190 or 193) is therefore coded 180 when its source is
such an actor (sector SEP, UAF or CRM). Two cases stay 19: a fight both sides wage ("clashed with",
"a battle with"), and the fighting of rebels (REB), which news tells of armies and rebels alike.
A more specific code the trigger gave (a bombing 183, a kidnapping 181, shelling 194) is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsevents.events.codes import CodeTable
from newsevents.events.intents import recoded
from newsevents.events.triggers import TriggerMatch
from newsevents.model import Event

IRREGULAR_SECTORS = frozenset({"SEP", "UAF", "CRM"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
GENERAL_FORCE = frozenset({"190", "193"})
UNCONVENTIONAL = "180"


def irregular(event: Event) -> bool:
    """Whether the event is force in general used by separatists, unnamed gunmen or criminals."""
    sector = event.source.sector if event.source is not None else None
    return event.cameo in GENERAL_FORCE and sector in IRREGULAR_SECTORS


def recode_irregular(
    by_token: dict[int, list[Event]], matches: Sequence[TriggerMatch], codes: CodeTable,
    anonymous: frozenset[str] = frozenset(),
) -> None:  # fmt: skip
    """Recode, in place, each one-sided act of general force by an irregular source as 180; a
    source named by a word of `anonymous` ("two men opened fire") is first read as armed men (UAF)."""
    mutual = {m.token for m in matches if m.entry.mutual}
    unconventional = codes.get(UNCONVENTIONAL)
    for token, events in by_token.items():
        events = [_armed(e, anonymous) for e in events]
        if token not in mutual:
            events = [recoded(e, unconventional) if irregular(e) else e for e in events]
        by_token[token] = events


def _armed(event: Event, anonymous: frozenset[str]) -> Event:
    """The event with its source read as armed men when it uses force and is named only as people."""
    src = event.source
    words = src.text.lower().split() if src is not None else []
    if src is None or src.sector != "CVL" or event.cameo_root not in FORCE_ROOTS or not words:
        return event
    if words[-1] not in anonymous:
        return event
    return replace(event, source=replace(src, code=f"{src.country or ''}UAF", sector="UAF", name="Armed men"))

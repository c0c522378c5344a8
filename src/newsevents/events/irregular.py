"""Force used by armed men outside any army: unconventional violence (18), not military force (19).

CAMEO keeps 19 for the conventional force of war, waged by armies and organised armed groups, and 18
for violence meant to terrorise or punish: the shootings, bombings and hijackings of separatists,
of gunmen of no named group and of criminal gangs (the project's annotation guide follows CAMEO in
coding gunmen attacking a hotel as 180). A trigger that says only that force was used
("attacked", "killed", "an attack", "shot": 190 or 193) is therefore coded 180 when its source is
such an actor (sector SEP, UAF or CRM). Two cases stay 19: a fight both sides wage ("clashed with",
"a battle with"), and the fighting of rebels (REB), which news tells of armies and rebels alike.
A more specific code the trigger gave (a bombing 183, a kidnapping 181, shelling 194) is kept.

Two more readings follow from whom the force befalls:
- force whose author the sentence tells but does not name ("they shot them", "an attack on a
  school"), against people outside any armed force, is coded 180 too: the guide codes an attack
  by unknown gunmen on civilians as unconventional violence, and an army's fire is told with its
  army. An act told from the victims' side alone ("nine activists were killed", "a policeman was
  attacked") keeps its code: its author is often an army the article named before. So do the
  victims of a fight (clashes, battles), a state ("attacks on Pakistan") and any armed sector;
- force against demonstrators ("demonstrators were killed", "police shot protesters") is violent
  repression (175), CAMEO's code for force used to put down a protest.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.events.codes import CodeTable
from newsevents.events.intents import recoded
from newsevents.events.modality import Cues
from newsevents.events.triggers import TriggerMatch
from newsevents.model import Actor, Event

if TYPE_CHECKING:
    from spacy.tokens import Token

IRREGULAR_SECTORS = frozenset({"SEP", "UAF", "CRM"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
GENERAL_FORCE = frozenset({"190", "193"})
UNCONVENTIONAL = "180"
REPRESSION = "175"
# sectors that bear arms: force against them is war or a fight, whoever wages it
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "CRM", "SPY"})


def irregular(event: Event) -> bool:
    """Whether the event is force in general used by separatists, unnamed gunmen or criminals."""
    sector = event.source.sector if event.source is not None else None
    return event.cameo in GENERAL_FORCE and sector in IRREGULAR_SECTORS


def unseen_attacker(event: Event) -> bool:
    """Whether the event is force in general by no known author on people outside any armed force."""
    target = event.target
    return (
        event.source is None and event.cameo in GENERAL_FORCE and target is not None
        and target.sector is not None and target.sector not in ARMED_SECTORS
    )  # fmt: skip


def protesters(actor: Actor | None, nouns: frozenset[str]) -> bool:
    """Whether the actor is named as demonstrators ("anti-coup demonstrators", "the protesters")."""
    last = actor.text.lower().split()[-1:] if actor is not None else []
    return bool(last) and (last[0] in nouns or last[0].removesuffix("s") in nouns)


def recode_irregular(
    by_token: dict[int, list[Event]], matches: Sequence[TriggerMatch], codes: CodeTable,
    cues: Cues, victims_side: Collection[int] = (), doc: Sequence[Token] | None = None,
) -> None:  # fmt: skip
    """Recode, in place, each one-sided act of general force by an irregular source, or by no known
    source on unarmed people, as 180, and one against demonstrators as 175 (see the module); a
    source named by a word of `cues.anonymous_attackers` ("two men opened fire") is first read as
    armed men (UAF). `victims_side`: the triggers coded from their victims' side (`victims.py`);
    a passive verb of `doc` is told from that side too."""
    mutual = {m.token for m in matches if m.entry.mutual}
    unconventional, repression = codes.get(UNCONVENTIONAL), codes.get(REPRESSION)
    for token, events in by_token.items():
        events = [_armed(e, cues.anonymous_attackers) for e in events]
        if token in mutual:
            by_token[token] = events
            continue
        out = []
        for e in events:
            if _force(e) and protesters(e.target, cues.protester_nouns):
                e = recoded(e, repression)
            elif irregular(e) or (unseen_attacker(e) and not _victims_side(token, victims_side, doc)):
                e = recoded(e, unconventional)
            out.append(e)
        by_token[token] = out


def _victims_side(token: int, victims_side: Collection[int], doc: Sequence[Token] | None) -> bool:
    """Whether the trigger tells the act from its victims' side: a victim-only event, or a passive."""
    if token in victims_side:
        return True
    return doc is not None and any(c.dep_ in ("nsubjpass", "auxpass") for c in doc[token].children)


def _force(event: Event) -> bool:
    """Force in general, whoever uses it: the codes a more specific reading may replace."""
    return event.cameo in GENERAL_FORCE or event.cameo == UNCONVENTIONAL


def _armed(event: Event, anonymous: frozenset[str]) -> Event:
    """The event with its source read as armed men when it uses force and is named only as people."""
    src = event.source
    words = src.text.lower().split() if src is not None else []
    if src is None or src.sector != "CVL" or event.cameo_root not in FORCE_ROOTS or not words:
        return event
    if words[-1] not in anonymous:
        return event
    return replace(event, source=replace(src, code=f"{src.country or ''}UAF", sector="UAF", name="Armed men"))

"""Acts of force told with no actor on either side: "the train came under attack", "the village was shelled".

News of a conflict often tells an attack through the thing it befell, a vehicle, a post, a place,
with neither the attackers nor the attacked an actor of the sentence; the annotation guide still
codes the act there. Such an act is coded with no source and no target, so that the sentence
carries it, only when all of these hold:

- its trigger is a word of political force (`unnamed_force` in cues.yml: attack, shell, ambush,
  bomb ...), not a blow in general ("the bus was hit by a truck") nor a crime ("robbed");
- it is told as something undergone: the noun under "under" of a verb with a subject ("the convoy
  came under attack") with no "from", or a passive verb with a subject and no "by" agent ("the
  village was shelled"); a doer named but no actor ("hit by a truck", "came under attack from
  critics") is no party of a conflict;
- it is asserted: not negated, not hypothetical;
- the story has already told an act of force with a party (a story of conflict, not a crime
  report nor an accident), and the sentence codes no other act of force;
- no earlier act lent it its sides (`restated.py` runs first) and its entry is not a death or
  injury, which `victims.py` decides.

One such act per sentence at most.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.events.subjects import kids

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsevents.events.codes import CodeTable
    from newsevents.events.modality import Cues
    from newsevents.events.triggers import TriggerMatch
    from newsevents.model import Event

FORCE_ROOTS = frozenset({"18", "19", "20"})
UNDERGONE_PREP = "under"
DOER_PREP = "from"  # "came under attack from critics": a doer named, and no actor
SUBJECTS = ("nsubj", "nsubjpass")


def undergone(token: Token, kind: str) -> bool:
    """Whether the trigger tells its act as undergone by a subject: "X came under attack" (a noun)
    or "X was shelled" (a passive verb with no "by" agent)."""
    if kind == "noun":
        prep, verb = token.head, token.head.head
        doer = any(c.lower_ == DOER_PREP for c in (*token.children, *verb.children))
        return (
            token.dep_ == "pobj" and prep.lower_ == UNDERGONE_PREP and verb.pos_ in ("VERB", "AUX")
            and bool(kids(verb, *SUBJECTS)) and not doer
        )  # fmt: skip
    return bool(kids(token, "nsubjpass")) and not kids(token, "agent")


def force_told(
    doc: Doc,
    matches: Sequence[TriggerMatch],
    by_token: dict[int, list[Event]],
    codes: CodeTable,
    cues: Cues,
    conflict: bool,
    make: Callable[[TriggerMatch], list[Event]],
) -> None:
    """Code, in place, the sentence's one act of force told with no party, as the module says;
    `make` codes a match, `conflict` says whether the story has told an act of force with a party."""
    if not conflict or any(e.cameo_root in FORCE_ROOTS for evs in by_token.values() for e in evs):
        return
    for match in matches:
        entry = match.entry
        if by_token.get(match.token) != [] or codes.get(entry.cameo or "").root not in FORCE_ROOTS:
            continue
        if entry.require == "victim" or entry.lemma not in cues.unnamed_force:
            continue
        if not undergone(doc[match.token], entry.kind):
            continue
        made = make(replace(match, entry=replace(entry, require="unnamed")))
        made = [e for e in made if not e.negated and e.modality != "hypothetical"]
        if made:
            by_token[match.token] = made[:1]
            return

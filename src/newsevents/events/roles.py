"""The roles an act's parties fill: the mentions of its source and of its target, and how each was
found. Shared by `arguments.py` (verbs) and `nominal.py` (nouns), which read them off the parse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.model import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.mentions import MentionIndex


@dataclass(frozen=True)
class Role:
    """Mentions filling one role, and whether they came from a direct dependency of the trigger."""

    mentions: tuple[ActorMention, ...] = ()
    inferred: bool = False
    prep: str | None = None  # the preposition the role came through ("with" in "met with X"), if any


@dataclass(frozen=True)
class Arguments:
    source: Role
    target: Role


def prep_of(tokens: Sequence[Token], found: Sequence[ActorMention], index: MentionIndex) -> str | None:
    """The preposition that brought the target: that of the first object holding one of the found
    mentions. In "spoke by phone on Monday with X" the target came "with", not "on" (Monday holds no
    actor), so the call runs both ways."""
    for tok in tokens:
        if tok.dep_ == "pobj" and index.at(tok) in found:
            return tok.head.lower_
    return tokens[0].head.lower_ if found and tokens else None

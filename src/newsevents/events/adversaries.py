"""Whom a noun of adversaries stands for: "Berisha's opponents", "critics of the Kremlin".

The actor named inside such a noun's phrase is the one the adversaries oppose, never the
adversaries themselves, so it fills no side of their act: "Berisha's opponents accused him" is
no act of Berisha's. Opponents and critics of a government, a parliament or a leader (a ruling
sector) are that country's opposition (OPP), as CAMEO codes a domestic challenger; critics of a
country named bare ("China's critics abroad") and rivals or enemies of anyone may be foreigners,
and stand for no actor. The nouns live in `cues.yml` (`adversary_nouns`, `opposition_nouns`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.model import ActorMention

OPPOSITION = "OPP"
# sectors whose opponents at home are the country's opposition
RULING_SECTORS = frozenset({"GOV", "LEG", "ELI"})


def stand_in(
    noun: Token, opposed: ActorMention | None, opposition_nouns: frozenset[str]
) -> ActorMention | None:
    """The mention an adversary noun stands for, given the actor its phrase names: that actor's
    country's opposition for an opponent of a ruling sector, else none."""
    if opposed is None or noun.lemma_.lower() not in opposition_nouns:
        return None
    actor = opposed.actor
    if actor.country is None or actor.sector not in RULING_SECTORS:
        return None
    found = replace(
        actor, text=noun.text, name=f"{noun.text} of {actor.name}", code=f"{actor.country}{OPPOSITION}",
        sector=OPPOSITION,
    )  # fmt: skip
    return replace(opposed, actor=found, token_start=noun.i, token_end=noun.i + 1, head=noun.i, kind="coref")

"""The office of one an act removes from it, at the act.

A person is coded by the role held on the day of the act. The actors stage codes a person by the
story's own words and the article's day: "former DP Rigathi Gachagua", "former president Omar
al-Bashir" are former officials (country + ELI), and so are the short names and pronouns that
refer back to them. An act that removes someone from office ("who was impeached and removed from
office", "the military removed Bashir", "his ouster") befalls them while they still hold it: its
target, when coded a former official, is its country's government (GOV), the office most
removals in the news end (a head of state or government, a minister). The words of such acts
are `unseating_words` in cues.yml.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.model import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.modality import Cues

FORMER = "ELI"
IN_OFFICE = "GOV"


def unseats(token: Token, cues: Cues) -> bool:
    """Whether the trigger word is an act of removal from office."""
    return token.lemma_.lower() in cues.unseating_words or token.lower_ in cues.unseating_words


def in_office(m: ActorMention) -> ActorMention:
    """A former official of a country as the one still in its office; anyone else unchanged."""
    actor = m.actor
    if actor.sector != FORMER or not actor.country:
        return m
    return replace(m, actor=replace(actor, code=actor.country + IN_OFFICE, sector=IN_OFFICE))

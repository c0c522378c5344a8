"""Attacks told as support: "the regime -backed by Russian air strikes- advanced against the rebels".

Air strikes, shelling or raids that back one side are an assault on the side it fights, not
cooperation with the side they back: CAMEO codes who struck whom. So a trigger of support (root 05,
06 or 07) whose means is an attack noun ("backed by Russian air strikes", "supported with
artillery") becomes an assault, coded by that noun (air strike 195, shelling 194), by the backer on
the targets of the sentence's attacks by the backed side. When the sentence names no attack by the
backed side, the support stays as it was: there is nobody the strikes are known to have hit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsevents.events.codes import CodeTable
from newsevents.events.intents import recoded
from newsevents.events.triggers import TriggerDictionary, TriggerMatch, match_token
from newsevents.model import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

SUPPORT_ROOTS = frozenset({"05", "06", "07"})
ATTACK_ROOTS = frozenset({"18", "19", "20"})


def _means_code(words: Sequence[Token], dictionary: TriggerDictionary, codes: CodeTable) -> str | None:
    """The attack code of the first attack noun among the support's means words, or None."""
    for word in words:
        found = match_token(word, dictionary)
        cameo = found.entry.cameo if found is not None and found.entry.kind == "noun" else None
        if cameo is not None and codes.get(cameo).root in ATTACK_ROOTS:
            return cameo
    return None


def _means_words(token: Token, match: TriggerMatch) -> list[Token]:
    """The support's `with` words and the objects of its by-agent ("backed by air strikes")."""
    doc = token.doc
    words = [doc[w] for w in match.words if w != token.i]
    words += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return words


def fire_support(
    doc: Sequence[Token],
    by_token: dict[int, list[Event]],
    matches: Sequence[TriggerMatch],
    dictionary: TriggerDictionary,
    codes: CodeTable,
) -> None:
    """The rule of the module docstring, in place on the sentence's events by trigger token."""
    for match in matches:
        events = [e for e in by_token.get(match.token, []) if e.source is not None and e.target is not None]
        if not events or events[0].cameo_root not in SUPPORT_ROOTS:
            continue
        cameo = _means_code(_means_words(doc[match.token], match), dictionary, codes)
        if cameo is None:
            continue
        backed = {e.target.code for e in events if e.target is not None}
        hit = [
            e.target for t, evs in by_token.items() if t != match.token for e in evs
            if e.cameo_root in ATTACK_ROOTS and e.source is not None and e.source.code in backed
            and e.target is not None and not e.negated
        ]  # fmt: skip
        if not hit:
            continue
        code = codes.get(cameo)
        by_token[match.token] = [
            recoded(e, code, target=t) for e in events for t in dict.fromkeys(hit)
            if e.source is not None and t.code != e.source.code
        ]  # fmt: skip

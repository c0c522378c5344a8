"""Peoples named by ethnicity: whose country a demonym gives and whose it does not.

A demonym names a country's people ("Syrian troops" are SYR), except where it names an
ethnicity whose people live in other countries:

- "ethnic Albanians in Macedonia", "ethnic Turks", "ethnic Russian separatists": the word
  "ethnic" says the demonym is a people, not a state; the mention keeps its sector (civilians,
  CVL, when it has none) and takes its country where the actor chain finds one (its own "in"
  phrase, its event's place, the article), as for any agent whose words name no country;
- "Iraqi Kurds", "Syrian Kurdish fighters": a people without a state of its own (a region code
  of the dictionary, KUR) beside a country's demonym is of that country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.actors.dictionary import ActorDictionary
from newsevents.actors.recognise import Cue
from newsevents.actors.resolve import Draft, label

if TYPE_CHECKING:
    from spacy.tokens import Doc

ETHNIC_WORDS = frozenset({"ethnic"})


def ethnic_peoples(
    doc: Doc, drafts: list[Draft], cues: Sequence[Cue], dictionary: ActorDictionary
) -> list[Draft]:
    """Mentions whose demonym names an ethnicity, with the country it does (or does not) give."""
    out = []
    for d in drafts:
        if not d.person and d.key is None:
            inside = [c for c in cues if d.start <= c.start and c.end <= d.end]
            d = _of_a_state(d, inside, dictionary) or _ethnic(doc, d, inside, dictionary) or d
        out.append(d)
    return out


def _ethnic(doc: Doc, d: Draft, inside: list[Cue], dictionary: ActorDictionary) -> Draft | None:
    """ "ethnic Albanians": the demonym gives no country; a people alone are civilians."""
    named = [c for c in inside if c.form == "demonym" and c.entry.code == d.country]
    if d.country is None or not named or named[-1].start == 0:
        return None
    if doc[named[-1].start - 1].lower_ not in ETHNIC_WORDS:
        return None
    sector = d.sector or "CVL"
    name = label(dictionary, None, sector)
    return replace(d, country=None, code=None, sector=sector, kind="noun", name=name)


def _of_a_state(d: Draft, inside: list[Cue], dictionary: ActorDictionary) -> Draft | None:
    """ "Iraqi Kurds": a stateless people's region code beside a country's demonym is that country."""
    regions = [c for c in inside if c.entry.kind == "region"]
    states = [c for c in inside if c.entry.kind == "country" and c.form in ("demonym", "name")]
    if d.country is not None or not regions or not states or not d.code:
        return None
    if not d.code.startswith(regions[-1].entry.code or "-"):
        return None
    country = states[-1].entry.code
    return replace(d, country=country, code=None, name=label(dictionary, country, d.sector))

"""How a place name is attached to the words of its sentence: under a locative preposition, as
a direct object, or as a modifier of a noun (the ranking of `locate.best_place` reads the kind).

Climbing from the name runs through feature nouns ("the city of Kilis", "the Homs province"),
possessives and "north of"; "between the towns of A and B" names the land between two towns
(locative), while a bare "between A and B" is a route and attaches nothing.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

from newsevents.geo.fallback import BETWEEN, reference_point
from newsevents.geo.gazetteer import Cues
from newsevents.nlp.syntax import NOUN_MODIFIER_DEPS

Kind = Literal["locative", "object", "modifier"]


def attachment(head: Token, cues: Cues, force: bool = False) -> tuple[Token, Kind] | None:
    """(the word a place name is attached to, how), or None.

    Kinds: "locative" (a locative preposition: "in Aleppo", "north of Aleppo"), "object" (the
    direct object: "captured the town of Bakwa"; with `force` also the subject of a passive: "Aleppo
    was shelled"), "modifier" (a name on a noun: "the Aleppo offensive").

    Climbs from the name through "the city of", "the Homs province", "Syria's conflict" and
    "north of" to the preposition that governs it; a name that only modifies a noun ("the Aleppo
    offensive") attaches to that noun without being locative.
    """
    tok, objects = head, ("dobj", "nsubjpass") if force else ("dobj",)
    for _ in range(5):
        if tok.dep_ in NOUN_MODIFIER_DEPS and tok.head.i != tok.i:
            noun = tok.head
            if _is_place_noun(noun, cues) and noun.dep_ == "pobj" and noun.head.lower_ in cues.locative:
                tok = noun  # "in the Homs province", "in Syria's Aleppo countryside"
                continue
            if _is_place_noun(noun, cues) and noun.dep_ in objects:
                tok = noun  # "patrolled Bangladesh's cities", "Grozny's streets are patrolled": the land
                continue
            return noun, "modifier"
        if tok.dep_ in objects:
            return tok.head, "object"
        if tok.dep_ != "pobj":
            return None
        prep = tok.head
        word = prep.lower_
        if word == "of" and _is_place_noun(prep.head, cues) and prep.head.lower_ not in cues.relative:
            tok = prep.head
            continue
        if word == "of" and prep.head.lower_ in cues.relative:
            return _relative_attachment(prep.head, cues)
        if word in cues.locative or (force and tok.i == head.i and word in cues.force_locative):
            return prep.head, "locative"
        if word == BETWEEN and tok.i != head.i:
            return prep.head, "locative"  # "villages between the towns of A and B": land, not a route
        if force and tok.i == head.i and word in cues.force_object:
            return prep.head, "object"  # "the invasion of Ukraine": the land force is done to
        return None
    return None


def _is_place_noun(tok: Token, cues: Cues) -> bool:
    word = tok.lower_
    return word in cues.feature_nouns or word in cues.area_nouns or word in cues.relative


def _relative_attachment(word: Token, cues: Cues) -> tuple[Token, Kind] | None:
    """ "advanced north of Aleppo" places the advance; "Suwayrah, 50 km south of Baghdad" and
    "Amara, south of Baghdad" only say where another place is."""
    if reference_point(word, cues):
        return None
    if word.dep_ == "pobj" and (word.head.lower_ in cues.locative or word.head.lower_ == "on"):
        return word.head.head, "locative"  # "in the north of Syria", "on the outskirts of Karachi"
    return word.head, "locative"

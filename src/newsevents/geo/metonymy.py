"""Cities named as actors: "Moscow's invasion", "Beijing's crackdown", "Washington's sanctions".

A capital in the possessive before an act is the government that acts, not where the act
happened: "Ukraine's president condemned Moscow's invasion" happened nowhere near Moscow. The
actors stage has already read such a name as an actor (the capital's government); this module
tells the event locator which place mentions those are, so the clause never places an event there.
Only cities are concerned (a country named as a modifier never places an event anyway, see
`locate._strength`), and only possessives the actors stage took as an actor: "Aleppo's hospitals
were bombed" keeps its place, because nothing reads Aleppo as an actor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsevents.geo.names import POSSESSIVES
from newsevents.model import ActorMention, Place
from newsevents.nlp.parsed import ParsedArticle
from newsevents.nlp.words import words

# Features of the places a possessive actor may be: a town whose name stands for its rulers.
ACTING_FEATURES = frozenset({"city", "district"})


def acting_mentions(
    parsed: ParsedArticle, places: Iterable[Place], actors: Sequence[ActorMention] | None
) -> frozenset[int]:
    """The start offsets of the city mentions that the actors stage read as a possessive actor."""
    if not actors:
        return frozenset()
    doc, w = parsed.doc, words(parsed.doc)  # tags and texts as strings: no Token per mention
    possessive: set[int] = set()
    for m in actors:
        marks = range(m.token_end - 1, min(m.token_end + 1, len(doc)))  # its last word and the next
        if m.kind == "name" and any(w.tag[j] == "POS" or w.text[j] in POSSESSIVES for j in marks):
            possessive.add(parsed.starts[m.token_start])
    return frozenset(
        mention.start
        for place in places
        if place.feature in ACTING_FEATURES
        for mention in place.mentions
        if mention.start in possessive
    )

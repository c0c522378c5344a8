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

# Features of the places a possessive actor may be: a town whose name stands for its rulers.
ACTING_FEATURES = frozenset({"city", "district"})


def acting_mentions(
    parsed: ParsedArticle, places: Iterable[Place], actors: Sequence[ActorMention] | None
) -> frozenset[int]:
    """The start offsets of the city mentions that the actors stage read as a possessive actor."""
    if not actors:
        return frozenset()
    doc = parsed.doc
    possessive: set[int] = set()
    for m in actors:
        marks = doc[m.token_end - 1 : m.token_end + 1]  # the mention's last word and the one after
        if m.kind == "name" and any(t.tag_ == "POS" or t.text in POSSESSIVES for t in marks):
            possessive.add(doc[m.token_start].idx)
    return frozenset(
        mention.start
        for place in places
        if place.feature in ACTING_FEATURES
        for mention in place.mentions
        if mention.start in possessive
    )

"""Place names inside a longer name: which words of it the gazetteer holds as a place, and the
places a hyphen joins ("Fargo-Moorhead", "Egypt-US relations", the "Amsterdam-London" leg).

News joins two places with a hyphen for a metropolitan area, a relation between two countries or a
route. The joined name is known to no gazetteer, and before this the lookup of its parts kept only
the first ("Fargo"). `toponyms.py` reads both functions when a name is unknown as a whole.
"""

from __future__ import annotations

from spacy.tokens import Span

from newsevents.geo.gazetteer import Gazetteer, normalize
from newsevents.geo.names import DASHES
from newsevents.nlp.words import words


def embeddable(text: str, gazetteer: Gazetteer, towns: bool = False) -> bool:
    """A capitalised name the gazetteer holds under its own name as written (alternate names, "Big"
    for Biga, and abbreviations without their full stop, "Man", "Mass", are often plain words), or a
    county of the small-places index named as one ("the Columbia County Detention Center"), or with
    `towns`, any town of that index (taken only before a local office: "the Brownsboro Police")."""
    if not text or not text[0].isupper() or text.lower() in gazetteer.cues.never_places:
        return False
    known = gazetteer.exact.get(text) or gazetteer.names.get(normalize(text)) or ()
    if not known and (towns or text.rsplit(None, 1)[-1].lower() in gazetteer.cues.feature_nouns):
        known = [c for c in gazetteer.towns(text) if towns or c.entry.feature == "district"]
    return any(c.primary for c in known) and not gazetteer.is_demonym(text)


def hyphen_pair(span: Span, gazetteer: Gazetteer) -> list[Span]:
    """The places of a name made of places joined by hyphens, each a place the gazetteer holds
    under its own name ("Fargo-Moorhead"), or a people's name beside one ("Asian-Pacific": only
    the place is returned); [] when any part is neither, since a company or a person may join two
    words that are also places ("Mercedes-Benz")."""
    if not any(t in DASHES for t in words(span.doc).text[span.start : span.end]):
        return []  # one part: read from the words' strings, no Token built
    parts: list[Span] = []
    start = span.start
    for tok in [*span, None]:
        if tok is None or tok.text in DASHES:
            end = tok.i if tok is not None else span.end
            if end == start:
                return []
            parts.append(span.doc[start:end])
            start = end + 1
    if len(parts) < 2:
        return []
    places = [p for p in parts if embeddable(p.text, gazetteer)]
    if any(p not in places and not gazetteer.is_demonym(p.text) for p in parts):
        return []
    return places

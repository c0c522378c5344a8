"""Place names joined to the words around them: split by "of" or a name particle, or listed after
another place.

The tagger and the capitalised runs of `toponyms.py` break a name at its lower-case words ("the
Democratic Republic of the Congo" comes out as "Democratic Republic" and "Congo", "Ceamurlia de
Jos" as "Ceamurlia" and "Jos"), and a name in a
list takes its tag from the words, not the list ("cases in Mozambique and Botswana": Botswana is
tagged a person). Both are repaired here, over what `toponyms.py` found.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsevents.geo.known import KnownNames
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from newsevents.geo.toponyms import Toponym

OF_GAPS = (("of",), ("of", "the"))  # the lower-case words between the two runs
LIST_GAPS = frozenset({",", "and", "or", ", and", ", or"})
GAP_CHARS = 8  # the longest list gap with its spaces; longer gaps are not read


def joined_by_of(runs: list[Span], knows: KnownNames) -> list[Span]:
    """Two neighbouring runs joined by "of" or "of the" that the gazetteer knows whole: "Democratic
    Republic of the Congo", "Isle of Man"; a name it does not know whole stays two names."""
    out: list[Span] = []
    if not runs:
        return out
    lower = words(runs[0].doc).lower  # the words as strings: no Token is built for a gap
    for left, right in pairwise(runs):
        gap = lower[left.end : right.start] if 0 < right.start - left.end <= 2 else None
        if gap in OF_GAPS and knows[left.doc[left.start : right.end].text]:
            out.append(left.doc[left.start : right.end])
    return out


def joined_by_particle(runs: list[Span], knows: KnownNames, particles: Collection[str]) -> list[Span]:
    """Two neighbouring runs joined by one lower-case name particle that the gazetteer or its
    index of small places knows whole: "Ceamurlia de Jos" is a Romanian village, not the Nigerian
    city Jos after a word; a name it does not know whole stays two names."""
    out: list[Span] = []
    if not runs:
        return out
    lower = words(runs[0].doc).lower
    for left, right in pairwise(runs):
        if right.start - left.end != 1 or lower[left.end] not in particles:
            continue
        whole = left.doc[left.start : right.end]
        if knows[whole.text] or any(c.primary for c in knows.gazetteer.towns(whole.text)):
            out.append(whole)
    return out


def joined_names(
    runs: list[Span], knows: KnownNames, particles: Collection[str]
) -> tuple[list[Span], set[str]]:
    """The names joined by "of" and by a particle (`joined_by_of`, `joined_by_particle`), and the
    words of those joined by a particle, which may be known only to the small places' index."""
    by_particle = joined_by_particle(runs, knows, particles)
    return [*joined_by_of(runs, knows), *by_particle], {span.text for span in by_particle}


def listed(
    tops: list[Toponym], text: str, place_labels: frozenset[str], people: Collection[str] = ()
) -> list[Toponym]:
    """A name listed right after a proven place shares its proof: "cases in Mozambique and
    Botswana", "Mali, Niger, and Senegal". A list names things of one kind, so the resolver then
    needs no more of it than of the place before it. A comma alone makes a list only among three
    names or more ("During her visit to Israel, Clinton spoke" is no list), a word of a person's
    full name in the article ("Hillary Clinton") is that person, and a name at the edge of a longer
    one ("Pakistan Army and ...") proves nothing after it. The proof passes from name to name, so
    every name of "stores in Zilina, Nitra, Presov and Kosice" has it."""
    gaps = [
        text[a.end : b.start].strip().lower() if b.start - a.end <= GAP_CHARS else ""
        for a, b in pairwise(tops)
    ]
    out = tops[:1]
    for i, top in enumerate(tops[1:]):
        prev = out[-1]  # as repaired: the proof runs down the whole list ("in A, B, C and D")
        comma = gaps[i] == ","
        chained = (i > 0 and gaps[i - 1] in LIST_GAPS) or (i + 1 < len(gaps) and gaps[i + 1] in LIST_GAPS)
        joined = gaps[i] in LIST_GAPS and (chained or not comma) and top.text not in people
        proven = (prev.cue or prev.label in place_labels) and not prev.embedded
        out.append(replace(top, cue=True) if joined and proven and not top.cue else top)
    return out

"""Place names joined to the words around them: split by "of", or listed after another place.

The tagger and the capitalised runs of `toponyms.py` break a name at its lower-case words ("the
Democratic Republic of the Congo" comes out as "Democratic Republic" and "Congo"), and a name in a
list takes its tag from the words, not the list ("cases in Mozambique and Botswana": Botswana is
tagged a person). Both are repaired here, over what `toponyms.py` found.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsevents.geo.gazetteer import KnownNames

if TYPE_CHECKING:
    from newsevents.geo.toponyms import Toponym

OF_GAPS = (["of"], ["of", "the"])
LIST_GAPS = frozenset({",", "and", "or", ", and", ", or"})


def joined_by_of(runs: list[Span], knows: KnownNames) -> list[Span]:
    """Two neighbouring runs joined by "of" or "of the" that the gazetteer knows whole: "Democratic
    Republic of the Congo", "Isle of Man"; a name it does not know whole stays two names."""
    out = []
    for left, right in pairwise(runs):
        gap = [tok.lower_ for tok in left.doc[left.end : right.start]]
        if gap in OF_GAPS and knows[left.doc[left.start : right.end].text]:
            out.append(left.doc[left.start : right.end])
    return out


def listed(tops: list[Toponym], text: str, place_labels: frozenset[str]) -> list[Toponym]:
    """A name listed right after a proven place, after a comma or "and"/"or", shares its proof:
    "cases in Mozambique and Botswana", "Mali, Niger, and Senegal". A list names things of one
    kind, so the resolver then needs no more of it than of the place before it. A name at the edge
    of a longer one ("Pakistan Army and ...") proves nothing after it."""
    out = tops[:1]
    for prev, top in pairwise(tops):
        joined = text[prev.end : top.start].strip().lower() in LIST_GAPS
        proven = (prev.cue or prev.label in place_labels) and not prev.embedded
        out.append(replace(top, cue=True) if joined and proven and not top.cue else top)
    return out

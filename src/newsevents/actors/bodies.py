"""A body named again by the last word of its name: "the U.N. Security Council ... the Council
must be clear", "the International Energy Agency ... the agency said", "the National Congress
Party ... the party's assets".

News names an organisation once in full and then by its head noun alone, with "the". Such a
noun, singular, with no word of its own but its article, and not already an actor word, is the
organisation of the dictionary named last before it whose name, as the text wrote it, ends with
that noun (a name of two words or more, so "the agency" never stands for a body called "Agency").
A noun no such name ends with stays no actor.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.actors.resolve import Draft
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle

SINGULAR = frozenset({"NN", "NNP"})


def named_again(parsed: ParsedArticle, drafts: list[Draft]) -> list[Draft]:
    """The drafts, with one more for each head noun that names again a body named before it."""
    doc = parsed.doc
    taken = {i for d in drafts for i in range(d.start, d.end)}
    named = (d for d in drafts if d.key and not d.person and d.end - d.start > 1)
    bodies = sorted(named, key=lambda d: d.end)
    if not bodies:
        return drafts
    found: list[Draft] = []
    w = words(doc)
    # the words' strings pick the singular nouns right after "the"; a Token only for those
    for i in range(1, len(w.tag)):
        if w.tag[i] not in SINGULAR or w.lower[i - 1] != "the" or i in taken or not parsed.codable[i]:
            continue
        token = doc[i]
        lefts = list(token.lefts)
        if len(lefts) != 1 or lefts[0].lower_ != "the" or lefts[0].i != token.i - 1:
            continue
        word = token.lower_
        same = [b for b in bodies if b.end <= lefts[0].i and doc[b.end - 1].lower_ == word]
        if same:
            body = same[-1]
            found.append(replace(body, start=token.i - 1, end=token.i + 1, head=token.i, kind="coref"))
    return sorted([*drafts, *found], key=lambda d: d.start) if found else drafts

"""Who belongs to whom: members of a named body ("leaders of the opposition coalition", "a
spokesman for the Taliban"), and a body named by the person it belongs to ("the Trump
administration", `owned_by_person`).

A weak sector word ("leaders", "members", "officials", "spokesman", "head": see sectors.yml)
says only that someone speaks or acts for a body; which body is told by its "of"/"for" phrase,
and CAMEO codes such a person as the body itself (PETRARCH's "X of Y"). The resolver makes the
object of the phrase a mention of its own, so this step gives the weak head the body's country,
sector and code when the head names nothing else (no country, no code, no modifying sector
word), and makes the whole phrase one mention ("A spokesman for the Taliban", named "Taliban").

Left alone: a body that is only a country ("leaders of Egypt": `place_by_preposition` gives the
country, the head keeps its own sector), and a person ("supporters of Ben Bella" are not his
office; "a spokesman for Putin" keeps the country the article gives it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.actors.recognise import Cue
from newsevents.actors.resolve import Draft, label

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsevents.actors.dictionary import ActorDictionary

# "leaders of", "members of", "a spokesman for": the prepositions that name whom a person acts for
BODY_PREPS = frozenset({"of", "for"})
MODIFIER_DEPS = frozenset({"det", "amod", "nummod", "compound"})


def members_of_bodies(doc: Doc, drafts: list[Draft], cues: Sequence[Cue]) -> list[Draft]:
    """Weak heads that name no country or sector of their own take the body of their "of"/"for" phrase."""
    weak = {c.root: c for c in cues if c.entry.kind == "sector" and c.entry.weak}
    bodies = {d.head: d for d in drafts if d.sector is not None and not d.person}
    out = []
    for d in drafts:
        if d.head in weak and _bare(d, cues) and not d.person:
            body = _body_of(doc, d, bodies)
            if body is not None:
                name = body.name if body.key else d.name
                d = replace(d, start=_phrase_start(doc, d), end=max(d.end, body.end), country=body.country,
                            sector=body.sector, code=body.code, name=name, key=body.key)
        out.append(d)
    return out


def _phrase_start(doc: Doc, d: Draft) -> int:
    """Where the member's phrase starts: its article and modifiers ("A spokesman", "exiled
    leaders"), so the mention is the whole phrase up to the body's name and stands for the body."""
    lefts = [t.i for t in doc[d.head].lefts if t.dep_ in MODIFIER_DEPS]
    return min([d.start, *lefts])


def _bare(d: Draft, cues: Sequence[Cue]) -> bool:
    """The mention is its weak head alone: no country, code or other actor word of its own."""
    inside = [c for c in cues if d.start <= c.start and c.end <= d.end]
    return d.country is None and d.code is None and len(inside) == 1


def _body_of(doc: Doc, d: Draft, bodies: dict[int, Draft]) -> Draft | None:
    """The body named by the head's "of"/"for" phrase, when it is a coded actor with a sector."""
    for prep in doc[d.head].children:
        if prep.dep_ != "prep" or prep.lower_ not in BODY_PREPS:
            continue
        for obj in prep.children:
            body = bodies.get(obj.i) if obj.dep_ == "pobj" else None
            if body is not None and body is not d:
                return body
    return None


def owned_by_person(doc: Doc, drafts: list[Draft], dictionary: ActorDictionary) -> list[Draft]:
    """ "The Trump administration", "Assad's forces": a country-less body named by the person it
    belongs to (a compound or possessive name) is of that person's country."""
    owners = {i: p for p in drafts if p.person and p.country for i in range(p.start, p.end)}
    out = []
    for d in drafts:
        if d.country is None and d.code is None and d.sector is not None and not d.person:
            kids = [c.i for c in doc[d.head].children if c.dep_ in ("compound", "poss") and c.i in owners]
            kid = kids[0] if kids else None
            if kid is not None:
                country = owners[kid].country
                d = replace(d, country=country, name=label(dictionary, country, d.sector))
        out.append(d)
    return out

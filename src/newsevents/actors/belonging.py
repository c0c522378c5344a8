"""Who belongs to whom: members of a named body ("leaders of the opposition coalition", "a
spokesman for the Taliban"), and a body named by the person it belongs to ("the Trump
administration", `owned_by_person`).

A weak sector word ("leaders", "members", "officials", "spokesman", "head": see sectors.yml)
says only that someone speaks or acts for a body; which body is told by its "of"/"for" phrase,
and CAMEO codes such a person as the body itself (PETRARCH's "X of Y"). The resolver makes the
object of the phrase a mention of its own, so this step gives the weak head the body's country,
sector and code when the head names nothing else (no country, no code, no modifying sector
word), and makes the whole phrase one mention ("A spokesman for the Taliban", named "Taliban").

A person the dictionaries do not know, named with such an office in apposition ("Ilyas Ali Hassan,
a member of the upper house"), acts for the body in the same way (`_person_of_body`), so the
pronouns that later stand for the person keep a source.

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
from newsevents.nlp.children import child_indices

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
        if d.person and d.country is None and d.code is None:
            d = _person_of_body(doc, d, weak, bodies)
        elif d.head in weak and _bare(d, cues) and not d.person:
            body = _body_of(doc, d.head, bodies)
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


def _person_of_body(doc: Doc, d: Draft, weak: dict[int, Cue], bodies: dict[int, Draft]) -> Draft:
    """ "John Smith, a spokesman for the Taliban", "Jane Doe, an official of the African Union":
    a person the dictionaries do not know, with a weak office in apposition whose "of"/"for"
    phrase names a coded body, acts for that body (CAMEO codes the person as the body), so the
    pronouns that later stand for the person keep a source. Only a weak office word in apposition
    to the name counts: "X, the Kremlin's rival" or "X, a critic of the Taliban" name no office."""
    for tok in doc[d.head].children:
        if tok.dep_ == "appos" and tok.i in weak and d.start <= tok.i < d.end:
            body = _body_of(doc, tok.i, bodies)
            if body is not None:
                return replace(d, country=body.country, sector=body.sector, code=body.code,
                               needs_country=body.needs_country)
    return d


def _body_of(doc: Doc, head: int, bodies: dict[int, Draft]) -> Draft | None:
    """The body named by the head's "of"/"for" phrase, when it is a coded actor with a sector."""
    for prep in doc[head].children:
        if prep.dep_ != "prep" or prep.lower_ not in BODY_PREPS:
            continue
        for obj in prep.children:
            body = bodies.get(obj.i) if obj.dep_ == "pobj" else None
            if body is not None and body.head != head:
                return body
    return None


def owned_by_person(doc: Doc, drafts: list[Draft], dictionary: ActorDictionary) -> list[Draft]:
    """ "The Trump administration", "Assad's forces": a country-less body named by the person it
    belongs to (a compound or possessive name) is of that person's country."""
    owners = {i: p for p in drafts if p.person and p.country for i in range(p.start, p.end)}
    out = []
    for d in drafts:
        if d.country is None and d.code is None and d.sector is not None and not d.person:
            kids = [c for c in child_indices(doc, d.head, ("compound", "poss")) if c in owners]
            kid = kids[0] if kids else None
            if kid is not None:
                country = owners[kid].country
                d = replace(d, country=country, name=label(dictionary, country, d.sector))
        out.append(d)
    return out

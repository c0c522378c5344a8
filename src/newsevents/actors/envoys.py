"""Whose office a person holds when the words name both a country and an international body.

Envoys, ambassadors, mediators and chiefs stand between a state and an international body, and
which one they act for is told by how the words attach to their role:

- an international body in the role the person's words describe, with no country there, is the
  body they act for: "U.N. mediator Diego Cordovez", "Kenzo Oshima, the United Nations Emergency
  Relief Coordinator". A person the dictionary knows from a national office (Cordovez was
  Ecuador's foreign minister) is coded as the body (IGO), as CAMEO codes an official of the UN
  as the UN; the body's own mention stays as it is;
- a country that owns the role by a possessive or a demonym is whose official the person is,
  even where an international body names the post: "Iran's U.N. ambassador", "the Chinese U.N.
  envoy" are Iran's and China's government (GOV), not the UN, whether the person is named
  ("Iran's U.N. ambassador Amir Saeid Iravani") or told by the role alone ("Iran's U.N.
  ambassador said"). A country named bare before the role ("the UN's Syria envoy") is where the
  post is aimed, and leaves the body's code alone.

Only the words of the noun phrase count (compounds, modifiers, appositions), never a clause: "met
U.N. officials" gives the subject nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.actors.recognise import Cue
from newsevents.actors.resolve import Draft

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# International bodies by their code's opening letters (the UN, the EU, NATO, the AU ...).
BODIES = ("IGO",)
# Dependencies that keep a word inside the person's own noun phrase.
PHRASE_DEPS = frozenset({"compound", "appos", "amod", "nmod"})
# A role word for one person ("ambassador", "envoy"; `role: person` in sectors.yml): the role alone
# stands for the official it names.
PERSON_ROLE = "person"
# How a country's word owns a role: "Iran's U.N. ambassador", "the Iranian U.N. ambassador".
OWNER_DEPS = frozenset({"poss", "amod"})


def offices_of_bodies(doc: Doc, drafts: list[Draft], cues: Sequence[Cue]) -> list[Draft]:
    """People given the office their role's words state, by the rules of the module docstring."""
    bodies = {d.head: d for d in drafts if (d.code or "").startswith(BODIES) and not d.person}
    out = []
    for d in drafts:
        if d.person and d.country and not (d.code or "").startswith(BODIES):
            body = _body_in_role(doc, d, bodies, cues)
            if body is not None:
                d = replace(d, country=None, sector=body.sector, code=body.code)
        elif (d.person or d.role == PERSON_ROLE) and (d.code or "").startswith(BODIES):
            owner = _owning_country(doc, d, cues)
            if owner is not None:
                d = replace(d, country=owner, sector="GOV", code=f"{owner}GOV")
        out.append(d)
    return out


def _phrase(doc: Doc, head: int) -> list[Token]:
    """The words hung on the person's head inside its noun phrase, nearest first."""
    found: list[Token] = []
    stack = [doc[head]]
    while stack:
        node = stack.pop(0)
        for child in node.children:
            if child.dep_ in PHRASE_DEPS:
                found.append(child)
                stack.append(child)
    return found


def _body_in_role(doc: Doc, d: Draft, bodies: dict[int, Draft], cues: Sequence[Cue]) -> Draft | None:
    """The international body named in the person's role words, when no country is named there."""
    words = _phrase(doc, d.head)
    if any(_country_at(t.i, cues) for t in words) or any(
        _country_at(i, cues) for i in range(d.start, d.end)
    ):
        return None
    return next((bodies[t.i] for t in words if t.i in bodies), None)


def _owning_country(doc: Doc, d: Draft, cues: Sequence[Cue]) -> str | None:
    """The country whose possessive or demonym owns the role of a person coded as a body."""
    for i in range(d.start, d.end):
        country = _country_at(i, cues)
        if country is not None and doc[i].dep_ in OWNER_DEPS:
            return country
    return None


def _country_at(i: int, cues: Sequence[Cue]) -> str | None:
    """The country a cue at token `i` names, if any."""
    return next((c.entry.code for c in cues if c.start <= i < c.end and c.entry.kind == "country"), None)

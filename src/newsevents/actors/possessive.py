"""Whose "its" is: the group a possessive "its" before an act stands for.

News names a country or a body once as the subject of a clause and then tells what it does
through "its": "Reporters Without Borders welcomed the release and reiterated its call to the
authorities", "if Europe follows through on its tariff on whiskey", "China said its sanctions
would stay". Two readings, tried in order:

- the possessed noun joined to a group by "and" belongs to that group ("Israel and its allies");
- else "its" takes the subject of the clause that holds it, or of a clause above it up the
  parse ("said", "reiterated" conjoined to "welcomed"), when that subject is a group already
  resolved: a country or body, not a person (people own with "his" and "her") and not a plural
  ("they" own with "their").

Not when the possessed noun names an actor of its own ("its neighbour, Eritrea", "its European
Community partners"), nor when it is the object of the very verb whose subject owns it ("X
reiterated its demand that Y ..."): the subject already says whose, and "its" would only stand in
the way of the object's own actor. The subject must have been seen, so only a group named before
"its" counts; a subject that is itself a pronoun is left alone, since what "it" stands for there
is not always the owner of the next "its" ("the US said it would back Israel and its right to
...").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.nlp.syntax import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsevents.actors.resolve import Draft

POSSESSIVE = frozenset({"its"})
MAX_HOPS = 6  # heads walked up from "its" before giving up


def possessor(pos: int, doc: Doc, seen: Sequence[Draft], drafts: Sequence[Draft]) -> Draft | None:
    """The draft "its" at `pos` stands for, as a pronoun draft, or None (module docstring): `seen`
    the drafts resolved before it, `drafts` every draft of the article."""
    tok = doc[pos]
    if tok.dep_ != "poss":
        return None
    heads = {d.head: d for d in seen if _group(d, doc)}
    owned = tok.head
    spans = [range(d.start, d.end) for d in drafts]
    if any(c.i in s for c in (owned, *owned.children) if c.i != pos for s in spans):
        return None  # "its neighbour, Eritrea", "its European Community partners": named already
    if owned.dep_ == "conj" and owned.head.i in heads:  # "Israel and its allies"
        return _as_pronoun(heads[owned.head.i], pos)
    node = owned
    for _ in range(MAX_HOPS):
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS and c.i != owned.i]
        if subjects:
            found = heads.get(subjects[0].i)
            if found is None or (node.i == owned.head.i and owned.dep_ == "dobj"):
                return None  # "X reiterated its demand that Y ...": the subject already says whose
            return _as_pronoun(found, pos)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _group(d: Draft, doc: Doc) -> bool:
    """A resolved country or body named as such: no person, no plural, no pronoun."""
    plural = doc[d.head].tag_ in ("NNS", "NNPS")
    return bool(d.code or d.country or d.sector) and not d.person and not plural and d.kind != "pronoun"


def _as_pronoun(ante: Draft, pos: int) -> Draft:
    return replace(ante, start=pos, end=pos + 1, head=pos, kind="pronoun", form="pronoun",
                   key=ante.key or f"@{ante.start}")  # fmt: skip

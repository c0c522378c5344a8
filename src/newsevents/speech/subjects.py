"""The words of a speaker: the subject of a verb of saying, the span of a name, and the actor a
name or a group read from the text becomes (see the speakers module for who decides).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.model import Actor, Evidence
from newsevents.nlp.children import children_of
from newsevents.nlp.syntax import SUBJECT_DEPS
from newsevents.speech.cues import is_cue
from newsevents.speech.lexicon import QuoteLexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


def subject_of(cue: Token, lex: QuoteLexicon) -> Token | None:
    """The speaker's head: the cue's subject, the object of "according to", or an inherited one.

    A participle cue without a subject ("..., adding that ...") speaks for the nearest speech
    verb above it, so the climb skips the clauses in between.
    """
    if cue.lower_ == "according":
        to = next(c for c in cue.children if c.lower_ == "to")
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    if cue.tag_ in ("VBG", "VBN") and not any(c.dep_.startswith("nsubj") for c in cue.children):
        above = next((t for t in cue.ancestors if is_cue(t, lex) and t.lower_ != "according"), None)
        if above is not None:
            return subject_of(above, lex)
    cur: Token | None = cue
    while cur is not None:
        subject = next(iter(children_of(cur, SUBJECT_DEPS)), None)
        if subject is not None:
            return subject
        after = [
            c
            for c in cur.children
            if c.i > cur.i and c.dep_ in ("dobj", "attr", "npadvmod") and c.pos_ in ("PROPN", "NOUN")
        ]
        if after and cur.i == cue.i and cue.tag_ == "VBD":
            return after[0]  # "said Assad" parsed with Assad as object
        cur = cur.head if cur.dep_ in ("advcl", "conj", "xcomp") and cur.head.i != cur.i else None
    return None


def named_actor(said: Evidence, name: str, role: Actor | None) -> Actor:
    """A speaker named by the text: the role's code, country and sector when there is one, else none."""
    if role is None:
        return Actor(said.text, name, "", None, None, said)
    return Actor(said.text, name, role.code, role.country, role.sector, said, role.country_source)


def without_determiner(head: Token, said: Evidence) -> str:
    """The name of a group a common noun names: its words without a leading article ("a source"
    is "source"), so two references to the same kind of source share a name."""
    first = head.left_edge
    if first.dep_ == "det" and first.head.i == head.i and said.start == first.idx:
        return said.text[len(first.text) :].lstrip() or said.text
    return said.text


def name_span(t: Token) -> tuple[int, int]:
    """The entity around `t` with the untyped proper nouns before it ("Mr", "Sen.", a first name
    the model left out: "Ahmet [Kaya]"), or the run of proper nouns ending in `t`."""
    doc = t.doc
    a, b = t.i, t.i + 1
    if t.ent_iob_ in ("B", "I"):
        while a > 0 and doc[a].ent_iob_ == "I":
            a -= 1
        while b < len(doc) and doc[b].ent_iob_ == "I":
            b += 1
    while a > 0 and doc[a - 1].pos_ == "PROPN" and doc[a - 1].dep_ in ("compound", "flat"):
        if doc[a - 1].ent_type_ not in ("", t.ent_type_) or not a <= doc[a - 1].head.i < b:
            break
        a -= 1
    return a, b


def end_of(token: Token) -> int:
    return token.idx + len(token.text)

"""Wishes that another party act: "X wants Y to withdraw its troops" is X's appeal to Y.

The parse reads "wants Y to withdraw" as a complement clause whose subject is Y, so the act
wished for came out as Y's act, done: "Israel wants Hamas to release the hostages" was coded as
Hamas releasing them. A verb of the `wish_verbs` cue list ("want", "wish", "would like") whose
to-infinitive complement has a subject of its own is instead an appeal (020) by the wisher to
that subject, as CAMEO codes a call on someone to act; the act asked for is dropped, as the acts
an appeal or demand asks for are. "X wants to withdraw" (no subject of its own) is X's intent, which
`intents.py` reads. The appeal takes the wish verb's own negation and modality ("does not want
Y to ...").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsevents.events.arguments import Arguments, MentionIndex, Role
from newsevents.events.triggers import TriggerEntry, TriggerMatch
from newsevents.model import Event
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsevents.events.modality import Cues

APPEAL = "020"

Make = Callable[[TriggerMatch, Arguments], list[Event]]


def wished_acts(sent: Span, cues: Cues) -> list[tuple[Token, Token, Token]]:
    """(wish verb, complement verb, complement subject) triples: "wants Y to act"."""
    found: list[tuple[Token, Token, Token]] = []
    doc, w = sent.doc, words(sent.doc)
    for i in range(sent.start, sent.end):  # strings first: Tokens only for a wish verb
        if w.pos[i] != "VERB" or w.lemma[i] not in cues.wish_verbs:
            continue
        for clause in doc[i].children:
            if clause.dep_ not in ("ccomp", "xcomp") or clause.pos_ != "VERB":
                continue
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                continue
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if subjects:
                found.append((doc[i], clause, subjects[0]))
    return found


def appeals(
    sent: Span, by_token: dict[int, list[Event]], index: MentionIndex, cues: Cues, make: Make
) -> None:
    """Replace, in place, each act wished of another party by the wisher's appeal to that party."""
    for wish, clause, asked in wished_acts(sent, cues):
        targets = index.resolve([asked])
        wishers = index.resolve([c for c in wish.children if c.dep_ in ("nsubj", "nsubjpass")])
        if not targets:
            continue
        for verb in (clause, *clause.conjuncts):
            by_token.pop(verb.i, None)  # the act asked for has not happened
        entry = TriggerEntry("verb", wish.lemma_.lower(), APPEAL, require="both")
        events = make(TriggerMatch(wish.i, entry, (wish.i,)), Arguments(Role(wishers), Role(targets)))
        if events:
            by_token[wish.i] = events

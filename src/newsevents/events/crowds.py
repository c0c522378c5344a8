"""Protesters told by what they do: "demonstrators flooded the streets", "protesters chanted".

News often tells a protest through its crowd rather than through a verb of protest: the crowd is
named by what it is (protesters, demonstrators, marchers) and acts with an ordinary verb ("gathered
outside parliament", "chanted slogans", "waved flags", "celebrated the ruling", "threw stones"). The
annotation guide, after CAMEO, codes each such sentence as a demonstration (141) by the crowd. A
noun of the `protester_nouns` cue list that is the subject of an active verb of the `crowd_verbs`
list is therefore a 141 by the crowd, aimed at whom "against X" on the verb names, unless the
sentence already codes a protest (root 14) or the verb codes an act of its own ("demonstrators
clashed with police", "protesters stormed parliament" keep their codes). Verbs of saying, of
suffering and of being are not on the list: "protesters said", "protesters were killed" and
"demonstrators died" tell no protest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsevents.events.arguments import Arguments, MentionIndex, Role
from newsevents.events.triggers import TriggerEntry, TriggerMatch, lemma_keys
from newsevents.model import Event
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsevents.events.modality import Cues

DEMONSTRATION = "141"
PROTEST_ROOT = "14"

Make = Callable[[TriggerMatch, Arguments], list[Event]]


def crowd_verbs(sent: Span, cues: Cues) -> list[tuple[Token, Token]]:
    """(verb, subject) pairs: an active verb of `crowd_verbs` whose subject is a protester noun, or a
    count of them ("thousands of demonstrators")."""
    found: list[tuple[Token, Token]] = []
    doc, dep = sent.doc, words(sent.doc).dep
    for i in range(sent.start, sent.end):  # labels first: a Token only for a subject
        if dep[i] != "nsubj":
            continue
        token = doc[i]
        crowd = [token, *_objects(token, "of")]
        if not any(set(lemma_keys(t)) & cues.protester_nouns for t in crowd):
            continue  # "thousands of demonstrators" is a crowd as "demonstrators" is
        verb = token.head
        if verb.pos_ == "VERB" and set(lemma_keys(verb)) & cues.crowd_verbs:
            found.append((verb, token))
    return found


def protests(
    sent: Span, by_token: dict[int, list[Event]], index: MentionIndex, cues: Cues, make: Make
) -> None:
    """Add, in place, the demonstration each crowd verb of the sentence tells (see the module)."""
    if any(e.cameo_root == PROTEST_ROOT for events in by_token.values() for e in events):
        return
    for verb, crowd in crowd_verbs(sent, cues):
        if by_token.get(verb.i):
            continue  # the verb is an act of its own
        source = index.resolve([crowd])
        if not source:
            continue
        targets = index.resolve(_objects(verb, "against"))
        entry = TriggerEntry("verb", verb.lemma_.lower(), DEMONSTRATION, require="source")
        args = Arguments(Role(source), Role(targets, prep="against" if targets else None))
        events = make(TriggerMatch(verb.i, entry, (verb.i,)), args)
        if events:
            by_token[verb.i] = events
            return  # one demonstration per sentence: the crowd's acts are one protest


def _objects(token: Token, prep: str) -> Sequence[Token]:
    """The objects of `prep` on the token: "thousands of demonstrators", "marched against X"."""
    return [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == prep
        for o in p.children
        if o.dep_ == "pobj"
    ]

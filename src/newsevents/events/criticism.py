"""Criticism told as a warning: "X warned that Turkish intervention would worsen the war".

To say that someone's act will do harm is to criticise them (CAMEO 111), whatever the verb of
saying: "adding that Turkish and Saudi intervention might worsen the conflict" criticises Turkey
and Saudi Arabia, "warned against American interference" criticises the United States. Two shapes:

- a verb of saying whose complement's verb is a harm verb (worsen, fuel, destabilise ...), or a
  copula with a condemning adjective ("the Russian move is unacceptable"), and whose subject is an
  act noun (intervention, interference, policy ...);
- a verb of warning with "against", "about" or "of" an act noun.

The act noun's owners (a demonym, possessor or compound naming an actor: "Turkish and Saudi",
"Washington's") are the targets; the speaker is the source. The words live in `cues.yml`
(`act_nouns`, `harm_verbs`, `blame_adjectives`, `warning_verbs`); finding is kept apart from coding.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.events.modality import Cues
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WARNING_PREPS = frozenset({"against", "about", "of"})
OWNER_DEPS = frozenset({"amod", "poss", "compound", "nmod"})
CRITICISM = "111"


@dataclass(frozen=True)
class Warning:
    """One warning about an act: the verb of saying, the words of the act, and its owners' words."""

    said: Token
    words: tuple[int, ...]
    owners: tuple[Token, ...]


def _owners(noun: Token) -> tuple[Token, ...]:
    """The words before an act noun that may name whose act it is, with their conjuncts."""
    found = [c for c in noun.children if c.dep_ in OWNER_DEPS and c.i < noun.i]
    return tuple(t for c in found for t in (c, *c.conjuncts))


def _judged(verb: Token, cues: Cues) -> bool:
    """ "X's move is unacceptable": a copula whose complement condemns its subject."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in cues.blame_adjectives for c in verb.children
    )


def _act_nouns(said: Token, cues: Cues) -> Iterator[tuple[Token, Token]]:
    """(word of harm or preposition, act noun) pairs hanging on a verb of saying."""
    warning = said.lemma_.lower() in cues.warning_verbs
    for child in said.children:
        if child.dep_ == "ccomp" and (child.lemma_.lower() in cues.harm_verbs or _judged(child, cues)):
            nouns = [s for s in child.children if s.dep_ == "nsubj"]
        elif warning and child.dep_ == "prep" and child.lower_ in WARNING_PREPS:
            nouns = [g for g in child.children if g.dep_ == "pobj"]
        else:
            continue
        for noun in nouns:
            if noun.lemma_.lower() in cues.act_nouns:
                yield child, noun


def warnings_in(sent: Span, cues: Cues) -> Iterator[Warning]:
    """Every warning about an owned act in the sentence, by the shapes of the module docstring."""
    doc, w = sent.doc, words(sent.doc)
    for i in range(sent.start, sent.end):
        lemma = w.lemma[i]
        if w.pos[i] != "VERB" or (lemma not in cues.speech_verbs and lemma not in cues.warning_verbs):
            continue
        said = doc[i]
        for cue, noun in _act_nouns(said, cues):
            owners = _owners(noun)
            if owners:
                yield Warning(said, tuple(sorted({cue.i, noun.i})), owners)

"""Tests on the candidates of a pronoun, around `coref`'s salience ranking: who it cannot be, and whom
it means when no candidate is near.

A plain "he" or "she" is never a person named as another argument of its own verb, nor its own
conjunct: "He also urged Farmajo to ..." is not Farmajo, however salient Farmajo is in a story
about him; "She and Lockyear urged the council" is not Lockyear. A possessive is left alone
("Farmajo signed his decree" is Farmajo's), and so is a reflexive ("himself"), the one case where
the verb's other argument is the same person. On the development stories the only resolutions
this changed were two of that kind. Learning a gender from the pronouns already resolved
("Lockyear ... He later told", so no "she") was measured too and left out: one early wrong "he"
then barred a story's protagonist from every later "she". What it is kept for is a pronoun with
no candidate in `coref.WINDOW`: the one person the story has called by that pronoun more often
than by the other (`sole_gender`) is whom a "she" far from the last name means ("Catherine
Russell ... She said ... She said ..." and, ten sentences on, "She and Lockyear urged"); names
carry no gender here, and without it such a "she" named no one.

A "they" is not the previous sentence's group when its own sentence has another noun subject,
or when it is inside a quotation (`other_subject`, `quoted`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.nlp import sentence_of, text_of
from newsevents.nlp.syntax import SUBJECT_DEPS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token

    from newsevents.actors.resolve import Draft

MALE_WORDS = frozenset({"he", "him", "his", "himself"})
FEMALE_WORDS = frozenset({"she", "her", "hers", "herself"})
QUOTE_MARKS = frozenset('"\u201c\u201d')
ARGUMENT_DEPS = SUBJECT_DEPS | frozenset({"dobj", "obj", "dative", "iobj"})


def co_arguments(pos: int, doc: Doc, drafts: Iterable[Draft]) -> tuple[set[str], set[str]]:
    """The keys and last words of the actors that are the pronoun's co-arguments: the other
    subjects and objects of its own verb, and its conjuncts. None for a possessive or an object
    of a preposition, whose verb's arguments may be the same person ("Farmajo ... to his side")."""
    tok = doc[pos]
    if tok.dep_ not in ARGUMENT_DEPS:
        return set(), set()
    heads = {c.i for c in tok.head.children if c.dep_ in ARGUMENT_DEPS and c.i != pos}
    heads |= {c.i for c in tok.conjuncts}
    keys: set[str] = set()
    names: set[str] = set()
    for d in drafts:
        if d.head in heads:
            if d.key:
                keys.add(d.key)
            names.add(doc[d.end - 1].lower_)
    return keys, names


def other_subject(tok: Token) -> bool:
    """Whether the pronoun's sentence has a noun subject besides it: its likelier referent, named
    or not ("the Jaffar Express was travelling when it came under attack", "after denying it had
    plans, Thailand ..."), so the previous sentence's group is not it."""
    sent = sentence_of(tok)
    return any(t.dep_ in SUBJECT_DEPS and t.pos_ in ("NOUN", "PROPN") for t in sent if t.i != tok.i)


def quoted(tok: Token) -> bool:
    """Whether a quotation mark opens before the pronoun in its sentence: a speaker's "they" is
    whoever the speaker means, not the group the narrative named last."""
    # The text joined once per Doc (`text_of`): `Doc.text` rebuilds it from every token.
    return any(ch in QUOTE_MARKS for ch in text_of(tok.doc)[sentence_of(tok).start_char : tok.idx])


def sole_gender(seen: Iterable[Draft], doc: Doc, female: bool) -> set[str]:
    """The identities the article has called by this pronoun's gender more often than by the
    other (one wrong "his" among four "she" leaves a woman a woman)."""
    same: dict[str, int] = {}
    other: dict[str, int] = {}
    for s in seen:
        word = doc[s.head].lower_
        if s.kind == "pronoun" and s.key and word in MALE_WORDS | FEMALE_WORDS:
            tally = same if (word in FEMALE_WORDS) == female else other
            tally[s.key] = tally.get(s.key, 0) + 1
    return {key for key, n in same.items() if n > other.get(key, 0)}

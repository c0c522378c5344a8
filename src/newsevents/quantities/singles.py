"""Victims told one by one: "a soldier was killed", "gunmen shot the mayor", "kidnapped a priest
and a nun". Each is a count (1, or the number of people joined by "and") that a sum of deaths or
abductions would miss if only written numbers were read.

Only the kinds listed under `singles` in the word lists are read so (deaths, wounds, abductions,
arrests, people missing): "a family fled" says too little about how many left. A singular noun is
a victim only when it names a person (the `persons` nouns with a determiner, or a person's name)
and the clause makes it the victim of a kind verb; pronouns are left out, since "he" is someone
the article has named (and counted) already, and so is a name it has counted before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.nlp.children import children_of
from newsevents.nlp.words import words
from newsevents.quantities import groups, kinds
from newsevents.quantities.lexicon import QuantityLexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

DETERMINERS = frozenset({"a", "an", "the", "this", "that", "another"})
PERSON_TAGS = frozenset({"NN", "NNP"})  # the only tags `_one_person` accepts
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC", "NORP"})  # entity types that name no person


@dataclass(frozen=True)
class Single:
    """People counted one by one: the tokens they are told with, how many, and the frame."""

    start: int
    end: int
    count: int
    frame: kinds.Frame


def singles(sent: Span, lex: QuantityLexicon) -> Iterator[Single]:
    """Every group of victims named one by one in the sentence, in text order."""
    doc, w = sent.doc, words(sent.doc)
    for i in range(sent.start, sent.end):
        if w.dep[i] == "conj" or w.tag[i] not in PERSON_TAGS:  # strings first: a Token only for a noun
            continue  # a conjunct is read with the first of its group
        tok = doc[i]
        if not _one_person(tok, lex):
            continue
        if tok.dep_ == "appos" and (
            _one_person(tok.head, lex) or kinds.counted(tok.head, lex) or tok.head.tag_ in ("NNS", "NNPS")
        ):
            continue  # "the mayor, Carlos Soto": the same person; "five policemen, Ali Khan": one of them
        if groups.part_of_count(tok, lex):
            continue  # "killed 18 people, including a child": counted among the 18
        people = [tok, *tok.conjuncts]
        for child in tok.children:  # "a professor, a policeman and a pedestrian" read as appositions
            if _listed(child, lex):
                people += [child, *child.conjuncts]
        if not all(_one_person(p, lex) for p in people):
            continue  # "two soldiers and a guerrilla": the numbers are read elsewhere
        found = kinds.clause_kind(tok, lex)  # a victim of the clause ("the dead woman" is told before)
        if found is None or found[0] not in lex.singles or not _own_verb(tok, found[1], lex):
            continue
        frame = kinds.Frame(found[0], "people", tok, found[1] or None)
        last = max(p.i for p in people)
        yield Single(min(p.left_edge.i for p in people), last + 1, len(people), frame)


def _listed(tok: Token, lex: QuantityLexicon) -> bool:
    """A person in apposition that opens a list ("a professor, a policeman and a pedestrian"): more
    people. One in apposition alone is the same person ("the mayor, Carlos Soto")."""
    return tok.dep_ == "appos" and bool(tok.conjuncts) and _one_person(tok.head, lex)


def told_before(one: Single, named: set[tuple[str, str]]) -> bool:
    """Whether the article has counted this victim already, and note it as counted.

    News retells its lead ("a soldier was killed on Monday ... the soldier, 24, was shot by a
    sniper"; "executed an officer ... the execution of an Air Force officer"), so one person of a
    noun or name is counted once per article and kind; a group named one by one is counted anew.
    """
    noun = one.frame.noun
    key = (one.frame.kind, noun.lemma_.lower() if noun.tag_ == "NN" else noun.text.lower())
    seen = key in named
    named.add(key)
    return seen and one.count == 1


def _one_person(tok: Token, lex: QuantityLexicon) -> bool:
    """One person: "a soldier", "the mayor", "his bodyguard", or a person's name."""
    if tok.tag_ == "NN":
        if kinds.lookup(tok, lex.persons) != "people" or kinds.lookup(tok, lex.nouns):
            return False
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        counted = any(c.dep_ in ("nummod", "quantmod") for c in tok.children)
        return bool(dets) and not counted and all(d.dep_ == "poss" or d.lower_ in DETERMINERS for d in dets)
    if tok.tag_ == "NNP" and (tok.ent_type_ == "PERSON" or _glossed(tok, lex)):  # "Noel Kempff"
        if tok.dep_ in ("compound", "flat") and tok.head.ent_type_ == "PERSON":
            return False
        # "the capital Sanaa" read as a name: a common noun before a name must name a person
        nouns = [c for c in children_of(tok, ("compound", "nmod")) if c.tag_ in ("NN", "NNS")]
        return all(kinds.lookup(c, lex.persons) == "people" for c in nouns)
    return False


def _own_verb(person: Token, verb: Token | None, lex: QuantityLexicon) -> bool:
    """The kind's verb is the person's own, not negated: "a soldier was killed", "killed a
    soldier", "a soldier who was killed", or a body found ("the body of a man", `single_nouns`).
    Another clause's verb is not: its parse may not be this person's. Nor is a killing told as a
    noun: "protests over the murder of X", "mourning the killing of Hussein in the 7th century"
    and "the death of a resident" tell of a death long past or of no violence."""
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return False
    while person.dep_ == "appos" and kinds.lookup(person.head, lex.persons) == "people":
        # "husband, Parmenides Cuenca, was killed": the name stands for the person before it
        person = person.head
    if verb.i == person.head.i or (verb.head.i == person.i and verb.dep_ in ("relcl", "acl")):
        return True
    of = person.head
    return person.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in lex.single_nouns


def _glossed(name: Token, lex: QuantityLexicon) -> bool:
    """A name the tagger missed (after a dateline, "Luz Leon" may get no entity type, "Cecilia
    Magni" an organisation's) that an apposition says is a person: "Luz Leon, councilwoman for
    Meta, was wounded"; "Raul Pellegrin and Cecilia Magni, members of the Front, who were
    killed". A place's name is never one ("Leon, the capital" names no person anyway)."""
    if name.ent_type_ in PLACE_TYPES:
        return False
    group = name.head if name.dep_ == "conj" else name
    if group.tag_ != "NNP":
        return False
    # one name is one person ("councilwoman"); a plural gloss fits names joined by "and" only
    # ("members"), not one name, which is then a group's ("the Ansar Brigade, fighters of ...")
    tags = ("NN", "NNS") if group.conjuncts else ("NN",)
    return any(
        c.dep_ == "appos" and c.tag_ in tags and kinds.lookup(c, lex.persons) == "people"
        for c in group.children
    )

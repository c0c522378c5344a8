"""Criticism told as a warning: "X warned that Turkish intervention would worsen the war".

To say that someone's act will do harm is to criticise them (CAMEO 111), whatever the verb of
saying: "adding that Turkish and Saudi intervention might worsen the conflict" criticises Turkey
and Saudi Arabia, "warned against American interference" criticises the United States. Three shapes:

- a verb of saying whose complement's verb is a harm verb (worsen, fuel, destabilise ...), or a
  copula with a condemning adjective ("the Russian move is unacceptable"), and whose subject is an
  act noun (intervention, interference, policy ...);
- a verb of warning with "against", "about" or "of" an act noun;
- an act noun a condemning adjective calls wrong anywhere in what is said ("... in the face of
  Russia's illegal aggression," X said).

The act noun's owners (a demonym, possessor or compound naming an actor: "Turkish and Saudi",
"Washington's") are the targets; the speaker is the source. A condemning judgement of anything else
("the vote was illegal", "“This is unacceptable,” X said") is still the speaker's criticism: its
target is the subject when that names an actor ("Y said Hungary was hypocritical"), else none, as
the judged thing often names no doer or only the victims ("the journalists' detention was illegal").
A negated complement ("would not worsen", "was not illegal") criticises nobody, nor does a rule
told with "it" ("it is illegal to carry arms").

Saying that someone is guilty of a crime or an abuse accuses them (CAMEO 112), as the annotation
guide codes a statement that accuses: "officials said the ministry was responsible for the abuses",
"X said the minister was involved in the fraud", "the UN says the army has committed atrocities".
The complement of a verb of saying (or the clause "according to X" hangs on) holds a word of guilt
(`guilt_words`: a copula's complement, a passive participle, the preposition "behind", "commit",
or a verb of breaking a rule: "X said Y had violated the truce") whose subject is the accused; all
but "guilty", "complicit", "culpable" and the rule-breaking verbs need a wrong as their object, a
wrong noun or one an adjective calls wrong (`wrong_nouns`: "involved in corrupt acts";
"responsible for security" is no accusation). Attacks are no such wrong: "X said Y was behind the
attack" attributes an attack, which CASE 2021 and this project leave to the attack itself (a denied
attribution is no rejection either). A negated complement accuses nobody, and "we"/"I" claim an act
rather than blame.

The words live in `cues.yml` (`act_nouns`, `harm_verbs`, `blame_adjectives`, `warning_verbs`,
`guilt_words`, `guilt_needs_wrong`, `wrong_nouns`); finding is kept apart from coding.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.events.modality import Cues
from newsevents.events.subjects import aux_subjects
from newsevents.nlp.children import children_of
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WARNING_PREPS = frozenset({"against", "about", "of"})
OWNER_DEPS = frozenset({"amod", "poss", "compound", "nmod"})
CRITICISM = "111"
ACCUSATION = "112"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLAIMING = frozenset({"i", "we"})  # "we were behind the attack" claims it
THING_PRONOUNS = frozenset({"it", "this", "that"})  # "this is unacceptable" judges an act, not an actor


@dataclass(frozen=True)
class Warning:
    """One warning about an act: the verb of saying, the words of the act, and its owners' words."""

    said: Token
    words: tuple[int, ...]
    owners: tuple[Token, ...]
    code: str = CRITICISM
    open: bool = False  # a judgement stands when its owners name no actor: coded with no target


def _owners(noun: Token) -> tuple[Token, ...]:
    """The words before an act noun that may name whose act it is, with their conjuncts."""
    found = [c for c in noun.children if c.dep_ in OWNER_DEPS and c.i < noun.i]
    return tuple(t for c in found for t in (c, *c.conjuncts))


def _judged(verb: Token, cues: Cues) -> bool:
    """ "X's move is unacceptable": a copula whose complement condemns its subject."""
    return _condemning(verb, cues) is not None


def _harms(clause: Token, cues: Cues) -> bool:
    """A complement of harm or condemnation that is not negated ("would not worsen", "is not
    illegal"); asked of a verb of saying's complements only, not of every word under it."""
    harm = clause.lemma_.lower() in cues.harm_verbs or _judged(clause, cues)
    return harm and not any(c.dep_ == "neg" for c in clause.children)


def _act_nouns(said: Token, cues: Cues) -> Iterator[tuple[Token, Token]]:
    """(word of harm or preposition, act noun) pairs hanging on a verb of saying."""
    warning = said.lemma_.lower() in cues.warning_verbs
    for child in said.children:
        if child.dep_ == "ccomp" and _harms(child, cues):
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
        if w.lower[i] == "according" and w.dep[i] == "prep":  # "Y was behind it, according to X"
            yield from _accusations(doc[i], [doc[i].head], cues)
        if w.pos[i] != "VERB" or (lemma not in cues.speech_verbs and lemma not in cues.warning_verbs):
            continue
        said = doc[i]
        for cue, noun in _act_nouns(said, cues):
            owners = _owners(noun)
            if owners:
                yield Warning(said, tuple(sorted({cue.i, noun.i})), owners)
        yield from _judgements(said, cues)
        yield from _condemned_acts(said, cues)
        yield from _accusations(said, reported(said), cues)


def reported(said: Token) -> list[Token]:
    """The clauses a verb of saying reports: its complements, or the clause before it that the
    parse makes its head when a quotation is cut by the speaker ("The idea is “hypocritical,” X
    added": "added" hangs on "is" as a parataxis)."""
    clauses = children_of(said, ("ccomp",))
    return [*clauses, said.head] if said.dep_ == "parataxis" and said.head.i < said.i else clauses


def _condemning(clause: Token, cues: Cues) -> Token | None:
    """The condemning adjective of a copula clause, as its complement ("the ruling was illegal") or
    on the noun it is called ("it is an unacceptable situation", "this was a reckless decision"),
    unless the clause is negated or only says that doing something is illegal ("it is illegal to
    carry arms", "it is an illegal act to carry arms")."""
    if clause.lemma_ != "be" or any(c.dep_ == "neg" for c in clause.children):
        return None
    nouns = [c for c in clause.children if c.dep_ == "attr"]
    said = [c for c in clause.children if c.dep_ == "acomp"]
    said += [a for n in nouns for a in n.children if a.dep_ == "amod"]
    held = [c for c in said if c.lemma_.lower() in cues.blame_adjectives]
    if not held or any(_infinitive(c) for t in (clause, held[0], *nouns) for c in t.children):
        return None
    return held[0]


def _infinitive(token: Token) -> bool:
    """A complement that says what doing is judged ("illegal to carry arms", "an illegal act to
    carry arms"), however the parse hangs it."""
    return token.dep_ == "xcomp" or (
        token.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


def _judgements(said: Token, cues: Cues) -> Iterator[Warning]:
    """ "Y said the vote was illegal", "“This is unacceptable,” Y said": the speaker condemns what the
    complement's subject names. An owned act is a warning's (`_act_nouns`); a bare subject is the
    target when it names an actor ("Y said Israel was hypocritical"), else the judgement stands with
    no target: "the killing of demonstrators is unacceptable" names no killer."""
    for clause in reported(said):
        adjective = _condemning(clause, cues)
        if adjective is None:
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].lower_ in CLAIMING:
            continue
        subject, owners = subjects[0], _owners(subjects[0])
        if subject.lemma_.lower() in cues.act_nouns and owners:
            continue
        # the subject itself, unless it names the act's object ("the killing of demonstrators", "the
        # journalists' arrest": the victims, not the target)
        bare = not owners and not any(c.dep_ == "prep" for c in subject.children)
        bare = bare and subject.lower_ not in THING_PRONOUNS
        yield Warning(said, (adjective.i,), (subject,) if bare else (), open=True)


def _condemned_acts(said: Token, cues: Cues) -> Iterator[Warning]:
    """ "“... in the face of Russia's illegal aggression,” X said", "X tweeted, “stop Israel's heinous
    attacks”": an owned act a condemning adjective calls wrong, anywhere in what the speaker says,
    criticises its owners. A subject act is `_judgements`' or `_act_nouns`' ("the Russian move is
    unacceptable"); a negated clause condemns nothing."""
    lemma = words(said.doc).lemma  # the strings, not a lookup per word of what is said
    for clause in reported(said):
        for noun in clause.subtree:
            if lemma[noun.i] not in cues.act_nouns or noun.dep_ == "nsubj":
                continue
            blamed = [a for a in noun.children if a.dep_ == "amod" and _among(a, cues.blame_adjectives)]
            owners = tuple(o for o in _owners(noun) if o not in blamed)  # the adjectives name no actor
            if blamed and owners and not any(c.dep_ == "neg" for c in noun.head.children):
                yield Warning(said, (blamed[0].i, noun.i), owners)


def _among(token: Token, found: frozenset[str]) -> bool:
    """Whether the word or its lemma is in the list ("involved" and "commit" are listed as used)."""
    return token.lower_ in found or token.lemma_.lower() in found


def _guilt(clause: Token, cues: Cues) -> Token | None:
    """The word of guilt a complement clause states of its subject: the clause's verb itself
    ("was involved in", "committed abuses"), or a copula's complement or "behind" phrase."""
    if _among(clause, cues.guilt_words):
        return clause
    if clause.lemma_ != "be":
        return None
    held = [c for c in clause.children if c.dep_ in ("acomp", "prep") and c.lower_ in cues.guilt_words]
    return held[0] if held else None


def _wrongs(guilt: Token, cues: Cues) -> list[Token]:
    """The wrongs a word of guilt names: its object, or the object of its preposition, that is a
    wrong or is called one ("corrupt acts")."""
    objects = [c for c in guilt.children if c.dep_ in ("dobj", "pobj")]
    objects += [g for c in guilt.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return [
        o for o in objects
        if o.lemma_.lower() in cues.wrong_nouns
        or any(a.dep_ == "amod" and a.lower_ in cues.wrong_nouns for a in o.children)
    ]  # fmt: skip


def _accusations(said: Token, clauses: list[Token], cues: Cues) -> Iterator[Warning]:
    """ "X said Y was responsible for the abuses": Y accused by the speaker of `said`, the verb of
    saying or the "according" of "according to X", in the clauses it reports."""
    for clause in clauses:
        guilt = _guilt(clause, cues)
        if guilt is None or any(c.dep_ == "neg" for t in (clause, guilt) for c in t.children):
            continue
        wrongs = _wrongs(guilt, cues)
        if _among(guilt, cues.guilt_needs_wrong) and not wrongs:
            continue
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS] or aux_subjects(clause)
        accused = [c for c in subjects if c.lower_ not in CLAIMING]
        if accused:
            yield Warning(said, tuple(sorted({guilt.i, *(w.i for w in wrongs)})), tuple(accused), ACCUSATION)

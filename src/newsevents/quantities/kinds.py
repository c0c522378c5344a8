"""What a number counts: the people and the kind (killed, displaced, ...) the parse ties it to.

A figure is kept only when its counted noun names the kind, the people it counts are victims or
subjects of a kind verb, carry a kind adjective, or make a death toll; anything else is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.nlp.children import children_of, has_child
from newsevents.nlp.syntax import SUBJECT_DEPS, governing_verb
from newsevents.quantities.lexicon import QuantityLexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

HOME_UNIT = "homes"  # the unit of counted houses, homes and buildings (`persons` of the word lists)


@dataclass(frozen=True)
class Frame:
    """What a number counts, and the clause verb that decides its status and event."""
    kind: str
    unit: str
    noun: Token  # the counted noun (or the number itself when bare)
    verb: Token | None  # the clause verb that governs the figure, for status and linking


def frame(number: Token, lex: QuantityLexicon) -> Frame | None:
    """Tie the number to people and a kind, or return None when it counts something else."""
    noun, role = number, number
    head = number.head
    if number.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i > number.i:
        noun = role = head
    else:
        of = [c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"]
        objects = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
        if objects and any(c.tag_ == "JJS" for c in objects[0].children):
            return None  # "one of the biggest evacuations": a rank, not a count
        # "thousands of people": the number keeps the clause role; "4,000 newly displaced people"
        noun = objects[0] if objects else _noun_after(number, lex) or number
    if _rate(noun, lex):
        return None
    kind = lookup(noun, lex.nouns)
    unit = lookup(noun, lex.persons) or "people"
    if kind is None and number.head.i > number.i and _next_word(number).i == number.head.i:
        kind = lookup(number.head, lex.nouns)  # "12 dead" parsed as an adjective
        participle = _participle_kind(number, lex)
        if kind is None and participle is not None:
            return Frame(participle, unit, number, number.head)  # "10,000 Displaced by Floods"
    if kind is not None and kind != "killed":  # the dead befall nothing more ("12 bodies were found")
        done = _kind_from_clause(role, lex)  # "gunmen killed 12 refugees", "5 hostages were killed"
        if done is not None and done[0] in lex.outcomes:
            return Frame(done[0], unit, noun, done[1] or governing_verb(role))
    if kind is not None:
        return Frame(kind, unit, noun, governing_verb(role)) if fits(kind, unit, lex) else None
    if not _counts_people(noun, number, lex):
        return None
    found = (
        (_kind_from_words(number, lex) if noun.i != number.i else None)  # "628,000 relocated and ..."
        or _kind_from_words(noun, lex, number)
        or _kind_from_clause(role, lex)
        or _kind_from_toll(role, lex)
        or _shared_adjective(noun, lex)
    )
    if found is None or not fits(found[0], unit, lex):
        return None
    found = _more_than_affected(found, lex)
    return Frame(found[0], unit, noun, found[1] or governing_verb(role))


def counted(token: Token, lex: QuantityLexicon) -> bool:
    """Whether a number counts the token ("five policemen", "thousands of people")."""
    return number_of(token, lex) is not None


def number_of(token: Token, lex: QuantityLexicon) -> Token | None:
    """The number counting `token`: itself ("300"), its number ("300 people"), or the number
    whose "of" it follows ("thousands of people")."""
    if token.like_num or token.lower_ in lex.vague:
        return token
    for child in token.children:
        if child.dep_ in ("nummod", "quantmod") and (child.like_num or child.lower_ in lex.numbers):
            return child
    of = token.head
    if token.dep_ == "pobj" and of.lower_ == "of" and (of.head.like_num or of.head.lower_ in lex.vague):
        return of.head
    return None


def _next_word(token: Token) -> Token:
    """The token after `token`, past a line break: a word a bare number may be read with ("12
    dead"). A head further on belongs to another count: in "12 killed, 15 injured" the parse may
    hang "12" on "injured"."""
    doc = token.doc
    k = token.i + 1
    while k < len(doc) - 1 and doc[k].is_space:
        k += 1
    return doc[min(k, len(doc) - 1)]


def _participle_kind(number: Token, lex: QuantityLexicon) -> str | None:
    """A headline's number hung on a participle as if it were a noun ("10,000 Displaced by Assam
    Floods"): the people are what the participle did to them."""
    head = number.head
    entry = lex.verbs.get(head.lemma_.lower()) if number.dep_ == "nummod" and head.tag_ == "VBN" else None
    return entry[0] if entry is not None and entry[1] == "object" else None


def _noun_after(number: Token, lex: QuantityLexicon) -> Token | None:
    """The people noun a number counts that the parse did not hang on it: "between 2,000 and 4,000
    newly displaced people" read as two numbers beside a noun. Only its own modifiers may stand
    between them."""
    doc = number.doc
    k = number.i + 1
    while k < len(doc) and k <= number.i + 3 and doc[k].dep_ in ("advmod", "amod") and doc[k].head.i > k:
        k += 1
    if k >= len(doc) or k == number.i + 1 or doc[k].pos_ != "NOUN":
        return None
    return doc[k] if lookup(doc[k], lex.persons) or lookup(doc[k], lex.nouns) else None


def _rate(noun: Token, lex: QuantityLexicon) -> bool:
    """ "21 people per day", "30 civilians a week": a rate, which no sum over articles may add."""
    doc = noun.doc
    k = noun.i + 1
    if k + 1 >= len(doc) or doc[k].lower_ not in lex.rate_words:
        return False
    if doc[k + 1].lemma_.lower() not in lex.rate_units:
        return False
    return k + 2 >= len(doc) or doc[k + 2].lower_ not in lex.rate_breakers  # "a week ago" is a date


def clause_kind(noun: Token, lex: QuantityLexicon) -> tuple[str, Token | None] | None:
    """The kind the clause gives a person noun as its victim or subject ("killed a soldier", "a
    soldier died", "a policeman who was killed"), with the verb that governs it. An adjective alone
    ("the dead woman") describes someone told before and gives no kind here."""
    own = _kind_from_words(noun, lex)
    return own if own is not None and own[1] is not None else _kind_from_clause(noun, lex)


def fits(kind: str, unit: str, lex: QuantityLexicon) -> bool:
    """Whether a count in `unit` may carry `kind`: homes are destroyed or evacuated, never killed,
    and people are never "homes destroyed" (`home_kinds` of the word lists says which is which)."""
    if unit == HOME_UNIT:
        return kind in lex.home_kinds
    return lex.home_kinds.get(kind) != "only"


def lookup(token: Token, table: Mapping[str, str]) -> str | None:
    """The token's entry in `table`, by lemma first, then by the word as written."""
    return table.get(token.lemma_.lower()) or table.get(token.lower_)


def _counts_people(noun: Token, number: Token, lex: QuantityLexicon) -> bool:
    """A person noun, a plural demonym ("Syrians") or a bare number standing for people."""
    if noun.i == number.i:
        return True
    if lookup(noun, lex.persons):
        return True
    return noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS")


def _kind_from_words(
    noun: Token, lex: QuantityLexicon, number: Token | None = None
) -> tuple[str, Token | None] | None:
    """Kind from the noun's own modifiers: "displaced people", "people killed", "who fled".

    An adjective before the `number` that follows another count of the noun, or has a number of
    its own, is that count's: in "25 missing, 628,000 relocated and 9.96 million people affected",
    neither "missing" nor "relocated" is the 9.96 million's."""
    counts = [c.i for c in noun.children if c.dep_ == "nummod" and c.ent_type_ != "DATE"]
    for child in noun.children:
        if number is not None and _other_counts(child, number, noun, counts):
            continue
        if child.dep_ in ("amod", "acomp", "oprd") and lookup(child, lex.adjectives):
            return lookup(child, lex.adjectives), None  # type: ignore[return-value]
        if child.dep_ in ("acl", "relcl"):
            as_kind = _as_kind(child, lex)  # "5,400 people registered as displaced"
            if as_kind is not None:
                return as_kind, child
            entry = _idiom(child, lex) or lex.verbs.get(child.lemma_.lower())  # "staying with relatives"
            if entry is None:
                continue
            if child.dep_ == "acl" and (entry[1] == "subject" or child.tag_ == "VBN"):
                return entry[0], child
            if entry[1] == "subject" and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
                return entry[0], child  # "5,600 people, having fled ...": the people are its subject
            if _to_infinitive(child, lex):
                return entry[0], child  # "forcing 35 people to evacuate": they leave
            subject_roles = {"object": ("nsubjpass",), "subject": ("nsubj",)}[entry[1]]
            if any(c.dep_ in subject_roles for c in child.children):
                return entry[0], child
    return None


def _shared_adjective(noun: Token, lex: QuantityLexicon) -> tuple[str, Token | None] | None:
    """The kind adjective after a later conjunct, which the parse hangs on that conjunct alone:
    in "leaving 17 guerrillas and 2 soldiers dead", "dead" tells of the guerrillas too."""
    for other in noun.conjuncts:
        if other.i < noun.i:
            continue
        after = [c for c in other.children if c.dep_ == "amod" and c.i > other.i]
        kind = next((k for k in (lookup(c, lex.adjectives) for c in after) if k), None)
        if kind is not None:
            return kind, None
    return None


def _other_counts(modifier: Token, number: Token, noun: Token, counts: list[int]) -> bool:
    """An adjective before `number` that belongs to another count of the noun (see
    `_kind_from_words`): one after another count, or with a number of its own ("25 missing")."""
    if modifier.dep_ != "amod" or not modifier.i < number.i < noun.i:
        return False
    return any(k < modifier.i for k in counts) or any(c.tag_ == "CD" for c in modifier.children)


def _as_kind(verb: Token, lex: QuantityLexicon) -> str | None:
    """The kind of an "as" complement of the verb: "registered as displaced", "counted as dead"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            kinds = [
                lookup(c, lex.adjectives) for c in child.children if c.dep_ in ("pobj", "pcomp", "amod")
            ]
            if kinds and kinds[0]:
                return kinds[0]
    return None


def _to_infinitive(verb: Token, lex: QuantityLexicon) -> bool:
    """A bare "to" infinitive with no subject or object of its own but the people's homes
    ("people to evacuate", "to flee", "forced to evacuate their homes")."""
    return (
        verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(
            c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "dobj" and lookup(c, lex.persons) != HOME_UNIT)
            for c in verb.children
        )
    )


def _kind_from_clause(role: Token, lex: QuantityLexicon) -> tuple[str, Token | None] | None:
    """Kind from the verb the people depend on: victims of "killed", subjects of "fled"."""
    while role.dep_ in ("conj", "appos") and role.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        role = role.head
    dep, verb = role.dep_, role.head
    group = verb.head if dep == "pobj" and verb.lower_ == "of" else None
    if group is not None and group.tag_ == "NN" and lookup(group, lex.collectives):
        # "a community of 85 people fled": the group's role ("groups of 50 people" counts no one)
        return _kind_from_clause(group, lex)
    dep = "dobj" if _object_read_as_adverb(role) else dep
    if dep in SUBJECT_DEPS and verb.dep_ in ("aux", "auxpass") and verb.head.i != verb.i:
        verb = verb.head  # "67,000 people remained displaced" parsed with "remained" as an auxiliary
    if dep == "pobj" and verb.lower_ == "of" and verb.head.pos_ == "NOUN" and lookup(verb.head, lex.nouns):
        # "forced the evacuation of 2,000 residents", "the displacement of 2.3 million people"
        return lookup(verb.head, lex.nouns), governing_verb(verb.head)  # type: ignore[return-value]
    if dep == "pobj" and verb.lower_ in ("between", "including", "among"):
        if verb.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return _kind_from_clause(verb.head, lex)  # "3 civilians, including two children"
        dep, verb = "dobj", verb.head  # "killed between 20 and 30 civilians"
    if dep == "nsubj" and lookup(verb, lex.adjectives):
        return lookup(verb, lex.adjectives), verb  # type: ignore[return-value]  # "were missing"
    idiom = _idiom(verb, lex) if dep in (*SUBJECT_DEPS, "dobj") else None  # before "lose": "lost their homes"
    entry = idiom or lex.verbs.get(verb.lemma_.lower()) or lex.verbs.get(verb.lower_)
    if entry is not None and verb.pos_ in ("VERB", "AUX", "ADJ"):
        kind, wanted = entry
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        if wanted == "object" and (
            dep in ("dobj", "nsubjpass") or (dep == "nsubj" and not has_object and verb.tag_ == "VBN")
        ):
            return kind, verb
        if wanted == "subject" and dep in SUBJECT_DEPS:
            return kind, verb
    if dep not in ("nsubj", "nsubjpass", "dobj"):
        return None
    return _kind_from_complements(verb, dep, lex)


def _more_than_affected(found: tuple[str, Token | None], lex: QuantityLexicon) -> tuple[str, Token | None]:
    """ "16,000 families were affected and evacuated": the verb joined to "affected" says more."""
    verb = found[1]
    if found[0] != "affected" or verb is None:
        return found
    for other in verb.conjuncts:
        entry = lex.verbs.get(other.lemma_.lower())
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in other.children)
        if entry is not None and entry[1] == "object" and not own_subject:
            return entry[0], other
    return found


def _kind_from_complements(verb: Token, dep: str, lex: QuantityLexicon) -> tuple[str, Token | None] | None:
    """Kind from what completes the people's verb ("left 12 dead", "forced 5,000 people to flee",
    "registered as displaced"), the people being its subject or object (`dep`)."""
    for child in verb.children:
        # a clause with a subject of its own tells of other people ("Alvarez said his bodyguards
        # were injured")
        own_subject = has_child(child.doc, child.i, SUBJECT_DEPS)
        complement = child.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "attr", "advcl") and not own_subject
        if complement and lookup(child, lex.adjectives):
            return lookup(child, lex.adjectives), verb  # type: ignore[return-value]
        as_kind = _as_kind(verb, lex) if child.dep_ == "prep" and child.lower_ == "as" else None
        if as_kind is not None:
            return as_kind, verb  # "registered as displaced"
        entry = _idiom(child, lex) or lex.verbs.get(child.lemma_.lower())  # "forced to leave their homes"
        subjectless = not any(c.dep_.startswith("nsubj") for c in child.children)
        # an object verb with no object of its own is used intransitively: "forcing 35 people to
        # evacuate", "were ordered to evacuate" (its people are the ones who leave)
        if child.dep_ in ("xcomp", "ccomp") and entry and subjectless and (
            entry[1] == "subject" or (child.dep_ == "xcomp" and _to_infinitive(child, lex))
        ):
            return entry[0], child  # "forced 5,000 people to flee", "started to flee"
        having = any(c.lower_ == "having" for c in children_of(child, ("aux",)))
        if child.dep_ == "advcl" and dep == "nsubj" and entry and entry[1] == "subject" and having:
            return entry[0], child  # "3,000 people, having fled the shelling, reached the camp"
    return None


def _object_read_as_adverb(role: Token) -> bool:
    """ "displaced around 73,000 people" parsed with the people as an adverbial of the verb."""
    verb = role.head
    return (
        role.dep_ == "npadvmod"
        and role.pos_ == "NOUN"
        and verb.pos_ == "VERB"
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


def _idiom(verb: Token, lex: QuantityLexicon) -> tuple[str, str] | None:
    """A verb listed with its object or place ("take refuge", "lose home", "force from home",
    "stay in shelter"): the entry of the verb with that word, else None."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in ("prt", "advmod"):  # "gunned down", "moved away"
            entry = lex.verbs.get(f"{lemma} {child.lower_}")
            if entry is not None:
                return entry
        if child.dep_ in ("dobj", "oprd"):  # "lost their lives", "were taken hostage"
            entry = lex.verbs.get(f"{lemma} {child.lemma_.lower()}")
            if entry is not None:
                return entry
        if child.dep_ == "prep":  # "from their homes", "out of their homes", "in 20 evacuation centres"
            place = next((t for t in child.subtree if t.dep_ == "pobj"), None)
            for where in [place, *place.conjuncts] if place is not None else []:  # "hotels and shelters"
                entry = lex.verbs.get(f"{lemma} {child.lower_} {where.lemma_.lower()}")
                if entry is not None:
                    return entry
    return None


def _kind_from_toll(role: Token, lex: QuantityLexicon) -> tuple[str, Token | None] | None:
    """ "the death toll rose to 45", "a toll of 45", "the toll is 45"."""
    toll = None
    head = role.head
    if role.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ == "toll":
        toll = head.head
    else:
        verb = head.head if role.dep_ == "pobj" else head
        if role.dep_ in ("pobj", "attr", "dobj"):
            toll = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_ == "toll"), None)
    if toll is None:
        return None
    for child in toll.children:
        if child.dep_ in ("compound", "amod") and lookup(child, lex.nouns):
            return lookup(child, lex.nouns), None  # type: ignore[return-value]
    return "killed", None

"""Who did it and to whom: source and target of a trigger, read off the dependency parse.

Verbs: the active subject is the source and the object (or the object of against/on/at/with/to...)
the target; in the passive the agent ("by X") is the source and the subject the target ("who" in a
relative clause standing for its noun). A verb with no subject of its own borrows one: a conjoined
verb from the first verb ("blamed ... and criticised"), a control complement from its governor
("vowed to attack"; "urged X to attack" takes X, and "helped X build" takes X as its object), a
gerund after by/after/before/while from its clause ("retaliated by expelling"), a relative clause
from the noun it modifies, a participle from the noun it modifies ("forces backed by Russia":
Russia backs the forces, an event of its own, never folded into the forces' action). Nouns: the
actor inside the trigger's own phrase ("Russian air strikes"), a possessor or modifier ("the regime's
offensive"), "by X", "between X and Y", a country before a measure aimed at someone ("U.S. restrictions
on Chinese business"), an "of" that names who acts ("the visit of X to Y", `modifiers.phrase_doer`), for
a mutual act a possessor and a compound of another country ("his White House meeting",
`modifiers.paired_sides`); otherwise the subject of a light verb that takes the noun as object ("X
launched an offensive on Y"), for a mutual act the subject of the verb it hangs from ("X arrived for
talks with Y"; "X is locked in a standoff with Y", `caught_verbs`), and for a protest whoever acts "in
protest" or the country it happens in
("protests erupted in Tunisia"; `protesters`). A noun of coercion, release, criticism or attack
takes "of" as its target ("the arrest of X", "the bombing of X"), and a noun of arrest, release or
abduction with no "of" its possessor ("his arrest"); other nouns' "of" often names who acts. A role
filled through a borrowed or governing word counts as inferred, which lowers confidence. Verbs of
appeal, demand, criticism, rejection and threat with no object aim at the subject of their that-clause
("demanded that X withdraw" targets X), or at the party their to-infinitive acts on ("threatened to cut
ties with X"), and a threat with neither at the doer of its condition ("threatened to X unless Y
withdraws"); appeals and demands also take "from X" ("demanded support from X"). An intent to cooperate
with no object ("offered to negotiate with X", "pledged to help X") aims at the party its to-infinitive
acts on, when that word is a party itself, not a thing of one ("voted to extend his mandate"); its own
troops are a doer's means ("offered its troops to X": X is the party). A preposition on the verb's
object counts as the verb's own ("imposed sanctions on X"). A statement that acts as a subject
speaks for whoever issued it: "X issued a statement condemning Y", "a statement from X condemned
Y" are X's (`statement_nouns` in cues.yml). An appeal, demand, criticism, rejection or threat
told as a gerund after by/in/while/after/before takes the stated subject of its clause ("X
responded by condemning Y"); a noun of criticism takes its source from "from X", on the noun or
on its verb ("drew criticism from X").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsevents.events.mentions import MentionIndex
from newsevents.events.modifiers import against, modifier_source, paired_sides, phrase_doer
from newsevents.events.objects import (
    MEANS_ROOTS,
    acted_on,
    grievance,
    not_instruments,
    not_means,
    noun_agents,
    own_means,
    without_speakers,
)
from newsevents.events.objects import pobjs as _pobjs
from newsevents.events.protesters import protesters
from newsevents.events.subjects import (
    RELATIVE,
    borrowed_subject,
    condition_subjects,
    conjoined_patients,
    gerund_subject,
    passive_conjunct,
    raised_object,
    shared_agents,
    subject,
)
from newsevents.events.subjects import kids as _kids
from newsevents.events.triggers import lemma_keys
from newsevents.events.unseated import in_office, unseats
from newsevents.model import ActorMention
from newsevents.nlp.syntax import complement_subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.modality import Cues
    from newsevents.events.triggers import TriggerMatch

# Prepositions that name the target only for some roots: one demands or asks something "from X", and
# rejects an offer or a call "from X" or "by X". Help and support are pledged, given and voiced "for X"
# ("pledged aid for Ukraine", "voiced support for X"), and a noun of support or help is "for X"
# ("support for the rebels", "aid for Syria"). A verb with an object keeps "for" as its reason
# ("praised X for its role"): it is tried only when no object holds the target.
ROOT_PREPS: dict[str, tuple[str, ...]] = {
    "02": ("from", "of"), "10": ("from", "of"), "12": ("from", "by"),
    "03": ("for",), "05": ("for",), "07": ("for",),
}  # fmt: skip
NOUN_ROOT_PREPS: dict[str, tuple[str, ...]] = {"03": ("for",), "05": ("for",), "07": ("for",)}
# A mutual act runs both ways only when the other side is its object or comes "with"/"between":
# "agreed with X" is mutual, "agreed to X's mediation" is not.
MUTUAL_PREPS = ("with", "between")
# Roots of intent whose partner is the object of the act intended: "offered to negotiate with X",
# and threats, aimed at whom the act threatened befalls: "threatened to attack X"
INTENT_ROOTS = frozenset({"03", "13"})
REJECTION = "12"
# Roots whose verbs aim at the subject of their clause: "urged that X", "warned that X", "demanded that X".
CLAUSE_TARGET_ROOTS = frozenset({"02", "10", "11", "12", "13"})
# Roots whose nouns take their speaker from "from X" ("drew criticism from X"); for other nouns "from"
# names a place or what is left ("withdrawal from X"), and a demand or appeal "from X" is often the
# one another party accepts or rejects ("accepted demands from X"), coded as that answer.
FROM_SOURCE_ROOTS = frozenset({"11"})
# Noun roots whose "of" names who the act befalls: "the arrest of", "the release of", "the bombing of";
# elsewhere it often names who acts ("a rally of students", "the visit of the president").
OF_TARGET_ROOTS = frozenset({"08", "11", "12", "16", "17", "18", "19", "20"})
# Nouns whose possessor, with no "of" object, is whom the act befalls: "his arrest", "Navalny's release",
# "their abduction", "Bashir's ouster"; "Israel's bombing" keeps its possessor as the doer
POSSESSED_TARGET = ("17", "0841", "181")
# ... unless the entry needs its doer named: "the Taliban's ban on books", "Israel's crackdown on
# protests", "China's restrictions on Y" are acts of their possessor
BEFALLS = frozenset({"target", "either", "victim"})
# Roots whose verb's own `with` word is whom the act befalls ("expelled two diplomats", "released the
# prisoners", "took hostages", "received the delegation", "called his counterpart"), not its means
# ("launched drones", "sent troops")
PATIENT_ROOTS = frozenset({"04", "08", "16", "17", "18"})
# Acts told as a state of their target: "came under attack", "remained in custody"
STATE_PREPS = {"17": "in", "18": "under", "19": "under", "20": "under"}
HELD_VERBS = frozenset({"be", "remain", "stay", "languish", "hold", "keep", "put", "place", "spend"})
# "a Russian-backed offensive": the backer supports the act, it does not perform it


@dataclass(frozen=True)
class Role:
    """Mentions filling one role, and whether they came from a direct dependency of the trigger."""

    mentions: tuple[ActorMention, ...] = ()
    inferred: bool = False
    prep: str | None = None  # the preposition the role came through ("with" in "met with X"), if any


@dataclass(frozen=True)
class Arguments:
    source: Role
    target: Role


def _is_passive(token: Token, cues: Cues) -> bool:
    """Passive voice; headlines drop the auxiliary ("Protesters Shot by Soldiers", "Soldier Killed"),
    so a past participle with a by-agent, or with a subject but neither auxiliary nor object, counts
    too."""
    if _kids(token, "nsubjpass", "auxpass") or (token.tag_ == "VBN" and token.dep_ == "acl"):
        return True
    if passive_conjunct(token):  # "was impeached and removed from office": the second verb too
        return True
    if token.tag_ == "VBN" and _kids(token, "nsubj") and not _kids(token, "aux", "dobj") and not _pobjs(
        token, cues.target_preps
    ):
        return True  # "6 police officers killed", "people detained": no auxiliary, no object
    return token.tag_ == "VBN" and bool(_kids(token, "agent"))


def _issuers(nouns: Sequence[Token], cues: Cues) -> list[Token]:
    """Who issued a statement that acts as a subject ("X issued a statement condemning Y", "a
    statement from X threatened Y"): the statement's "from"/"by" object, else the subject of the
    verb that has the statement as object."""
    out: list[Token] = []
    for noun in nouns:
        if noun.lemma_.lower() not in cues.statement_nouns:
            continue
        found = _pobjs(noun, ("from", "by"))
        if not found and noun.dep_ == "dobj":
            found = subject(noun.head)
        out += found
    return out


def verb_arguments(match: TriggerMatch, index: MentionIndex, cues: Cues) -> Arguments:
    token = index.doc[match.token]
    passive = _is_passive(token, cues)
    if passive:
        src_tokens, src_inferred = shared_agents(token), False
        tgt_tokens = _kids(token, "nsubjpass") or _kids(token, "nsubj") or conjoined_patients(token)
        # "the journalist, who was arrested in May": the relative pronoun stands for its noun
        tgt_tokens = [token.head if t.lower_ in RELATIVE and token.dep_ == "relcl" else t for t in tgt_tokens]
        tgt_inferred = False
        if not tgt_tokens and token.dep_ in ("acl", "pcomp"):  # "thanked them after being freed": its subject
            tgt_tokens, tgt_inferred = [token.head] if token.dep_ == "acl" else borrowed_subject(token), True
    else:
        own = _kids(token, "nsubj", "csubj")
        src_tokens = subject(token)
        src_inferred = not own or src_tokens != own
        tgt_tokens, tgt_inferred = _active_objects(token, match, index, cues, own)
    if match.entry.source_from == "object" and _kids(token, "dobj"):
        # "talks will not stop the forces (from) fighting": the forces are the ones not stopping
        return Arguments(Role(index.resolve(_kids(token, "dobj"))), Role())
    source = index.resolve(src_tokens)
    if not source and (match.entry.cameo or "")[:2] in CLAUSE_TARGET_ROOTS:
        source, src_inferred = index.resolve(gerund_subject(token)), True
    issued = () if source else index.resolve(_issuers(src_tokens, cues))
    if issued:  # "X issued a statement condemning Y": the statement speaks for X
        source, src_inferred = issued, True
    target = without_speakers(token, tgt_tokens, index.resolve(not_means(tgt_tokens, match.entry.cameo)))
    prep = None
    if not target:
        root = (match.entry.cameo or "")[:2]
        preps = cues.target_preps + ROOT_PREPS.get(root, ())
        pobjs = not_instruments(token, _pobjs(token, preps), root)
        if not index.resolve(pobjs):  # "imposed sanctions on X", "signed a deal with X": the object holds it
            pobjs = [t for o in _kids(token, "dobj") for t in _pobjs(o, preps)]
        target = index.resolve(pobjs + _kids(token, "dative"))
        prep = _prep_of(pobjs, target, index)
        tgt_inferred = False
        if not target and root in CLAUSE_TARGET_ROOTS:  # "threatened to deliver blows to X"
            target = index.resolve(acted_on(token, cues.target_preps))
        if not target and root in INTENT_ROOTS:  # "offered to negotiate with X", "threatened to attack X"
            # the party itself, not a thing of its ("voted to extend his mandate" aims at no one)
            intended = [o for o in acted_on(token, preps, objects=True) if o.i in index.by_token]
            target = index.resolve(intended)
            prep = _prep_of(intended, target, index)
        if not target and root in CLAUSE_TARGET_ROOTS:  # "warned that X", "threatened to Y unless X"
            conditions = index.resolve(condition_subjects(token)) if root == "13" else ()
            target, tgt_inferred = index.resolve(complement_subjects(token)) or conditions, True
    return Arguments(Role(source, src_inferred), Role(target, tgt_inferred, prep))


def _active_objects(
    token: Token, match: TriggerMatch, index: MentionIndex, cues: Cues, own: list[Token]
) -> tuple[list[Token], bool]:
    """The words naming an active verb's target, and whether they are inferred: its object, else the
    object of a verb of the trigger's own words ("tried to kill X"; not what a rejection refuses:
    "refused to release the prisoners" is aimed at whoever asked), else for a relative clause the
    noun it modifies. No object of a verb of talk ("Biden and Xi discussed Taiwan": no party), and
    in cooperation, aid and yielding no unnamed actor noun of the trigger's own words: "joined
    forces with X" is done with X, "forces" being its means (`objects.own_means`)."""
    root = (match.entry.cameo or "")[:2]
    topic = token.lemma_.lower() in cues.topic_verbs
    objects = [] if topic else (_kids(token, "dobj") or raised_object(token))
    if not objects and not topic and root != REJECTION:
        objects = [o for x in _kids(token, "xcomp") if x.i in match.words for o in _kids(x, "dobj")]
    if root in MEANS_ROOTS:
        objects = [t for t in objects if not own_means(t, match.token, match.words, index.by_token)]
    if token.dep_ == "relcl" and not objects and not any(t.lower_ in RELATIVE for t in own):
        return [token.head], True
    return objects, False


def _prep_of(tokens: Sequence[Token], found: Sequence[ActorMention], index: MentionIndex) -> str | None:
    """The preposition that brought the target: that of the first object holding one of the found
    mentions. In "spoke by phone on Monday with X" the target came "with", not "on" (Monday holds no
    actor), so the call runs both ways."""
    for tok in tokens:
        if tok.dep_ == "pobj" and index.at(tok) in found:
            return tok.head.lower_
    return tokens[0].head.lower_ if found and tokens else None


def _governing_subject(token: Token, cues: Cues) -> list[Token]:
    """ "X arrived for talks with Y", "X left after talks with Y": the subject of the verb a mutual
    noun hangs from by a preposition takes part in it; so does the passive subject of a verb of being
    caught up in it ("X has been locked in a standoff with Y", "X were killed in the attack and the
    ensuing battle with Y": the victims' side fought it; `caught_verbs`)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    caught = prep.lower_ == "in" and prep.head.lemma_.lower() in cues.caught_verbs
    return subject(prep.head) or (_kids(prep.head, "nsubjpass") if caught else [])


def _befallen(token: Token, root: str) -> tuple[list[Token], list[Token]]:
    """Who an act told as a state befalls, and who makes it: "the convoy came under attack from X"
    (an attack noun under "under": the subject of its verb, and "from X" on the noun or the verb),
    "X remained in custody" (a noun of coercion under "in" on a verb of being or holding: its
    subject, passive or not); ([], []) elsewhere."""
    prep, verb = token.head, token.head.head
    if token.dep_ != "pobj" or prep.lower_ != STATE_PREPS.get(root) or verb.pos_ not in ("VERB", "AUX"):
        return [], []
    if root == "17" and verb.lemma_.lower() not in HELD_VERBS:
        return [], []  # "visited them in prison": the visitor is not held
    return _kids(verb, "nsubjpass") or subject(verb), _pobjs(token, ("from",)) + _pobjs(verb, ("from",))


def _noun_target_preps(match: TriggerMatch, root: str, cues: Cues) -> tuple[str, ...]:
    """The prepositions that bring a noun's target; "of" under `OF_TARGET_ROOTS`, and for a noun whose
    entry asks for "of" ("X's backing of Y", "the boycott of Y"): there "of" is the act's object."""
    of = ("of",) if root in OF_TARGET_ROOTS or "of" in match.entry.prep else ()
    return cues.target_preps + NOUN_ROOT_PREPS.get(root, ()) + of


def _heard_from(
    token: Token, match: TriggerMatch, index: MentionIndex, source: tuple[ActorMention, ...]
) -> tuple[ActorMention, ...]:
    """ "drew criticism from X": X, on the noun or its verb, when the noun has no source of its own;
    for an entry that names "from" ("opposition from X") always X, never the noun that also names the
    opposition party."""
    named = "from" in match.entry.prep
    if source and not named:
        return source
    heard = _pobjs(token, ("from",)) + (_pobjs(token.head, ("from",)) if token.dep_ == "dobj" else [])
    return index.resolve(heard) or (() if named else source)


def _befalls(match: TriggerMatch) -> bool:
    """Whether the entry's act befalls its possessor ("his arrest"), as `POSSESSED_TARGET` says."""
    return (match.entry.cameo or "").startswith(POSSESSED_TARGET) and match.entry.require in BEFALLS


def _possessed(
    token: Token, index: MentionIndex, source: tuple[ActorMention, ...]
) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...]]:
    """ "his arrest": the possessor of an act that befalls someone is the one it befalls, not its
    doer; (source, targets) as they were otherwise (no targets)."""
    owners = index.resolve([c for c in token.children if c.dep_ == "poss"])
    if owners and set(owners) == set(source):
        return (), owners
    return source, ()


def noun_arguments(match: TriggerMatch, index: MentionIndex, cues: Cues) -> Arguments:
    token = index.doc[match.token]
    root = (match.entry.cameo or "")[:2]
    with_words = set(match.words) - {token.i}
    own = index.by_token.get(token.i)
    governed = token.dep_ in ("dobj", "attr") or (token.dep_ == "acomp" and token.pos_ == "ADJ")
    light = governed and any(k in cues.light_verbs for k in lemma_keys(token.head))
    bare = own is not None and own.token_end - own.token_start == 1
    if bare and light and index.resolve(subject(token.head)):
        own = None  # "Russia launched airstrikes": the bare noun is the act, the subject its actor
    source: tuple[ActorMention, ...] = (own,) if own is not None else ()
    if not source:
        by = noun_agents(token, cues.light_verbs)
        source = index.resolve(by) or modifier_source(token, index, with_words, cues)
    if root in FROM_SOURCE_ROOTS:
        source = _heard_from(token, match, index, source)
    preps = _noun_target_preps(match, root, cues)
    # a mutual act's partner comes through its own preposition: "a news conference at the Pentagon with X"
    partner = [t for t in _pobjs(token, sorted(match.entry.prep)) if match.entry.mutual and index.at(t)]
    target_tokens = partner or _pobjs(token, preps)
    target_tokens += [c for c in token.children if c.dep_ in ("amod", "compound") and against(c)]
    if token.dep_ == "dobj":  # "intensified their campaign on X": the verb holds the preposition
        target_tokens += [t for t in _pobjs(token.head, cues.target_preps) if t.i > token.i]
    targets = index.resolve(target_tokens)
    source = source or phrase_doer(token, index, targets, cues, of_acts="of" not in preps)
    prep = _prep_of(target_tokens, targets, index)
    if not targets and _befalls(match):
        source, targets = _possessed(token, index, source)
    befallen, makers = _befallen(token, root)
    if befallen and not targets:
        targets, source = index.resolve(befallen), source or index.resolve(makers)
    between, inferred = index.resolve(_pobjs(token, ("between",))), False
    # "Qatar launched a mediation effort between X and Y": a go-between is neither of the two
    outside = root == "04" and not match.entry.mutual
    if between and not source and light and outside:
        source, inferred = index.resolve(subject(token.head)), True
    if between and not source and not outside:
        source, targets, prep = between[:1], targets or between[1:], "between"
    elif between and not targets:  # "Egypt's mediation between Israel and Hamas": both sides are its targets
        targets, prep = between, "between"
    if not source and (light or token.dep_ == "appos"):  # "X is a critic of Y"; "X, a critic of Y": X
        source, inferred = index.resolve(subject(token.head) if light else [token.head]), True
    if match.entry.mutual and not targets and (pair := paired_sides(token, index, source)):
        source, targets, prep = pair[:1], pair[1:], None  # "US-China talks", "his White House meeting"
    if not source and match.entry.mutual:
        source, inferred = index.resolve(_governing_subject(token, cues)), True
    if not source and root == "14":
        source, inferred = protesters(token, index)
    return Arguments(Role(source, inferred), Role(targets, False, prep))


def find_arguments(match: TriggerMatch, index: MentionIndex, cues: Cues) -> Arguments:
    """Source and target mentions for a trigger (`_found_arguments`); a protest with no target of
    its own is aimed at the party behind what it says it protests (`objects.grievance`), and an act
    of removal from office befalls its target in office (`unseated.py`)."""
    args = _found_arguments(match, index, cues)
    if args.target.mentions and unseats(index.doc[match.token], cues):  # "X was impeached": X in office
        held = tuple(map(in_office, args.target.mentions))
        args = Arguments(args.source, replace(args.target, mentions=held))
    if (match.entry.cameo or "")[:2] == "14" and not args.target.mentions:
        against = index.resolve(grievance(index.doc[match.token]))
        if against:
            args = Arguments(args.source, Role(against, False, "against"))
    return args


def _found_arguments(match: TriggerMatch, index: MentionIndex, cues: Cues) -> Arguments:
    """Source and target mentions for a trigger, by the rules in the module docstring.

    A verb's own `with` word, and its conjuncts, are never its target: in "launched drones (and
    missiles)" or "sent troops" the drones and troops are the means, not whom the act aims at;
    except under `PATIENT_ROOTS`, where they are whom it befalls ("expelled two diplomats").
    """
    if match.entry.kind == "noun":
        return noun_arguments(match, index, cues)
    args = verb_arguments(match, index, cues)
    if (match.entry.cameo or "")[:2] in PATIENT_ROOTS:
        return args
    words = set(match.words) - {match.token}
    # "launched drones and missiles": every conjunct of the means is a means too
    words |= {c.i for w in list(words) for c in index.doc[w].conjuncts}
    if words and args.target.mentions:
        tgt = args.target
        kept = tuple(m for m in tgt.mentions if not any(m.token_start <= w < m.token_end for w in words))
        if len(kept) != len(tgt.mentions):
            args = Arguments(args.source, Role(kept, tgt.inferred, tgt.prep if kept else None))
    return args

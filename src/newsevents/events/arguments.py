"""Who did it and to whom: source and target of a trigger, read off the dependency parse.

Verbs: the active subject is the source and the object (or the object of against/on/at/with/to...)
the target; in the passive the agent ("by X") is the source and the subject the target ("who" in a
relative clause standing for its noun). A verb with no subject of its own borrows one: a conjoined
verb from the first verb ("blamed ... and criticised"), a control complement from its governor
("vowed to attack"; "urged X to attack" takes X, and "helped X build" takes X as its object), a
gerund after by/after/before/while from its clause ("retaliated by expelling"), a relative clause
from the noun it modifies, a participle from the noun it modifies ("forces backed by Russia":
Russia backs the forces, an event of its own, never folded into the forces' action). Nouns are read
by `nominal.py`. A role filled through a borrowed or governing word counts as inferred, which
lowers confidence. Verbs of
appeal, demand, criticism, rejection and threat with no object aim at the subject of their that-clause
("demanded that X withdraw" targets X), or at the party their to-infinitive acts on ("threatened to cut
ties with X"), and a threat with neither at the doer of its condition ("threatened to X unless Y
withdraws"); appeals and demands also take "from X" ("demanded support from X"). An intent to cooperate
with no object ("offered to negotiate with X", "pledged to help X") aims at the party its to-infinitive
acts on, when that word is a party itself, not a thing of one ("voted to extend his mandate"); its own
troops are a doer's means ("offered its troops to X": X is the party). A preposition on the verb's
object, or on a later conjunct of it, counts as the verb's own ("imposed sanctions on X", "fired tear gas
and stun grenades at X"); what is seized, annexed or withdrawn is taken from whom "from" names
(`TAKEN_FROM`). A bare passive participle on a clause befalls its subject ("escape when attacked by
X"). A statement that acts as a subject
speaks for whoever issued it: "X issued a statement condemning Y", "a statement from X condemned
Y" are X's (`statement_nouns` in cues.yml). An appeal, demand, criticism, rejection or threat
told as a gerund after by/in/while/after/before takes the stated subject of its clause ("X
responded by condemning Y").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.events.mentions import MentionIndex
from newsevents.events.nominal import noun_arguments
from newsevents.events.objects import (
    MEANS_ROOTS,
    acted_on,
    grievance,
    not_instruments,
    not_means,
    own_means,
    without_speakers,
)
from newsevents.events.objects import pobjs as _pobjs
from newsevents.events.roles import Arguments, Role
from newsevents.events.roles import prep_of as _prep_of
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
from newsevents.events.unseated import in_office, unseats
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
# Roots that yield to what someone asked or offered: the asker is whom "from" names on such an object
# (`asked_nouns` in cues.yml: "accepted demands from X"); a verb's own "from" says what is freed or left
YIELDING = "08"
# A mutual act runs both ways only when the other side is its object or comes "with"/"between":
# "agreed with X" is mutual, "agreed to X's mediation" is not.
MUTUAL_PREPS = ("with", "between")
# Roots of intent whose partner is the object of the act intended: "offered to negotiate with X",
# and threats, aimed at whom the act threatened befalls: "threatened to attack X"
INTENT_ROOTS = frozenset({"03", "13"})
REJECTION = "12"
MEETING_REFUSED = "125"
# Roots whose verbs aim at the subject of their clause: "urged that X", "warned that X", "demanded that X".
CLAUSE_TARGET_ROOTS = frozenset({"02", "10", "11", "12", "13"})
# Roots whose verb's own `with` word is whom the act befalls ("expelled two diplomats", "released the
# prisoners", "took hostages", "received the delegation", "called his counterpart"), not its means
# ("launched drones", "sent troops")
PATIENT_ROOTS = frozenset({"04", "08", "16", "17", "18"})
# Codes of taking and leaving: what is seized, annexed or withdrawn is taken from, or leaves, whom "from"
# names ("confiscated weapons from X", "annexed the region from X", "withdrew its troops from X"),
# and "to" there says where it went ("withdrew from X to Y"), not whom the act is aimed at.
TAKEN_FROM = ("087", "171", "192")
DESTINATIONS = frozenset({"to", "into", "toward", "towards"})


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


def _target_preps(cameo: str, cues: Cues) -> tuple[str, ...]:
    """The prepositions that may bring a verb's target: `target_preps` and its root's own
    (`ROOT_PREPS`); for taking and leaving (`TAKEN_FROM`) "from" and no preposition of destination."""
    preps = cues.target_preps + ROOT_PREPS.get(cameo[:2], ())
    if cameo.startswith(TAKEN_FROM):
        return ("from", *(p for p in preps if p not in DESTINATIONS))
    return preps


def _asked(noun: Token, root: str, cues: Cues) -> tuple[str, ...]:
    """ "from" when the verb yields (`YIELDING`) to what its object names someone asked or offered
    ("accepted demands from X"); else nothing."""
    return ("from",) if root == YIELDING and noun.lemma_.lower() in cues.asked_nouns else ()


def _adverbial(token: Token) -> bool:
    """A bare passive participle that modifies its clause ("they escape when attacked by X", "if
    attacked, they retaliate"): it befalls that clause's subject, as a participle on a noun befalls
    the noun."""
    return token.dep_ == "advcl" and token.tag_ == "VBN" and not _kids(token, "nsubj", "nsubjpass", "aux")


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
        # "thanked them after being freed", "escape to Cameroon when attacked by X": its subject
        if not tgt_tokens and (token.dep_ in ("acl", "pcomp") or _adverbial(token)):
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
        preps = _target_preps(match.entry.cameo or "", cues)
        pobjs = not_instruments(token, _pobjs(token, preps), root)
        if not index.resolve(pobjs):  # "imposed sanctions on X", "signed a deal with X": the object holds it
            # "fired tear gas and stun grenades at X": the preposition may hang on a later conjunct
            objects = [c for o in _kids(token, "dobj") for c in (o, *o.conjuncts)]
            pobjs = [t for o in objects for t in _pobjs(o, preps + _asked(o, root, cues))]
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
    "refused to release the prisoners" is aimed at whoever asked, but "refused to meet X" at X), else
    for a relative clause the noun it modifies. No object of a verb of talk ("Biden and Xi discussed
    Taiwan": no party), and in cooperation, aid and yielding no unnamed actor noun of the trigger's
    own words: "joined forces with X" is done with X, "forces" being its means (`objects.own_means`)."""
    root = (match.entry.cameo or "")[:2]
    topic = token.lemma_.lower() in cues.topic_verbs
    objects = [] if topic else (_kids(token, "dobj") or raised_object(token))
    # a refusal to meet or talk (125) is aimed at whom the meeting would be with: "refused to meet X"
    refused = root == REJECTION and not (match.entry.cameo or "").startswith(MEETING_REFUSED)
    if not objects and not topic and not refused:
        objects = [o for x in _kids(token, "xcomp") if x.i in match.words for o in _kids(x, "dobj")]
    if root in MEANS_ROOTS:
        objects = [t for t in objects if not own_means(t, match.token, match.words, index.by_token)]
    if token.dep_ == "relcl" and not objects and not any(t.lower_ in RELATIVE for t in own):
        return [token.head], True
    return objects, False



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

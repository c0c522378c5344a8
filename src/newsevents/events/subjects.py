"""Who does what a verb says when the verb names no subject of its own.

A verb with no subject borrows one from the structure around it: a conjoined verb from the first
verb ("blamed ... and criticised"), a control complement from its governor ("vowed to attack";
"urged X to attack" takes X), a gerund after by/after/before/while from its clause ("retaliated by
expelling"; in the passive, "was released after apologizing", from the one the passive befalls), a
relative clause from the noun it modifies, a participle from the noun it modifies. A relative clause
on a predicate noun tells of the copula's subject: "Canada and Belgium are among (the) countries that
have banned X" is Canada's and Belgium's act (`described_subject`).
A past tense the small model reads as a participle on a sentence-opening name it leaves without a
verb ("Leavitt called the comments egregious": "Leavitt" the root, "called" its modifier) is that
name's verb; a subject it hangs on the auxiliary ('Iran is “flagrantly” defying') is the verb's.

Raising and scheduling: "X is expected to meet Y", "X is scheduled to travel", "X was ordered to
withdraw" put the doer of the complement in the passive governor's subject; "X is due to visit",
"X is set to sign", "X is poised to attack" put it in the subject of the copula the adjective hangs
on. Whether the act has happened is modality's business, not the subject finder's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.nlp.children import children_of
from newsevents.nlp.syntax import infinitive_doers, passive_agents

if TYPE_CHECKING:
    from spacy.tokens import Token

RELATIVE = frozenset({"who", "which", "that", "whom"})
# "X left after meeting Y", "before travelling to Z", "retaliated by expelling Y": a verb after these has
# the subject of the verb they hang from; not "accused X of violating" (X violates) nor "joined them in
# demanding"
TIME_PREPS = frozenset({"after", "before", "while", "since", "upon", "following", "by"})
# Prepositions before a gerund of appeal, demand, criticism, rejection or threat that share the
# clause's subject with it ("responded by condemning"); see `gerund_subject`.
GERUND_PREPS = frozenset({"by", "in", "while", "after", "before"})
# Adjectives (and participles the parser reads as adjectives) that raise their infinitive's subject to
# the copula: "X is due to visit", "X is set to sign", "X is poised to strike". Not adjectives of
# attitude ("X is reluctant to", "eager to"): those leave the act to X's will, which intents handle.
RAISING_ADJECTIVES = frozenset({"due", "set", "poised", "slated", "scheduled", "expected", "likely", "bound"})
MAX_DEPTH = 4
# The objects of a claim of an act: "X claimed responsibility for attacking Y", "X took credit for
# killing Y" tell that X did it, though a gerund after "for" elsewhere has no subject of the clause
# ("criticised X for attacking Y"); see `claimed_subject`.
CLAIMED_NOUNS = frozenset({"responsibility", "credit"})

# Marks of a condition whose doer a threat is aimed at ("unless X withdraws", "if X attacks").
CONDITIONS = frozenset({"if", "unless"})


def kids(token: Token, *deps: str) -> list[Token]:
    """The token's children with one of the dependency labels."""
    return children_of(token, deps)


def _raised_subject(verb: Token) -> list[Token]:
    """The doer of a to-infinitive whose governor raises it: the passive governor's subject ("X is
    expected to meet Y", "X was told to leave"), or the copula's subject for a raising adjective
    ("X is due to visit Y"); [] elsewhere."""
    head = verb.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    passive = kids(head, "nsubjpass")
    if passive and kids(head, "auxpass"):
        return passive
    if head.dep_ == "acomp" and head.lower_ in RAISING_ADJECTIVES and head.head.pos_ in ("AUX", "VERB"):
        return kids(head.head, "nsubj")
    return []


def borrowed_subject(verb: Token, depth: int = 0) -> list[Token]:
    """The subject a verb without its own takes from the structure around it."""
    if depth > MAX_DEPTH or verb.head.i == verb.i:
        return []
    head = verb.head
    if verb.dep_ == "xcomp":
        return kids(head, "dobj") or _raised_subject(verb) or subject(head, depth + 1)
    if verb.dep_ in ("conj", "advcl"):
        return subject(head, depth + 1)
    if verb.dep_ == "pcomp" and head.lower_ in TIME_PREPS and head.head.pos_ in ("VERB", "AUX"):
        # "X returned home after meeting Y": X met Y; "by imposing"
        return subject(head.head, depth + 1) or _passive_holder(verb)
    if verb.dep_ == "pcomp" and head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX"):
        # "In announcing the sanctions, X said": X announced; "joined them in demanding" has them too
        return [] if kids(head.head, "dobj") else subject(head.head, depth + 1)
    if claimed := claimed_subject(verb):
        return claimed
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [head]
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and head.dep_ == "ROOT" and head.i < verb.i:
        return [head]  # "Leavitt called X ...": a past tense the parser hung on the noun it left the root
    return infinitive_doers(verb)  # "X's efforts to improve ties", "X is ready to talk"


def _passive_holder(gerund: Token) -> list[Token]:
    """ "X was released after apologizing to Y", "X was arrested while protesting": a gerund after a
    preposition of time on a passive verb is done by that verb's subject (the one the passive befalls).
    Not after "by", whose gerund tells how the passive act was done ("was won by negotiating")."""
    prep, verb = gerund.head, gerund.head.head
    if gerund.tag_ != "VBG" or prep.lower_ == "by" or not kids(verb, "auxpass"):
        return []
    own = kids(verb, "nsubjpass")
    return [verb.head if t.lower_ in RELATIVE and verb.dep_ == "relcl" else t for t in own]


def subject(verb: Token, depth: int = 0) -> list[Token]:
    """The verb's own subject ("who" in a relative clause standing for its noun, and for the subject of
    the copula that noun describes: `described_subject`), else a borrowed one."""
    own = kids(verb, "nsubj", "csubj") or aux_subjects(verb)
    relative = verb.dep_ == "relcl" and any(t.lower_ in RELATIVE for t in own)
    own = [verb.head if t.lower_ in RELATIVE and verb.dep_ == "relcl" else t for t in own]
    if relative:
        own = described_subject(verb) + own
    return own or borrowed_subject(verb, depth)


def described_subject(clause: Token) -> list[Token]:
    """Who a relative clause on a predicate noun tells of: "Canada and Belgium are among (the)
    countries that have banned X", "Germany is one of the countries that recognized Y", "Hamas is the
    group that attacked Y" tell what Canada and Belgium, Germany and Hamas did; the copula's subject,
    before the noun itself (`subject` keeps the noun, which may name the actor: "X is among the
    rebels who attacked"). [] when the noun is no such predicate, when the copula is negated ("X is
    not among the countries that ..."), or when the clause tells a capacity, not an act ("he is the
    one who can end it by withdrawing his troops": no withdrawal is told)."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
        return []
    node = clause.head
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ == "one":
        node = node.head.head  # "one of the countries": the predicate is "one"
    if node.dep_ == "pobj" and node.head.lower_ == "among":
        copula = node.head.head
    elif node.dep_ == "attr":
        copula = node.head
    else:
        return []
    if copula.lemma_.lower() != "be" or kids(copula, "neg"):
        return []
    return kids(copula, "nsubj")


def aux_subjects(verb: Token) -> list[Token]:
    """A subject the parser hung on the verb's auxiliary: quotes inside the verb group ('Iran is
    “flagrantly” defying') leave "Iran" the subject of "is"."""
    return [c for a in kids(verb, "aux", "auxpass") if a.i < verb.i for c in kids(a, "nsubj", "nsubjpass")]


def claimed_subject(verb: Token) -> list[Token]:
    """Who claims the act a gerund tells after "for" on a claim: "X claimed responsibility for attacking
    Y", "X took credit for killing Y" (the "for" on the noun or on its verb); [] elsewhere. A stated
    subject only: the claimant is the one the news names as the act's author."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "for":
        return []
    claim = prep.head
    if claim.pos_ in ("VERB", "AUX"):
        nouns = [c for c in kids(claim, "dobj") if c.lemma_.lower() in CLAIMED_NOUNS]
    else:
        nouns = [claim] if claim.lemma_.lower() in CLAIMED_NOUNS and claim.dep_ == "dobj" else []
    return kids(nouns[0].head, "nsubj") if nouns else []


def gerund_subject(verb: Token) -> list[Token]:
    """The subject of "X responded by condemning Y", "X led a group in calling on Y": a gerund after
    by/in/while/after/before shares its clause's subject. After "for" and "of" it does not: in
    "criticised X for attacking Y" it is X who attacked."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in GERUND_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    return kids(prep.head, "nsubj")  # a stated subject only: one borrowed in turn is too far to trust


def condition_subjects(verb: Token) -> list[Token]:
    """Whom a threat's condition names: "threatened to stop the talks if the United States deploys
    missiles", "will raise tariffs unless Canada drops its own", "if the tariffs are not dropped by
    Canada": the doer of an if- or unless-clause on the threat's verb or on the act it threatens
    (its passive agent first, else its subject) is the one the threat is aimed at, as CAMEO codes a
    conditional threat against the party whose act sets it off."""
    verbs = [verb, *kids(verb, "xcomp")]
    clauses = [c for v in verbs for c in kids(v, "advcl") if {m.lower_ for m in kids(c, "mark")} & CONDITIONS]
    return [t for c in clauses for t in (passive_agents(c) or kids(c, "nsubj", "nsubjpass"))]


def passive_conjunct(verb: Token) -> bool:
    """ "was impeached and removed from office", "who was arrested and jailed": a past participle
    conjoined to a passive verb, with no subject, auxiliary or object of its own, is passive too
    (the auxiliary and the subject are said once, on the first verb)."""
    head = verb.head
    return (
        verb.dep_ == "conj" and verb.tag_ == "VBN" and head.tag_ == "VBN"
        and not kids(verb, "nsubj", "nsubjpass", "aux", "auxpass", "dobj")
        and bool(kids(head, "nsubjpass")) and bool(kids(head, "auxpass"))
    )  # fmt: skip


def conjoined_patients(verb: Token) -> list[Token]:
    """Whom a passive verb with no subject of its own befalls, when it is conjoined to a passive
    verb that has one: "the leader was arrested and jailed" (the leader), "who was arrested and
    jailed" (the noun "who" stands for)."""
    head = verb.head
    if verb.dep_ != "conj" or not kids(head, "auxpass"):
        return []
    own = kids(head, "nsubjpass")
    return [head.head if t.lower_ in RELATIVE and head.dep_ == "relcl" else t for t in own]


def shared_agents(verb: Token) -> list[Token]:
    """The by-agent of a passive verb, else the one its conjoined passive verbs name: "was impeached
    and removed from office by lawmakers" (the lawmakers impeached him too), "was arrested by police
    and later charged" (the police charged him)."""
    own = passive_agents(verb)
    if own:
        return own
    return [a for c in verb.conjuncts if c.tag_ == "VBN" for a in passive_agents(c)]


def raised_object(token: Token) -> list[Token]:
    """ "helped Mauritius build an airstrip": the subject of a bare infinitive complement is the
    verb's object (the parse hangs it on the complement); a finite clause ("said X attacked") or a
    to-infinitive keeps its subject to itself."""
    return [
        s for c in token.children if c.dep_ == "ccomp" and c.tag_ == "VB" and c.i > token.i
        and not any(a.dep_ in ("aux", "mark") for a in c.children)
        for s in c.children if s.dep_ == "nsubj" and token.i < s.i < c.i
    ]  # fmt: skip

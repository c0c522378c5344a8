"""Questions every stage asks of the dependency parse: which verb heads a token's clause, which
tokens make up that clause, who its subjects and agents are, and what the dependency labels mean.

Keeping them here gives each question one answer. Where stages need different answers (a clause
that stops at the nearest verb, or one that joins conjoined verbs sharing a subject), each
variant has its own name saying how it differs, so a caller picks the behaviour it relies on.
The labels are those of spaCy's English models (nsubj, dobj, pobj, ...); nothing here changes
the Doc.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Parts of speech that head a clause.
VERB_POS = frozenset({"VERB", "AUX"})
# Subjects, active and passive ("police arrested ...", "ten were killed").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Words that modify a noun before it: "Syrian [forces]", "[the] Aleppo [offensive]", "Syria's".
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss"})
# The same, plus appositions and the older "nn" label: what may sit inside an actor's name phrase.
NOUN_MODIFIER_OR_APPOS_DEPS = NOUN_MODIFIER_DEPS | {"nn", "appos"}
# Objects of a verb or preposition, predicatives, and appositions to them.
OBJECT_DEPS = frozenset({"dobj", "pobj", "attr", "oprd", "appos"})
# Children that carry a verb's preposition or particle ("fired on", "by", "gave up", "gave [them]").
PREPOSITION_DEPS = frozenset({"prep", "agent", "prt", "dative"})
# Dependents that stay inside a noun phrase (its modifiers, determiners and numbers).
NOUN_PHRASE_DEPS = frozenset(
    {"compound", "amod", "poss", "nmod", "appos", "npadvmod", "nummod", "det", "advmod"}
)
# Tags of a finite verb or modal: a clause that carries its own tense.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Nouns of attempt whose to-infinitive their owner performs: "X's efforts to improve ties".
ATTEMPT_NOUNS = frozenset({"effort", "bid", "attempt", "push", "drive", "move"})
# Adjectives of readiness that lend the copula's subject to their to-infinitive: "X is ready to talk".
READY_ADJECTIVES = frozenset({"ready", "willing", "prepared", "determined"})
# Children whose subtree is a clause of its own, not part of the verb's clause.
NESTED_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "conj", "parataxis"})


def clause_head(token: Token) -> Token:
    """The nearest verb at or above the token (the token itself for a verb), else the root.

    Each verb heads its own clause, conjoined verbs included: "shelled and stormed" are two.
    """
    while token.pos_ not in VERB_POS and token.head.i != token.i:
        token = token.head
    return token


def shared_clause_head(token: Token) -> Token:
    """Like `clause_head`, but conjoined verbs without a subject of their own share the first
    verb's clause ("was shot and killed outside his home" is one clause, headed by "shot")."""
    token = clause_head(token)
    while (
        token.dep_ == "conj"
        and token.head.pos_ in VERB_POS
        and not any(child.dep_ in SUBJECT_DEPS for child in token.children)
    ):
        token = token.head
    return token


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above the token (a root verb answers itself), else None.

    Unlike `clause_head`, a verb below another verb answers with the verb above it ("killed" in
    "said rebels killed ten" gives "said"), and a token no verb governs gives None, not a noun.
    """
    cur = token
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in VERB_POS:
            return cur
    return cur if cur.pos_ in VERB_POS else None


def is_finite(verb: Token) -> bool:
    """The verb carries tense itself or through an auxiliary ("killed", "has killed", "could")."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)


def own_clause_tokens(verb: Token) -> list[Token]:
    """The verb's own clause: its subtree without nested finite clauses (relative, complement,
    conjoined, parataxis, or a finite adverbial clause)."""
    doc = verb.doc
    return [doc[i] for i in _own_clause(verb)]


def own_clause_indices(verb: Token) -> frozenset[int]:
    """The token indices of `own_clause_tokens(verb)`, for asking whether a word is in the clause."""
    return frozenset(_own_clause(verb))


def _own_clause(verb: Token) -> tuple[int, ...]:
    """The indices of the verb's own clause in its subtree's order, worked out once per verb and Doc and
    kept in its `user_data`: every figure of a clause, and every figure against every event's
    trigger, asks for the same clause, and each walk of the subtree builds its Tokens anew."""
    held: dict[int, tuple[int, ...]] = verb.doc.user_data.setdefault("newsevents_own_clauses", {})
    found = held.get(verb.i)
    if found is None:
        skip: set[int] = set()
        for child in verb.children:
            nested = child.dep_ in NESTED_CLAUSE_DEPS
            if nested or (child.dep_ == "advcl" and is_finite(child)):
                skip.update(t.i for t in child.subtree)
        found = held[verb.i] = tuple(t.i for t in verb.subtree if t.i not in skip)
    return found


def lent_clause_tokens(token: Token) -> list[Token]:
    """The token's subtree, in text order, plus what its governor lends it: the phrases of the first of two
    conjoined verbs ("were killed and ten wounded in an air strike"), the words before a relative
    clause on the noun it hangs on ("a war that has killed ..."), and the verb and subject of a
    participle ("a boat sank, killing eight": the boat's sinking did the killing)."""
    span = list(token.subtree)
    seen = {t.i for t in span}

    def lend(tokens: list[Token]) -> None:
        span.extend(t for t in tokens if t.i not in seen)
        seen.update(t.i for t in tokens)

    head = token.head
    if head.i != token.i and token.dep_ == "conj":
        for child in head.children:
            if child.dep_ in ("prep", "advcl", "agent", "npadvmod"):
                lend(list(child.subtree))
    elif head.i != token.i and token.dep_ == "relcl":
        lend([t for t in head.subtree if t.i < token.i])
    elif head.i != token.i and token.dep_ in ("advcl", "xcomp") and token.tag_ == "VBG":
        lend([head])
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS:
                lend(list(child.subtree))
    return sorted(span, key=lambda t: t.i)


def complement_subjects(verb: Token) -> list[Token]:
    """Subjects of the verb's complement clauses: X in "demanded that X withdraw"."""
    return [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJECT_DEPS]


def passive_agents(verb: Token) -> list[Token]:
    """The by-phrase objects of a passive verb: "soldiers" in "shot by soldiers"."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def coordinated_modifiers(noun: Token) -> list[Token]:
    """The modifiers of "Russian and Ukrainian officials", "Cameroon and C.A.R. officials": a noun
    whose modifier before it has conjuncts names one party per modifier, so each modifier and its
    conjuncts are returned for the caller to resolve. A lone modifier ("Russian officials") gives
    none: the noun names one party."""
    return [
        x for c in noun.children if c.dep_ in ("amod", "nmod", "compound") and c.i < noun.i and c.conjuncts
        for x in (c, *c.conjuncts)
    ]  # fmt: skip


def infinitive_doers(verb: Token) -> list[Token]:
    """Who performs a to-infinitive with no subject of its own. On a noun of attempt: its possessor
    ("Turkey's efforts to improve ties"), else the subject of the verb taking the noun as object
    ("X stepped up efforts to build ties"); on an adjective of readiness (the word passed is the
    adjective the infinitive hangs on): the copula's subject ("Syria is willing to withdraw"); []
    for any other word. Plans, threats and offers are not attempts: their act is not under way,
    and the events stage codes them as intents."""
    noun = verb.head
    if verb.dep_ == "acomp" and verb.lower_ in READY_ADJECTIVES:
        return _ready_subjects(verb)
    if verb.dep_ != "acl" or noun.lemma_.lower() not in ATTEMPT_NOUNS:
        return []
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners or noun.dep_ != "dobj":
        return owners
    return [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS]


def _ready_subjects(adjective: Token) -> list[Token]:
    """The subject of "X is ready (willing, prepared) to ...", unless the copula is negated: the
    negation would not reach the act through the adjective."""
    copula = adjective.head
    if any(c.dep_ == "neg" for c in (*copula.children, *adjective.children)):
        return []
    return [c for c in copula.children if c.dep_ in SUBJECT_DEPS]


# entity types of an amount ("25,000 tons", "$2 billion", "thousands"), measured in what follows it
AMOUNT_ENTITIES = frozenset({"QUANTITY", "MONEY", "CARDINAL"})


def measured(noun: Token) -> list[Token]:
    """ "provided 25,000 tons of food aid", "$2 billion in loans", "700 kg of medicine": an amount
    (a number, quantity or sum in the parse) is measured in what its "of" or "in" names, and that
    is what was given, sent or received."""
    if noun.ent_type_ not in AMOUNT_ENTITIES and not any(c.dep_ == "nummod" for c in noun.children):
        return []
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "in") for g in c.children
            if g.dep_ == "pobj"]  # fmt: skip

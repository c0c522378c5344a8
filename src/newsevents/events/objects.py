"""What a verb acts on, read off the dependency parse: its prepositional objects, the party the act
a to-infinitive names befalls, the objects that are a doer's own means rather than a party, and the
speakers of a closing "..., police said" that the parse took for objects.

Split from `arguments.py`, which decides the roles; these are the object readings it and its
rules for intents and threats share.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from newsevents.events.subjects import kids
from newsevents.nlp.children import children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.model import ActorMention

# "fought on behalf of the government": the government is who the act serves, not its target
NOT_TARGET_POBJ = frozenset({"behalf"})
# Roots of cooperation, aid and yielding, in which an object the doer owns is its means
# ("offered its troops to X"), and the possessives that say the doer owns it.
MEANS_ROOTS = frozenset({"03", "05", "06", "07", "08"})
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
# "in protest of X's refusal", "to protest against X's decision": what a protest is against
GRIEVANCE_PREPS = ("against", "of", "at", "over")


def pobjs(token: Token, preps: Sequence[str]) -> list[Token]:
    """The objects of the token's prepositions among `preps`, in the order of `preps`."""
    out = []
    held = children_of(token, ("prep", "dative"))  # read once, not per preposition
    for p in preps:
        for c in held:
            if c.lower_ == p:
                out += [o for o in kids(c, "pobj") if o.lower_ not in NOT_TARGET_POBJ]
    return out


def noun_agents(noun: Token, light_verbs: frozenset[str]) -> list[Token]:
    """Who a noun's "by" names as its doer: its own "by" phrase, one the parse hung above it
    (`stranded_by`), or the agent of the light verb it is the passive subject of (`carried_by`) or
    that modifies it as a participle (`led_by`)."""
    own = pobjs(noun, ("by",)) or stranded_by(noun)
    return own or carried_by(noun, light_verbs) or led_by(noun, light_verbs)


def stranded_by(noun: Token) -> list[Token]:
    """ "lost their lives in the hijacking by armed militants", "condemned the attack by militants":
    a "by" phrase right after a noun that the parse hung on a word above it (the verb, or the
    preposition's head) is the noun's own doer; a verb's own "by" agent is never its dependent
    "prep", so the verb loses nothing it could have had."""
    nxt = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    if nxt is None or nxt.lower_ != "by" or nxt.dep_ != "prep" or nxt.head.i == noun.i:
        return []
    if not nxt.head.is_ancestor(noun):
        return []
    return kids(nxt, "pobj")


def carried_by(noun: Token, light_verbs: frozenset[str]) -> list[Token]:
    """ "The attack on the convoy was carried out by Taliban fighters", "the bombing was orchestrated
    by X": an act noun as the passive subject of a light verb is done by the verb's "by" agent."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.lemma_.lower() not in light_verbs:
        return []
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def led_by(noun: Token, light_verbs: frozenset[str]) -> list[Token]:
    """ "ousted in a military coup led by X", "an offensive launched by X", "the raids conducted by
    X": a light verb's passive participle on an act noun names the act's doer by its agent. Only
    light verbs: in "an attack condemned by X" the participle is an act of X's own, not the attack."""
    return [
        g for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in light_verbs
        for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
    ]  # fmt: skip


def not_means(objects: list[Token], cameo: str | None) -> list[Token]:
    """ "Syria offered its troops to Lebanon", "withdrew their forces": in cooperation, aid and
    yielding (`MEANS_ROOTS`) an object the doer owns ("its", "their") is what it gives or moves,
    not whom the act is for; the preposition after it names that party. Elsewhere an owned object
    is the one acted on ("arrested his brother")."""
    if (cameo or "")[:2] not in MEANS_ROOTS:
        return objects
    if any(pobjs(o.head, ("to",)) for o in objects if o.dep_ == "dobj" and unnamed(o)):
        return []  # "sent troops to Mali": the party comes after "to" (not "extradited militant X to Y")
    owned = {o.i for o in objects for c in o.children if c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES}
    return [o for o in objects if o.i not in owned]


def own_means(
    word: Token, trigger: int, trigger_words: Collection[int], by_token: Mapping[int, ActorMention]
) -> bool:
    """Whether `word` is one of the trigger's own words ("forces" in "joined forces"), the head of an
    actor mention by itself and qualified by no name or nationality (`unnamed`): the act's means,
    not its party ("free Palestinian prisoners" names one)."""
    m = by_token.get(word.i)
    own = word.i != trigger and word.i in trigger_words
    return own and m is not None and m.head == word.i and unnamed(word)


def unnamed(noun: Token) -> bool:
    """A common noun no name or nationality qualifies ("troops", "1,000 soldiers"), so what is sent."""
    qualifiers = [c for c in noun.children if c.dep_ in ("amod", "compound")]
    named = any(c.ent_type_ in ("NORP", "GPE", "PERSON") for c in qualifiers)
    return noun.pos_ != "PROPN" and not named


def acted_on(token: Token, preps: Sequence[str], objects: bool = False) -> list[Token]:
    """Who the act a to-infinitive names befalls: "threatened to deliver blows to X", "threatened to
    cut ties with X" (a preposition on the act or on its object, as "imposed sanctions on X"), and
    with `objects` the act's object too ("pledged to help X")."""
    acts = kids(token, "xcomp")
    things = [o for x in acts for o in kids(x, "dobj")]
    found = [o for x in acts + things for o in pobjs(x, preps)]
    return found + things if objects else found


def grievance(token: Token) -> list[Token]:
    """What a protest says it is against, when the act is told apart from that word: "staged
    demonstrations to protest against the government's decision", "began a hunger strike in
    protest of the Russian government's refusal". The words are read on the trigger, the verb a
    noun trigger is the object of, and a verb trigger's object; the caller takes the party the
    noun phrase names (its possessor or its "of" phrase; its "by" phrase first), as a protest is
    aimed at whoever did or holds what it protests."""
    hosts = [token, *kids(token, "dobj")] + ([token.head] if token.dep_ == "dobj" else [])
    found: list[Token] = []
    for host in hosts:
        for c in host.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                said = [p for p in kids(c, "pobj") if p.lemma_ == "protest"]
                found += [o for p in said for o in pobjs(p, GRIEVANCE_PREPS)]
            elif c.dep_ in ("xcomp", "advcl", "acl") and c.lemma_ == "protest" and c.i != token.i:
                found += kids(c, "dobj") + pobjs(c, GRIEVANCE_PREPS)
    # "against the arrest of their colleagues by the police": the act's doer, not whom it befell
    return [doer for n in found for doer in (pobjs(n, ("by",)) or [n])]


def without_speakers(
    verb: Token, objects: list[Token], found: tuple[ActorMention, ...]
) -> tuple[ActorMention, ...]:
    """ "stormed the hotel, police and witnesses said": the speakers are not the object's conjuncts.

    The small model, finding no subject for a closing "said", lists its speakers as conjuncts of
    the reported verb's object; a conjunct list that runs into a subject-less governing verb is
    that verb's subject. It also hangs a closing "..., a rights group charged" on the verb as a
    second object with the speaking verb as its clause (`_closing_speaker`).
    """
    found = tuple(m for m in found if not _closing_speaker(verb.doc[m.head], objects))
    gov = verb.head
    if verb.dep_ != "ccomp" or gov.i <= verb.i or any(c.dep_.startswith("nsubj") for c in gov.children):
        return found
    tails = {c.i for o in objects for c in o.conjuncts if c.i > o.i}
    if not tails or max(tails) + 1 != gov.i:
        return found
    return tuple(m for m in found if m.head not in tails)


def _closing_speaker(head: Token, objects: list[Token]) -> bool:
    """ "abused immigrants, a human rights organization charged": a second object of the verb, after
    a comma and another object, with a verb hung on it as its clause, is a closing clause's speaker."""
    if head not in objects or all(o.i >= head.i for o in objects):
        return False
    before = head.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    return before is not None and before.text == "," and any(c.dep_ == "acl" for c in head.rights)


# Roots of force (assault, fight, mass violence), whose "with" after an object is the weapon.
FORCE_ROOTS = frozenset({"18", "19", "20"})


def not_instruments(token: Token, found: list[Token], root: str) -> list[Token]:
    """ "attacked Kyiv with drones", "shelled the town with rockets": in an act of force whose verb
    has a direct object, a "with" phrase on the verb names the weapon, not a party (a weapon noun
    such as "drones" is a military agent to the actor dictionaries). "clashed with X" (no object)
    keeps X as its other side."""
    if root not in FORCE_ROOTS or not kids(token, "dobj"):
        return found
    weapon = lambda t: t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.i == token.i  # noqa: E731
    return [t for t in found if not weapon(t)]

"""Who takes part in an act: the parties a side names, the partner a mutual act is held with, and
the agent a noun's "by" names where the parse hangs it elsewhere. Each refines the arguments
`arguments.find_arguments` read, after a converted pattern's slots (`triggers.with_slots`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.nlp.syntax import NOUN_MODIFIER_DEPS, coordinated_modifiers

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.arguments import Arguments, MentionIndex, Role
    from newsevents.events.triggers import TriggerMatch

# Roots whose sides `named_parties` splits: cooperation, appeals, aid and concessions. Splitting the
# sides of every root also split protesters ("US and British activists"), whose target the coder
# cannot yet tell, so it was measured and kept to these.
PARTY_ROOTS = frozenset({"02", "03", "04", "05", "06", "07", "08", "09"})


def named_parties(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "Russian and Ukrainian officials met", "Cameroon and C.A.R. officials signed an agreement":
    a side whose noun has coordinated modifiers that are names or nationalities of their own is one
    party per modifier (`PARTY_ROOTS` only). "Political and military officials" stay one party: only
    modifiers the actor recogniser read as a name or demonym count."""
    if (match.entry.cameo or "")[:2] not in PARTY_ROOTS:
        return args

    def widen(role: Role) -> Role:
        found = list(role.mentions)
        for mention in role.mentions:
            for token in coordinated_modifiers(index.doc[mention.head]):
                party = index.by_token.get(token.i)
                if party is not None and party.kind in ("name", "demonym") and party not in found:
                    found.append(party)
        return replace(role, mentions=tuple(found)) if len(found) > len(role.mentions) else role

    return replace(args, source=widen(args.source), target=widen(args.target))


def mutual_partner(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "X held a meeting with Y at a lunch hosted by Z", "X discussed Z's role with Y": a mutual
    verb's act is held with whoever "with" or "between" names, on the verb or on its object; the
    other objects say where, when or what about. Two or more parties named by "between" are the
    act's sides themselves, whoever the subject is. Unchanged when no such partner is an actor."""
    if not match.entry.mutual or match.entry.kind != "verb":
        return args
    token = index.doc[match.token]
    args = _without_topic(args, token, index)
    holders = (token, *(c for c in token.children if c.dep_ in ("dobj", "obj")))
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "between")]
    objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    between = [g for g in objects if g.head.lower_ == "between"]
    named = index.resolve(between)
    if len(named) > 1 and not set(named) & set(args.source.mentions):
        # "displaced by fighting between rebels and C.A.R. forces": the two named are the parties,
        # not whoever the sentence's subject is
        return replace(args, source=replace(args.source, mentions=named[:1], inferred=False),
                       target=replace(args.target, mentions=named[1:], inferred=False, prep="between"))
    found = tuple(m for m in index.resolve(objects) if m not in args.source.mentions)
    if not found or set(found) == set(args.target.mentions):
        return args
    prep = objects[0].head.lower_
    return replace(args, target=replace(args.target, mentions=found, inferred=False, prep=prep))


def _without_topic(args: Arguments, verb: Token, index: MentionIndex) -> Arguments:
    """ "discussed China's role", "met to discuss Iran's nuclear programme": an object that names no
    party itself, only through its possessor or modifiers, is what the act is about, not whom it is
    with."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not objects or not args.target.mentions or any(o.i in index.by_token for o in objects):
        return args
    modifiers = {t.i for o in objects for c in o.children if c.dep_ in NOUN_MODIFIER_DEPS for t in c.subtree}
    if not all(m.head in modifiers for m in args.target.mentions):
        return args
    return replace(args, target=replace(args.target, mentions=()))


def nominal_agent(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "the abduction of 20 pupils by gunmen", "a wave of kidnappings by criminal gangs": a noun's
    agent, when the parse hangs its "by" on the noun's "of" object or on the noun it counts ("wave",
    "series") rather than on the noun itself, is the act's source. Unchanged when the act has a
    source already or the "by" names no actor."""
    if match.entry.kind != "noun" or args.source.mentions:
        return args
    token = index.doc[match.token]
    holders = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
        holders.append(token.head.head)  # "a wave of kidnappings by X": the counted noun holds "by"
    agents = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "by"
              for g in c.children if g.dep_ == "pobj"]
    found = tuple(m for m in index.resolve(agents) if m not in args.target.mentions)
    return replace(args, source=replace(args.source, mentions=found, inferred=False)) if found else args

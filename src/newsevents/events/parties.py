"""Who takes part in an act: the parties a side names, the partner a mutual act is held with, the
agent a noun's "by" names where the parse hangs it elsewhere, the author an act is blamed on, whom a
mobilisation is aimed at, and who holds an attitude told in the passive. Each refines the arguments
`arguments.find_arguments` read, after a converted pattern's slots (`triggers.with_slots`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.events.objects import pobjs
from newsevents.nlp.syntax import NOUN_MODIFIER_DEPS, coordinated_modifiers, measured

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.arguments import Arguments, MentionIndex, Role
    from newsevents.events.modality import Cues
    from newsevents.events.triggers import TriggerMatch
    from newsevents.model import ActorMention

# Prepositions that name whom a participle's act befalls when the parse hangs them on its agent or its
# noun: "sanctions imposed by the EU on Russia", "restrictions on Huawei imposed by Washington"
PARTICIPLE_PREPS = ("on", "against")
# The preposition that names who gave what a subject received ("received weapons from X")
GIVER_PREPS = ("from",)
GIVER_MODIFIERS = ("amod", "compound", "poss", "nmod")
# Roots whose sides `named_parties` splits: cooperation, appeals, aid and concessions. Splitting the
# sides of every root also split protesters ("US and British activists"), whose target the coder
# cannot yet tell, so it was measured and kept to these, and to acts done to each other ("Indian and
# Chinese troops clashed": an entry with `mutual`).
PARTY_ROOTS = frozenset({"02", "03", "04", "05", "06", "07", "08", "09"})
ACCUSATION = "112"
# Sectors of the forces a mobilisation moves (CAMEO 15x): troops, police, armed groups
FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "SEP", "UAF", "SPY"})


def refine(args: Arguments, match: TriggerMatch, index: MentionIndex, cues: Cues) -> Arguments:
    """The arguments after each refinement of this module, in order: a mutual act's partner, the
    parties coordinated modifiers name, a noun's "by" agent, the party an accused "it" stands for,
    the forces a mobilisation moves and whom it is aimed at, the parties of "each other", the author
    an act is blamed on, an attitude's holder, a participle's target, and the giver of what was
    received."""
    args = named_parties(mutual_partner(args, match, index), match, index)
    args = forces_moved(accused_it(nominal_agent(args, match, index), match, index), match, index)
    args = forces_aimed(args, match, index)
    args = blamed_author(reciprocal(args, match, index), match, index, cues.blaming_verbs)
    return received(participle_target(attitude_holder(args, match, index), match, index), match, index)


# The prepositions that name an act's author after a verb of blaming: "blamed it on X", "attributed it to X"
AUTHOR_PREPS = ("on", "to")
RELATIVES = frozenset({"which", "that"})


def blamed_author(
    args: Arguments, match: TriggerMatch, index: MentionIndex, blaming: frozenset[str]
) -> Arguments:
    """ "Islamabad has blamed several recent attacks on militants", "the attack, which the military
    blamed on the ELN", "attributed the bombing to X": the act noun a verb of blaming takes as its
    object (or whose relative clause blames it) was done by whoever "on"/"to" names, never to them;
    its target stays what the text gives it otherwise, often none. `blaming`: the verbs of blaming
    (cues.yml `blaming_verbs`, with the user's cue files merged over them)."""
    token = index.doc[match.token]
    if token.pos_ not in ("NOUN", "PROPN"):
        return args
    verbs = [token.head] if token.dep_ in ("dobj", "nsubjpass") else []
    verbs += [c for c in token.children if c.dep_ == "relcl" and any(
        g.dep_ in ("dobj", "nsubjpass") and g.lower_ in RELATIVES for g in c.children)]  # fmt: skip
    verbs = [v for v in verbs if v.lemma_.lower() in blaming]
    if not verbs:
        return args
    preps = [c for t in (*verbs, token) for c in t.children if c.dep_ == "prep" and c.lower_ in AUTHOR_PREPS]
    authors = index.resolve([g for p in preps for g in p.children if g.dep_ == "pobj"])
    return _as_source(args, authors) if authors else args


def _as_source(args: Arguments, found: tuple[ActorMention, ...]) -> Arguments:
    """The arguments with `found` as the (inferred) source and no longer among the targets."""
    kept = tuple(m for m in args.target.mentions if m not in found)
    return replace(
        args,
        source=replace(args.source, mentions=found, inferred=True),
        target=replace(args.target, mentions=kept),
    )


def accused_it(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "fighting an insurgency against the Pakistani state, accusing it of exploiting ...", "blamed
    India, accusing it of ...": one accuses a party, so an object "it" of an accusation (112) is the
    latest actor named before it in its sentence that is not the accuser. Elsewhere an object "it"
    names a thing more often than not and is left alone (the actors stage's coreference)."""
    token = index.doc[match.token]
    if args.target.mentions or not (match.entry.cameo or "").startswith(ACCUSATION):
        return args
    pronoun = next((c for c in token.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
    if pronoun is None:
        return args
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        found = index.by_token.get(i)
        if found is not None and found not in args.source.mentions and found.kind != "pronoun":
            return replace(args, target=replace(args.target, mentions=(found,), inferred=True))
    return args


def named_parties(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "Russian and Ukrainian officials met", "Cameroon and C.A.R. officials signed an agreement":
    a side whose noun has coordinated modifiers that are names or nationalities of their own is one
    party per modifier (`PARTY_ROOTS` only), and so is one whose "of" names several countries
    ("the foreign ministers of Egypt, Jordan and Saudi Arabia met": `_of_parties`). "Political
    and military officials" stay one party: only modifiers the actor recogniser read as a name or
    demonym count."""
    if (match.entry.cameo or "")[:2] not in PARTY_ROOTS and not match.entry.mutual:
        return args

    def widen(role: Role) -> Role:
        found = list(role.mentions)
        for mention in role.mentions:
            for token in coordinated_modifiers(index.doc[mention.head]):
                party = index.by_token.get(token.i)
                if party is not None and party.kind in ("name", "demonym") and party not in found:
                    found.append(party)
            found += [p for p in _of_parties(mention, index) if p not in found]
        return replace(role, mentions=tuple(found)) if len(found) > len(role.mentions) else role

    return replace(args, source=widen(args.source), target=widen(args.target))


def _of_parties(mention: ActorMention, index: MentionIndex) -> list[ActorMention]:
    """ "the foreign ministers of Egypt, Jordan and Saudi Arabia": the noun (a sector of the first
    country, from its own "of") stands for that sector of each further country its "of" lists,
    one mention each on the country's words, named by the country as `both.py` names its members."""
    sector, head = mention.actor.sector, index.doc[mention.head]
    if not sector or not mention.actor.country:
        return []
    listed = [t for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.children
              if t.dep_ == "pobj" for t in (t, *t.conjuncts)]  # fmt: skip
    out = []
    for token in listed:
        party = index.by_token.get(token.i)
        if party is None or party.actor.sector or party.kind not in ("name", "demonym"):
            continue
        country = party.actor.country
        if country and country != mention.actor.country:
            out.append(replace(party, actor=replace(party.actor, code=country + sector, sector=sector)))
    return out


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


def reciprocal(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "Russia and Ukraine accused each other of ...", "both sides blamed one another": an act whose
    object (or the object of its preposition) is "each other" or "one another" is done by each of
    its parties to the others, so the sources are the targets too (`sides.pairs` never pairs an
    actor with itself). Unchanged with fewer than two sources or a target already read."""
    if len(args.source.mentions) < 2 or args.target.mentions:
        return args
    token = index.doc[match.token]
    objects = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
    objects += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if not any(_each_other(o) for o in objects):
        return args
    return replace(args, target=replace(args.target, mentions=args.source.mentions, inferred=True))


def _each_other(token: Token) -> bool:
    """ "each other", "one another", whichever word the parse makes the head."""
    doc, i = token.doc, token.i
    pair = (doc[i - 1].lower_ if i > 0 else "", token.lower_)
    after = (token.lower_, doc[i + 1].lower_ if i + 1 < len(doc) else "")
    return pair in (("each", "other"), ("one", "another")) or after == ("one", "another")


def forces_moved(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "Hundreds of troops were deployed to the border", "security forces had been dispatched": a
    mobilisation (15x) told in the passive without who ordered it is done by the forces it moves,
    as CAMEO codes "troops deployed" (the army mobilises), so armed actors among its subject (or
    what an amount there counts) are the source. The target reading keeps such a subject out as the
    means moved, so they are read here. Unchanged when the act has a source."""
    if args.source.mentions or not (match.entry.cameo or "").startswith("15"):
        return args
    subjects = [c for c in index.doc[match.token].children if c.dep_ == "nsubjpass"]
    subjects += [held for c in subjects for held in measured(c)]
    moved = tuple(m for m in index.resolve(subjects) if m.actor.sector in FORCE_SECTORS)
    return _as_source(args, moved) if moved else args


# Sectors of a state's own forces: moved by a mobilisation, they are its means, not its target
STATE_FORCES = frozenset({"MIL", "COP", "SPY"})
# Whom the purpose of a mobilisation acts on: "to push back the rebels", "for a war against Iraq"
AIMED_PREPS = ("against", "on", "at")
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl"})


def forces_aimed(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "Britain mobilized army reservists for a possible war against Iraq", "troops were deployed to
    the villages to push back the rebels": a mobilisation (15x) moves its side's own forces, which
    are its means and never its target (`_own_forces`); it is aimed at whom its purpose acts on,
    the object of its to-infinitive or the "against" of its "for" phrase (inferred). Unchanged when
    the act has a target of another side."""
    if match.entry.kind != "verb" or not (match.entry.cameo or "").startswith("15"):
        return args
    own = {m.actor.country for m in args.source.mentions}
    kept = tuple(m for m in args.target.mentions if not _own_forces(m, own))
    if kept:
        return replace(args, target=replace(args.target, mentions=kept))
    token = index.doc[match.token]
    purposes = [c for c in token.children if c.dep_ in PURPOSE_DEPS and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]  # fmt: skip
    aimed = [o for p in purposes for o in p.children if o.dep_ == "dobj"]
    aimed += [g for p in (*purposes, *pobjs(token, ("for",))) for g in pobjs(p, AIMED_PREPS)]
    sides = args.source.mentions
    found = tuple(m for m in index.resolve(aimed) if m not in sides and not _own_forces(m, own))
    return replace(args, target=replace(args.target, mentions=found, inferred=bool(found), prep=None))


def _own_forces(mention: ActorMention, countries: set[str | None]) -> bool:
    """A state's forces of no other country than the mobilising side's ("army reservists")."""
    country = mention.actor.country
    return mention.actor.sector in STATE_FORCES and (not country or country in countries)


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


def attitude_holder(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "Turkey is opposed to Greece's claim", "Berlin was disappointed by Warsaw's vote": an attitude
    told as a passive participle is held by the participle's subject (or its copula's: "said it was
    disappointed by"), and aims at the object of the preposition its entry asks for, "by" included.
    The default passive reading would take the subject as the target and "by" as the source. Only
    for entries with `source_from: holder`, and only in the passive; unchanged when the subject names
    no actor."""
    if match.entry.source_from != "holder" or match.entry.kind != "verb":
        return args
    token = index.doc[match.token]
    holders = [c for c in token.children if c.dep_ == "nsubjpass"]
    if not holders and not any(c.dep_ == "auxpass" for c in token.children) and token.dep_ != "acomp":
        return args  # active: "X opposes Y's expansion, to that end ..." is read as any verb is
    if not holders and token.dep_ == "acomp":
        holders = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    source = index.resolve(holders)
    if not source:
        return args
    preps = [c for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in match.entry.prep]
    objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    target = tuple(m for m in index.resolve(objects) if m not in source)
    prep = preps[0].lower_ if target else None
    return replace(
        args,
        source=replace(args.source, mentions=source, inferred=False),
        target=replace(args.target, mentions=target, inferred=False, prep=prep),
    )


def participle_target(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "sanctions imposed by the EU on Russia", "restrictions imposed by the United States": a
    participle that modifies its act noun is read as a passive whose subject is that noun, and the
    noun's phrase holds the agent too, so the agent came back as the target and the act had one
    side twice. Whom the act befalls is then "on"/"against" on the participle, on the agent (where
    the parse hangs "on Russia") or on the noun. With no such target, a noun that is the entry's own
    word ("books banned by the Taliban", "property seized by forces": the dictionary's `with`) is what
    the act befalls, no actor, so the agent acts alone; any other noun ("a lunch hosted by the
    ambassador") leaves the arguments as they were, and the act codes nothing."""
    token = index.doc[match.token]
    twice = set(args.target.mentions) & set(args.source.mentions)
    if match.entry.kind != "verb" or token.dep_ != "acl" or not twice:
        return args
    agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    holders = [token, token.head, *agents]
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in PARTICIPLE_PREPS]
    found = index.resolve([g for p in preps for g in p.children if g.dep_ == "pobj"])
    target = tuple(m for m in found if m not in args.source.mentions)
    if not target:
        return _without_twice(args, twice) if token.head.i in match.words else args
    return replace(args, target=replace(args.target, mentions=target, inferred=False, prep=preps[0].lower_))


def _without_twice(args: Arguments, twice: set[ActorMention]) -> Arguments:
    """The arguments with the mentions held by both sides left to the source alone."""
    kept = tuple(m for m in args.target.mentions if m not in twice)
    return replace(args, target=replace(args.target, mentions=kept, prep=None))


def received(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "Ukraine received weapons from the United States", "X received an award from Y": what the
    subject received was given by whoever "from" names, on the verb or on what was received (else
    whoever a modifier of what was received names: "received Chinese funding"), so that one is the
    source and the subject the target. Only for entries with `source_from: giver`;
    unchanged when "from" names no actor other than the subject. What was received may also be
    the entry's `with` word behind a preposition: "met with opposition from X", "came under fire
    from X"."""
    if match.entry.source_from != "giver" or match.entry.kind != "verb":
        return args
    token = index.doc[match.token]
    held = [index.doc[i] for i in match.words if i != token.i]
    holders = [token, *(c for c in token.children if c.dep_ in ("dobj", "obj")), *held]
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in GIVER_PREPS]
    receivers = args.source.mentions
    found = index.resolve([g for p in preps for g in p.children if g.dep_ == "pobj"])
    # "received Chinese funding", "accepted Beijing's loans": the owner of what was received gave it
    owners = [c for h in holders[1:] for c in h.children if c.dep_ in GIVER_MODIFIERS]
    found = found or index.resolve(owners)
    givers = tuple(m for m in found if m not in receivers)
    if not givers and (args.target.mentions or not receivers):
        return args
    if not givers:  # "a convoy came under fire": the subject received it from no one named
        target = replace(args.target, mentions=receivers, prep=None)
        return replace(args, source=replace(args.source, mentions=()), target=target)
    return replace(
        args,
        source=replace(args.source, mentions=givers, inferred=False),
        target=replace(args.target, mentions=receivers, inferred=args.source.inferred, prep=None),
    )

"""Sentence-level precision rules: events a careful analyst would not code twice, or at all.

Each rule looks only at the parse of one sentence and the triggers found in it:

- one fact, two triggers: a verb of attack whose agent or subject is itself an attack noun
  ("five were wounded by a Russian missile strike") states the attack once; the two are merged
  into the one that says more (the verb when it has a target, else the noun);
- harm done to oneself: "the militants killed themselves", "the gunman shot himself" is no
  attack on anyone (a suicide bombing, "blew himself up", 183x, stays: it befalls others);
- one attack and its toll: a participle of harm of the same root after an attack verb ("shelled
  the district, killing eight people") tells what the attack did, not a second attack; its victims
  become the attack's target when the attack has none;
- agreeing to coerce: "agreed to impose sanctions" is the sanction (16x-20x) with the parties'
  agreement as its manner, not an agreement to cooperate (03x) as well;
- a possible act with no doer: "school children can still be attacked", "if adults will be
  abducted" tells a fear, not an act of the day; a hypothetical (a modal of possibility, an
  if-clause) passive with no agent and no source found is not coded. Named doers keep their
  possible acts ("Russia could attack", "they may impose sanctions"): threats and plans; so does
  a passive an earlier act of the kind lends its doer ("others could also be deported");
- discards: a sentence holding a discard phrase (sports, entertainment, business, from the
  converted PETRARCH2 discards) is not about politics and codes no event.

An act the article dates years back ("Houthi rebels overran the capital in 2014") is history it
recalls, but still an act: it is coded like any other, and the dates stage gives it its own date
(2014, precision "year"), so an analyst filters history by date rather than losing it here.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.nlp.children import children_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsevents.events.arguments import Arguments
    from newsevents.events.modality import Stance
    from newsevents.events.triggers import TriggerMatch
    from newsevents.events.verb_patterns import Converted
    from newsevents.model import Event

log = logging.getLogger(__name__)

ATTACK_ROOTS = frozenset({"18", "19", "20"})
COERCIVE_ROOTS = frozenset({"16", "17", "18", "19", "20"})
AGREE_ROOT = "03"
BOMBING = "183"
BOOST = "060"  # the code of the boosting verbs' block (intensify, boost, step up)
REFLEXIVE = frozenset({"himself", "herself", "themselves", "itself", "themself"})


def _attack(match: TriggerMatch, roots: dict[int, str]) -> bool:
    return roots.get(match.token, "") in ATTACK_ROOTS


def possible_without_doer(verb: Token, args: Arguments, stance: Stance) -> bool:
    """A hypothetical passive act with no agent and no source: a danger spoken of, not an act
    (module docstring). An earlier act of the kind that lends it a doer (`restated.py`) keeps it.
    An active verb names its doer even when it is left unresolved ("they may impose sanctions"),
    so only the passive, which can leave the doer out, is judged."""
    if stance.modality != "hypothetical" or args.source.mentions:
        return False  # a doer found, or lent by an act of the kind told before ("could be deported")
    head = verb.head if verb.dep_ == "conj" else verb  # "can be attacked or kidnapped"
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
    return passive and not any(c.dep_ == "agent" for t in (verb, head) for c in t.children)


def _reflexive(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in REFLEXIVE for c in verb.children)


def attack_pairs(
    doc_tokens: Sequence[Token], matches: Sequence[TriggerMatch], roots: dict[int, str]
) -> list[tuple[int, int]]:
    """(verb token, noun token) pairs where an attack noun is the agent or subject of an attack verb."""
    nouns = {m.token for m in matches if m.entry.kind == "noun" and _attack(m, roots)}
    pairs = []
    for m in matches:
        if m.entry.kind != "verb" or not _attack(m, roots):
            continue
        verb = doc_tokens[m.token]
        agents = [g for c in children_of(verb, ("agent",)) for g in children_of(c, ("pobj",))]
        subjects = children_of(verb, ("nsubj",))
        for t in agents + subjects:
            if t.i in nouns:
                pairs.append((m.token, t.i))
    return pairs


def one_fact(
    doc_tokens: Sequence[Token], matches: Sequence[TriggerMatch], roots: dict[int, str],
    by_token: dict[int, list[Event]],
) -> None:
    """Drop, in place, harm done to oneself (module docstring), and merge the events that state
    one attack twice: an attack noun as the agent or subject of an attack verb (`attack_pairs`:
    the verb is kept when it has a target, else the noun; the noun when it is a fight whose two
    sides it names, both ways: "an India-Pakistan border clash killed five soldiers" is a clash
    between the two, whoever the dead were)."""
    for m in matches:
        if m.entry.kind == "verb" and _attack(m, roots) and _reflexive(doc_tokens[m.token]):
            by_token[m.token] = [e for e in by_token.get(m.token, []) if e.cameo.startswith(BOMBING)]
    for verb, noun in attack_pairs(doc_tokens, matches, roots):
        said, stated = by_token.get(verb, []), by_token.get(noun, [])
        if said and stated:
            fight = sum(e.source is not None and e.target is not None for e in stated) > 1
            by_token[noun if any(e.target is not None for e in said) and not fight else verb] = []


def merge_tolls(
    doc_tokens: Sequence[Token], matches: Sequence[TriggerMatch], roots: dict[int, str],
    by_token: dict[int, list[Event]],
) -> None:
    """Merge, in place, an attack and its toll (`toll_clauses`) whose events share a root, once
    victims' codes are settled (a killing by gunmen is 18x); the attack takes the toll's victims
    as its target when it has none, also when the roots differ and both are kept ("blew himself
    up at a mosque, killing 12 worshippers": the bombing befell the worshippers)."""
    for attack, toll in toll_clauses(doc_tokens, matches, roots):
        told, harmed = by_token.get(attack, []), by_token.get(toll, [])
        if not told or not harmed:
            continue
        if all(e.target is None for e in told) and any(e.target is not None for e in harmed):
            victims = {e.target.code: e.target for e in harmed if e.target is not None}
            by_token[attack] = told = [replace(e, target=t) for e in told for t in victims.values()]
        if {e.cameo_root for e in told} == {e.cameo_root for e in harmed}:
            by_token[toll] = []


def toll_clauses(
    doc_tokens: Sequence[Token], matches: Sequence[TriggerMatch], roots: dict[int, str]
) -> list[tuple[int, int]]:
    """(attack verb, participle) pairs: "bombarded the city, killing eight people", "detonated a
    bomb near the convoy, killing one and wounding four": an attack verb's adverbial -ing clause
    (and its conjuncts) that is an attack trigger tells the attack's toll; `merge_tolls` merges them
    when their events share a root. Of two roots ("detonated explosives (183), killing a soldier
    (190)") both readings are kept: reports of the same attack elsewhere are matched by root. A
    participle on a verb of saying or on a noun is left: "police said, adding ..." is no attack."""
    attacks = {m.token for m in matches if _attack(m, roots) and m.entry.kind == "verb"}
    pairs = []
    for token in attacks:
        clause, head = doc_tokens[token], doc_tokens[token].head
        if clause.dep_ == "advcl" and clause.tag_ == "VBG" and head.i in attacks:
            pairs += [(head.i, t.i) for t in (clause, *clause.conjuncts) if t.i in attacks]
    return pairs


def qualifying_verbs(
    doc_tokens: Sequence[Token], matches: Sequence[TriggerMatch], roots: dict[int, str],
    unharmed: frozenset[str] = frozenset(),
) -> set[int]:  # fmt: skip
    """Tokens of verbs coded by an act they only qualify: 03x verbs whose complement is itself a
    coercive trigger ("agreed to impose sanctions"), and verbs of boosting (`BOOST`: intensify,
    step up) whose object is itself a trigger of another root ("intensified their campaign on
    opposition areas", "boosted aid to Kyiv"): the object's own event says what was done. Also
    verbs of harm whose object is a thing force cannot touch (`unharmed`: "sanctions hurt Iran's
    economy", "the war hit exports"): no assault at all."""
    coercive = {m.token for m in matches if roots.get(m.token, "") in COERCIVE_ROOTS}
    triggers = {m.token: roots.get(m.token, "") for m in matches}
    out = set()
    for m in matches:
        root, kids = roots.get(m.token, ""), list(doc_tokens[m.token].children)
        agreed = root == AGREE_ROOT and any(c.dep_ == "xcomp" and c.i in coercive for c in kids)
        acts = [triggers[c.i] for c in kids if c.dep_ == "dobj" and c.i in triggers]
        boosted = m.entry.cameo == BOOST and any(act != root for act in acts)
        things = [c for c in kids if c.dep_ == "dobj" and c.lemma_.lower() in unharmed]
        figurative = root in ATTACK_ROOTS and bool(things)
        if m.entry.kind == "verb" and (agreed or boosted or figurative):
            out.add(m.token)
    return out


def discarded(converted: Converted | None, sent: Span) -> bool:
    """A sentence holding a discard phrase (sports, entertainment, business) codes no event."""
    phrase = converted.discards.found_in(sent) if converted is not None else None
    if phrase is not None:
        log.debug("sentence at %d not coded: discard phrase %r", sent.start_char, phrase)
    return phrase is not None

"""Sentence-level precision rules: events a careful analyst would not code twice, or at all.

Each rule looks only at the parse of one sentence and the triggers found in it:

- background: an act dated inside its own clause to a year before the article's year ("Houthi
  rebels overran the capital in 2014", "a peace deal signed in 2016") is history the article
  recalls, not news it reports; "since 2011" is a duration and does not count. The article's
  year is its publication's, or without a date the latest year its text names;
- one fact, two triggers: a verb of attack whose agent or subject is itself an attack noun
  ("five were wounded by a Russian missile strike") states the attack once; the two are merged
  into the one that says more (the verb when it has a target, else the noun);
- agreeing to coerce: "agreed to impose sanctions" is the sanction (16x-20x) with the parties'
  agreement as its manner, not an agreement to cooperate (03x) as well;
- discards: a sentence holding a discard phrase (sports, entertainment, business, from the
  converted PETRARCH2 discards) is not about politics and codes no event.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsevents.events.triggers import TriggerMatch
    from newsevents.events.verb_patterns import Converted

log = logging.getLogger(__name__)

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# prepositions that date an act to a past point; "since", "until" give spans reaching the present
POINT_PREPS = frozenset({"in", "on", "during", "by", "of"})
ATTACK_ROOTS = frozenset({"18", "19", "20"})
COERCIVE_ROOTS = frozenset({"16", "17", "18", "19", "20"})
AGREE_ROOT = "03"


def _years(token: Token) -> list[int]:
    """Years written in the DATE phrases that hang directly on `token`."""
    out: list[int] = []
    for child in token.children:
        dates: list[Token] = []
        if child.dep_ == "prep" and child.lower_ in POINT_PREPS:
            dates = [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("npadvmod", "tmod") or (child.dep_ == "pobj" and token.dep_ == "prep"):
            dates = [child]
        for d in dates:
            if d.ent_type_ == "DATE" or d.like_num:
                out += [int(y) for y in YEAR.findall(" ".join(t.text for t in d.subtree))]
    return out


def reference_year(published: str | None, text: str) -> int | None:
    """The article's own year: its publication's, else the latest year it mentions (or None)."""
    if published and published[:4].isdigit():
        return int(published[:4])
    years = [int(y) for y in YEAR.findall(text)]
    return max(years) if years else None


def background(token: Token, year: int | None) -> bool:
    """The trigger's own clause dates it to a year before the article's (see module docstring)."""
    if year is None:
        return False
    clause = [token]
    if token.head.i != token.i and (token.pos_ != "VERB" or token.dep_ in ("conj", "advcl", "xcomp")):
        # "launched a campaign in 2015": the light verb carries the date; so does the first of
        # two coordinated verbs, and the governor of "having recaptured"
        clause.append(token.head)
    found = [y for t in clause for y in _years(t)]
    return bool(found) and max(found) < year


def _attack(match: TriggerMatch, roots: dict[int, str]) -> bool:
    return roots.get(match.token, "") in ATTACK_ROOTS


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
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        for t in agents + subjects:
            if t.i in nouns:
                pairs.append((m.token, t.i))
    return pairs


def agreed_coercion(
    doc_tokens: Sequence[Token], matches: Sequence[TriggerMatch], roots: dict[int, str]
) -> set[int]:
    """Tokens of 03x verbs whose complement is itself a coercive trigger ("agreed to impose sanctions")."""
    coercive = {m.token for m in matches if roots.get(m.token, "") in COERCIVE_ROOTS}
    out = set()
    for m in matches:
        if roots.get(m.token, "") != AGREE_ROOT or m.entry.kind != "verb":
            continue
        if any(c.dep_ == "xcomp" and c.i in coercive for c in doc_tokens[m.token].children):
            out.add(m.token)
    return out


def discarded(converted: Converted | None, sent: Span) -> bool:
    """A sentence holding a discard phrase (sports, entertainment, business) codes no event."""
    phrase = converted.discards.found_in(sent) if converted is not None else None
    if phrase is not None:
        log.debug("sentence at %d not coded: discard phrase %r", sent.start_char, phrase)
    return phrase is not None

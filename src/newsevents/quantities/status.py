"""A figure's status: "projected" under a modal or forecast word, "cumulative" for a running
total, else "reported" (see the package docstring for what callers may rely on).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from newsevents.model import Status
from newsevents.nlp.syntax import SUBJECT_DEPS, is_finite, own_clause_tokens
from newsevents.quantities.kinds import Frame
from newsevents.quantities.lexicon import QuantityLexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

YEAR = re.compile(r"^(1[89]|20)\d\d$")


def status(frame: Frame, lex: QuantityLexicon) -> Status:
    """The figure's status from its clause verb; a figure with no verb is simply "reported"."""
    verb = frame.verb
    if verb is None:
        return "reported"
    if _projected(verb, lex):
        return "projected"
    if _cumulative(verb, frame.noun, lex):
        return "cumulative"
    return "reported"


def _projected(verb: Token, lex: QuantityLexicon) -> bool:
    """A modal or forecast word on the figure's clause, climbing through non-finite clauses and
    the clause of a preposition ("aimed at murdering the judge": an aim, and no one killed)."""
    cur: Token | None = verb
    while cur is not None:
        if cur.lemma_.lower() in lex.projected:
            return True
        for child in cur.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in lex.modals:
                return True
            if child.dep_ in ("acomp", "advmod", "mark") and child.lemma_.lower() in lex.projected:
                return True
        if cur.dep_ == "relcl" or cur.head.i == cur.i:
            return False
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            cur = cur.head.head  # "an operation aimed at murdering the judge": the aim is the word
            continue
        own_aux = any(c.dep_ in ("aux", "auxpass") for c in cur.children)
        nonfinite = cur.dep_ in ("ccomp", "advcl") and not is_finite(cur)
        climbs = cur.dep_ == "xcomp" or nonfinite or (cur.dep_ == "conj" and not own_aux)
        cur = cur.head if climbs else None
    return False


def _cumulative(verb: Token, noun: Token, lex: QuantityLexicon) -> bool:
    """Running totals: "so far", "in total", "since 2011", "the war has killed", "the death toll
    has risen to", "have died in the conflict".

    A cue counts only where it modifies the figure's own clause: "in all 22 governorates" and "the
    total number" are phrases about something else, and "since the beginning of the crisis" inside
    "the largest movement in a day since ..." dates the comparison, not the figure.
    """
    tokens = own_clause_tokens(verb)
    if _cue_phrase(tokens, verb, noun, lex) or _since(tokens, verb, noun, lex) or _period(verb, lex):
        return True
    own_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    head = verb.head if verb.dep_ == "conj" and not own_subject else None  # "... and left 60,000 missing"
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if not perfect:
        # "the death toll rose to 45 on Monday" is that day's report of one event
        return head is not None and _cumulative(head, noun, lex)
    if verb.lemma_.lower() in lex.rising and any(
        c.dep_ in SUBJECT_DEPS and c.lemma_.lower() == "toll" for c in verb.children
    ):
        return True  # "the death toll has risen to 45": the sum so far
    holder = verb if own_subject or head is None else head
    subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and holder.dep_ == "relcl":
        subject = holder.head
    subjects = [subject, *subject.conjuncts] if subject is not None else []
    if any(s.lemma_.lower() in lex.long_running for s in subjects):
        return True  # "airstrikes and ground fighting in Yemen have killed more than 130,000 people"
    if any(  # "at least 5,000 people have died in the conflict"
        c.dep_ == "prep" and c.lower_ in ("in", "during", "since")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in lex.long_running for o in c.children)
        for c in verb.children
    ):
        return True
    return head is not None and _cumulative(head, noun, lex)


def _since(tokens: list[Token], verb: Token, noun: Token, lex: QuantityLexicon) -> bool:
    """ "since 2011", "since the start of the war", "since Russia invaded": a long span up to now.

    The "since" must hang on the figure's verb or noun (or open a clause hung on the verb);
    "the largest movement in a day since the crisis began" dates the comparison, not the figure.
    """
    marks = [m for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"]
    for tok in [*tokens, *marks]:
        if tok.lower_ != "since":
            continue
        opens_clause = tok.dep_ == "mark" and tok.head.head.i == verb.i
        if not (tok.head.i in (verb.i, noun.i) or opens_clause):
            continue
        span = _unbracketed(tok.head.subtree if opens_clause else tok.subtree)
        if any(t.i != tok.i and (YEAR.match(t.text) or t.lemma_.lower() in lex.since_long) for t in span):
            return True
    return False


def _unbracketed(tokens: Iterable[Token]) -> list[Token]:
    """The tokens outside brackets: "since March (UNHCR, September 2016)" cites a source's date,
    which says nothing of how long the span is."""
    out: list[Token] = []
    depth = 0
    for tok in sorted(tokens, key=lambda t: t.i):
        if tok.text in ("(", "["):
            depth += 1
        elif tok.text in (")", "]"):
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(tok)
    return out


def _period(verb: Token, lex: QuantityLexicon) -> bool:
    """ "in the last 15 months", "over the past year": a toll of a long period (`since_long` nouns);
    "during the month of November": a month's tally, not one event's toll.

    "in the past 24 hours" and "last week" name no long period and stay plain reports. A period
    said after a joined clause that shares the verb's auxiliary is both clauses' ("93 were killed
    and 115 wounded during the month of November"); one with its own ("... and 1,775 have been
    killed over the past 12 months") dates only itself.
    """
    holders = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.i > verb.i and _gapped(c))]
    for prep in (p for h in holders for p in h.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "over", "during", "within"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            recent = any(c.lower_ in ("last", "past") for c in obj.children)
            if recent and obj.lemma_.lower() in lex.since_long:
                return True
            if obj.lemma_.lower() == "month" and any(c.lower_ == "of" for c in obj.children):
                return True
    return False


def _gapped(clause: Token) -> bool:
    """A joined clause without an auxiliary of its own: "and 115 wounded" shares "were"."""
    return clause.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)


def _cue_phrase(tokens: list[Token], verb: Token, noun: Token, lex: QuantityLexicon) -> bool:
    """A cumulative phrase of the word lists among `tokens` that qualifies no other noun than the
    figure's own: "so far 3,000 people" yes; "in all 22 governorates", "the total number" and an
    aside on another noun ("56,000 people, the largest displacement so far in 2016") no.

    A phrase is tried only where its first word stands, and the figure's words and the asides are
    worked out at the first phrase found: most clauses hold none."""
    lowers = [t.lower_ for t in tokens]
    at: dict[str, list[int]] = {}
    for i, lower in enumerate(lowers):
        at.setdefault(lower, []).append(i)
    figure: set[int] | None = None
    asides: set[int] = set()
    for words in _split(lex.cumulative):
        n = len(words)
        for i in at.get(words[0], ()):
            if lowers[i : i + n] != words:
                continue
            if figure is None:
                figure = set(range(noun.left_edge.i, noun.i + 1))  # the figure and what precedes its noun
                asides = {
                    x.i for t in tokens if t.dep_ in ("appos", "acl") and t.i != verb.i for x in t.subtree
                }  # fmt: skip
            last = tokens[i + n - 1]
            if last.i in figure:
                return True
            other = last.head.i not in figure and last.head.pos_ in ("NOUN", "PROPN", "NUM")
            if (last.head.i > last.i and other and last.dep_ != "pobj") or last.i in asides:
                continue  # the phrase qualifies another noun
            return True
    return False


@lru_cache(maxsize=16)
def _split(phrases: frozenset[str]) -> tuple[list[str], ...]:
    """The word lists' phrases as lists of words, split once per list, not once per figure."""
    return tuple(phrase.split() for phrase in phrases)

"""A figure's status: "projected" under a modal or forecast word, "cumulative" for a running
total, else "reported" (see the package docstring for what callers may rely on).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsevents.model import Status
from newsevents.nlp.syntax import is_finite, own_clause_tokens
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
    """A modal or forecast word on the figure's clause, climbing through non-finite clauses."""
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
        own_aux = any(c.dep_ in ("aux", "auxpass") for c in cur.children)
        nonfinite = cur.dep_ in ("ccomp", "advcl") and not is_finite(cur)
        climbs = cur.dep_ == "xcomp" or nonfinite or (cur.dep_ == "conj" and not own_aux)
        cur = cur.head if climbs else None
    return False


def _cumulative(verb: Token, noun: Token, lex: QuantityLexicon) -> bool:
    """Running totals: "so far", "in total", "since 2011", "the war has killed"."""
    tokens = own_clause_tokens(verb)
    words = " " + " ".join(t.lower_ for t in tokens) + " "
    if any(f" {phrase} " in words for phrase in lex.cumulative):
        return True
    for tok in tokens:
        if tok.lower_ == "since" and any(
            YEAR.match(t.text) or t.lemma_.lower() in lex.since_long for t in tok.subtree if t.i != tok.i
        ):
            return True
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if not perfect:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and subject.lemma_.lower() in lex.long_running

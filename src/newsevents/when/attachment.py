"""Which clause a date expression dates, and the date attached to a span's clause or the clauses
above it (shared by event dating and figure dating).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsevents.model import Article, DatePrecision
from newsevents.nlp.syntax import VERB_POS, clause_head
from newsevents.when.expressions import Prefer, resolve_date

# Prepositions that bound an event in time without dating it ("a pause to February 25").
BOUNDS = frozenset({"to", "until", "till", "through", "before", "by", "after", "ahead", "within", "for"})
# Clauses that take the date of the clause above them: what was said ("said on Thursday that
# ..."), what followed ("..., killing 32"), what was joined ("shelled and stormed"). A relative
# clause ("allies who accuse the Houthis") describes, and is not dated by, its sentence.
INHERITS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis", "ROOT"})
FUTURE_WORDS = frozenset({"will", "wo", "'ll", "shall"})


def _attached_to(span: Span) -> Token | None:
    """The word a date expression modifies; None when it only bounds ("until Friday") or
    describes a noun ("the five-year conflict")."""
    root = span.root
    if root.dep_ == "pobj":
        prep = root.head
        return None if prep.lower_ in BOUNDS else prep.head
    if root.dep_ in ("compound", "amod", "nummod", "poss"):
        return None
    return root.head if root.head.i != root.i else None


def _is_future(verb: Token) -> bool:
    return any(child.lower_ in FUTURE_WORDS for child in verb.children) or (
        verb.lower_ in ("going",) and any(c.dep_ == "xcomp" for c in verb.children)
    )


def date_expressions(doc: Doc, article: Article, sent: Span) -> list[Span]:
    """DATE and TIME entities of a sentence, outside page furniture."""
    return [
        ent
        for ent in sent.ents
        if ent.label_ in ("DATE", "TIME") and not article.in_furniture(ent.start_char, ent.end_char)
    ]


def date_at(
    doc: Doc, article: Article, trig: Span, skip: frozenset[str] = frozenset()
) -> tuple[str, DatePrecision] | None:
    """The date expression attached to the span's clause or a clause above it, resolved.

    Expressions whose first word is in `skip` are passed over ("since" for running totals).
    """
    trigger = trig.root
    attached: dict[int, list[tuple[int, Span, Token]]] = {}
    for ent in date_expressions(doc, article, trig.sent):
        head = _attached_to(ent)
        if head is None or _first_word(ent) in skip:
            continue
        direct = head.i == trigger.i or (trigger.pos_ not in VERB_POS and head.i == trigger.head.i)
        clause = trigger.i if direct else clause_head(head).i
        attached.setdefault(clause, []).append((abs(ent.root.i - trigger.i), ent, clause_head(head)))
    verb = clause_head(trigger)
    # The trigger itself, then its clause, then each clause above it, nearest first.
    chain = [trigger.i, verb.i]
    while verb.head.i != verb.i and verb.dep_ in INHERITS:
        verb = clause_head(verb.head)
        chain.append(verb.i)
    for key in chain:
        for _, ent, clause_verb in sorted(attached.get(key, []), key=lambda x: x[0]):
            prefer: Prefer = "future" if _is_future(clause_verb) else "past"
            resolved = resolve_date(ent.text, article.published, prefer=prefer)
            if resolved is not None:
                return resolved
    return None


def _first_word(ent: Span) -> str:
    """The expression's first word, or the preposition it hangs from ("since last week")."""
    root = ent.root
    if root.dep_ == "pobj":
        return root.head.lower_
    return ent[0].lower_

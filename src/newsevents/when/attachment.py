"""Which clause a date expression dates, and the date attached to a span's clause or the clauses
above it (shared by event dating and figure dating).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsevents.model import DatePrecision
from newsevents.nlp import entities_in, sentence_of
from newsevents.nlp.parsed import ParsedArticle
from newsevents.nlp.syntax import VERB_POS, clause_head
from newsevents.when.expressions import Prefer, resolve_date
from newsevents.when.words import DateWords

# Clauses that take the date of the clause above them: what was said ("said on Thursday that
# ..."), what followed ("..., killing 32"), what was joined ("shelled and stormed"). A relative
# clause ("allies who accuse the Houthis") describes, and is not dated by, its sentence.
INHERITS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis", "ROOT"})
# How a date names the act a noun trigger states ("Tuesday's attack", "the Feb. 27 deportations",
# "Boko Haram's 2014 abduction"); on any other noun it only describes ("the five-year conflict").
NAMING = frozenset({"poss", "compound", "nummod"})


def attached_to(span: Span, words: DateWords) -> Token | None:
    """The word a date expression modifies; None when it only bounds ("until Friday", "a pause
    to February 25") or describes a noun ("the five-year conflict"). In "spoke by phone Sunday"
    the parser hangs the day under "by" through "phone": the preposition is the phone's, and the
    day dates the speaking."""
    root = span.root
    if root.dep_ == "pobj":
        prep = root.head
        means = any(c.dep_ == "compound" and c.i < span.start and not c.ent_type_ for c in root.children)
        return None if prep.lower_ in words.bounds and not means else prep.head
    if root.dep_ in ("compound", "amod", "nummod", "poss"):
        return None
    return root.head if root.head.i != root.i else None


def is_future(verb: Token, words: DateWords) -> bool:
    """A clause about the future: "will meet", "is going to meet", or a to-infinitive under a word of
    schedule in the present tense ("is scheduled to travel", "is due to visit"); "was scheduled to"
    may tell a plan that has passed, so it is left to the past."""
    if any(child.lower_ in words.future for child in verb.children):
        return True
    if verb.lower_ in ("going",) and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    governor = verb.head
    if verb.dep_ != "xcomp" or governor.lower_ not in words.scheduling:
        return False
    tensed = [governor, *governor.children] + (
        [governor.head, *governor.head.children] if governor.dep_ == "acomp" else []
    )
    return any(t.tag_ in ("VBZ", "VBP") for t in tensed)


def date_expressions(parsed: ParsedArticle, sent: Span) -> list[Span]:
    """DATE and TIME entities of a sentence, outside page furniture."""
    return [
        ent
        for ent in entities_in(parsed.doc, sent.start, sent.end)
        if ent.label_ in ("DATE", "TIME") and not parsed.is_furniture(ent.start, ent.end)
    ]


def date_at(
    parsed: ParsedArticle,
    trig: Span,
    words: DateWords,
    skip: frozenset[str] = frozenset(),
    above: bool = False,
) -> tuple[str, DatePrecision] | None:
    """The date expression attached to the span's clause or a clause above it, resolved.

    Expressions whose first word is in `skip` are passed over ("since" for running totals). With
    `above`, only the clauses above the span's own count: the day a statement was made ("Assad
    said on Thursday that ..."), not the day of the act it tells of ("... say authorities deported
    40 others last month").
    """
    trigger = trig.root
    attached: dict[int, list[tuple[int, Span, Token]]] = {}
    for ent in date_expressions(parsed, sentence_of(trig)):
        head = attached_to(ent, words)
        if ent.root.dep_ in NAMING and ent.root.head.i == trigger.i:
            head = trigger  # "Tuesday's attack", "the Feb. 27 deportations": the day names the act
        if head is None or first_word(ent) in skip:
            continue
        direct = head.i == trigger.i or (trigger.pos_ not in VERB_POS and _describes(head, trigger))
        clause = trigger.i if direct else clause_head(head).i
        attached.setdefault(clause, []).append((abs(ent.root.i - trigger.i), ent, clause_head(head)))
    verb = clause_head(trigger)
    # The trigger itself, then its clause, then each clause above it, nearest first.
    chain = [trigger.i, verb.i]
    while verb.head.i != verb.i and verb.dep_ in INHERITS:
        verb = clause_head(verb.head)
        chain.append(verb.i)
    for key in chain[2:] if above else chain:
        for _, ent, clause_verb in sorted(attached.get(key, []), key=lambda x: x[0]):
            prefer: Prefer = "future" if is_future(clause_verb, words) else "past"
            text = _counted_back(ent, words) or ent.text
            resolved = resolve_date(text, parsed.article.published, words=words, prefer=prefer)
            if resolved is not None:
                return resolved
    return None


def _describes(head: Token, noun: Token) -> bool:
    """Whether a date's word tells of a noun trigger's act: the word the noun hangs from, or a
    participle describing the noun ("a coup led by the army in 2013", "talks held last week")."""
    return head.i == noun.head.i or (head.dep_ == "acl" and head.tag_ == "VBN" and head.head.i == noun.i)


def _counted_back(ent: Span, words: DateWords) -> str | None:
    """ "two days ago" for the span counted back from the news in "His comments come two days after
    Erdogan denounced Israel" or "The move comes a week after the attack": a count before
    "after" (when.yml `counted_back`) under a clause in the present tense, which speaks from the
    day of publication; None for any other expression."""
    root = ent.root
    if root.dep_ != "npadvmod":
        return None
    head = root.head
    marked = any(c.dep_ == "mark" and c.lower_ in words.counted_back for c in head.children)
    if head.lower_ not in words.counted_back and not marked:
        return None
    main = head.head
    return f"{ent.text} ago" if main.tag_ in ("VBZ", "VBP") and main.i != head.i else None


def first_word(ent: Span) -> str:
    """The expression's first word, or the preposition it hangs from ("since last week")."""
    root = ent.root
    if root.dep_ == "pobj":
        return root.head.lower_
    return ent[0].lower_

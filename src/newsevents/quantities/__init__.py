"""Casualty and displacement figures: how many were killed, hurt, held or driven from home.

A number becomes a `Quantity` only when the parse ties it to people in a violence or
displacement frame: its counted noun names the kind ("35,000 refugees", "12 deaths"), or the
people it counts are the victims of a kind verb ("killed 12 people", "thousands fled") or carry
a kind adjective ("left 5,000 families homeless"). Everything else (years, durations, dates,
money, percentages, "World War Two") is left out: precision comes first.

Victims told one by one count too ("a soldier was killed" is 1 killed; see singles.py), and
people are counted once: a count restated in another unit ("125 families (800 people)"), a part
of a counted group ("including 40 children", "of whom 4 were police"), a rate ("15 people a
day") and a count retold further down ("the three soldiers"; see retold.py) make no second
figure, so a sum over an article adds each group once.

What a caller may rely on:
- `value` is the count; for a range it is the low end and `low`/`high` hold both ends. A
  qualified count has its stated bound: "at least N" and "more than N" give `low` N (not N+1:
  the qualifier `more_than` keeps the strictness), "up to", "as many as", "nearly", "almost"
  and "fewer than" N give `high` N; "about N" and an exact N give no bound.
- Vague plurals ("dozens", "thousands", "tens of thousands") are kept with `value` None,
  qualifier "about" (unless a qualifier word says otherwise) and `low` the least the word
  can mean ("thousands" -> 2,000); no count is invented for them.
- `status` is "projected" when a modal or forecast word governs the figure's clause ("could
  trigger around 600,000 more refugees"), else "cumulative" for running totals of a war, a year
  or a campaign ("so far", "since 2011", "in total", "this year", "in the last 15 months", "the
  war has killed ...", "have died in the conflict", "the death toll has risen to"), else
  "reported".
- `evidence` is the figure with its qualifier and counted noun phrase ("more than 250,000
  people", "Some 35,000 Syrian refugees"); for a bare number it is the number with its qualifier.
- `unit` is "people", or "families"/"households" when those are what is counted, or "homes" for
  houses and buildings (kind `homes_destroyed`, or `evacuated`: see `home_kinds` in the lists).
- `date` and `location` are left None for a later stage; `event_index` is the event whose clause
  states the figure (see `_event_index`), and None for a running total and for a figure told in
  another clause than every event's, so an export never adds a war's toll to one attack.
- Nothing inside `article.furniture` is read; a figure in the headline is kept only when the
  body does not repeat it.

The parts: numbers.py finds the numbers, ranges and vague plurals; kinds.py decides what a number
counts; groups.py knows the parts of a counted group and a count restated in another unit;
singles.py finds victims named one by one; retold.py knows the counts told already; status.py
tells reported, cumulative and projected figures apart; lexicon.py loads the word lists of
data/en/quantities.yml. This module joins them and links each figure to its event.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.model import Article, Event, Evidence, Qualifier, Quantity
from newsevents.nlp import sentences_of
from newsevents.nlp.parsed import ParsedArticle
from newsevents.nlp.syntax import governing_verb, own_clause_indices
from newsevents.quantities import groups, kinds, numbers, retold, singles, status
from newsevents.quantities.lexicon import QuantityLexicon, load_quantity_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    # Each event's trigger word, in the events' order (see `_trigger_roots`).
    Triggers = Sequence[Token | None]

# clauses hung on an event's trigger that state what the event did: "exploded, killing 12" (a
# participle), "an attack that killed 12" (a relative clause), "the attack killed in which ..."
HUNG_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "xcomp"})

__all__ = ["Counted", "QuantityLexicon", "count_figures", "find_quantities", "load_quantity_lexicon"]


@dataclass(frozen=True)
class Counted:
    """An article's figures, and the tokens of each figure keyed by its evidence."""

    quantities: list[Quantity]
    anchors: dict[Evidence, tuple[int, int]]


def find_quantities(
    doc: Doc, article: Article, events: Sequence[Event] = (), *, lexicon: QuantityLexicon
) -> list[Quantity]:
    """Every casualty or displacement figure in the article, in text order."""
    return count_figures(ParsedArticle.of(doc, article), events, lexicon=lexicon).quantities


def count_figures(
    parsed: ParsedArticle, events: Sequence[Event] = (), *, lexicon: QuantityLexicon
) -> Counted:
    """The figures of `find_quantities`, each anchored to the tokens it was read from."""
    lex, doc = lexicon, parsed.doc
    anchors: dict[Evidence, tuple[int, int]] = {}
    body: list[Quantity] = []
    title: list[Quantity] = []
    named: set[tuple[str, str]] = set()  # victims told one by one: a second mention is the same people
    told = retold.Told()  # written figures: a retelling is the same people (see retold.py)
    starts = numbers.starts(doc, lex)
    triggers = _trigger_roots(parsed, events)
    for sent in sentences_of(doc):
        if parsed.is_furniture(sent.start, sent.end):
            continue
        found = [
            (quantity, tokens)
            for quantity, tokens in _written(parsed, sent, starts, triggers, lex)
            if parsed.in_headline(*tokens) or not told.retells(quantity, doc[tokens[1] - 1], lex)
        ]
        for one in singles.singles(sent, lex):
            if singles.told_before(one, named) or parsed.is_furniture(one.start, one.end):
                continue
            quantity = _make(parsed, one.frame, (one.start, one.end), (one.count, None, None), triggers, lex)
            found.append((quantity, (one.start, one.end)))
        for quantity, tokens in found:
            anchors[quantity.evidence] = tokens
            (title if parsed.in_headline(*tokens) else body).append(quantity)
    seen = {(q.kind, q.value) for q in body}
    body.extend(q for q in title if (q.kind, q.value) not in seen)
    return Counted(sorted(body, key=lambda q: q.evidence.start), anchors)


def _written(
    parsed: ParsedArticle, sent: Span, starts: list[int], triggers: Triggers, lex: QuantityLexicon
) -> Iterator[tuple[Quantity, tuple[int, int]]]:
    """The sentence's figures written as numbers, ranges and vague plurals."""
    first = bisect_left(starts, sent.start)
    if first == len(starts) or starts[first] >= sent.end:
        return  # no token that can begin a figure: nothing more to read here
    for fig in numbers.figures(sent, lex, starts):
        read = _quantity(parsed, fig, triggers, lex)
        if read is not None:
            yield read


def _quantity(
    parsed: ParsedArticle, fig: numbers.Figure, triggers: Triggers, lex: QuantityLexicon
) -> tuple[Quantity, tuple[int, int]] | None:
    doc = parsed.doc
    frame = None
    for k in range(fig.last, fig.start - 1, -1):  # a range may attach by either end
        if k == fig.last or numbers.token_number(doc[k], lex) is not None or doc[k].lower_ in lex.scales:
            frame = kinds.frame(doc[k], lex)
            if frame is not None:
                break
    if frame is None or _counted_already(frame, lex):
        return None
    end_tok = frame.noun.i + 1 if frame.noun.i >= fig.last else fig.end
    if parsed.is_furniture(fig.start, end_tok):
        return None
    values = (fig.value, fig.low, fig.high)
    quantity = _make(parsed, frame, (fig.start, end_tok), values, triggers, lex, fig.qualifier)
    return quantity, (fig.start, end_tok)


def _make(
    parsed: ParsedArticle,
    frame: kinds.Frame,
    tokens: tuple[int, int],
    values: tuple[int | None, int | None, int | None],
    triggers: Triggers,
    lex: QuantityLexicon,
    qualifier: Qualifier = "exact",
) -> Quantity:
    """The Quantity of a figure read over `tokens` (value, low, high), with its status and event."""
    doc = parsed.doc
    last = doc[tokens[1] - 1]
    figure_status = status.status(frame, lex)
    return Quantity(
        kind=frame.kind,
        value=values[0],
        low=values[1],
        high=values[2],
        qualifier=qualifier,
        status=figure_status,
        evidence=Evidence.of(parsed.article.text, doc[tokens[0]].idx, last.idx + len(last.text)),
        unit=frame.unit,
        event_index=_event_index(triggers, frame, figure_status),
    )


def _counted_already(frame: kinds.Frame, lex: QuantityLexicon) -> bool:
    """A part of a group counted in the sentence, or the same count restated in another unit
    (see `groups.restated` and `groups.part_of_count`): a second figure would be summed twice."""
    if groups.part_of_count(frame.noun, lex):
        return True
    whole = groups.restated(frame.noun, lex)
    if whole is None:
        return False
    other = kinds.frame(whole, lex)
    return other is not None and other.kind == frame.kind


def _trigger_roots(parsed: ParsedArticle, events: Sequence[Event]) -> Triggers:
    """Each event's trigger word (the root of its trigger's tokens), or None where the trigger's
    offsets cover no token: read once per article, not once per figure."""
    roots: list[Token | None] = []
    for event in events:
        span = parsed.tokens_of(event.trigger.start, event.trigger.end)
        roots.append(span.root if span is not None else None)
    return roots


def _event_index(triggers: Triggers, frame: kinds.Frame, figure_status: str) -> int | None:
    """The one event the figure belongs to, or None.

    A running total (`cumulative`) is the toll of a war, a year or a campaign: it joins no single
    event, or an export would add the whole war's dead to one attack. Any other figure joins the
    first event whose trigger is the figure's verb, else whose trigger governs it: the figure's
    counted noun lies in the trigger's own clause ("an air strike on 12 civilians"), or the
    figure's verb is a clause hung on the trigger ("a bomb exploded, killing 12", "an attack
    that killed 12"), or the trigger is a noun told in the figure's clause ("12 were killed in an
    air strike"). A figure in the same sentence but another clause joins nothing.
    """
    if figure_status == "cumulative" or not triggers:
        return None
    verb = frame.verb
    if verb is not None:
        for i, trig in enumerate(triggers):
            if trig is not None and trig.i == verb.i:
                return i
    for i, trig in enumerate(triggers):
        if trig is None:
            continue
        if verb is not None and verb.head.i == trig.i and verb.dep_ in HUNG_CLAUSE_DEPS:
            return i
        if verb is not None and verb.head.i == trig.i and verb.dep_ == "conj" and _tells_outcome(verb, frame):
            return i  # "troops attacked civilians, and at least 12 people were killed"
        if frame.noun.i in own_clause_indices(trig):
            return i
        if verb is not None and trig.pos_ in ("NOUN", "PROPN") and _same_clause(governing_verb(trig), verb):
            return i  # "were killed during a raid": the raid is told in the figure's own clause
    return None


def _same_clause(one: Token | None, other: Token) -> bool:
    """The same verb, or two verbs joined by "and" ("were killed and 44 wounded during a raid")."""
    if one is None:
        return False
    if one.i == other.i:
        return True
    return (one.dep_ == "conj" and one.head.i == other.i) or (other.dep_ == "conj" and other.head.i == one.i)


def _tells_outcome(verb: Token, frame: kinds.Frame) -> bool:
    """A clause joined to the trigger by "and" that tells what befell the figure's people: its
    only subject is the figure ("and 12 people were killed") or it has none ("and wounded 30").
    "Police arrested 12 and rebels killed 3" has its own actor: another event, not this one's."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return all(c.i == frame.noun.i for c in subjects)

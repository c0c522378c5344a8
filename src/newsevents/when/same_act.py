"""The act a definite noun names again: "the attack", "Tuesday's hijacking", "the initial
attack" in a story that dated the attack once ("militants attacked the train on Tuesday ... the
attack") is that act, and takes its date.

News names its incident once with a date and then again and again without one; the day the
article speaks from (often the day after) would date those mentions wrongly. An undated event
whose trigger is a noun under a definite determiner or a possessive (`definite` in when.yml)
takes the text-given date of another event of the article whose trigger is a noun or verb of the
same lemma: the nearest before it, else the nearest after it. A bare or indefinite noun ("an
attack", "attacks") names no act already told, and is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newsevents.model import DatePrecision, Event
from newsevents.nlp.parsed import Anchors, ParsedArticle
from newsevents.when.words import DateWords

Found = tuple[str, DatePrecision] | None


def _definite(noun: Token, words: DateWords) -> bool:
    """Whether a noun is named as known: "the attack", "this attack", "Tuesday's attack"."""
    return noun.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in words.definite) or c.dep_ == "poss" for c in noun.children
    )


def same_act_dates(
    parsed: ParsedArticle,
    events: Sequence[Event],
    found: Sequence[Found],
    words: DateWords,
    anchors: Anchors | None = None,
) -> list[Found]:
    """For each event, the date of the act its definite noun names again (module docstring),
    or None: for an event with a date of its own, or no such act dated in the text."""
    roots: list[Token | None] = []
    for event in events:
        span = parsed.span_of(event.trigger, anchors)
        roots.append(None if span is None else span.root)
    dated = [
        (root.i, root.lemma_.lower(), date)
        for root, date in zip(roots, found, strict=True)
        if root is not None and date is not None
    ]
    out: list[Found] = []
    for event, root, date in zip(events, roots, found, strict=True):
        if event.date is not None or date is not None or root is None or not _definite(root, words):
            out.append(None)
            continue
        same = [(i, d) for i, lemma, d in dated if lemma == root.lemma_.lower() and i != root.i]
        before = [item for item in same if item[0] < root.i]
        after = [item for item in same if item[0] > root.i]
        pick = max(before, default=None) or min(after, default=None)
        out.append(None if pick is None else pick[1])
    return out

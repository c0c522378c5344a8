"""Reported speech: a speech verb with a clausal complement ("Assad said that he supported the
talks"), or the clause "according to" qualifies; a clause mostly inside quote marks is left to
the direct quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsevents.model import Article, Evidence, Quote
from newsevents.nlp.children import children_of, has_child
from newsevents.speech.cues import cue_text, inside, is_cue, possible_cues
from newsevents.speech.lexicon import QuoteLexicon
from newsevents.speech.marks import WORD
from newsevents.stages import SpeakerLookup

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def reported_quotes(
    doc: Doc,
    article: Article,
    quoted: Sequence[tuple[int, int]],
    speakers: SpeakerLookup,
    lex: QuoteLexicon,
) -> list[Quote]:
    """Reported speech outside quote marks: one Quote per speech cue with a complement long enough."""
    out: list[Quote] = []
    for token in possible_cues(doc, lex):
        if not is_cue(token, lex) or inside(token, quoted) or has_child(doc, token.i, ("neg",)):
            continue
        span = _content(token, lex)
        if span is None:
            continue
        start, end = span
        if article.in_furniture(start, end) or _mostly_quoted(start, end, quoted):
            continue
        if len(WORD.findall(article.text[start:end])) < lex.min_words:
            continue
        evidence = Evidence.of(article.text, start, end)
        out.append(Quote(speakers.of(token), evidence.text, False, cue_text(token), evidence))
    return out



def _content(cue: Token, lex: QuoteLexicon) -> tuple[int, int] | None:
    """Character span of what was said: the cue's that-clause, or the clause "according to" qualifies."""
    if cue.lower_ == "according":
        head = cue.head
        if head.i == cue.i:
            return None
        own = {t.i for t in cue.subtree}
        left = [t for t in head.subtree if t.i < cue.i and t.i not in own]
        right = [t for t in head.subtree if t.i > cue.i and t.i not in own]
        tokens = max(left, right, key=len)
    else:
        clauses = children_of(cue, ("ccomp",))
        if not clauses:
            return None
        # a parse may split one complement in two ("the city - Syria's largest - could fall")
        side = [c for c in clauses if (c.i > cue.i) == (clauses[0].i > cue.i)]
        lo = min(c.left_edge.i for c in side)
        hi = max(c.right_edge.i for c in side)
        if lo <= cue.i <= hi:
            return None
        heads = {c.i for c in side}
        tokens = [t for t in cue.doc[lo : hi + 1] if not (t.dep_ == "mark" and t.head.i in heads)]
    tokens = [t for t in tokens if not t.is_space]
    for t in tokens:  # "..., adding that ..." is a statement of its own
        if t.i != cue.i and t.dep_ == "advcl" and t.tag_ == "VBG" and is_cue(t, lex):
            tokens = [u for u in tokens if u.i < t.left_edge.i]
            break
    while tokens and (tokens[0].is_punct or tokens[0].is_quote):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_quote) and tokens[-1].text not in ")]":
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _mostly_quoted(start: int, end: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """Half or more of the clause lies inside quote marks: it is already a direct quote."""
    inside = sum(max(0, min(end, b) - max(start, a)) for a, b in quoted)
    return inside * 2 >= end - start

"""Speech cues: the verbs and phrases ("said", "according to") that make words a statement, and
the cue of a direct quote, found in or around the sentences it touches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsevents.nlp import sentence_at, sentences_between, text_of
from newsevents.nlp.words import words
from newsevents.speech.lexicon import QuoteLexicon
from newsevents.speech.marks import Marked

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def cue_text(cue: Token | None) -> str | None:
    """The cue as a Quote records it: "according to" whole, a verb as written."""
    if cue is None:
        return None
    return "according to" if cue.lower_ == "according" else cue.text


def is_cue(token: Token, lex: QuoteLexicon) -> bool:
    """A speech verb, or "according" with its "to": what makes words a statement."""
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children) and "according to" in lex.phrases
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex.verbs


def inside(token: Token, spans: Sequence[tuple[int, int]]) -> bool:
    """The token lies inside one of the character spans (quote marks, for a cue or a name)."""
    return any(a <= token.idx < b for a, b in spans)


def direct_cue(doc: Doc, m: Marked, marked: list[Marked], lex: QuoteLexicon) -> Token | None:
    """The nearest speech cue outside any quote, in the sentences the quote touches."""
    a, b = m.outer
    sents = _sentences(doc, a, b)
    if not sents:
        return None
    spans = [x.outer for x in marked]
    candidates = [t for s in sents for t in _cues_in(s, lex) if not inside(t, spans)]
    if not candidates:
        before = sentence_at(doc, sents[0].start - 1) if sents[0].start > 0 else None
        if before is not None and before.text.rstrip().endswith(":") and _same_line(doc, before, a):
            candidates = [t for t in _cues_in(before, lex) if not inside(t, spans)]
    if not candidates and sents[-1].end < len(doc):
        after = sentence_at(doc, sents[-1].end)
        short = len([t for t in after if not t.is_space]) <= lex.next_sentence_tokens
        if (
            short
            and _same_line(doc, after, b)
            and not any(x.outer[0] >= after.start_char for x in marked if x.outer[0] < after.end_char)
        ):
            candidates = _cues_in(after, lex)
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - a), abs(t.idx - b)))


def _cues_in(span: Span, lex: QuoteLexicon) -> list[Token]:
    """The span's tokens `is_cue` accepts, asked only of those whose strings may be one (as in
    `possible_cues`): the other words of the sentences around a quote are never built as Tokens."""
    doc, w = span.doc, words(span.doc)
    return [
        doc[i] for i in range(span.start, span.end)
        if (w.lower[i] == "according" or w.lemma[i] in lex.verbs) and is_cue(doc[i], lex)
    ]  # fmt: skip


def _sentences(doc: Doc, start: int, end: int) -> list[Span]:
    return sentences_between(doc, start, end)


def _same_line(doc: Doc, sent: Span, char: int) -> bool:
    lo, hi = sorted((sent.start_char, char))
    return "\n" not in text_of(doc)[lo:hi]


def possible_cues(doc: Doc, lex: QuoteLexicon) -> list[Token]:
    """Tokens whose lemma is a speech verb, or "according": the only ones `is_cue` can accept.

    Read from the Doc's strings (`nlp.words`), so the other tokens are never built as Python objects.
    """
    w = words(doc)
    return [doc[i] for i, lemma in enumerate(w.lemma) if w.lower[i] == "according" or lemma in lex.verbs]

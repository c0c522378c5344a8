"""Direct quotes: quoted words with a cue, or continuing the speaker of the quote before them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.model import Actor, Article, Evidence, Quote
from newsevents.speech.cues import cue_text, direct_cue
from newsevents.speech.lexicon import QuoteLexicon
from newsevents.speech.marks import OPENERS, WORD, Marked
from newsevents.stages import Labelled, SpeakerLookup

if TYPE_CHECKING:
    from spacy.tokens import Doc


def direct_quotes(
    doc: Doc, article: Article, marked: list[Marked], speakers: SpeakerLookup, lex: QuoteLexicon
) -> list[Quote]:
    """Quotes between marks with their cue and speaker, or the speaker of the quote they continue."""
    out: list[Quote] = []
    last: tuple[Marked, Actor | None] | None = None
    transcript = speakers.transcript()
    for m in marked:
        words = len(WORD.findall(article.text[m.inner[0] : m.inner[1]]))
        if words < lex.min_words:
            continue
        label = next((x for x in transcript if x[0][0] <= m.inner[0] < x[1][1]), None)
        cue = None if label is not None else direct_cue(doc, m, marked, lex)
        speaker = speakers.of(cue) if cue is not None else None
        inner = m.inner
        if label is not None:  # "WALLACE: Let's start ...": the label's speaker, its words after it
            speaker, inner = label[2], (max(m.inner[0], label[1][0]), m.inner[1])
        elif cue is None:
            if last is not None and _continues(last[0], m, article.text):
                speaker = last[1]
            elif not m.whole_line:
                continue
        evidence = Evidence.of(article.text, *inner)
        out.append(Quote(speaker, evidence.text, True, cue_text(cue), evidence))
        last = (m, speaker)
    out.extend(_unmarked(transcript, marked, article, lex))
    out.sort(key=lambda q: q.evidence.start)
    return _back_fill(out, marked, article.text, lex)


def _unmarked(
    transcript: list[Labelled], marked: list[Marked], article: Article, lex: QuoteLexicon
) -> list[Quote]:
    """Labelled paragraphs without quote marks ("ASSAD: We will ..."): the label's speaker's words."""
    out = []
    for _, (start, end), speaker in transcript:
        if any(m.outer[0] < end and start < m.outer[1] for m in marked):
            continue
        if len(WORD.findall(article.text[start:end])) < lex.min_words:
            continue
        evidence = Evidence.of(article.text, start, end)
        out.append(Quote(speaker, evidence.text, True, None, evidence))
    return out


def _continues(prev: Marked, cur: Marked, text: str) -> bool:
    """The quote goes on from the previous one: in the same paragraph after a short attribution
    ("“...,” he told reporters. “...”"), or opening the paragraph right after the one the previous
    quote ended, with only the rest of that quote's line (an attribution such as "said Assad.")
    and blank lines between them.
    """
    line_start = text.rfind("\n", 0, cur.outer[0]) + 1
    if prev.outer[1] > line_start:  # same paragraph: "“...,” he told reporters. “...”"
        between = text[prev.outer[1] : cur.outer[0]]
        return not any(mark in between for mark in OPENERS) and len(WORD.findall(between)) <= 8
    if text[line_start : cur.outer[0]].strip():
        return False
    rest, *gap = text[prev.outer[1] : line_start].split("\n")
    if any(part.strip() for part in gap):
        return False
    return not any(mark in rest for mark in OPENERS)


def _back_fill(quotes: list[Quote], marked: list[Marked], text: str, lex: QuoteLexicon) -> list[Quote]:
    """A quote running on over paragraphs takes the speaker its last paragraph names."""
    out = list(quotes)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.speaker is None and nxt.speaker is not None and q.cue is None and _runs_into(q, nxt, text):
            out[i] = Quote(nxt.speaker, q.text, True, None, q.evidence)
    return out


def _runs_into(q: Quote, nxt: Quote, text: str) -> bool:
    between = text[q.evidence.end : nxt.evidence.start]
    return between.count("\n") >= 1 and not WORD.search(between)

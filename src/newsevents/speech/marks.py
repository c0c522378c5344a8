"""Quote marks: the spans between paired marks, paragraph by paragraph.

Which characters open and close a quote comes from the lexicon; single marks double as
apostrophes, so they are paired only where a quote can begin and end (see `_line_spans`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.speech.lexicon import QuoteLexicon

# A word, for counting the words of a quote or of the text between two quotes.
WORD = re.compile(r"\w+")
TRAILING = " \t,;:"
OPEN_AFTER = " \t\n([{—–-:"
# Single quote marks, which are also apostrophes: see `_line_spans`.
SINGLE = frozenset("'‘’")
# Marks that open a quote of their own, for telling a quote's attribution from a new quote.
OPENERS = "“\"«„‘"


@dataclass(frozen=True)
class Marked:
    """A span between quote marks: `outer` with the marks, `inner` the trimmed words."""

    outer: tuple[int, int]
    inner: tuple[int, int]
    line: int  # paragraph (line) number
    whole_line: bool  # the quote opens its paragraph and runs to its end
    runs_on: bool  # no closing mark before the paragraph ends: the quote goes on


def marked_spans(text: str, lex: QuoteLexicon) -> list[Marked]:
    """Pair quote marks within each paragraph (line); an unclosed quote runs to the line's end."""
    out: list[Marked] = []
    pos = 0
    closers = frozenset(lex.marks.values())
    # Only a mark can open or close a quote, so each line's loop visits the marks alone, not every
    # character; the pattern is made once per text, not once per line.
    marks = re.compile("[" + re.escape("".join(sorted({*lex.marks, *closers, *SINGLE}))) + "]")
    for number, line in enumerate(text.split("\n")):
        out.extend(_line_spans(text, pos, pos + len(line), number, lex, closers, marks))
        pos += len(line) + 1
    return out


def _line_spans(
    text: str, start: int, end: int, number: int, lex: QuoteLexicon,
    closers: frozenset[str], marks: re.Pattern[str],
) -> list[Marked]:  # fmt: skip
    """Quote spans of one paragraph.

    Double marks pair with any double closer (news mixes straight and curly: `"...”`). Single
    marks (' ‘ ’) double as apostrophes ("Syria's", "don't", "rebels' lines"), so a single
    quote opens only after a space, a line start or an opening bracket and before a word, and
    closes only with a single mark not followed by a letter or digit; a straight single quote
    left open at the paragraph's end was an apostrophe, not a quote, and is dropped.
    """
    out: list[Marked] = []
    opened: int | None = None
    for found in marks.finditer(text, start, end):
        i = found.start()
        ch = text[i]
        before = text[i - 1] if i > start else "\n"
        after = text[i + 1] if i + 1 < end else "\n"
        if opened is None and ch in lex.marks:
            if ch in SINGLE:
                if before in OPEN_AFTER and after.isalnum():
                    opened = i
            elif ch not in closers or before in OPEN_AFTER:
                opened = i
        elif opened is not None and _closes(text[opened], ch, before, after, closers):
            out.append(_make(text, opened, i + 1, i, start, end, number, False))
            opened = None
    if opened is not None and text[opened] != "'":
        out.append(_make(text, opened, end, end, start, end, number, True))
    return [m for m in out if m.inner[0] < m.inner[1]]


def _closes(opener: str, ch: str, before: str, after: str, closers: frozenset[str]) -> bool:
    if opener in SINGLE:
        return ch in SINGLE and ch != "‘" and not after.isalnum() and not before.isspace()
    return ch in closers and ch not in SINGLE


def _make(
    text: str,
    opened: int,
    outer_end: int,
    inner_end: int,
    line_start: int,
    line_end: int,
    number: int,
    runs: bool,
) -> Marked:
    a, b = opened + 1, inner_end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in TRAILING:
        b -= 1
    whole = not text[line_start:opened].strip() and not text[outer_end:line_end].strip()
    return Marked((opened, outer_end), (a, b), number, whole, runs)

"""The words behind an event: its sentence, trimmed, and its trigger's words, as evidence spans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.model import Evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from newsevents.events.triggers import TriggerMatch

TRIM = " \t\r\n-–—"


def trigger_evidence(text: str, doc: Doc, match: TriggerMatch) -> Evidence:
    first, last = doc[min(match.words)], doc[max(match.words)]
    start, end = first.idx, last.idx + len(last.text)
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return Evidence.of(text, start, end)


def sentence_evidence(text: str, sent: Span) -> Evidence:
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Evidence.of(text, start, end)

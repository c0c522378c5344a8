"""Page furniture: which lines of an article are photo credits, captions, bylines, share buttons,
"Updated ..." stamps, credit lines or comment boxes rather than the story.

Finding is split from using: `find()` returns `Mark`s (kind + line) from the cue patterns in
`data/en/ingest/furniture.yml`; the article builder turns them into `Evidence`. Nothing is removed from
the text; later stages skip these spans.

Captions are the hard part, and the rule is deliberately conservative. A line is a caption when
1. it is the first line after a photo credit and either reads like a caption (see 3) or is
   followed by more furniture or a dateline (a caption sits between the credit and the story), or
2. it is the line right before the dateline or an "Updated" stamp at the top of the article and
   follows a photo credit anywhere above it, or
3. it is a one-sentence paragraph of its own, without quotes or reporting verbs, whose subject
   (a noun phrase of at most eight words, not a pronoun) is followed by a simple-present
   "caption verb" from the data file ("Syrian children walk on rubble ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents import data
from newsevents.data import reader
from newsevents.data.reader import Record
from newsevents.ingest import dates
from newsevents.ingest.lines import Line, paragraphs_alone

KINDS = ("photo_credit", "caption", "share", "byline", "updated", "date", "credit", "page")
SECTIONS = ("lines", "caption_verbs", "caption_subjects_not", "reporting")
TOP_LINES = 12  # bylines and date stamps are trusted only this close to the top
QUOTES = '"“”‘«»'  # not ’, which is mostly an apostrophe
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’/ -]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?(?:,?\s+\d{4})?)?\s*"
    r"(?:\((?:[^()]{1,40})\)\s*)?(?:[-–—:]|--)\s"
)


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Rules:
    """The compiled cues of furniture.yml: line patterns, and the words of the caption rule."""

    lines: tuple[Rule, ...]
    caption_verb: re.Pattern[str]
    not_subjects: frozenset[str]  # "He", "They": a story sentence, not a caption
    reporting: re.Pattern[str]  # "said", "according to": a story sentence, not a caption


@dataclass(frozen=True)
class Mark:
    kind: str
    line: Line
    date: str | None = None  # the raw date text of an `updated` line


def _rule(rec: Record) -> Rule:
    kind = rec.text("kind")
    if kind not in KINDS:
        raise rec.fail("kind", f"must be one of {', '.join(KINDS)}")
    flags = 0 if rec.get("case") == "sensitive" else re.IGNORECASE
    return Rule(str(kind), rec.pattern("pattern", flags))


def _identity(rec: Record) -> tuple[str | None, object]:
    return rec.section, rec.get("pattern") if rec.section == "lines" else rec.get("value")


def load_rules(extra: Sequence[str | Path] = (), language: str = "en") -> Rules:
    """The shipped cue patterns with the user's files merged over them (by pattern, or by verb),
    compiled; `ingest.read` loads them once per call."""
    paths = (data.shipped("ingest/furniture.yml", language), *extra)
    records = reader.merge((rec for path in paths for rec in reader.sections(path, SECTIONS)), _identity)
    rules = [_rule(rec) for rec in records if rec.section == "lines"]
    verbs = [str(rec.text("value")) for rec in records if rec.section == "caption_verbs"]
    words = {name: [str(r.text("value")).lower() for r in records if r.section == name]
             for name in SECTIONS[2:]}
    reporting = "|".join(words["reporting"])
    alternatives = "|".join(v.replace(" ", r"\s+") for part in verbs for v in part.split("|"))
    verb_re = re.compile(
        rf"^(?:[\w'’.,-]+\s+){{1,8}}?(?:{alternatives})\b" if alternatives else r"(?!)", re.IGNORECASE
    )
    reporting_re = re.compile(rf"\b(?:{reporting})\b" if reporting else r"(?!)", re.IGNORECASE)
    return Rules(tuple(rules), verb_re, frozenset(words["caption_subjects_not"]), reporting_re)


def is_dateline(text: str) -> bool:
    return bool(DATELINE.match(text))


def classify(line: Line, position: int, count: int, rules: Rules) -> Mark | None:
    """The furniture kind of one line by the cue patterns alone, or None for story text."""
    if line.words > 60:
        return None
    for rule in rules.lines:
        match = rule.pattern.fullmatch(line.text)
        if not match:
            continue
        if rule.kind == "byline" and position >= TOP_LINES and position < count - 3:
            continue
        raw_date = match.groupdict().get("date")
        return Mark(rule.kind, line, raw_date)
    if position < TOP_LINES and dates.is_date_line(line.text) and not is_dateline(line.text):
        return Mark("date", line)
    return None


def caption_like(text: str, rules: Rules) -> bool:
    """One descriptive present-tense sentence with a noun-phrase subject: how captions read."""
    words = text.split()
    if not 5 <= len(words) <= 60 or any(q in text for q in QUOTES) or rules.reporting.search(text):
        return False
    if words[0].lower().strip(",") in rules.not_subjects or not words[0][:1].isupper():
        return False
    if len(re.findall(r"[.!?](?:\s|$)", text.rstrip(".!? ") + " ")) > 0:
        return False  # more than one sentence
    return bool(rules.caption_verb.match(text))


def find(
    lines: Sequence[Line], rules: Rules, is_agency: Callable[[str], object] = lambda _: None
) -> list[Mark]:
    """Mark the furniture among `lines` (pass the body: the title line is never furniture).

    `is_agency` tells a line that is nothing but an agency's name ("AP", "Reuters"), which is a
    credit line wherever it stands.
    """
    marks: dict[int, Mark] = {}
    for i in range(len(lines)):
        mark = classify(lines[i], i, len(lines), rules)
        if mark is None and is_agency(lines[i].text):
            mark = Mark("credit", lines[i])
        if mark:
            marks[i] = mark
    _captions(lines, 0, marks, rules)
    return [marks[i] for i in sorted(marks)]


def _captions(lines: Sequence[Line], start: int, marks: dict[int, Mark], rules: Rules) -> None:
    seen_credit = False
    for i in range(start, len(lines)):
        if i in marks:
            seen_credit = seen_credit or marks[i].kind == "photo_credit"
            continue
        text = lines[i].text
        after_credit = i > start and marks.get(i - 1, Mark("", lines[i])).kind == "photo_credit"
        nxt = marks.get(i + 1)
        followed = i + 1 < len(lines) and (
            (nxt is not None and nxt.kind in ("updated", "date", "byline", "photo_credit"))
            or is_dateline(lines[i + 1].text)
        )
        if is_dateline(text) or any(q in text for q in QUOTES):
            continue
        if (
            (after_credit and (followed or caption_like(text, rules)))
            or (seen_credit and followed and i - start < TOP_LINES)
            or (paragraphs_alone(list(lines), i) and caption_like(text, rules))
        ):
            marks[i] = Mark("caption", lines[i])

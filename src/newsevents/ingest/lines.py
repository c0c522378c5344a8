"""Lines of an article with their exact offsets, the unit page furniture and metadata are found in."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Line:
    """One non-blank line: `start`/`end` bound its text without surrounding whitespace."""

    index: int  # position among all lines (blank ones included), for "next to" rules
    start: int
    end: int
    text: str  # text[start:end], stripped

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of `text`, each trimmed, with offsets into `text` itself."""
    out: list[Line] = []
    pos = 0
    for index, raw in enumerate(text.splitlines(keepends=True)):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = pos + (len(body) - len(body.lstrip()))
            out.append(Line(index, start, start + len(stripped), stripped))
        pos += len(raw)
    return out


@lru_cache(maxsize=8)
def lines_of(text: str) -> tuple[Line, ...]:
    """`split_lines(text)`, split once per text: the stages of one article ask for its lines
    several times (the dateline, the paragraphs of the places, each unlisted place's paragraph)."""
    return tuple(split_lines(text))


def paragraphs_alone(lines: list[Line], i: int) -> bool:
    """True when line `i` is a paragraph of its own (blank line, or no line, on both sides)."""
    here = lines[i].index
    before = i == 0 or lines[i - 1].index < here - 1
    after = i == len(lines) - 1 or lines[i + 1].index > here + 1
    return before and after

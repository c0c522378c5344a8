"""Metadata found in an article's own words: its publication date and its source.

Used only where the caller's metadata (a sidecar, a JSONL field, the HTML page) is silent.
The date comes from an "Updated/Published/Posted" stamp, a dateline with a year, or a date
stamp line near the top; the source from a credit line near the end ("TRTWorld and
agencies", "© AFP 2016", "(Reporting by ...; Editing by ...)", a lone "AP"), an agency in a
dateline ("LONDON (AP) —") or a byline ("By The Associated Press"). Agency names and credit
patterns are data (`data/en/ingest/outlets.yml`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newsevents import data
from newsevents.data import reader
from newsevents.data.reader import Record
from newsevents.ingest import dates
from newsevents.ingest.furniture import DATELINE, Mark
from newsevents.ingest.lines import Line

TAIL_LINES = 6  # credit lines are looked for this close to the end
AGENCY_IN_PARENS = re.compile(r"\(([^()]{1,40})\)")


@dataclass(frozen=True)
class Credit:
    pattern: re.Pattern[str]
    outlet_name: str | None


@dataclass(frozen=True)
class Outlets:
    agencies: tuple[tuple[str, str], ...]  # (alias lower-cased, canonical name)
    credits: tuple[Credit, ...]

    def agency(self, name: str) -> str | None:
        key = " ".join(name.split()).lower().strip(" .,")
        return next((canon for alias, canon in self.agencies if alias == key), None)


SECTIONS = ("agencies", "credit_lines")


def _credit_line(rec: Record) -> Credit:
    pattern = rec.pattern("pattern")
    fixed = rec.text("outlet_name", required=False)
    if fixed is None and "outlet" not in pattern.groupindex:
        raise rec.fail("pattern", "needs a group named 'outlet' or an outlet_name")
    return Credit(pattern, fixed)


def _identity(rec: Record) -> tuple[str | None, object]:
    return rec.section, rec.get("name") if rec.section == "agencies" else rec.get("pattern")


def load_outlets(extra: Sequence[str | Path] = (), language: str = "en") -> Outlets:
    """The shipped agencies and credit lines with the user's files merged over them (an agency by
    name, a credit line by pattern); `ingest.read` loads them once per call."""
    paths = (data.shipped("ingest/outlets.yml", language), *extra)
    records = reader.merge((rec for path in paths for rec in reader.sections(path, SECTIONS)), _identity)
    agencies: list[tuple[str, str]] = []
    for rec in (r for r in records if r.section == "agencies"):
        name = str(rec.text("name"))
        for alias in (name, *rec.texts("aliases")):
            agencies.append((alias.lower(), name))
    credits = [_credit_line(rec) for rec in records if rec.section == "credit_lines"]
    # later (user) aliases win: search them first
    return Outlets(tuple(reversed(agencies)), tuple(credits))


def find_date(lines: Sequence[Line], marks: Sequence[Mark]) -> str | None:
    """The publication date the text states about itself, or None."""
    for mark in marks:
        if mark.kind == "updated" and mark.date:
            value = dates.find(mark.date)
            if value:
                return value
    for line in lines[:15]:
        match = DATELINE.match(line.text)
        if match:
            value = dates.find(match.group(0))
            if value:
                return value
    for mark in marks:
        if mark.kind == "date":
            value = dates.find(mark.line.text)
            if value:
                return value
    return None


def find_source(lines: Sequence[Line], marks: Sequence[Mark], outlets: Outlets) -> str | None:
    """The outlet or agency the text credits itself to, or None."""
    for line in reversed(lines[-TAIL_LINES:]):
        name = _credit(line.text, outlets)
        if name:
            return name
    for line in lines[:15]:
        match = DATELINE.match(line.text)
        paren = AGENCY_IN_PARENS.search(match.group(0)) if match else None
        if paren:
            return outlets.agency(paren.group(1)) or paren.group(1).strip()
    for mark in marks:
        if mark.kind == "byline":
            name = _byline_agency(mark.line.text, outlets)
            if name:
                return name
    return None


def _credit(text: str, outlets: Outlets) -> str | None:
    bare = outlets.agency(text)
    if bare:
        return bare
    for credit in outlets.credits:
        match = credit.pattern.fullmatch(text)
        if match:
            if credit.outlet_name:
                return credit.outlet_name
            raw = match.group("outlet").strip(" .,-")
            return outlets.agency(raw) or raw or None
    return None


def _byline_agency(text: str, outlets: Outlets) -> str | None:
    body = re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)
    for part in re.split(r"\s*[|/,–—]\s*|\s+-\s+", body):
        name = outlets.agency(part) or outlets.agency(re.sub(r"^the\s+", "", part, flags=re.IGNORECASE))
        if name:
            return name
    return None


def host(url: str | None) -> str | None:
    """The site name from an address: its host without "www."."""
    if not url:
        return None
    name = urlsplit(url if "//" in url else "//" + url).hostname
    if not name:
        return None
    return name[4:] if name.startswith("www.") else name

"""Roles in time: which code an actor holds on a given day, from every source that dates it.

An actor's code can change: Bashar al-Assad is SYRGOV from 2000-07-17 to 2024-12-08 and a former
official (SYRELI) after. Three sources date codes, ranked (a higher rank wins):

    2  roles.tsv       researched office holders, day precision, one row per office
    1  curated YAML    people.yml `since`/`until` years (1 January to 31 December)
    0  converted       PETRARCH's `[CODE >YYMMDD]`-style ranges, compiled around 2014

`code_at` reads them against a day (the article's publication date; None = the latest code):
the highest-ranked source that has dated rows decides from the first day it covers on (an
article without a date gets that source's latest office, as no day says the office ended). A row of
that source covering the day gives the code; a day after all its rows (or between them) is a
former office: the source's undated code when it has one, else country + ELI for a person (an
organisation keeps its last code), unless a lower-ranked row that starts after that source's
last day says otherwise. An open-ended lower-ranked range is thereby cut where the better source
starts. Before every dated row, the earliest row's code holds (or an undated one), as before the
dictionaries were dated. Undated codes alone hold on every day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsevents.data import reader
from newsevents.errors import ResourceError

ROLE_COLUMNS = ("name", "aliases", "country", "sector", "start", "end", "office", "source")
# Offices that name an organisation rather than a person (no "former official" after its end).
GROUP_OFFICES = frozenset({"group", "armed group", "organisation", "organization", "party", "movement"})
RANKS = {"converted": 0, "curated": 1, "roles": 2}
ROLE_TEXT = re.compile(r"([A-Z]{3,})(?: (\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?)?")


@dataclass(frozen=True)
class Role:
    """One dated code: `start`/`end` are inclusive days, None where the range is open."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    rank: int = 0

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def parse_roles(text: str, rank: int) -> tuple[Role, ...] | str:
    """`SYRGOV 2000-07-17..;SYRELI` as roles, or the reason it is malformed."""
    if text.isalpha() and text.isupper() and len(text) % 3 == 0:
        return (Role(text, None, None, rank),)  # most rows: one undated code
    out = []
    for part in text.split(";"):
        found = ROLE_TEXT.fullmatch(part.strip())
        if found is None or len(found.group(1)) % 3:
            return f"{part.strip()!r} is not CODE, CODE START.., CODE ..END or CODE START..END"
        try:
            start, end = (dt.date.fromisoformat(d) if d else None for d in found.group(2, 3))
        except ValueError as exc:
            return f"{part.strip()!r}: {exc}"
        if start and end and end < start:
            return f"{part.strip()!r}: ends before it starts"
        out.append(Role(found.group(1), start, end, rank))
    return tuple(out)


def curated_role(code: str, since: int | None, until: int | None) -> Role:
    """A people.yml entry's years as a role of rank 1."""
    start = dt.date(since, 1, 1) if since else None
    end = dt.date(until, 12, 31) if until else None
    return Role(code, start, end, RANKS["curated"])


def code_at(roles: Iterable[Role], day: dt.date | None, person: bool) -> str:
    """The code that holds on `day` (None: the latest), by the rules of the module docstring."""
    roles = tuple(roles)
    if day is None:
        return _latest(roles)
    for rank in sorted({r.rank for r in roles}, reverse=True):
        dated = [r for r in roles if r.rank == rank and r.dated]
        undated = [r for r in roles if r.rank == rank and not r.dated]
        covering = [r for r in dated if r.covers(day)]
        if covering:
            return max(covering, key=lambda r: r.start or dt.date.min).code
        if not dated:
            if undated:
                return undated[-1].code
            continue
        if day < min(r.start or dt.date.min for r in dated):
            continue  # before this source knows the actor: a lower-ranked one may
        last = max(r.end or dt.date.max for r in dated)
        later = [
            r for r in roles if r.rank < rank and r.dated and r.start and r.start > last and r.covers(day)
        ]
        if later:
            return max(later, key=lambda r: r.start or dt.date.min).code
        if undated:
            return undated[-1].code
        ended = max(
            (r for r in dated if r.end is not None and r.end < day), key=lambda r: r.end or dt.date.min
        )
        return former(ended.code) if person else ended.code
    return _fallback(roles, day)


def _latest(roles: tuple[Role, ...]) -> str:
    """No date to read against: the latest office of the best source that dates the actor (or a
    later office of a lower one), never a former-official code when there is an office."""
    dated = [r for r in roles if r.dated]
    if not dated:
        return max(roles, key=lambda r: r.rank).code if roles else ""
    best = max(r.rank for r in dated)
    last = max(r.end or dt.date.max for r in dated if r.rank == best)
    pool = [r for r in dated if r.rank == best or (r.start is not None and r.start > last)]
    offices = [r for r in pool if not is_former(r.code)] or pool
    return max(offices, key=lambda r: (r.start or dt.date.min, r.end or dt.date.max, r.rank)).code


def is_former(code: str) -> bool:
    return "ELI" in (code[3:6], code[6:9])


def _fallback(roles: tuple[Role, ...], day: dt.date) -> str:
    """Before every dated row: an undated code if there is one, else the earliest dated code."""
    undated = [r for r in roles if not r.dated]
    if undated:
        return max(undated, key=lambda r: r.rank).code
    return min(roles, key=lambda r: (r.start or dt.date.min, -r.rank)).code


def former(code: str) -> str:
    """A former office holder: the office's country + ELI (an IGO office keeps its own code)."""
    return f"{code[:3]}ELI" if not code.startswith(("IGO", "NGO", "IMG", "MNC")) else code


# Country slots of roles.tsv that name no country: officials of international organisations, by
# the code of their body ("IGOUNO" the UN, "IGOEEC" the EU, "IGONAT" NATO, "IGOAFU" the African Union).
BODY_CODE = re.compile(r"(?:IGO|NGO)(?:[A-Z]{3})*")


@dataclass(frozen=True)
class Office:
    """One roles.tsv row: a person's (or group's) code over a range of days."""

    name: str
    aliases: tuple[str, ...]
    role: Role
    person: bool
    country: str
    sector: str
    origin: str


def read_offices(path: str, countries: set[str], sectors: set[str]) -> list[Office]:
    """Every row of a roles.tsv file, checked; a bad row is one E208 naming file:line and field."""
    out = []
    for rec in reader.rows(path, ROLE_COLUMNS, strict=True):

        def fail(field: str, problem: str, rec: reader.Record = rec) -> ResourceError:
            return ResourceError("E208", detail=f"{rec.origin} -> {field}: {problem}")

        values = {k: str(v) for k, v in rec.values.items()}
        if not values["name"]:
            raise fail("name", "required")
        body = BODY_CODE.fullmatch(values["country"]) is not None
        if values["country"] not in countries and not body:
            raise fail("country", f"{values['country']!r} is not a country code or an IGO/NGO code (IGOUNO)")
        if values["sector"] not in sectors:
            raise fail("sector", f"{values['sector']!r} is not a sector code")
        days = []
        for field in ("start", "end"):
            try:
                days.append(dt.date.fromisoformat(values[field]) if values[field] else None)
            except ValueError:
                raise fail(field, f"{values[field]!r} is not a date YYYY-MM-DD") from None
        if days[0] is None:
            raise fail("start", "required (YYYY-MM-DD)")
        if days[1] is not None and days[1] < days[0]:
            raise fail("end", "is before start")
        if not values["source"].startswith(("http://", "https://")):
            raise fail("source", "expected the public URL the row was checked against")
        # an official of an international body is coded by the body alone ("IGOUNO"), as CAMEO does
        code = values["country"] if body else values["country"] + values["sector"]
        role = Role(code, days[0], days[1], RANKS["roles"])
        aliases = tuple(a.strip() for a in values["aliases"].split("|") if a.strip())
        person = values["office"].strip().lower() not in GROUP_OFFICES
        out.append(
            Office(values["name"], aliases, role, person, values["country"], values["sector"], rec.origin)
        )
    return out


ROLES_SYNTAX = re.compile(
    r"[A-Z]{3,}(?: (?:\d{4}-[01]\d-[0-3]\d)?\.\.(?:\d{4}-[01]\d-[0-3]\d)?)?"
    r"(?:;[A-Z]{3,}(?: (?:\d{4}-[01]\d-[0-3]\d)?\.\.(?:\d{4}-[01]\d-[0-3]\d)?)?)*"
)


class Timeline:
    """An actor's dated codes from every source, the converted ones parsed on first use.

    Tens of thousands of converted office holders are loaded at every start and few are named
    in a given corpus, so their `CODE START..END` texts (checked by `ROLES_SYNTAX` when read)
    become `Role`s only when an article names them. `usable` drops codes the dictionary cannot
    split into country and sector.
    """

    __slots__ = ("_cache", "_raw", "_roles", "_usable", "person")

    def __init__(self, person: bool, usable: Callable[[str], bool], raw: str = "") -> None:
        self.person = person
        self._raw = [raw] if raw else []
        self._roles: list[Role] = []
        self._usable = usable

    def add(self, roles: Iterable[Role] = (), raw: str = "") -> None:
        self._roles.extend(roles)
        if raw:
            self._raw.append(raw)

    @property
    def roles(self) -> tuple[Role, ...]:
        if self._raw:
            for text in self._raw:
                parsed = parse_roles(text, RANKS["converted"])
                if isinstance(parsed, tuple):
                    self._roles.extend(r for r in parsed if self._usable(r.code))
            self._raw = []
        return tuple(self._roles)

    def code_at(self, day: dt.date | None) -> str:
        roles = self.roles
        return code_at(roles, day, self.person) if roles else ""

    def years(self) -> tuple[int | None, int | None]:
        """First and last year of the dated offices (None where open), to rank namesakes; a
        former-official code (ELI) is no office."""
        dated = [r for r in self.roles if r.dated and not is_former(r.code)]
        starts = [r.start for r in dated]
        ends = [r.end for r in dated]
        since = None if not starts or None in starts else min(d.year for d in starts if d)
        until = None if not ends or None in ends else max(d.year for d in ends if d)
        return since, until

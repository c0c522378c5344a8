"""The converted PETRARCH dictionaries and the dated roles, joined to the curated actor entries.

`scripts/convert_petrarch_actors.py` turns PETRARCH's actor and agent files into
`data/petrarch/*.tsv` (phrases already split into the recogniser's tokens, so loading them is
string splitting, not tokenizing); `data/<language>/actors/roles.tsv` dates office holders
since 2014. `join` adds both to the curated entries with these rules:

- curated entries win for the same phrase: a converted phrase whose tokens the curated files
  already index is dropped (and so is a later converted phrase an earlier one indexes);
- an actor is one actor across sources: a roles.tsv person sharing a name or alias with a
  curated person, or a converted entry whose own name (or first phrase) is a name or alias of
  a curated or earlier entry, adds its dated codes to that person's timeline (see `roles.py`)
  and its other phrases point to it (a secondary alias never merges: PETRARCH lists "Islamic
  Jihad" under Hezbollah); one sharing a name with an organisation only adds its phrases;
- a national code takes the dictionary's form, country + sector (SYRGOVBUS -> SYRGOV): the
  country is the first part when it is a country or region of the dictionary, the sector the
  first later part the sector codes know (a group's GOV followed by LEG, JUD, MIL, COP or SPY
  is that branch: the Congress's USAGOVLEG -> USALEG); an IGO/NGO/IMG/MNC code keeps its whole
  form with its first part as sector; a code with no known country or sector is skipped
  (INTREB, SYRINSMUS), and so is an agent whose code has no known sector;
- converted agent nouns are sector words like the curated ones, never weak and with no role;
  an agent phrase whose last word is a curated sector word is dropped ("unidentified gunmen",
  "coalition forces"): the curated word and the resolver's modifiers code it;
- a converted actor becomes an Entry only when an article names one of its phrases (see
  `dictionary.PhraseTable`): 26,000 of them are loaded at every start, few are named.

A bad row is one error naming its file and line: E207 for a converted file, E208 for roles.tsv.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsevents import data
from newsevents.actors.dictionary import Entry, Extended, Extension
from newsevents.actors.roles import (
    RANKS,
    ROLES_SYNTAX,
    Office,
    Timeline,
    curated_role,
    parse_roles,
    read_offices,
)
from newsevents.data import reader
from newsevents.errors import ResourceError

ACTOR_FILES = ("petrarch/countries.tsv", "petrarch/international.tsv", "petrarch/nonstate.tsv")
AGENT_FILE = "petrarch/agents.tsv"
ROLES_FILE = "actors/roles.tsv"
ACTOR_COLUMNS = ("name", "phrases", "roles", "kind", "source")
AGENT_COLUMNS = ("phrases", "code", "source")
TRANSNATIONAL_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
NAMING_FORMS = frozenset({"name", "alias"})
BRANCHES = frozenset({"LEG", "JUD", "MIL", "COP", "SPY"})
CODE = re.compile(r"[A-Z]{3,}")

Key = tuple[str, ...]
Keyed = list[tuple[Entry, list[tuple[Key, str, str]]]]


def key_of(text: str) -> Key:
    """The match key of a phrase the converter already split into normalised tokens (joined by
    spaces): the same key `dictionary.norm_token` gives, without tokenizing at every start."""
    return tuple(text.lower().split(" ")) if text else ()


@dataclass
class Actor:
    """An actor on its way into the dictionary: its entry (with its timeline) and its phrases.

    A converted actor has no entry yet (`entry` None): its name, kind, origin and role texts
    wait in `pending` until an article names it (`materialise`), so loading 26,000 of them costs
    no Entry objects; `raw` collects the role texts of converted entries merged into this actor.
    """

    entry: Entry | None
    phrases: list[tuple[Key, str, str]] = field(default_factory=list)  # key, form, text
    name_key: Key = ()
    pending: tuple[str, str, str] | None = None  # name, kind, origin
    raw: list[str] = field(default_factory=list)
    made: Entry | None = None

    @property
    def kind(self) -> str:
        if self.entry is not None:
            return self.entry.kind
        return "person" if self.pending and self.pending[1] == "person" else "org"

    def materialise(self, codes: Codes) -> Entry | None:
        """The entry of a converted actor, made on first use; None when no code of it is usable."""
        if self.entry is not None:
            return self.entry
        if self.made is None and self.pending is not None:
            if not any(codes.usable(c) for text in self.raw for c in CODE.findall(text)):
                self.pending = None
                return None
            name, _, origin = self.pending
            timeline = Timeline(self.kind == "person", codes.usable)
            for text in self.raw:
                timeline.add(raw=text)
            self.made = Entry(self.kind, name.lower(), name, origin=origin, timeline=timeline)
        return self.made


class Codes:
    """Splits a PETRARCH code into country and sector with the dictionary's own code lists."""

    def __init__(self, countries: Iterable[str], labels: Iterable[str]) -> None:
        self.countries, self.labels = frozenset(countries), frozenset(labels)
        self.cache: dict[str, tuple[str | None, str] | None] = {}  # by code, "/g" for a group

    def usable(self, code: str) -> bool:
        return self.split(code) is not None

    def normal(self, code: str, group: bool = False) -> str:
        """The code in the dictionary's own form: country + sector for a national actor
        (SYRGOVBUS -> SYRGOV; the Congress's USAGOVLEG -> USALEG), the whole code for a
        transnational one."""
        split = self.split(code, group)
        if split is None or split[0] is None:
            return code
        return split[0] + split[1]

    def split(self, code: str, group: bool = False) -> tuple[str | None, str] | None:
        """(country, sector) of a code, or None when the dictionary knows no country or sector in it.

        The sector is the first part the sector codes know; for a group (`group`), a government
        body of a branch is that branch (USAGOVLEG the Congress -> LEG); a person's GOVMIL or
        GOVJUD (a defence or justice minister) stays GOV, as CAMEO coders read it.
        """
        key = f"{code}/g" if group else code
        if key not in self.cache:
            parts = [code[i : i + 3] for i in range(0, len(code), 3)]
            if parts[0] in TRANSNATIONAL_PREFIXES:
                self.cache[key] = (None, parts[0])
            elif parts[0] in self.countries:
                known = [p for p in parts[1:] if p in self.labels]
                if group and known[:1] == ["GOV"] and len(known) > 1 and known[1] in BRANCHES:
                    known = known[1:]
                self.cache[key] = (parts[0], known[0]) if known else None
            else:
                self.cache[key] = None
        return self.cache[key]


def _fail(path: str | Path, line: int, field_name: str, problem: str) -> ResourceError:
    return ResourceError("E207", detail=f"{path}:{line} -> {field_name}: {problem}")


def read_actors(path: str | Path, codes: Codes) -> list[Actor]:
    """The actors of one converted file, each row checked (E207 names file:line and field)."""
    out = []
    for line, (name, phrase_text, role_text, kind, _source) in reader.cells(path, ACTOR_COLUMNS):
        if kind not in ("person", "group"):
            raise _fail(path, line, "kind", f"{kind!r}; expected person or group")
        if not ROLES_SYNTAX.fullmatch(role_text):
            problem = parse_roles(role_text, RANKS["converted"])
            why = problem if isinstance(problem, str) else f"bad roles {role_text!r}"
            raise _fail(path, line, "roles", why)
        phrases = [(k, "alias", text) for text in phrase_text.split("|") if (k := key_of(text))]
        if not name or not phrases:
            raise _fail(path, line, "phrases" if name else "name", "required")
        name_key = tuple(name.lower().replace("-", " ").split())
        out.append(Actor(None, phrases, name_key, (name, kind, f"{path}:{line}"), [role_text]))
    return out


def read_agents(path: str | Path, codes: Codes) -> list[Actor]:
    """The agent nouns of the converted agents file as sector words (E207 for a bad row)."""
    out = []
    for line, (phrase_text, code, _source) in reader.cells(path, AGENT_COLUMNS):
        if not code.isalpha() or not code.isupper() or len(code) % 3:
            raise _fail(path, line, "code", f"{code!r} is not a code of three-letter parts")
        phrases = [(k, "word", text) for text in phrase_text.split("|") if (k := key_of(text))]
        if not phrases:
            raise _fail(path, line, "phrases", "required")
        sector = next(
            (code[i : i + 3] for i in range(0, len(code), 3) if code[i : i + 3] in codes.labels), None
        )
        if sector is not None:
            word = phrases[0][2]
            out.append(
                Actor(Entry("sector", word, word, "", None, sector, origin=f"{path}:{line}"), phrases=phrases)
            )
    return out


class Joiner:
    """Joins actors of every source into one phrase table (the rules of the module docstring)."""

    def __init__(self, curated: list[tuple[Entry, list[tuple[Key, str, str]]]], codes: Codes) -> None:
        self.codes = codes
        self.actors: list[Actor] = []
        self.owner: dict[Key, Actor] = {}
        self.taken: set[Key] = set()
        # One-word curated sector words: a converted agent phrase ending in one ("unidentified
        # gunmen", "coalition forces") is left to the curated word and the resolver's modifiers.
        self.heads = {k for e, phrases in curated if e.kind == "sector" for k, _, _ in phrases if len(k) == 1}
        for entry, phrases in curated:
            if entry.kind == "person" and entry.code:
                # Always a role, so a converted timeline never outvotes the curated code: dated
                # by its years, or undated (holding on every day no better row covers).
                timeline = Timeline(True, codes.usable)
                timeline.add([curated_role(entry.code, entry.since, entry.until)])
                entry = replace(entry, timeline=timeline)
            self._add(Actor(entry, phrases))

    def _add(self, actor: Actor) -> None:
        self.actors.append(actor)
        naming = actor.kind in ("person", "org")
        for key, form, _ in actor.phrases:
            self.taken.add(key)
            if naming and form in NAMING_FORMS:
                self.owner.setdefault(key, actor)

    def _find(self, keys: Iterable[Key]) -> Actor | None:
        return next((a for k in keys if (a := self.owner.get(k)) is not None), None)

    def _absorb(self, found: Actor, phrases: list[tuple[Key, str, str]]) -> None:
        fresh = [(k, f, t) for k, f, t in phrases if k not in self.taken]
        found.phrases.extend(fresh)
        self.taken.update(k for k, _, _ in fresh)

    def join(self, actor: Actor) -> None:
        """A converted actor or sector word: merged into the actor it names, or added."""
        # Only the entry's own name (or its first phrase) makes it the same actor as another: a
        # secondary alias may be another group's name (PETRARCH lists "Islamic Jihad" under Hezbollah).
        naming = [k for k, form, _ in actor.phrases[:1] if form in NAMING_FORMS]
        found = self._find([actor.name_key, *naming] if actor.name_key else naming)
        if found is not None:
            if found.kind == actor.kind == "person":
                timeline = found.entry.timeline if found.entry is not None else None
                for text in actor.raw:
                    if timeline is not None:
                        timeline.add(raw=text)
                    else:
                        found.raw.append(text)
            self._absorb(found, actor.phrases)
            return
        sector = actor.entry is not None and actor.entry.kind == "sector"
        actor.phrases = [(k, f, t) for k, f, t in actor.phrases
                         if k not in self.taken and not (sector and k[-1:] in self.heads)]
        if actor.phrases:
            self._add(actor)

    def office(self, offices: list[Office], tokenize: Callable[[str], list[str]]) -> None:
        """The rows of one roles.tsv name: one actor's dated offices."""
        first = offices[0]
        texts = dict.fromkeys([first.name, *(a for o in offices for a in o.aliases)])
        phrases = [
            (k, "name" if n == 0 else "alias", t) for n, t in enumerate(texts) if (k := tuple(tokenize(t)))
        ]
        found = self._find(k for k, _, _ in phrases)
        if found is not None and found.entry is not None and found.entry.timeline is not None:
            found.entry.timeline.add([o.role for o in offices])
            self._absorb(found, phrases)
            return
        timeline = Timeline(first.person, self.codes.usable)
        timeline.add([o.role for o in offices])
        entry = Entry(
            "person" if first.person else "org",
            first.name.lower(),
            first.name,
            origin=first.origin,
            timeline=timeline,
        )
        self._add(Actor(entry, [p for p in phrases if p[0] not in self.taken]))

    def finish(self) -> tuple[Keyed, dict[Key, list[tuple[Actor, str, str]]]]:
        """The entries made so far with their phrases, and the converted ones' phrases, by key."""
        eager: Keyed = []
        lazy: dict[Key, list[tuple[Actor, str, str]]] = {}
        for actor in self.actors:
            if actor.entry is not None:
                eager.append((actor.entry, actor.phrases))
            else:
                for key, form, text in actor.phrases:
                    lazy.setdefault(key, []).append((actor, form, text))
        return eager, lazy


def dated(entry: Entry, day: dt.date | None, codes: Codes) -> Entry:
    """The entry as it stands on `day` (None: the latest): code, country, sector and office years."""
    timeline = entry.timeline
    if timeline is None:
        return entry
    group = entry.kind == "org"
    code = codes.normal(timeline.code_at(day), group)
    country, sector = codes.split(code, group) or (None, None)
    since, until = timeline.years()
    if (entry.code, entry.country, entry.sector, entry.since, entry.until) == (
        code,
        country,
        sector,
        since,
        until,
    ):
        return entry
    return replace(entry, code=code, country=country, sector=sector, since=since, until=until)


def offices_by_name(path: str | Path, codes: Codes) -> list[list[Office]]:
    """The roles.tsv rows grouped by person (their name), in file order."""
    groups: dict[str, list[Office]] = {}
    for office in read_offices(str(path), set(codes.countries), set(codes.labels)):
        groups.setdefault(office.name.lower(), []).append(office)
    return list(groups.values())


def shipped(name: str, language: str) -> Path | None:
    try:
        return data.shipped(name, language)
    except ResourceError:
        return None


def extension(language: str = "en") -> Extension:
    """The `dictionary.build` extension that joins the shipped roles.tsv and converted files."""

    def extend(
        labels: dict[str, str], places: dict[str, Entry], curated: Keyed, tokenize: Callable[[str], list[str]]
    ) -> Extended:
        codes = Codes(places, labels)
        joiner = Joiner(curated, codes)
        roles_path = shipped(ROLES_FILE, language)
        for offices in offices_by_name(roles_path, codes) if roles_path else []:
            joiner.office(offices, tokenize)
        for name in ACTOR_FILES:
            path = shipped(name, language)
            for actor in read_actors(path, codes) if path else []:
                joiner.join(actor)
        agents = shipped(AGENT_FILE, language)
        for actor in read_agents(agents, codes) if agents else []:
            joiner.join(actor)
        eager, lazy = joiner.finish()
        return eager, lazy, lambda actor: actor.materialise(codes)

    return extend

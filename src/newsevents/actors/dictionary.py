"""The actor dictionary: countries, regions, people, organisations and sector words, read from data files.

Every data file (the shipped ones under `data/` and a user's) is a YAML mapping whose keys are
sections (`sector_codes`, `countries`, `regions`, `people`, `organisations`, `sectors`,
`non_actors`); each section is a list with one entry per line. `non_actors` lists phrases that
contain an actor word but name no actor ("ceasefire regime", "local government area"): the
recogniser consumes them whole, so their actor word is never a cue. Files are read in order and
a later entry overrides an earlier one with the same identity (a country by code, a region by
code, a person or organisation by name, a sector word by its first word), so a researcher
extends or corrects the shipped dictionaries without touching code. Errors name the file and
line of the bad entry.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import ResourceError

log = logging.getLogger(__name__)

SHIPPED_FILES = ("sectors.yml", "countries.yml", "people.yml", "organisations.yml")
SECTIONS = ("sector_codes", "countries", "regions", "people", "organisations", "sectors", "non_actors")
# Sectors that belong to no home country: never inferred from the article's dominant country.
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC"})
ROLES = frozenset({"head", "person"})


@dataclass(frozen=True)
class Entry:
    """One dictionary entry, as recognised in text.

    `kind` is country, region, person, org, sector or none (a phrase that names no actor);
    `code` the full actor code the entry stands for on its own ("" for sector words, which need
    a country). For sector words: `weak` words ("leader", "official", "forces", "groups") take
    the sector of an organisation word that modifies them ("opposition forces" -> OPP); `role`
    is "head" for the one-per-country offices that corefer with a named leader ("president",
    "leader"), "person" for other person nouns.
    """

    kind: str
    key: str
    name: str
    code: str = ""
    country: str | None = None
    sector: str | None = None
    weak: bool = False
    role: str | None = None
    since: int | None = None
    until: int | None = None
    gender: str | None = None
    demonym: str | None = None
    origin: str = ""


@dataclass(frozen=True)
class Phrase:
    """How a phrase of the dictionary points to an entry: as its name, a demonym, a capital, a surname."""

    entry: Entry
    form: str  # name, alias, demonym, capital, seat, surname, word
    text: str  # the phrase as written in the data file (its case matters for acronyms)


@dataclass(frozen=True)
class ActorDictionary:
    """All entries plus the lower-cased phrase table the recogniser matches against.

    `phrases` maps a tuple of normalised tokens to the phrases it may stand for; `max_len` is the
    longest phrase in tokens. `sector_labels` names each sector code ("MIL": "military").
    """

    entries: tuple[Entry, ...]
    phrases: dict[tuple[str, ...], tuple[Phrase, ...]]
    sector_labels: dict[str, str]
    countries: dict[str, Entry]
    max_len: int
    cache: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)


def norm_token(text: str) -> str:
    """The key a token is matched by: lower case, straight apostrophes, no hyphens or dashes at its edges.

    The tokenizer leaves dashes glued to words in news text ("strikes-", "-backed"), so the
    edges are stripped on both sides of the match.
    """
    return text.lower().replace("’", "'").replace("‘", "'").strip("-–—")


class _Reader:
    """Reads one data file into (line, section, raw entry) triples, keeping each entry's line number."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, line: int, what: str, msg: str) -> ResourceError:
        return ResourceError("E202", detail=f"{self.path}:{line} -> {what}: {msg}")

    def read(self) -> list[tuple[int, str, dict[str, Any]]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ResourceError("E202", detail=f"{self.path}:0 -> file: cannot read ({exc})") from exc
        loader = yaml.SafeLoader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                return []
            if not isinstance(root, yaml.MappingNode):
                raise self.fail(root.start_mark.line + 1, "file", "expected a mapping of sections")
            out: list[tuple[int, str, dict[str, Any]]] = []
            for key_node, value_node in root.value:
                out.extend(self._section(loader, key_node, value_node))
            return out
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 0
            raise self.fail(line, "yaml", str(getattr(exc, "problem", exc))) from exc
        finally:
            loader.dispose()

    def _section(
        self, loader: yaml.SafeLoader, key_node: yaml.Node, value_node: yaml.Node
    ) -> Iterable[tuple[int, str, dict[str, Any]]]:
        section = str(key_node.value)
        line = key_node.start_mark.line + 1
        if section not in SECTIONS:
            raise self.fail(line, "section", f"unknown section {section!r}; expected one of {list(SECTIONS)}")
        if section == "sector_codes":
            if not isinstance(value_node, yaml.MappingNode):
                raise self.fail(line, "sector_codes", "expected a mapping CODE: label")
            for k, v in value_node.value:
                yield k.start_mark.line + 1, section, {"code": k.value, "label": v.value}
            return
        if not isinstance(value_node, yaml.SequenceNode):
            raise self.fail(line, section, "expected a list of entries")
        for item in value_node.value:
            item_line = item.start_mark.line + 1
            value = loader.construct_object(item, deep=True)
            if not isinstance(value, dict):
                raise self.fail(item_line, section, "expected a mapping such as {name: ..., ...}")
            yield item_line, section, value


def _strs(raw: dict[str, Any], key: str, fail: Callable[[str, str], ResourceError]) -> list[str]:
    value = raw.get(key, [])
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(key, "expected a list of non-empty strings")
    return [v.strip() for v in value]


def _year(raw: dict[str, Any], key: str, fail: Callable[[str, str], ResourceError]) -> int | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or not 1800 < value < 2200:
        raise fail(key, "expected a year such as 2014")
    return value


ALLOWED = {
    "countries": {"code", "name", "capital", "aliases", "demonyms", "seats"},
    "regions": {"code", "name", "aliases", "demonyms"},
    "people": {"name", "aliases", "surnames", "code", "country", "sector", "since", "until", "gender"},
    "organisations": {"name", "aliases", "code", "country", "sector"},
    "sectors": {"words", "sector", "weak", "role"},
    "non_actors": {"words", "note"},
}


@dataclass
class _Builder:
    """Collects entries across files; later identities replace earlier ones."""

    sector_labels: dict[str, str] = field(default_factory=dict)
    items: dict[tuple[str, str], tuple[Entry, list[tuple[str, str]]]] = field(default_factory=dict)
    pending: list[tuple[_Reader, int, str, dict[str, Any]]] = field(default_factory=list)

    def add_file(self, path: Path) -> None:
        reader = _Reader(path)
        for line, section, raw in reader.read():
            if section == "sector_codes":
                code, label = str(raw["code"]), str(raw["label"])
                if not re.fullmatch(r"[A-Z]{3}", code):
                    raise reader.fail(line, "sector_codes", f"code {code!r} is not three capital letters")
                self.sector_labels[code] = label
            else:
                self.pending.append((reader, line, section, raw))

    def finish(self) -> None:
        """Validate entries once every file's sector codes and countries are known."""
        countries = {
            str(raw.get("code")) for _, _, s, raw in self.pending if s in ("countries", "regions")
        }
        for reader, line, section, raw in self.pending:
            entry, forms = _parse(reader, line, section, raw, countries, self.sector_labels)
            self.items[(entry.kind, entry.key)] = (entry, forms)


def _parse(
    reader: _Reader, line: int, section: str, raw: dict[str, Any], countries: set[str], labels: dict[str, str]
) -> tuple[Entry, list[tuple[str, str]]]:
    def fail(what: str, msg: str) -> ResourceError:
        return reader.fail(line, what, msg)

    unknown = set(raw) - ALLOWED[section]
    if unknown:
        raise fail(sorted(unknown)[0], f"unknown field; allowed: {sorted(ALLOWED[section])}")

    def need(key: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise fail(key, "required (a non-empty string)")
        return value.strip()

    def opt_country() -> str | None:
        value = raw.get("country")
        if value is not None and value not in countries:
            raise fail("country", f"{value!r} is not a country or region code of the dictionary")
        return value

    def opt_sector(required: bool) -> str | None:
        value = raw.get("sector")
        if value is None and not required:
            return None
        if value not in labels:
            raise fail("sector", f"{value!r} is not a sector code; known: {sorted(labels)}")
        return str(value)

    if section in ("countries", "regions"):
        return _parse_place(section, raw, fail, need, line, reader)
    origin = f"{reader.path}:{line}"
    if section == "non_actors":
        return _parse_non_actor(raw, fail, origin)
    if section == "sectors":
        return _parse_sector(raw, fail, opt_sector, origin)
    name = need("name")
    country, sector = opt_country(), opt_sector(True)
    if section == "people":
        return _parse_person(raw, fail, name, country, sector, origin)
    return _parse_org(raw, fail, name, country, sector, origin)


Forms = list[tuple[str, str]]
Fail = Callable[[str, str], ResourceError]


def _parse_non_actor(raw: dict[str, Any], fail: Fail, origin: str) -> tuple[Entry, Forms]:
    """Words that look like actors but never are; the first word keys the entry."""
    words = _strs(raw, "words", fail)
    if not words:
        raise fail("words", "required (a list of words or phrases)")
    none = Entry("none", words[0].lower(), words[0], origin=origin)
    return none, [("word", w) for w in words]


def _parse_sector(
    raw: dict[str, Any], fail: Fail, opt_sector: Callable[[bool], str | None], origin: str
) -> tuple[Entry, Forms]:
    """Sector words ("army", "rebels"); a weak word may leave its sector to its modifier."""
    words = _strs(raw, "words", fail)
    if not words:
        raise fail("words", "required (a list of words or phrases)")
    role = raw.get("role")
    if role is not None and role not in ROLES:
        raise fail("role", f"expected one of {sorted(ROLES)}")
    entry = Entry("sector", words[0].lower(), words[0], "", None, opt_sector(False),
                  weak=bool(raw.get("weak", False)), role=role, origin=origin)
    if entry.sector is None and not entry.weak:
        raise fail("sector", "required unless the word is weak (takes its modifier's sector)")
    return entry, [("word", w) for w in words]


def _parse_person(
    raw: dict[str, Any], fail: Fail, name: str, country: str | None, sector: str | None, origin: str
) -> tuple[Entry, Forms]:
    """A named person, with the years they held the role and the surnames that refer to them."""
    gender = raw.get("gender")
    if gender not in (None, "f", "m"):
        raise fail("gender", "expected f or m")
    code = raw.get("code") or f"{country or ''}{sector}"
    entry = Entry("person", name.lower(), name, code, country, sector, since=_year(raw, "since", fail),
                  until=_year(raw, "until", fail), gender=gender, origin=origin)
    forms = [("name", name)] + [("alias", a) for a in _strs(raw, "aliases", fail)]
    return entry, forms + [("surname", s) for s in _strs(raw, "surnames", fail)]


def _parse_org(
    raw: dict[str, Any], fail: Fail, name: str, country: str | None, sector: str | None, origin: str
) -> tuple[Entry, Forms]:
    """An organisation; its code defaults to country + sector and must be three-letter parts."""
    code = raw.get("code")
    if code is None:
        if country is None:
            raise fail("code", "required for an organisation without a country (e.g. IGOUNO)")
        code = f"{country}{sector}"
    if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})+", code):
        raise fail("code", f"{code!r} is not a code of three-letter parts such as IGOUNO")
    entry = Entry("org", name.lower(), name, code, country, sector, origin=origin)
    return entry, [("name", name)] + [("alias", a) for a in _strs(raw, "aliases", fail)]

def _parse_place(
    section: str,
    raw: dict[str, Any],
    fail: Callable[[str, str], ResourceError],
    need: Callable[[str], str],
    line: int,
    reader: _Reader,
) -> tuple[Entry, list[tuple[str, str]]]:
    code = need("code")
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise fail("code", f"{code!r} is not a three-letter code")
    name = need("name")
    demonyms = _strs(raw, "demonyms", fail)
    kind = "country" if section == "countries" else "region"
    entry = Entry(kind, code, name, code, code if kind == "country" else None, None,
                  demonym=demonyms[0] if demonyms else None, origin=f"{reader.path}:{line}")
    forms = [("name", name)] + [("alias", a) for a in _strs(raw, "aliases", fail)]
    forms += [("demonym", d) for d in demonyms]
    if kind == "country":
        forms += [("capital", c) for c in _strs(raw, "capital", fail)]
        forms += [("seat", s) for s in _strs(raw, "seats", fail)]
    return entry, forms


def _tokenizer() -> Callable[[str], list[str]]:
    """The English tokenizer without a model, so phrases split the way article text does."""
    from spacy.lang.en import English

    tok = English().tokenizer
    return lambda text: [norm_token(t.text) for t in tok(text) if norm_token(t.text)]


def _variants(text: str) -> set[str]:
    """Spelling variants news text uses for the same phrase: hyphen or space, straight or curly quote."""
    out = {text}
    if "-" in text:
        out.add(text.replace("-", " "))
    return out


def build(paths: Sequence[Path]) -> ActorDictionary:
    """Read and validate the files in order and index every phrase."""
    builder = _Builder()
    for path in paths:
        builder.add_file(path)
    builder.finish()
    tokenize = _tokenizer()
    table: dict[tuple[str, ...], list[Phrase]] = {}
    for entry, forms in builder.items.values():
        for form, text in forms:
            for variant in _variants(text):
                key = tuple(tokenize(variant))
                if key:
                    table.setdefault(key, []).append(Phrase(entry, form, text))
    entries = tuple(e for e, _ in builder.items.values())
    countries = {e.code: e for e in entries if e.kind in ("country", "region")}
    phrases = {k: tuple(v) for k, v in table.items()}
    log.debug("actor dictionary: %d entries, %d phrases", len(entries), len(phrases))
    return ActorDictionary(entries, phrases, builder.sector_labels, countries,
                           max((len(k) for k in phrases), default=1))


def shipped_paths() -> tuple[Path, ...]:
    """The data files that ship with the package, in the order they are read."""
    base = resources.files("newsevents.actors").joinpath("data")
    return tuple(Path(str(base.joinpath(name))) for name in SHIPPED_FILES)

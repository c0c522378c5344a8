"""The actor dictionary: countries, regions, people, organisations and sector words, read from data files.

Every data file (the shipped ones under `data/<language>/actors/` and a user's) is a YAML mapping
whose keys are sections (`sector_codes`, `countries`, `regions`, `people`, `organisations`,
`sectors`, `non_actors`); `sector_codes` maps codes to labels, every other section is a list with
one entry per line. `non_actors` lists phrases that contain an actor word but name no actor
("ceasefire regime", "local government area"): the recogniser consumes them whole, so their actor
word is never a cue. Files are read in order and merged by `data.reader.merge`: a later entry
replaces an earlier one with the same identity (a sector code by code, a country or region by
code, a person or organisation by name, a sector word or non-actor phrase by its first word) and
`remove: true` drops it, so a researcher extends or corrects the shipped dictionaries without
touching code. Errors name the file and line of the bad entry.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents import data
from newsevents.actors.acts import Acts
from newsevents.actors.destinations import Destinations
from newsevents.actors.forenames import Forenames
from newsevents.actors.provinces import Provinces
from newsevents.actors.stateless import Stateless
from newsevents.data import reader
from newsevents.data.reader import Record
from newsevents.errors import ResourceError

if TYPE_CHECKING:
    from newsevents.actors.roles import Timeline

log = logging.getLogger(__name__)

SHIPPED_FILES = (
    "actors/sectors.yml", "actors/countries.yml", "actors/people.yml", "actors/organisations.yml"
)  # in data/<language>/
SECTIONS = ("sector_codes", "countries", "regions", "people", "organisations", "sectors", "non_actors")
# Sectors that belong to no home country: never inferred from the article's dominant country.
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC"})
ROLES = frozenset({"head", "person", "title", "body"})
# Roles of one person ("the official", "the leader", "Sen."), as against a body ("the group").
PERSON_ROLES = frozenset({"head", "person", "title"})


@dataclass(frozen=True)
class Entry:
    """One dictionary entry, as recognised in text.

    `kind` is country, region, person, org, sector or none (a phrase that names no actor);
    `code` the full actor code the entry stands for on its own ("" for sector words, which need
    a country). For sector words: `weak` words ("leader", "official", "forces", "groups") take
    the sector of an organisation word that modifies them ("opposition forces" -> OPP); `role`
    is "head" for the one-per-country offices that corefer with a named leader ("president",
    "leader"), "person" for other person nouns, "title" for a word that is a person's role only
    as a title right before a name ("Sen.", "DP": recognise.py).
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
    # Dated codes (actors/roles.py): `recognise` reads them against the article's publication
    # date and fills code, country and sector for that day (`converted.dated`).
    timeline: Timeline | None = field(default=None, compare=False, repr=False)


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
    phrases: Mapping[tuple[str, ...], tuple[Phrase, ...]]
    sector_labels: dict[str, str]
    countries: dict[str, Entry]
    max_len: int
    cache: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)
    # capitals named as where a visit goes stand for their government (actors/destinations.py)
    destinations: Destinations = field(default_factory=Destinations, compare=False, hash=False, repr=False)
    # modifiers that say an agent is of no one country (actors/stateless.py)
    stateless: Stateless = field(default_factory=Stateless, compare=False, hash=False, repr=False)
    # acts of force whose doer a plural pronoun stands for (actors/acts.py)
    acts: Acts = field(default_factory=Acts, compare=False, hash=False, repr=False)
    # titles before a surname that are no first name (actors/forenames.py)
    forenames: Forenames = field(default_factory=Forenames, compare=False, hash=False, repr=False)
    # first-level regions of one country, which place an actor of their own words (actors/provinces.py)
    provinces: Provinces = field(default_factory=Provinces, compare=False, hash=False, repr=False)

    def phrases_of(self, form: str) -> list[tuple[tuple[str, ...], Phrase]]:
        """Every curated phrase of one form ("demonym"), with its token key; the converted sources
        add names and words only, so their waiting entries are not made for this."""
        table = self.phrases
        made = table.made() if isinstance(table, PhraseTable) else table.items()
        return [(key, p) for key, phrases in made for p in phrases if p.form == form]


def norm_token(text: str) -> str:
    """The key a token is matched by: lower case, straight apostrophes, no hyphens or dashes at its edges.

    The tokenizer leaves dashes glued to words in news text ("strikes-", "-backed"), so the
    edges are stripped on both sides of the match.
    """
    return text.lower().replace("’", "'").replace("‘", "'").strip("-–—")


def _strs(raw: Mapping[str, Any], key: str, fail: Callable[[str, str], ResourceError]) -> list[str]:
    value = raw.get(key, [])
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(key, "expected a list of non-empty strings")
    return [v.strip() for v in value]


def _year(raw: Mapping[str, Any], key: str, fail: Callable[[str, str], ResourceError]) -> int | None:
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


KINDS = {
    "countries": "country", "regions": "region", "people": "person", "organisations": "org",
    "sectors": "sector", "non_actors": "none",
}  # fmt: skip


def _identity(rec: Record) -> tuple[str, str]:
    """(kind, key): what makes two entries the same one across files (see the module docstring)."""
    section = str(rec.section)
    if section == "sector_codes":
        return section, str(rec.key)
    field_name = {"countries": "code", "regions": "code", "sectors": "words", "non_actors": "words"}
    value = rec.get(field_name.get(section, "name"))
    if isinstance(value, list):
        value = value[0] if value else ""
    return KINDS[section], str(value).strip().lower()


def _sector_code(rec: Record) -> tuple[str, str]:
    code = str(rec.key)
    if rec.key is None:
        raise rec.fail("sector_codes", "expected a mapping CODE: label")
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise rec.fail("sector_codes", f"code {code!r} is not three capital letters")
    return code, str(rec.get("value"))


def _read(paths: Sequence[str | Path]) -> tuple[dict[str, str], list[Parsed]]:
    """Sector labels and (entry, forms) pairs of every file, merged; checked once every file's
    sector codes and countries are known."""
    records = [rec for path in paths for rec in reader.sections(path, SECTIONS)]
    codes = [rec for rec in records if rec.section == "sector_codes"]
    labels = dict(reader.merge(codes, _identity, _sector_code))
    countries = {str(rec.get("code")) for rec in records if rec.section in ("countries", "regions")}
    others = (rec for rec in records if rec.section != "sector_codes")
    return labels, reader.merge(others, _identity, lambda rec: _parse(rec, countries, labels))


Parsed = tuple[Entry, list[tuple[str, str]]]


def _parse(rec: Record, countries: set[str], labels: dict[str, str]) -> Parsed:
    """One entry of any section but sector_codes, checked; every problem names file:line -> field."""
    section, raw = str(rec.section), rec.values
    if rec.key is not None or set(raw) == {"value"}:
        raise rec.fail(section, "expected a mapping such as {name: ..., ...}")
    unknown = set(raw) - ALLOWED[section]
    if unknown:
        raise rec.fail(sorted(unknown)[0], f"unknown field; allowed: {sorted(ALLOWED[section])}")
    if section in ("countries", "regions"):
        return _parse_place(section, rec)
    if section in ("sectors", "non_actors"):
        return _parse_words(section, rec, labels)
    return _parse_named(section, rec, countries, labels)


def _need(rec: Record, key: str) -> str:
    value = rec.get(key)
    if not isinstance(value, str) or not value.strip():
        raise rec.fail(key, "required (a non-empty string)")
    return value.strip()


def _sector(rec: Record, labels: dict[str, str], required: bool) -> str | None:
    value = rec.get("sector")
    if value is None and not required:
        return None
    if value not in labels:
        raise rec.fail("sector", f"{value!r} is not a sector code; known: {sorted(labels)}")
    return str(value)


def _parse_words(section: str, rec: Record, labels: dict[str, str]) -> Parsed:
    raw, fail = rec.values, rec.fail
    words = _strs(raw, "words", fail)
    if not words:
        raise fail("words", "required (a list of words or phrases)")
    if section == "non_actors":
        return Entry("none", words[0].lower(), words[0], origin=rec.origin), [("word", w) for w in words]
    role = raw.get("role")
    if role is not None and role not in ROLES:
        raise fail("role", f"expected one of {sorted(ROLES)}")
    entry = Entry("sector", words[0].lower(), words[0], "", None, _sector(rec, labels, False),
                  weak=bool(raw.get("weak", False)), role=role, origin=rec.origin)
    if entry.sector is None and not entry.weak:
        raise fail("sector", "required unless the word is weak (takes its modifier's sector)")
    return entry, [("word", w) for w in words]


def _parse_named(section: str, rec: Record, countries: set[str], labels: dict[str, str]) -> Parsed:
    raw, fail = rec.values, rec.fail
    name = _need(rec, "name")
    country = raw.get("country")
    if country is not None and country not in countries:
        raise fail("country", f"{country!r} is not a country or region code of the dictionary")
    sector = _sector(rec, labels, True)
    if section == "people":
        gender = raw.get("gender")
        if gender not in (None, "f", "m"):
            raise fail("gender", "expected f or m")
        code = raw.get("code") or f"{country or ''}{sector}"
        entry = Entry("person", name.lower(), name, code, country, sector, since=_year(raw, "since", fail),
                      until=_year(raw, "until", fail), gender=gender, origin=rec.origin)
        forms = [("name", name)] + [("alias", a) for a in _strs(raw, "aliases", fail)]
        return entry, forms + [("surname", s) for s in _strs(raw, "surnames", fail)]
    code = raw.get("code")
    if code is None:
        if country is None:
            raise fail("code", "required for an organisation without a country (e.g. IGOUNO)")
        code = f"{country}{sector}"
    if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})+", code):
        raise fail("code", f"{code!r} is not a code of three-letter parts such as IGOUNO")
    entry = Entry("org", name.lower(), name, code, country, sector, origin=rec.origin)
    return entry, [("name", name)] + [("alias", a) for a in _strs(raw, "aliases", fail)]


def _parse_place(section: str, rec: Record) -> Parsed:
    raw, fail = rec.values, rec.fail
    code = _need(rec, "code")
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise fail("code", f"{code!r} is not a three-letter code")
    name = _need(rec, "name")
    demonyms = _strs(raw, "demonyms", fail)
    kind = "country" if section == "countries" else "region"
    entry = Entry(kind, code, name, code, code if kind == "country" else None, None,
                  demonym=demonyms[0] if demonyms else None, origin=rec.origin)
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


Key = tuple[str, ...]
Keyed = list[tuple[Entry, list[tuple[Key, str, str]]]]  # entry, [(key, form, text)]
# Entries not made yet: key -> [(source, form, text)], and how a source becomes an Entry (or None).
Lazy = dict[Key, list[tuple[Any, str, str]]]
Extended = tuple[Keyed, Lazy, Callable[[Any], "Entry | None"]]
Extension = Callable[[dict[str, str], dict[str, Entry], Keyed, Callable[[str], list[str]]], Extended]


class PhraseTable(Mapping[Key, tuple[Phrase, ...]]):
    """Phrase key -> the phrases it may stand for; entries from a large source are made on the
    first lookup of one of their keys, so start-up does not pay for entries no article names."""

    def __init__(self, eager: dict[Key, tuple[Phrase, ...]], lazy: Lazy, make: Callable[[Any], Entry | None]):
        self._eager, self._lazy, self._make = eager, lazy, make

    def get(self, key: Key, default: Any = None) -> Any:  # type: ignore[override]
        found = self._eager.get(key)
        if found is not None:
            return found
        waiting = self._lazy.pop(key, None)
        if waiting is None:
            return default
        made = tuple(Phrase(e, form, text) for source, form, text in waiting if (e := self._make(source)))
        self._eager[key] = made
        return made or default

    def __getitem__(self, key: Key) -> tuple[Phrase, ...]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return key in self._eager or key in self._lazy

    def __iter__(self) -> Iterator[Key]:
        yield from list(self._eager)
        yield from list(self._lazy)

    def __len__(self) -> int:
        return len(self._eager) + len(self._lazy)

    def made(self) -> Iterator[tuple[Key, tuple[Phrase, ...]]]:
        """The phrases indexed so far (every curated one), without making the waiting entries."""
        yield from list(self._eager.items())


def build(paths: Sequence[str | Path], extend: Extension | None = None) -> ActorDictionary:
    """Read and validate the files in order and index every phrase.

    `extend` adds entries from other sources (the converted PETRARCH dictionaries and the dated
    roles, `actors.converted.extension`) once the curated ones are indexed, so it can let them
    win for the same phrase; the entries it has not made yet are made when first looked up.
    """
    labels, items = _read(paths)
    tokenize = _tokenizer()
    keyed: Keyed = []
    for entry, forms in items:
        phrases = [(key, form, text) for form, text in forms for variant in sorted(_variants(text))
                   if (key := tuple(tokenize(variant)))]
        keyed.append((entry, phrases))
    places = {e.code: e for e, _ in keyed if e.kind in ("country", "region")}
    lazy: Lazy = {}
    make: Callable[[Any], Entry | None] = lambda source: None  # noqa: E731
    if extend is not None:
        keyed, lazy, make = extend(labels, places, keyed, tokenize)
    table: dict[Key, list[Phrase]] = {}
    for entry, phrases in keyed:
        for key, form, text in phrases:
            table.setdefault(key, []).append(Phrase(entry, form, text))
    entries = tuple(e for e, _ in keyed)
    phrases_ = PhraseTable({k: tuple(v) for k, v in table.items()}, lazy, make)
    log.debug("actor dictionary: %d entries, %d phrases", len(entries), len(phrases_))
    return ActorDictionary(entries, phrases_, labels, places, max((len(k) for k in phrases_), default=1))


def shipped_paths(language: str = "en") -> tuple[Path, ...]:
    """The data files that ship with the package for `language`, in the order they are read."""
    return tuple(data.shipped(name, language) for name in SHIPPED_FILES)

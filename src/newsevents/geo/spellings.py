"""Near spellings of towns of 15,000 to 50,000 people (data/geo/spellings.csv).

The gazetteer reads every Latin-script alternate name of larger cities, but none of smaller towns
(most are foreign forms that collide with common names). English news spells transliterated
town names its own way ("Jenin" for GeoNames' Janīn, "Avdiivka" for Avdiyivka, "Kiryat Shmona"
for Qiryat Shmona): the GeoNames alternates one letter from a town's own name, derived once by
scripts/build_geo_tables.py, are the ones read for such towns.
"""

from __future__ import annotations

import csv
from collections import defaultdict

from newsevents import data


def near_spellings() -> dict[int, list[str]]:
    """The shipped spellings by GeoNames id (csv directly: ten thousand rows at every start-up)."""
    found: dict[int, list[str]] = defaultdict(list)
    with open(data.shipped("geo/spellings.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            found[int(row["geonameid"])].append(row["spelling"])
    return found

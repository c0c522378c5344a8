"""Near spellings of towns of 15,000 to 50,000 people (data/geo/spellings.csv).

The gazetteer reads every Latin-script alternate name of larger cities, but none of smaller towns
(most are foreign forms that collide with common names). English news spells transliterated
town names its own way ("Jenin" for GeoNames' Janīn, "Avdiivka" for Avdiyivka, "Kiryat Shmona"
for Qiryat Shmona): the GeoNames alternates one letter from a town's own name, derived once by
scripts/build_geo_tables.py, are the ones read for such towns.
"""

from __future__ import annotations

from collections import defaultdict

from newsevents import data
from newsevents.data import reader


def near_spellings() -> dict[int, list[str]]:
    """The shipped spellings by GeoNames id, read by the data layer as every shipped table is."""
    found: dict[int, list[str]] = defaultdict(list)
    for rec in reader.rows(data.shipped("geo/spellings.csv"), ("geonameid", "spelling"), delimiter=","):
        found[int(str(rec.values["geonameid"]))].append(str(rec.values["spelling"]))
    return found

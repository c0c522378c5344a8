"""The kinds of the islands, rivers, seas, regions, former states and airports of features.yml.

A physical feature may be where a story happens ("migrants landed on Lesbos", "crossed the
Euphrates"), but a name at the edge of a longer one is mostly a street, a hotel or a company
named after it ("Atlantic Avenue", "the Nile Hilton", "Thames Water"), not the feature itself.
World regions and former states are read inside longer names as the regions of regions.yml are
("Arctic Council", "Soviet-era"); islands, waters, mountains and the like are not
(`physical_names`, asked by the resolver for an embedded name).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsevents import data
from newsevents.data import reader
from newsevents.data.reader import Record

KINDS: frozenset[str] = frozenset(
    {"island", "archipelago", "peninsula", "river", "lake", "sea", "gulf", "strait", "canal", "ocean",
     "desert", "mountains", "valley", "plateau", "region", "former_state", "airport"}
)  # fmt: skip
# Kinds that news names things after as it names them after a region ("Asia-Pacific summit").
REGION_KINDS: frozenset[str] = frozenset({"region", "former_state"})


def feature_records(language: str) -> list[Record]:
    """The shipped features of `language`, each checked for a known `kind`."""
    records = reader.entries(data.shipped("geo/features.yml", language))
    for rec in records:
        if rec.values.get("kind") not in KINDS:
            raise rec.fail("kind", f"must be one of {sorted(KINDS)}")
    return records


def physical_names(records: Sequence[Record]) -> Iterator[str]:
    """The names and aliases of the physical features (every kind but a region or former state)."""
    for rec in records:
        if rec.values.get("kind") not in REGION_KINDS:
            yield str(rec.values["name"])
            yield from rec.texts("aliases")

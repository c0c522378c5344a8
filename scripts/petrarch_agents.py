"""The agents part of scripts/convert_petrarch_actors.py: PETRARCH's agent nouns as rows.

`PHRASE {PLURALS} [~CODE]` lines, `!NAME! = A, B` macros, regular plurals (+S, Y -> IES,
SS -> SSES) unless `{}` says there are none; the filter is described in the main script.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol


class Lexicon(Protocol):
    def split(self, phrase: str) -> list[str]: ...

    def adjective(self, phrase: str) -> bool: ...


CLOSED_WORDS = frozenset({"in", "to", "for", "of", "at", "on", "from", "the", "a", "an", "and", "with", "by"})
# Agent phrases whose last word names no person or group in news text: places and buildings
# ("Government Girls College"), vehicles and weapons ("bomber", "carrier"), outlets and trades,
# abstractions ("uprising"), and words that mislead ("spokesman" is not the media, "deputy" not
# the police, a "prince" is a royal more often than the government, "delegates" at talks are
# not legislators, an "oil producer" is a country).
NOT_AGENTS = frozenset({
    "college", "school", "university", "schoolhouse", "kindergarten", "kindergarden", "preschool",
    "conservatory", "hospital", "infirmary", "sanatorium", "sanitarium", "sanatarium", "prison", "jail",
    "barracks", "village", "settlement", "neighborhood", "neighbourhood", "kingdom", "monastery",
    "monastary", "diocese", "archdiocese", "garrison", "chamber", "chambers", "airliner", "jetliner",
    "jumbojet", "jet", "containership", "freighter", "tanker", "supertanker", "carrier", "battleship",
    "battlewagon", "cruiser", "destroyer", "corvette", "frigate", "bomber", "humvee", "hmmwv", "b-52",
    "f-16", "mig", "kfir", "su-24", "su-30mk", "mirage-2000", "mig-21pfm", "warplane", "warship",
    "ship", "vessel", "artillery", "plane", "aircraft", "helicopter", "blog", "website", "magazine",
    "newspaper", "gazette", "tabloid", "publication", "television", "tv", "telecom", "aerospace",
    "industry", "business", "airline", "airway", "bank", "corp", "insurgence", "insurgency",
    "rebellion", "revolt", "uprising", "religion", "governance", "bureaucracy", "polity", "population",
    "spokesman", "spokesmen", "spokeswoman", "deputy", "deputies", "actor", "doc", "retired", "vip",
    "prince", "princes", "princess", "princesses", "delegate", "delegates", "representatives",
    "assemblies", "assemblage", "advocate", "counselor", "counsellor", "producer", "exporter"
})  # fmt: skip
# Agent sectors kept: the political actors of event data, students among them (EDU: student
# protests). Civilians, workers, clergy, doctors and business people are CAMEO agents too, but
# a bare "citizens", "staff member" or "missionary" in a sentence makes an event out of
# non-political news far more often than it completes a political one.
AGENT_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "REB", "UAF", "CRM", "REF",
                           "EDU"})  # fmt: skip


AGENT_LINE = re.compile(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]]*)\]\s*$")


def plural(word: str) -> str:
    """PETRARCH's regular plural of a phrase (its last word)."""
    if word.endswith("Y") and word[-2:-1] not in ("A", "E", "O", "U"):
        return word[:-1] + "IES"
    if word.endswith(("SS", "SH", "CH", "X")):
        return word + "ES"
    return word + "S"


def read_agents(path: Path) -> Iterator[tuple[int, list[str], str]]:
    """(line, raw phrases, code) of every agent line, macros expanded, plurals added."""
    macros: dict[str, list[str]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        text = raw.split("#")[0].strip()
        if not text:
            continue
        macro = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", text)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        found = AGENT_LINE.match(text)
        if found is None or not found.group(3).strip().startswith("~"):
            continue
        root, plurals, code = found.group(1).strip(), found.group(2), found.group(3).strip()[1:]
        forms = _expand(root, macros)
        if plurals is None:
            forms += [plural(f) for f in forms if "!" not in root]
        else:
            forms += [_expand(p.strip(), macros)[0] for p in plurals.split(",") if p.strip()]
        yield number, forms, code


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    for name, words in macros.items():
        if name in phrase:
            return [phrase.replace(name, w) for w in words]
    return [phrase]


def agent_rows(path: Path, tok: Lexicon, clean_phrase: Callable[[str], str | None]) -> list[list[str]]:
    """The converted rows of the agents file (the agent filter of convert_petrarch_actors.py)."""
    rows = []
    for number, forms, code in read_agents(path):
        if not re.fullmatch(r"(?:[A-Z]{3})+", code) or code[:3] not in AGENT_SECTORS:
            continue
        phrases: list[str] = []
        for form in forms:
            clean = clean_phrase(form)
            words = tok.split(clean.lower()) if clean else []
            joined = " ".join(words)
            if words and words[-1] not in CLOSED_WORDS and joined not in phrases:
                phrases.append(joined)
        if not phrases or any(p.split()[-1] in NOT_AGENTS or tok.adjective(p) for p in phrases[:1]):
            continue
        rows.append(["|".join(phrases), code, f"{path.name}:{number}"])
    return rows

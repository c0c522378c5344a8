"""Score the extractor on the shared gold sets and write docs/accuracy.md.

    python benchmarks/accuracy.py                      # every scored gold set, default limits
    python benchmarks/accuracy.py --events-only        # the event sets only (VOA development set included)
    python benchmarks/accuracy.py --check              # the quality gate: exit 1 below a floor
    python benchmarks/accuracy.py --gold-root DIR --out docs/accuracy.md

A benchmark, not a test: it runs the real pipeline over a few thousand texts and the shared
corpus (../shared, or the folder NEWSEVENTS_SHARED names, as for the tests), and over the
project's own development set of 40 VOA stories (benchmarks/voa_dev, scored once its
gold.jsonl is there; skipped with one line until then). The page it
writes gives figures, counts and record ids only; it never quotes the gold texts (they are not
ours). `--check` compares the main figures with the floors pinned in
benchmarks/floors.yml and writes no page; lowering a floor is an explicit, reviewed change.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, Python puts benchmarks/ first on the path; the evaluation is imported from
# the repository root as `benchmarks.evaluation`, as the tests and `newsevents evaluate` do.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.accuracy_page import render_page
from benchmarks.evaluation.duplicates import CorpusFigures, measure_corpus
from benchmarks.evaluation.run import run_evaluation
from benchmarks.floors import FLOORS, Run, check_floors, count_floors, read_floors
from benchmarks.petrarch_actors import petrarch_actor_file
from newsevents.settings import Settings, load_settings

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared"))
GOLD_ROOT = SHARED / "eval" / "external"
VOA_DEV = REPO / "benchmarks" / "voa_dev"
VOA_WHY = (
    "CAMEO codes, PLOVER types, actors, places and dates on 40 public-domain VOA stories annotated"
    " for the project after benchmarks/voa_dev/GUIDE.md (development set)"
)
CORPUS = SHARED / "corpus"
# (folder, record limit or None for all, why it is scored); a folder may name a split: "muc4:TST4"
EVENT_SETS = [
    (
        "petrarch2_gsr_validation",
        None,
        "CAMEO triples on real news sentences (AFP, Reuters-style, issue sentences)",
    ),
    ("plover_gsr_cameo", None, "PLOVER types and ISO-coded actors on the CAMEO manual's example sentences"),
    ("petrarch2_unittest", None, "PETRARCH's synthetic regression suite (fictional actors; see the note)"),
    (
        "case2021_task2",
        None,
        "one event type per news-like snippet (CASE 2021 Task 2), disasters and crime included",
    ),
]
OTHER_SETS = [
    ("geowebnews", 60, "toponyms and coordinates, news articles"),
    ("lgl", 100, "toponyms and coordinates, local US news"),
    ("trnews", 60, "toponyms and coordinates, international news"),
    ("geovirus", 100, "toponyms and coordinates, WikiNews on epidemics"),
    ("polnear", 20, "quotes with speakers (primary annotations, dev split first)"),
    ("idmc_idetect", None, "displacement figures"),
    ("muc4:TST4", None, "incident dates and casualty counts (MUC-4 TST4, the official test set, mixed case)"),
    ("event_location", None, "which place in the sentence is where the event happened"),
]


log = logging.getLogger("benchmarks.accuracy")


def main(argv: list[str] | None = None) -> int:
    """Score every set, then either apply the gate (--check) or write the page."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = load_settings()
    runs = score_sets(args, settings)
    if not runs:  # a gate that scored nothing must not pass (a wrong --gold-root or shared folder)
        log.error("no gold set found under %s", args.gold_root)
        return 1
    floors = read_floors(args.floors)
    failures = check_floors(runs, floors)
    if args.check:
        for line in failures:
            log.error("below floor: %s", line)
        log.info("quality gate: %s", "FAILED" if failures else f"passed ({count_floors(floors)} floors)")
        return 1 if failures else 0
    corpus = _corpus(args, settings)
    command = (
        "python benchmarks/accuracy.py"
        + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    )
    args.out.write_text(render_page(runs, command, corpus, floors, failures), encoding="utf-8")
    log.info("wrote %s", args.out)
    return 0


def score_sets(args: argparse.Namespace, settings: Settings) -> list[Run]:
    """Run the pipeline over each gold set present and score it: the public event sets, the VOA
    development set, then the other sets. Absent sets are skipped with a warning so a partial
    download still gives a partial page."""
    runs: list[Run] = []
    for folder, default_limit, why in EVENT_SETS:
        runs += _score_shared(args, settings, folder, default_limit, why)
    runs += _score_voa(args, settings)
    for folder, default_limit, why in [] if args.events_only else OTHER_SETS:
        runs += _score_shared(args, settings, folder, default_limit, why)
    return runs


def _score_shared(
    args: argparse.Namespace, settings: Settings, folder: str, default_limit: int | None, why: str
) -> list[Run]:
    """One shared gold set (a folder under --gold-root, optionally "name:split"), or [] when absent."""
    name, _, split = folder.partition(":")
    gold = args.gold_root / name / "gold.jsonl"
    if not gold.exists():
        log.warning("skipping %s: %s not found", name, gold)
        return []
    limit = args.limit if args.limit is not None else default_limit
    scope = ("all" if limit is None else f"first {limit}") + (f" of split {split}" if split else "")
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as scratch:  # gone after the run
        own = _settings_for(name, gold.parent, settings, Path(scratch))
        return [_run(gold, name, why, scope, limit, split or None, own)]


def _score_voa(args: argparse.Namespace, settings: Settings) -> list[Run]:
    """The development set of our own, once its gold is annotated; [] with one line until then."""
    gold = args.voa_dev / "gold.jsonl"
    if not gold.exists():
        log.warning("skipping %s: %s not found (its gold is not merged yet)", args.voa_dev.name, gold)
        return []
    scope = "all stories" if args.limit is None else f"first {args.limit} stories"
    return [_run(gold, args.voa_dev.name, VOA_WHY, scope, args.limit, None, settings)]


def _run(
    gold: Path, name: str, why: str, scope: str, limit: int | None, split: str | None, settings: Settings
) -> Run:
    started = time.perf_counter()
    report = run_evaluation(gold, None, limit, settings, split)
    seconds = time.perf_counter() - started
    log.info("%s: %d records in %.1f s", name, report.datasets[0].records, seconds)
    return Run(why, scope, seconds, report)


def _corpus(args: argparse.Namespace, settings: Settings) -> CorpusFigures | None:
    """The deduplication and clustering figures, when the corpus and its truth file are there."""
    if args.events_only or not (args.corpus / "duplicates.json").exists():
        return None
    started = time.perf_counter()
    corpus = measure_corpus(args.corpus, settings)
    log.info("corpus: %d articles in %.1f s", corpus.articles, time.perf_counter() - started)
    return corpus


def _settings_for(name: str, folder: Path, settings: Settings, scratch: Path) -> Settings:
    """The unit-test suite is coded with its own fictional actors added to ours (converted into
    `scratch`, a folder that lives as long as the run)."""
    source = folder / "dictionaries" / "PETR.Validate.actors.txt"
    if name != "petrarch2_unittest" or not source.exists():
        return settings
    path = petrarch_actor_file(source, scratch)
    own = settings.section("actors").get("dictionaries") or []
    return settings.with_stage("actors", dictionaries=[*own, str(path)])  # type: ignore[misc]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold-root", type=Path, default=GOLD_ROOT, help="folder holding the gold set folders"
    )
    parser.add_argument(
        "--voa-dev", type=Path, default=VOA_DEV, help="the VOA development set (stories.jsonl, gold.jsonl)"
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "accuracy.md")
    parser.add_argument("--limit", type=int, help="records per gold set (overrides the defaults)")
    parser.add_argument(
        "--events-only", action="store_true", help="score the event gold sets only (the VOA set included)"
    )
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="corpus with articles/ and duplicates.json"
    )
    parser.add_argument("--floors", type=Path, default=FLOORS, help="pinned floors (see --check)")
    parser.add_argument(
        "--check", action="store_true", help="compare with the floors, write no page, exit 1 below one"
    )
    return parser



if __name__ == "__main__":
    raise SystemExit(main())

"""Throughput on one machine: our whole extraction against the bare spaCy pass; writes docs/performance.md.

    python benchmarks/performance.py                  # 1,000 articles, all cores, 3 rounds
    python benchmarks/performance.py --quick          # 200 articles, 1 round, for development
    python benchmarks/performance.py --workers 1 --articles 500 --out /tmp/perf.md

A benchmark, not a test. The corpus is ../shared/corpus/articles read again and again (each copy's
article ids get a suffix; the texts stay the same, so every copy costs the same to parse) and
streamed: neither pass ever holds the corpus in memory. Each pass runs in a fresh child process,
so the memory and CPU figures of one never include the other:

    bare  spacy.load(<settings' model>), nlp.pipe(texts, n_process=W, batch_size=B)
    ours  newsevents.pipeline.run(articles, settings with workers=W, batch_size=B)

Model loading is timed apart and left out of articles/s. Rounds alternate the order of the two
passes, so load from other processes on the machine falls on both. Peak memory is the largest
sum of RSS over the process tree (the pass and its workers) seen by a sampler every 0.2 s; pages
shared after fork count once per process, so it overstates; PSS, which counts them once, is
given beside it. CPU use is the process tree's CPU seconds over wall seconds.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# Run as a script, Python puts benchmarks/ first on the path; the helpers are imported from the
# repository root as `benchmarks.*`, as the tests do.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.load_page import LOAD_HEADING, keep_section
from benchmarks.long_articles import HEADING as LONG_HEADING
from benchmarks.performance_page import PARSE, load_average, machine, mb, render, summary
from benchmarks.process_tree import monitor
from newsevents.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared")) / "corpus" / "articles"
BARE_MODEL = load_settings().model  # the bare parse uses the model the pipeline's settings name

log = logging.getLogger("benchmarks.performance")


# --- the corpus -------------------------------------------------------------------------


def articles(source: Path, count: int) -> Iterator[Any]:
    """`count` articles: the source folder read again and again, ids suffixed per copy."""
    from newsevents import ingest
    from newsevents.model import Article
    from newsevents.settings import load_settings

    settings = load_settings()
    made, copy = 0, 0
    while made < count:
        fresh = 0
        for item in ingest.read([str(source)], settings):
            if isinstance(item, Article):
                yield replace(item, id=f"{item.id}-{copy}")
                made, fresh = made + 1, fresh + 1
                if made >= count:
                    return
        if not fresh:
            raise SystemExit(f"no readable articles in {source}")
        copy += 1


# --- the two passes (each in its own child process) -------------------------------------


@dataclass
class Pass:
    name: str
    articles: int
    tokens: int
    load_s: float
    wall_s: float
    cpu_s: float
    peak_rss: int
    peak_pss: int
    workers: int
    extra: dict[str, Any]

    @property
    def per_second(self) -> float:
        return self.articles / self.wall_s

    @property
    def busy(self) -> float:
        """Cores kept busy on average: process-tree CPU seconds per wall second."""
        return self.cpu_s / self.wall_s


def bare_pass(count: int, workers: int, batch: int) -> Pass:
    import spacy

    start = time.perf_counter()
    nlp = spacy.load(BARE_MODEL)
    load = time.perf_counter() - start
    texts = (a.text for a in articles(CORPUS, count))
    done = tokens = 0
    with monitor() as mon:
        start = time.perf_counter()
        for doc in nlp.pipe(texts, n_process=workers, batch_size=batch):
            done, tokens = done + 1, tokens + len(doc)
        wall = time.perf_counter() - start
    return Pass("bare", done, tokens, load, wall, mon.cpu_seconds(), mon.peak_rss, mon.peak_pss,
                workers, {})


def ours_pass(count: int, workers: int, batch: int) -> Pass:
    from newsevents import pipeline
    from newsevents.errors import Problem
    from newsevents.settings import load_settings

    settings = load_settings().with_overrides(workers=workers, batch_size=batch)
    start = time.perf_counter()
    built = pipeline.build(settings)
    load = time.perf_counter() - start
    done = problems = found = 0
    with monitor() as mon:
        start = time.perf_counter()
        for item in pipeline.run(articles(CORPUS, count), settings, built):
            if isinstance(item, Problem):
                problems += 1
            else:
                done, found = done + 1, found + len(item.events)
        wall = time.perf_counter() - start
    return Pass("ours", done, 0, load, wall, mon.cpu_seconds(), mon.peak_rss, mon.peak_pss,
                pipeline.worker_count(settings), {"events": found, "problems": problems})


def stage_pass(count: int) -> dict[str, float]:
    """Milliseconds per article of each stage and of the parse, one process, `count` articles."""
    from newsevents import pipeline
    from newsevents.settings import load_settings

    built = pipeline.build(load_settings())  # every stage loads its data here, not on first use
    timings: dict[str, float] = {}
    parse = 0.0
    done = 0
    for article in articles(CORPUS, count):
        start = time.perf_counter()
        doc = built.nlp(article.text)
        parse += time.perf_counter() - start
        built.extract_doc(doc, article, timings)
        done += 1
    table = {name: 1000 * seconds / done for name, seconds in timings.items()}
    table[PARSE] = 1000 * parse / done
    return table


def child(argv: list[str]) -> None:
    """Run one pass and print its figures as one JSON line (the parent reads it)."""
    kind, count, workers, batch = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    if kind == "stages":
        print(json.dumps(stage_pass(count)))
        return
    if kind == "bare":  # the same articles per task as pipeline.run gives each worker
        result = bare_pass(count, workers, max(1, batch // 4) if workers > 1 else batch)
    else:
        result = ours_pass(count, workers, batch)
    print(json.dumps(result.__dict__))


def in_child(kind: str, count: int, workers: int, batch: int) -> Any:
    cmd = [sys.executable, __file__, "--child", kind, str(count), str(workers), str(batch)]
    log.info("%s pass: %d articles, %d workers", kind, count, workers)
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"{kind} pass failed (exit {done.returncode}):\n{tail}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child(argv[1:])
        return 0
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from newsevents import pipeline
    from newsevents.settings import load_settings

    settings = load_settings()
    if args.workers is not None:
        settings = settings.with_overrides(workers=args.workers)
    workers = pipeline.worker_count(settings)
    batch = args.batch_size or settings.batch_size
    count = 200 if args.quick and args.articles is None else (args.articles or 1000)
    rounds = args.rounds or (1 if args.quick else 3)
    info: dict[str, Any] = {
        "command": " ".join(["python benchmarks/performance.py", *map(shlex.quote, argv)]),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_before": load_average(),
        "workers": workers,
        "batch": batch,
        "corpus": CORPUS.name,
    }
    runs: list[dict[str, Any]] = []
    for number in range(1, rounds + 1):
        order = ("bare", "ours") if number % 2 else ("ours", "bare")
        for kind in order:
            result = in_child(kind, count, workers, batch)
            result["round"] = number
            runs.append(result)
            log.info("  %.1f articles/s, %.1f s, %.2f cores busy", result["articles"] / result["wall_s"],
                     result["wall_s"], result["cpu_s"] / result["wall_s"])
    stages = None
    if not args.no_stages:
        info["stage_articles"] = _corpus_size()
        try:
            stages = in_child("stages", info["stage_articles"], 1, batch)
        except RuntimeError as exc:  # the throughput figures stand without the breakdown
            log.error("%s", exc)
    info["load_after"] = load_average()
    page = render(runs, stages, info)
    if args.out != "-":
        write_page(Path(args.out), page)
    s = summary(runs)
    print(f"ours/bare {s['ratio']:.2f} (cpu {s['ratio_cpu']:.2f}); peak {mb(s['peak_rss'])}")
    return 0


def write_page(out: Path, page: str) -> None:
    """Write the page, keeping the sections benchmarks/load.py and benchmarks/long_articles.py
    wrote into the old one."""
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    for heading in (LOAD_HEADING, LONG_HEADING):
        page = keep_section(old, page, heading)
    out.write_text(page, encoding="utf-8")
    log.info("wrote %s", out)


def _corpus_size() -> int:
    return sum(1 for p in CORPUS.iterdir() if p.suffix == ".txt")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--articles", type=int, help="articles per pass (default 1000; 200 with --quick)")
    p.add_argument("--quick", action="store_true", help="200 articles, one round, for development")
    p.add_argument("--workers", type=int, help="processes for both passes (default: settings, 0 = all cores)")
    p.add_argument("--batch-size", type=int, help="articles per batch (default: settings)")
    p.add_argument("--rounds", type=int, help="rounds of both passes, order alternating (default 3)")
    p.add_argument("--no-stages", action="store_true", help="skip the per-stage timing")
    p.add_argument("--out", default=str(REPO / "docs" / "performance.md"), help="page to write, - for none")
    return p


if __name__ == "__main__":
    sys.exit(main())

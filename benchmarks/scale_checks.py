"""What a desk with a million events waits for: every API route with one client and with fifty,
the dashboard's first load, `newsevents show`, every export format, and adding articles; over a
store made by benchmarks/scale_store.py. Prints Markdown tables for docs/scale.md.

    python benchmarks/scale_checks.py routes --db /tmp/scale.db --per-route 100
    python benchmarks/scale_checks.py dashboard --db /tmp/scale.db
    python benchmarks/scale_checks.py cli --db /tmp/scale.db
    python benchmarks/scale_checks.py add --db /tmp/scale.db --empty /tmp/empty.db --articles 1000

A benchmark, not a test. `routes` serves the store with `newsevents serve` in its own process
(`--serve-workers N` passes `--workers N`) and
asks every route --per-route times, each request different from every other (an ignored `_`
parameter), so the response cache never answers in the store's place: first one request at a
time, then all of them again shuffled, fifty in flight from five client processes. Each route's
p50 and p99 are nearest-rank over its own requests. The server's CPU time a request (its
processes' user and system time over each phase) is printed beside them: on a shared machine
it moves far less than the latencies. `dashboard` times headless Chromium from asking for the
page to the page saying it is ready (data-ready on its body: map, timeline, table and counts
drawn), on a server started afresh. `cli` times `show` with each filter and every
export format as the command line runs them, with the peak memory of the process and its workers. `add` times
`newsevents extract` of the same articles (extract, store and cluster) into the big store and into
an empty one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.load import free_port, ids, newsevents, served
from benchmarks.load_page import percentile
from benchmarks.process_tree import TreeMonitor

Request = tuple[str, str]  # (route label, path)


def routes(known: dict[str, list[Any]], cursor: str | None) -> dict[str, Callable[[random.Random], str]]:
    """Each route the dashboard and an analyst use, as a maker of one request path."""
    pick = random.Random.choice

    def event(rnd: random.Random) -> str:
        article, idx = pick(rnd, known["events"])
        return f"/api/events/{article}/{idx}"

    made: dict[str, Callable[[random.Random], str]] = {
        "/api/events (clusters)": lambda r: "/api/events",
        "/api/events?country=": lambda r: f"/api/events?country={pick(r, known['countries'])}",
        "/api/events?cameo_root=&since=": lambda r: (
            f"/api/events?cameo_root={pick(r, known['roots'])}&since={pick(r, known['days'])}&limit=50"
        ),
        "/api/events?view=mentions&offset=": lambda r: (
            f"/api/events?view=mentions&offset={r.randrange(10_000)}"
        ),
        "/api/events?q=killed&since=": lambda r: f"/api/events?q=killed&since={pick(r, known['days'])}",
        "/api/events?bbox=": lambda r: "/api/events?bbox=30,20,60,45",
        "/api/clusters/{id}": lambda r: f"/api/clusters/{pick(r, known['clusters'])}",
        "/api/events/{article}/{idx}": event,
        "/api/timeline": lambda r: "/api/timeline",
        "/api/timeline?bin=auto": lambda r: "/api/timeline?bin=auto",
        "/api/timeline?country=": lambda r: f"/api/timeline?country={pick(r, known['countries'])}",
        "/api/timeline?view=mentions&plover=": lambda r: "/api/timeline?view=mentions&plover=ASSAULT",
        "/api/stats": lambda r: "/api/stats",
        "/api/articles?offset=": lambda r: f"/api/articles?offset={r.randrange(10_000)}&limit=20",
        "/api/articles?q=": lambda r: "/api/articles?q=government",
        "/api/articles/{id}": lambda r: f"/api/articles/{pick(r, known['articles'])}",
        "/api/quotes": lambda r: "/api/quotes",
        "/api/quotes?speaker=": lambda r: f"/api/quotes?speaker={pick(r, known['speakers'])}",
        "/api/quantities": lambda r: "/api/quantities",
        "/api/quantities?kind=": lambda r: "/api/quantities?kind=killed",
        "/api/export (one country, one root, one month)": lambda r: (
            f"/api/export?country={pick(r, known['countries'])}&cameo_root=19"
            "&since=2016-02-01&until=2016-02-29"
        ),
        "/ (the dashboard's page)": lambda r: "/",
    }
    if cursor:
        made["/api/events?after= (next page)"] = lambda r: f"/api/events?after={cursor}"
    return made


def requests_of(url: str, per_route: int, seed: int = 11, first: int = 0) -> list[Request]:
    """`per_route` requests of every route, each made unique by `_=n` from n = `first` on."""
    known = ids(url)
    cursor = httpx.get(f"{url}/api/events", params={"limit": 100}, timeout=120).json().get("next")
    rnd, out, n = random.Random(seed), [], first
    for label, make in routes(known, cursor).items():
        for _ in range(per_route):
            path = make(rnd)
            out.append((label, f"{path}{'&' if '?' in path else '?'}_={n}"))
            n += 1
    return out


async def fire(url: str, requests: list[Request], concurrency: int) -> list[tuple[str, float, int]]:
    """Every request with at most `concurrency` in flight: (label, seconds, status; 0 when failed)."""
    queue: asyncio.Queue[Request] = asyncio.Queue()
    for item in requests:
        queue.put_nowait(item)
    out: list[tuple[str, float, int]] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty():
            label, path = queue.get_nowait()
            start = time.perf_counter()
            try:
                status = (await client.get(path)).status_code
            except httpx.HTTPError:
                status = 0
            out.append((label, time.perf_counter() - start, status))

    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=300) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return out


def _client(job: tuple[str, list[Request], int]) -> list[tuple[str, float, int]]:
    return asyncio.run(fire(*job))


def loaded(
    url: str, requests: list[Request], concurrency: int, clients: int = 5
) -> list[tuple[str, float, int]]:
    """The requests shuffled and shared among `clients` processes, `concurrency` in flight in all."""
    shuffled = requests[:]
    random.Random(5).shuffle(shuffled)
    shares = [(url, shuffled[n::clients], concurrency // clients) for n in range(clients)]
    with ProcessPoolExecutor(clients) as pool:
        return [r for part in pool.map(_client, shares) for r in part]


def by_route(results: list[tuple[str, float, int]]) -> dict[str, tuple[int, float, float, int]]:
    """Per route: requests, p50 ms, p99 ms, non-200 answers."""
    grouped: dict[str, list[tuple[float, int]]] = {}
    for label, took, status in results:
        grouped.setdefault(label, []).append((took, status))
    out = {}
    for label, items in grouped.items():
        times = [t for t, _ in items]
        bad = sum(1 for _, s in items if s != 200)
        out[label] = (len(items), percentile(times, 50) * 1000, percentile(times, 99) * 1000, bad)
    return out


def check_routes(db: str, per_route: int, concurrency: int, workers: int = 1) -> Iterator[str]:
    port = free_port()
    with served(db, port, workers=workers) as (url, pid):  # type: ignore[arg-type]
        requests = requests_of(url, per_route)
        others = requests_of(url, per_route, seed=12, first=len(requests))  # none answered before
        with TreeMonitor(pid=pid) as memory:
            cpu = [tree_cpu(pid)]
            one = asyncio.run(fire(url, requests, 1))
            cpu.append(tree_cpu(pid))
            many = loaded(url, others, concurrency)
            cpu.append(tree_cpu(pid))
        single, loaded_ = by_route(one), by_route(many)
    many_ = f"{concurrency} clients"
    yield f"| route | requests | p50 ms, 1 client | p99 ms, 1 client | p50 ms, {many_} | p99 ms, {many_} |"
    yield "| --- | ---: | ---: | ---: | ---: | ---: |"
    for label, (n, p50, p99, bad) in single.items():
        _n2, q50, q99, bad2 = loaded_[label]
        errors = f" ({bad + bad2} not 200)" if bad + bad2 else ""
        yield f"| {label}{errors} | {n} | {p50:.1f} | {p99:.1f} | {q50:.1f} | {q99:.1f} |"
    worst1 = max(v[2] for v in single.values())
    worst50 = max(v[2] for v in loaded_.values())
    yield ""
    yield (f"Slowest route's p99: {worst1:.0f} ms with one client, {worst50:.0f} ms with {concurrency}; "
           f"server peak RSS {memory.peak_rss / 2**20:.0f} MB over its {workers} worker(s).")  # fmt: skip
    per_one, per_many = (cpu[1] - cpu[0]) / len(one) * 1000, (cpu[2] - cpu[1]) / len(many) * 1000
    yield (f"Server CPU (user + system, all its processes) per request: {per_one:.1f} ms with one client, "
           f"{per_many:.1f} ms with {concurrency}; the load average at the end: {os.getloadavg()[0]:.1f}.")


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by the process `pid` and its live descendants: the
    server's cost of what it answered, whatever else runs on the machine meanwhile."""
    root = psutil.Process(pid)
    return sum(sum(p.cpu_times()[:2]) for p in (root, *root.children(recursive=True)))


def check_dashboard(db: str, loads: int) -> Iterator[str]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        f"--user-data-dir={tempfile.mkdtemp(prefix='scale-chromium-')}",
    ):
        options.add_argument(arg)  # fmt: skip
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    took = []
    try:
        with served(db, free_port()) as (url, _pid):  # type: ignore[arg-type]
            for n in range(loads):  # the first on a server that has answered nothing yet
                driver.delete_all_cookies()
                driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                start = time.perf_counter()
                driver.get(f"{url}/?_={n}")
                WebDriverWait(driver, 120, poll_frequency=0.02).until(
                    lambda d: d.execute_script("return document.body.dataset.ready === '1'")
                )
                took.append(time.perf_counter() - start)
    finally:
        driver.quit()
    yield "| dashboard load | seconds |"
    yield "| --- | ---: |"
    yield f"| first, on a fresh server | {took[0]:.2f} |"
    if len(took) > 1:
        later = statistics.median(took[1:])
        yield f"| later (median of {len(took) - 1}, browser cache cleared) | {later:.2f} |"


def timed(command: list[str]) -> tuple[float, int, int]:
    """(seconds, peak RSS bytes, exit status) of one command, its output thrown away."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with TreeMonitor(interval=0.05, pid=proc.pid) as memory:
        status = proc.wait()
    return time.perf_counter() - start, memory.peak_rss, status


def check_cli(db: str, formats: list[str]) -> Iterator[str]:
    shows = {
        "show (no filter)": [],
        "show --country SYR": ["--country", "SYR"],
        "show --actor SYRGOV": ["--actor", "SYRGOV"],
        "show --cameo-root 19": ["--cameo-root", "19"],
        "show --since 2016-02-01 --until 2016-02-29": ["--since", "2016-02-01", "--until", "2016-02-29"],
        "show --country SYR --cameo-root 19 --since 2016-01-01": [
            "--country", "SYR", "--cameo-root", "19", "--since", "2016-01-01"],
        "show --view events --country NGA": ["--view", "events", "--country", "NGA"],
    }  # fmt: skip
    yield "| command | seconds | peak RSS MB | exit |"
    yield "| --- | ---: | ---: | ---: |"
    for label, args in shows.items():
        seconds, peak, status = timed(newsevents("show", "--db", db, *args))
        yield f"| newsevents {label} | {seconds:.2f} | {peak / 2**20:.0f} | {status} |"
    with tempfile.TemporaryDirectory(prefix="scale-export-") as folder:
        for fmt in formats:
            out = Path(folder) / f"out.{fmt}"
            seconds, peak, status = timed(newsevents("export", "--db", db, "--format", fmt, "-o", str(out)))
            size = out.stat().st_size / 2**20 if out.exists() else 0
            label = f"newsevents export --format {fmt} ({size:.0f} MB)"
            yield f"| {label} | {seconds:.1f} | {peak / 2**20:.0f} | {status} |"
            out.unlink(missing_ok=True)


def add_articles(count: int, path: Path, edition: str = "") -> Path:
    """`count` articles as JSON Lines: the corpus and the VOA stories read again and again, each
    copy with its own id and a closing line of its own, so no copy is skipped as stored already
    (the store knows an article by its text); the copies are near-duplicates of one another, as
    syndicated news is, and each is parsed and clustered in full. A store that was given one
    `edition` already skips its copies, so a second run on it takes another."""
    from benchmarks.performance import articles
    from benchmarks.scale_store import CORPUS, VOA

    half = count // 2
    with path.open("w", encoding="utf-8") as handle:
        for source, n in ((CORPUS, half), (VOA, count - half)):
            for art in articles(source, n):
                ident = f"{art.id}-{edition}" if edition else art.id
                text = f"{art.text}\n\nEdition {ident}."
                handle.write(json.dumps({"id": ident, "title": art.title, "text": text, "url": art.url,
                                         "published": art.published}) + "\n")  # fmt: skip
    return path


def check_add(db: str, empty: str, count: int, workers: int, edition: str = "") -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="scale-add-") as folder:
        feed = add_articles(count, Path(folder) / "add.jsonl", edition)
        rows = []
        for label, target in (("an empty store", empty), ("the big store", db)):
            seconds, peak, status = timed(newsevents("extract", str(feed), "--db", target, "--quiet",
                                                     "--workers", str(workers)))  # fmt: skip
            rows.append((label, seconds, peak, status))
    what = f"adding {count:,} articles (extract, store, cluster; {workers} workers) into"
    yield f"| {what} | seconds | peak RSS MB | exit |"
    yield "| --- | ---: | ---: | ---: |"
    for label, seconds, peak, status in rows:
        yield f"| {label} | {seconds:.1f} | {peak / 2**20:.0f} | {status} |"
    yield ""
    yield f"Ratio big/empty: {rows[1][1] / rows[0][1]:.2f} (target: at most 1.5)."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("routes", "dashboard", "cli", "add"):
        cmd = sub.add_parser(name)
        cmd.add_argument("--db", required=True)
    sub.choices["routes"].add_argument("--per-route", type=int, default=100)
    sub.choices["routes"].add_argument("--concurrency", type=int, default=50)
    sub.choices["routes"].add_argument("--serve-workers", type=int, default=1,
                                       help="newsevents serve --workers (1: the option is not passed)")
    sub.choices["dashboard"].add_argument("--loads", type=int, default=5)
    sub.choices["cli"].add_argument("--formats", default="csv,jsonl,parquet,gdelt,plover,acled,ucdp")
    sub.choices["add"].add_argument(
        "--empty", required=True, help="an empty store (a path or URL) to compare"
    )
    sub.choices["add"].add_argument("--articles", type=int, default=1000)
    sub.choices["add"].add_argument("--workers", type=int, default=2)
    sub.choices["add"].add_argument(
        "--edition", default="", help="a tag for the copies' ids and texts: a store that has the copies of "
        "one run skips them, so run again on it with another"
    )
    args = parser.parse_args(argv)
    lines = {
        "routes": lambda: check_routes(args.db, args.per_route, args.concurrency, args.serve_workers),
        "dashboard": lambda: check_dashboard(args.db, args.loads),
        "cli": lambda: check_cli(args.db, args.formats.split(",")),
        "add": lambda: check_add(args.db, args.empty, args.articles, args.workers, args.edition),
    }[args.command]()
    for line in lines:
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

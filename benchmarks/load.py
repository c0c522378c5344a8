"""The REST API under load: many concurrent clients over the corpus store; writes a section of
docs/performance.md.

    python benchmarks/load.py                         # 2,000 requests, 50 at a time
    python benchmarks/load.py --requests 500 --out -  # a quick look, nothing written

A benchmark, not a test. The corpus (../shared/corpus/articles) is extracted into a store once
and kept (--store, by default under the system's temporary folder), then `newsevents serve`
runs over it as a real subprocess on a free port, and an asynchronous client fires the requests
with at most --concurrency in flight. The requests are a fixed, seeded mix of every route the
dashboard and an analyst use, with and without filters, over ids read from the store first. A
sequential pass (one request at a time) is measured too, so the cost of queueing shows apart
from the cost of one answer. Any status other than 200, or a failed connection, is an error.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import shlex
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.load_page import LOAD_HEADING, load_section, percentile, replace_section

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared")) / "corpus" / "articles"
CLI = "import sys; from newsevents.cli import main; sys.exit(main())"
SEQUENTIAL = 100  # requests of the one-at-a-time pass

log = logging.getLogger("benchmarks.load")


def load_average() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def newsevents(*args: str) -> list[str]:
    """The command line of `newsevents ARGS` with this interpreter (and its PYTHONPATH)."""
    return [sys.executable, "-c", CLI, *args]


def ensure_store(store: Path, corpus: Path) -> Path:
    """The corpus extracted into `store`, once: a store already there is reused as it is."""
    if store.exists():
        log.info("reusing the store %s", store)
        return store
    store.parent.mkdir(parents=True, exist_ok=True)
    log.info("extracting %s into %s", corpus, store)
    subprocess.run(newsevents("extract", str(corpus), "--db", str(store), "--quiet"), check=False)
    if not store.exists():
        raise SystemExit(f"extracting {corpus} made no store at {store}")
    return store


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def served(
    store: Path, port: int, source: str | None = None, workers: int = 1
) -> Iterator[tuple[str, int]]:
    """`newsevents serve` over `store` in a subprocess: the URL it answers at and its process id.

    `source` is another checkout's `src` folder to serve from instead (a baseline to compare);
    `workers` above 1 passes `--workers` (a baseline from before that option takes only 1)."""
    command = newsevents("serve", "--db", str(store), "--port", str(port))
    if workers > 1:
        command += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": source} if source else None
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(proc, url)
        yield url, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_ready(proc: subprocess.Popen[str], url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = proc.stderr.read() if proc.stderr else ""
            raise SystemExit(f"newsevents serve exited ({proc.returncode}): {said}")
        try:
            if httpx.get(f"{url}/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"newsevents serve did not answer at {url} within {seconds:.0f} s")


def ids(url: str) -> dict[str, list[Any]]:
    """What the mix draws on: article ids, event keys, cluster ids, countries, days, speakers."""
    clusters = httpx.get(f"{url}/api/events", params={"limit": 1000}, timeout=60).json()["items"]
    mentions = httpx.get(f"{url}/api/events", params={"limit": 1000, "view": "mentions"}, timeout=60).json()
    stats = httpx.get(f"{url}/api/stats", timeout=60).json()
    quotes = httpx.get(f"{url}/api/quotes", params={"limit": 1000}, timeout=60).json()["items"]
    events = mentions["items"]
    return {
        "articles": sorted({e["article_id"] for e in events}),
        "events": [(e["article_id"], e["idx"]) for e in events],
        "clusters": [c["cluster_id"] for c in clusters],
        "countries": sorted(stats["country"]) or ["SYR"],
        "roots": sorted(stats["cameo_root"]) or ["19"],
        "days": sorted({e["date"] for e in events if e.get("date")}) or ["2016-01-01"],
        "speakers": sorted({q["speaker_code"][:3] for q in quotes if q.get("speaker_code")}) or ["USA"],
    }


def mix(known: dict[str, list[Any]], count: int, seed: int = 7) -> list[str]:
    """`count` request paths, drawn with a fixed seed from the routes an analyst and the dashboard use."""
    rnd = random.Random(seed)
    pick = rnd.choice

    def event_path() -> str:
        article, idx = pick(known["events"])
        return f"/api/events/{article}/{idx}"

    makers = [
        (8, lambda: "/api/events"),
        (6, lambda: f"/api/events?country={pick(known['countries'])}"),
        (4, lambda: f"/api/events?cameo_root={pick(known['roots'])}&limit=50"),
        (4, lambda: f"/api/events?view=mentions&offset={rnd.randrange(0, 300)}&limit=50"),
        (3, lambda: f"/api/events?q=killed&since={pick(known['days'])}"),
        (3, lambda: "/api/events?bbox=30,20,60,45"),
        (6, lambda: f"/api/clusters/{pick(known['clusters'])}"),
        (6, event_path),
        (6, lambda: "/api/timeline"),
        (4, lambda: f"/api/timeline?country={pick(known['countries'])}"),
        (2, lambda: "/api/timeline?view=mentions&plover=ASSAULT"),
        (8, lambda: "/api/stats"),
        (5, lambda: f"/api/articles?offset={rnd.randrange(0, 80)}&limit=20"),
        (2, lambda: "/api/articles?q=government"),
        (8, lambda: f"/api/articles/{pick(known['articles'])}"),
        (4, lambda: "/api/quotes"),
        (3, lambda: f"/api/quotes?speaker={pick(known['speakers'])}"),
        (4, lambda: "/api/quantities"),
        (3, lambda: "/api/quantities?kind=killed"),
        (5, lambda: "/"),
    ]
    weights = [w for w, _ in makers]
    return [rnd.choices(makers, weights)[0][1]() for _ in range(count)]


async def fire(url: str, paths: list[str], concurrency: int) -> dict[str, Any]:
    """Every path requested with at most `concurrency` in flight: latencies, errors, wall time."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    latencies: list[float] = []
    errors: dict[str, int] = {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty():
            path = queue.get_nowait()
            start = time.perf_counter()
            try:
                status = str((await client.get(path)).status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            latencies.append(time.perf_counter() - start)
            if status != "200":
                errors[f"{status} {path.split('?')[0]}"] = errors.get(f"{status} {path.split('?')[0]}", 0) + 1

    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as client:
        start = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        wall = time.perf_counter() - start
    return {"latencies": latencies, "errors": errors, "wall_s": wall, "requests": len(paths)}


def server_cpu(pid: int) -> float:
    """CPU seconds the server process has used so far (user and system)."""
    import psutil

    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def _client(job: tuple[str, list[str], int]) -> dict[str, Any]:
    """One client process's share of a pass, with the CPU time it spent itself."""
    url, paths, concurrency = job
    start = time.process_time()
    result = asyncio.run(fire(url, paths, concurrency))
    result["client_cpu_s"] = time.process_time() - start
    return result


def measured(url: str, pid: int, paths: list[str], concurrency: int, clients: int) -> dict[str, Any]:
    """One pass's figures, with the server's CPU time per request (what other work on the
    machine does not change, unlike the latencies).

    The requests are shared among `clients` processes (`concurrency` in flight in all): one
    Python client spends more CPU per request than the server does, and would measure itself."""
    from concurrent.futures import ProcessPoolExecutor

    clients = max(1, min(clients, concurrency))
    shares = [(url, paths[n::clients], concurrency // clients + (n < concurrency % clients))
              for n in range(clients)]  # fmt: skip
    with ProcessPoolExecutor(clients) as pool:
        list(pool.map(_client, [(url, ["/"], 1)] * clients))  # start the processes before timing
        before, start = server_cpu(pid), time.perf_counter()
        parts = list(pool.map(_client, shares))
        wall = time.perf_counter() - start
    errors: dict[str, int] = {}
    for part in parts:
        for kind, n in part["errors"].items():
            errors[kind] = errors.get(kind, 0) + n
    lat = [x for part in parts for x in part["latencies"]]
    result = figures({"latencies": lat, "errors": errors, "wall_s": wall, "requests": len(paths)})
    result["cpu_ms"] = (server_cpu(pid) - before) / len(paths) * 1000
    result["client_cpu_ms"] = sum(p["client_cpu_s"] for p in parts) / len(paths) * 1000
    result["clients"] = clients
    return result


def figures(result: dict[str, Any]) -> dict[str, Any]:
    """p50, p95, p99 (ms), requests per second and the error count of one pass."""
    lat = result["latencies"]
    return {
        "requests": result["requests"],
        "p50": percentile(lat, 50) * 1000,
        "p95": percentile(lat, 95) * 1000,
        "p99": percentile(lat, 99) * 1000,
        "max": max(lat) * 1000,
        "rps": result["requests"] / result["wall_s"],
        "errors": sum(result["errors"].values()),
        "error_kinds": result["errors"],
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # not one line per request
    store = ensure_store(Path(args.store), Path(args.corpus))
    load_before = load_average()
    with served(store, free_port()) as (url, pid):
        known = ids(url)
        sequential = measured(url, pid, mix(known, SEQUENTIAL, seed=11), 1, 1)
        loaded = measured(url, pid, mix(known, args.requests), args.concurrency, args.clients)
    baseline = None
    if args.baseline_src:  # the same mix against another checkout, under the same machine load
        with served(store, free_port(), args.baseline_src) as (url, pid):
            baseline = measured(url, pid, mix(known, args.requests), args.concurrency, args.clients)
    info = {
        "baseline": baseline,
        "baseline_src": args.baseline_src,
        "load": f"{load_before} before, {load_average()} after",
        "command": " ".join(["python benchmarks/load.py", *map(shlex.quote, argv)]),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "concurrency": args.concurrency,
        "articles": len(known["articles"]),
        "events": len(known["events"]),
        "cores": os.cpu_count(),
    }
    print(f"{loaded['requests']} requests, {args.concurrency} at a time: {loaded['rps']:.1f} requests/s, "
          f"p50 {loaded['p50']:.0f} ms, p95 {loaded['p95']:.0f} ms, p99 {loaded['p99']:.0f} ms, "
          f"errors {loaded['errors']} {loaded['error_kinds'] or ''}; server CPU {loaded['cpu_ms']:.1f} ms "
          f"per request (client {loaded['client_cpu_ms']:.1f} ms)")
    if args.out != "-":
        page = Path(args.out)
        old = page.read_text(encoding="utf-8") if page.exists() else ""
        page.write_text(replace_section(old, LOAD_HEADING, load_section(loaded, sequential, info)), "utf-8")
        log.info("wrote %s", page)
    return 0 if loaded["errors"] == 0 else 1


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--requests", type=int, default=2000, help="requests of the loaded pass (default 2000)")
    p.add_argument("--concurrency", type=int, default=50, help="requests in flight at once (default 50)")
    p.add_argument("--clients", type=int, default=5, help="client processes sharing the requests (default 5)")
    p.add_argument("--corpus", default=str(CORPUS), help="articles to extract when the store is not there")
    p.add_argument("--store", default=str(Path(tempfile.gettempdir()) / "newsevents-load" / "corpus.sqlite"),
                   help="the store to serve, extracted from --corpus when missing (kept for the next run)")
    p.add_argument("--baseline-src", help="also serve from this src folder (another checkout) and "
                   "record its loaded pass beside ours")
    p.add_argument("--out", default=str(REPO / "docs" / "performance.md"),
                   help="page whose load section to write, - for none")
    return p


if __name__ == "__main__":
    sys.exit(main())

"""A store of many events, made from the corpus, and the API routes timed over it; writes tables
for docs/scale.md.

    python benchmarks/scale_store.py build --db /tmp/scale.db --events 200000
    python benchmarks/scale_store.py time --db /tmp/scale.db --label after --out /tmp/routes.md

A benchmark, not a test. `build` extracts the corpus (../shared/corpus/articles) once, keeping
the extractions in --cache, then writes copies of them until the store holds --events events,
each copy through `Store.write`, the store's one write path (one transaction per article), and
finally reclusters, as `extract` does. Copy k of an article gets its own id, its dates moved
--step-days * k days later, and its letters put through a substitution of its own, the same one
for the text, the title and every span, so every offset still points at its words while the
copies are no near-duplicates of each other (dedup would otherwise fold them all into one).
Codes, actors, places and counts are the corpus's, so filters select what they select there.

`time` runs the app in this process with one client (Starlette's TestClient: no network, no
server, only the routes and the store) and answers each request once: every request differs
from every other (an ignored `_` parameter), so the response cache never answers in the
store's place. For each route it reports the median and the slowest of --repeat requests (at
twenty, the slowest is the p95; with one client nothing queues, so it is also the p99 bound).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import logging
import os
import random
import statistics
import string
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", HERE.parent.parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"
VOA = SHARED / "corpus" / "voa" / "voa_stories.jsonl"
DATE_FIELDS = frozenset({"date", "published"})

log = logging.getLogger("scale_store")


def corpus_extractions(cache: Path, workers: int) -> list[Any]:
    """The corpus's and the VOA stories' extractions: read from `cache`, or extracted once and
    written there."""
    from newsevents.distributed.codec import read_extractions, to_json_line

    if cache.exists():
        return list(read_extractions(cache))
    from newsevents import ingest, pipeline
    from newsevents.model import Extraction
    from newsevents.settings import load_settings

    settings = load_settings().with_overrides(workers=workers)
    results = pipeline.run(ingest.read([str(CORPUS), str(VOA)], settings), settings)
    found = [x for x in results if isinstance(x, Extraction)]
    cache.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(cache, "wt", encoding="utf-8") as handle:  # as the Dask path writes them
        handle.writelines(to_json_line(x) + "\n" for x in found)
    return found


def cipher(seed: int) -> dict[int, int]:
    """A substitution of letters (case kept), the same length for every character."""
    lower = list(string.ascii_lowercase)
    random.Random(seed).shuffle(lower)
    table = dict(zip(string.ascii_lowercase, lower, strict=True))
    table |= {k.upper(): v.upper() for k, v in table.items()}
    return str.maketrans(table)


def shifted(value: str | None, days: int) -> str | None:
    """An ISO date moved `days` later; anything else unchanged."""
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() if value else value
    except ValueError:
        return value


def copy_of(extraction: Any, k: int, step_days: int) -> Any:
    """Copy k of an extraction: a new id, dates moved k * step_days later, letters substituted."""
    from newsevents.model import Evidence

    table = cipher(k)
    art = extraction.article
    text = art.text.translate(table)
    days = k * step_days

    def remap(obj: Any) -> Any:
        if isinstance(obj, Evidence):
            return Evidence.of(text, obj.start, obj.end)
        if isinstance(obj, tuple):
            return tuple(remap(v) for v in obj)
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            return obj
        changes = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            new = shifted(value, days) if f.name in DATE_FIELDS and isinstance(value, str) else remap(value)
            if new is not value:
                changes[f.name] = new
        return dataclasses.replace(obj, **changes) if changes else obj

    article = dataclasses.replace(
        remap(art), id=hashlib.sha256(f"{art.id}:{k}".encode()).hexdigest()[:16], text=text,
        title=art.title.translate(table) if art.title else art.title, origin=f"copy {k} of {art.origin}",
    )  # fmt: skip
    return dataclasses.replace(remap(extraction), article=article)


def build(
    db: str, events: int, step_days: int, cache: Path, workers: int, first: int = 0
) -> dict[str, float]:
    """Write copies of the corpus into `db` until it holds `events` events, then recluster.

    `first` is the first copy this process writes: several processes started at different
    copies fill a PostgreSQL store together (a copy already stored by another is skipped)."""
    from newsevents.store import open_store

    corpus = [x for x in corpus_extractions(cache, workers) if x.events]
    per_copy = sum(len(x.events) for x in corpus)
    copies = -(-events // per_copy)
    started = time.perf_counter()
    articles, in_write = 0, 0.0  # articles this process wrote, and the seconds spent in `Store.write`
    with open_store(db) as store:
        have = store.counts()["events"]
        for k in range(first, copies):
            for extraction in corpus:
                if have >= events:
                    break
                copy = copy_of(extraction, k, step_days)
                began = time.perf_counter()
                if store.write(copy):
                    have += len(extraction.events)
                    articles += 1
                in_write += time.perf_counter() - began
            log.info("copy %d of %d: %d events, %.0f s", k + 1, copies, have, time.perf_counter() - started)
        written = time.perf_counter() - started
        per_article = round(1000 * in_write / max(articles, 1), 2)
        pace = {"written_articles": articles, "write_ms_per_article": per_article}
        if not store.behind():  # each write grouped and clustered its article: nothing is left to do
            return {"events": have, "write_s": written, **pace, **store.counts()}
        started = time.perf_counter()
        counts = store.recluster()
        clustered = time.perf_counter() - started
        log.info("reclustered: %s", counts)
        return {"events": have, "write_s": written, **pace, "recluster_s": clustered, **counts}


def requests(db: str) -> dict[str, Callable[[int], str]]:
    """Each route's request number n (every one different), from ids read from the store."""
    from newsevents.store import EventQuery, open_store

    def first(store: Any, view: str) -> dict[str, Any]:
        found = store.event_page(EventQuery(), view, 1, 0)  # a Page, or (total, items) before it
        return (found.items if hasattr(found, "items") else found[1])[0]

    with open_store(db, "read") as store:
        cluster, event = first(store, "clusters"), first(store, "mentions")
    cid, aid, idx = cluster["cluster_id"], event["article_id"], event["idx"]
    return {
        "/api/events (clusters, first page)": lambda n: f"/api/events?_={n}",
        "/api/events (clusters, offset 10,000)": lambda n: f"/api/events?offset={10_000 + n}",
        "/api/events (clusters, country=SYR)": lambda n: f"/api/events?country=SYR&_={n}",
        "/api/events (clusters, cameo_root=19, since)": (
            lambda n: f"/api/events?cameo_root=19&since=2017-01-01&_={n}"
        ),
        "/api/events (mentions, first page)": lambda n: f"/api/events?view=mentions&_={n}",
        "/api/events (mentions, offset 10,000)": lambda n: f"/api/events?view=mentions&offset={10_000 + n}",
        "/api/timeline (clusters)": lambda n: f"/api/timeline?_={n}",
        "/api/timeline (mentions, by month)": lambda n: f"/api/timeline?view=mentions&bin=month&_={n}",
        "/api/stats": lambda n: f"/api/stats?_={n}",
        "/api/clusters/{id}": lambda n: f"/api/clusters/{cid}?_={n}",
        "/api/events/{article}/{idx}": lambda n: f"/api/events/{aid}/{idx}?_={n}",
        "/api/articles": lambda n: f"/api/articles?_={n}",
        "/api/quotes": lambda n: f"/api/quotes?_={n}",
        "/api/quantities": lambda n: f"/api/quantities?_={n}",
        "/api/events (clusters, q=killed)": lambda n: f"/api/events?q=killed&_={n}",
        "/api/events (clusters, q=killed, since)": lambda n: f"/api/events?q=killed&since=2017-01-01&_={n}",
        "/api/events (mentions, q=killed)": lambda n: f"/api/events?view=mentions&q=killed&_={n}",
        "/api/articles (q=government)": lambda n: f"/api/articles?q=government&_={n}",
        # The copies' letters are substituted, so English words match the first copies only;
        # digits are kept, so "201" is in every copy (a year), a search that matches thousands.
        "/api/events (clusters, q=201)": lambda n: f"/api/events?q=201&_={n}",
        "/api/articles (q=201)": lambda n: f"/api/articles?q=201&_={n}",
        "/api/quotes (q=killed)": lambda n: f"/api/quotes?q=killed&_={n}",
        "/api/quantities (q=killed)": lambda n: f"/api/quantities?q=killed&_={n}",
        # The rest of the dashboard's first load (beside the first page, the stats and a timeline):
        # the map's page of 1,000 clusters and the timeline binned as it asks; and one article.
        "/api/events (clusters, map page of 1,000)": lambda n: f"/api/events?limit=1000&_={n}",
        "/api/timeline (clusters, bin=auto)": lambda n: f"/api/timeline?bin=auto&_={n}",
        "/api/events (mentions, cameo_root=19)": lambda n: f"/api/events?view=mentions&cameo_root=19&_={n}",
        "/api/articles/{id}": lambda n: f"/api/articles/{aid}?_={n}",
    }


def time_routes(db: str, repeat: int, only: str | None = None) -> dict[str, tuple[float, float]]:
    """(median, slowest) seconds of `repeat` different requests of each route, one at a time;
    with `only`, of the routes whose name holds it (and no cursor walk)."""
    from fastapi.testclient import TestClient

    from newsevents.api import create_app

    out: dict[str, tuple[float, float]] = {}
    # Entered, the client keeps one event loop thread for every request, as a server does.
    with TestClient(create_app(db), base_url="http://localhost") as client:
        for name, make in requests(db).items():
            if only is not None and only not in name:
                continue
            took = []
            for n in range(repeat):
                started = time.perf_counter()
                response = client.get(make(n))
                took.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise SystemExit(f"{name}: HTTP {response.status_code} {response.text[:200]}")
            out[name] = (statistics.median(took), max(took))
            log.info("%s: median %.1f ms, slowest %.1f ms", name, out[name][0] * 1000, out[name][1] * 1000)
        if only is None:
            out.update(cursor_walk(client, repeat))
    return out


def cursor_walk(client: Any, pages: int) -> dict[str, tuple[float, float]]:
    """Pages 1..`pages` of the cluster view by `next`, where the API returns one; else none."""
    took, after = [], None
    for _ in range(pages):
        started = time.perf_counter()
        page = client.get("/api/events", params={"limit": 100, **({"after": after} if after else {})}).json()
        took.append(time.perf_counter() - started)
        after = page.get("next")
        if not after:
            break
    if len(took) < 2:
        return {}
    name = f"/api/events (clusters, by cursor, pages 2-{len(took)})"
    return {name: (statistics.median(took[1:]), max(took[1:]))}


def table(label: str, found: dict[str, tuple[float, float]]) -> Iterator[str]:
    yield f"| route ({label}) | median ms | slowest ms |"
    yield "| --- | ---: | ---: |"
    for name, (median, slowest) in found.items():
        yield f"| {name} | {median * 1000:.1f} | {slowest * 1000:.1f} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("build", help="write copies of the corpus's extractions into a store")
    make.add_argument("--db", required=True)
    make.add_argument("--events", type=int, default=200_000)
    make.add_argument("--step-days", type=int, default=3)
    make.add_argument("--workers", type=int, default=2)
    make.add_argument("--first-copy", type=int, default=0, help="the first copy this process writes")
    make.add_argument("--cache", type=Path, default=Path("/tmp/newsevents-scale-corpus-voa.jsonl.gz"))
    run = sub.add_parser("time", help="time every API route over a store")
    run.add_argument("--db", required=True)
    run.add_argument("--repeat", type=int, default=20)
    run.add_argument("--label", default="this checkout")
    run.add_argument("--out", default="-", help="a Markdown file for the table, or - for stdout")
    run.add_argument("--only", help="time only the routes whose name holds this text, such as q=")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if args.command == "build":
        print(build(args.db, args.events, args.step_days, args.cache, args.workers, args.first_copy))
        return 0
    lines = "\n".join(table(args.label, time_routes(args.db, args.repeat, args.only))) + "\n"
    if args.out == "-":
        sys.stdout.write(lines)
    else:
        Path(args.out).write_text(lines, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What clustering each article as it is written costs, and whether that grows with the store.

    python benchmarks/incremental.py                    # 40 shifted copies of the corpus behind
    python benchmarks/incremental.py --copies 10 --workers 1
    python benchmarks/incremental.py --editions 8 --cache /tmp/newsevents-scale-corpus-voa.jsonl.gz

A benchmark, not a test. It extracts ../shared/corpus (articles and VOA stories) once, then times
`Store.write` of those extractions (each write groups and clusters its article) into an empty
SQLite store, into a store marked behind (writes without clustering, then one `recluster()`), and
into a store that already holds `--copies` copies of the corpus. A copy has new ids, dates shifted
by three days per copy and its letters rotated (same lengths and offsets, other words), so copies
are not near-duplicates of the originals and their events fall on other days. Prints a Markdown
table; docs/store.md quotes it.

`--editions N` times something else: the corpus written N times into one store, each edition a
near-duplicate of the others (its own id and a closing line "Edition k."), as a story syndicated
again and again is, so every edition joins the groups and clusters of all earlier ones. It prints
each edition's wall and CPU time an article: the cost of joining a story must not grow with the
number of its copies (docs/scale.md). `--cache` reads the extractions `scale_store.py` kept
instead of running the pipeline.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from newsevents import ingest, pipeline
from newsevents.errors import Problem
from newsevents.model import Extraction
from newsevents.settings import load_settings
from newsevents.store import open_store

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def corpus(workers: int) -> list[Extraction]:
    """The shared corpus through the real pipeline."""
    settings = load_settings(None).with_overrides(workers=workers)
    paths = [str(SHARED / "corpus" / "articles"), str(SHARED / "corpus" / "voa")]
    return [x for x in pipeline.run(ingest.read(paths, settings), settings) if not isinstance(x, Problem)]


def _rotate(text: str, k: int) -> str:
    return "".join(chr((ord(c) - 97 + k) % 26 + 97) if "a" <= c <= "z" else c for c in text)


def _shift(day: str | None, k: int) -> str | None:
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=3 * k)).isoformat() if day else day
    except ValueError:
        return day


def copy_of(x: Extraction, k: int) -> Extraction:
    """The extraction as another article: new id, shifted dates, rotated letters."""
    text = _rotate(x.article.text, k % 25 + 1) + " x" * k
    published = _shift(x.article.published, k)
    article = replace(x.article, id=f"{x.article.id}c{k}", text=text, published=published)
    return replace(x, article=article, events=tuple(replace(e, date=_shift(e.date, k)) for e in x.events))


def edition_of(x: Extraction, k: int) -> Extraction:
    """The extraction as edition k of its story: a copy with its own id and closing line."""
    text = f"{x.article.text}\n\nEdition {k}."
    return replace(x, article=replace(x.article, id=f"{x.article.id}-e{k}", text=text))


def editions(found: list[Extraction], count: int) -> None:
    """Print the wall and CPU time an article of each of `count` editions written into one store."""
    print(f"`python benchmarks/incremental.py --editions {count}`, {len(found)} articles an edition:\n")
    print("| edition | wall ms an article | CPU ms an article |\n| ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "editions.db") as store:
        for k in range(1, count + 1):
            wall, cpu = time.perf_counter(), time.process_time()
            for x in found:
                store.write(edition_of(x, k))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"| {k} | {wall * 1000 / len(found):.1f} | {cpu * 1000 / len(found):.1f} |", flush=True)


def timed_writes(path: Path, items: Iterable[Extraction]) -> float:
    with open_store(path) as store:
        start = time.perf_counter()
        for item in items:
            store.write(item)
        return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=40, help="copies of the corpus in the big store")
    parser.add_argument("--workers", type=int, default=2, help="processes for the one extraction")
    parser.add_argument("--editions", type=int, help="time this many near-duplicate editions instead")
    parser.add_argument("--cache", type=Path, help="extractions kept by scale_store.py, read instead")
    args = parser.parse_args(argv)
    if args.cache:
        from newsevents.distributed.codec import read_extractions

        found = list(read_extractions(args.cache))
    else:
        found = corpus(args.workers)
    if args.editions:
        editions(found, args.editions)
        return
    n = len(found)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        empty = timed_writes(folder / "empty.db", found)
        with open_store(folder / "behind.db") as store, store.transaction() as cur:
            cur.execute("UPDATE store_state SET value = '1' WHERE name = 'dirty'")  # as after an upgrade
        plain = timed_writes(folder / "behind.db", found)
        with open_store(folder / "behind.db") as store:
            start = time.perf_counter()
            store.recluster()
            small_full = time.perf_counter() - start
        big = folder / "big.db"
        built = timed_writes(big, (copy_of(x, k) for k in range(1, args.copies + 1) for x in found))
        with open_store(big, "read") as store:
            counts = store.counts()
        into_big = timed_writes(big, found)
        with open_store(big) as store:
            start = time.perf_counter()
            store.recluster()
            big_full = time.perf_counter() - start
    ms = 1000 / n
    print(f"`python benchmarks/incremental.py --copies {args.copies}`, {n} corpus articles:\n")
    print("| what | time |\n| --- | --- |")
    print(f"| write into an empty store, clustered per write | {empty * ms:.1f} ms an article |")
    print(f"| write without clustering (a store behind), then one recluster | {plain * ms:.1f} ms an article "
          f"+ {small_full:.2f} s |")  # fmt: skip
    print(f"| build a store of {counts['articles']:,} articles and {counts['events']:,} events, clustered "
          f"per write | {built / counts['articles'] * 1000:.1f} ms an article |")  # fmt: skip
    print(f"| write the corpus into that store, clustered per write | {into_big * ms:.1f} ms an article |")
    print(f"| full recluster of that store | {big_full:.1f} s |")


if __name__ == "__main__":
    sys.exit(main())

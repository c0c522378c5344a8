"""The Dask path: partitioned JSONL in, Parquet out, on a Dask distributed cluster.

    run_dask(inputs, out_dir, settings, scheduler=None, n_workers=2) -> DaskSummary
    load_into_store(out_dir, store) -> LoadSummary
    partitions(inputs) -> list[Path]

There is no second implementation: each partition (one .jsonl, .ndjson or gzip-compressed file)
is read by `newsevents.ingest.read` and extracted by `newsevents.pipeline.run` on a worker, so
the same articles give the same events as the single-process path. Each worker process loads
the model, dictionaries and gazetteer once and keeps them for every partition it is given.

Layout of `out_dir` (one file per input partition, numbered in sorted input order):

    events/part-00000.parquet        flat event rows: the store's `events` columns plus the
                                     article's title, url, source and published, one fixed
                                     schema in every file, so `events/` reads as one dataset
    extractions/part-00000.jsonl.gz  every Extraction in full, one JSON object per line
                                     (`dataclasses.asdict`), the lossless form `load_into_store`
                                     writes through `Store.write`
    problems.jsonl                   every skipped or warned-about input, in partition order
    manifest.json                    the partitions of this run, their inputs and counts

Loading goes through `Store.write`, one transaction per article, so it is idempotent and safe to
run from several processes at once against PostgreSQL. With a remote scheduler, every worker
must be able to read the inputs and write `out_dir` at the same path (a shared file system).
"""

from __future__ import annotations

import dataclasses
import glob
import gzip
import json
import logging
import os
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents.distributed.codec import from_dict, read_extractions, to_json_line
from newsevents.errors import IngestError, Problem
from newsevents.model import Extraction
from newsevents.settings import Settings
from newsevents.store import rows as row_builders
from newsevents.store.query import EVENT_COLUMNS

if TYPE_CHECKING:
    import pyarrow as pa
    from distributed import Client

    from newsevents.model import Article
    from newsevents.pipeline import Pipeline
    from newsevents.store import Store

__all__ = [
    "DaskSummary", "LoadSummary", "PartitionResult", "event_schema", "flat_event_rows", "from_dict",
    "load_into_store", "partitions", "process_partition", "read_extractions", "read_partition", "run_dask",
    "to_json_line", "write_events_parquet",
]  # fmt: skip

log = logging.getLogger(__name__)

SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
MANIFEST = "manifest.json"
PROBLEMS = "problems.jsonl"
EVENTS_DIR = "events"
EXTRACTIONS_DIR = "extractions"


@dataclasses.dataclass(frozen=True)
class PartitionResult:
    """What one partition gave: its input, the name of its output files, and counts."""

    index: int
    source: str
    name: str
    articles: int
    events: int
    problems: tuple[Problem, ...]


@dataclasses.dataclass(frozen=True)
class DaskSummary:
    """The outcome of `run_dask`: where the results are, and what each partition gave."""

    out_dir: Path
    partitions: tuple[PartitionResult, ...]
    seconds: float

    @property
    def articles(self) -> int:
        return sum(p.articles for p in self.partitions)

    @property
    def events(self) -> int:
        return sum(p.events for p in self.partitions)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(pr for p in self.partitions for pr in p.problems)


@dataclasses.dataclass(frozen=True)
class LoadSummary:
    """The outcome of `load_into_store`: articles newly stored, and those already there."""

    written: int
    already_stored: int


# -- finding partitions -------------------------------------------------------------------------


def partitions(inputs: Sequence[str | Path]) -> list[Path]:
    """The partition files named by `inputs`: files, folders (searched recursively) and globs.

    Sorted within each input, duplicates dropped, in the order the inputs were given. Raises
    IngestError (E103) for an input that names no partition, so a typo never runs an empty job.
    """
    found: list[Path] = []
    for raw in inputs:
        text = str(raw)
        path = Path(text)
        if path.is_dir():
            hits = [p for p in path.rglob("*") if p.is_file() and _is_partition(p)]
        elif path.is_file():
            hits = [path]
        elif glob.has_magic(text):
            hits = [Path(p) for p in glob.glob(text, recursive=True) if _is_partition(Path(p))]
        else:
            raise IngestError("E103", detail=f"{text}: no such file, folder or pattern")
        if not hits:
            raise IngestError("E103", detail=f"{text}: holds no {', '.join(SUFFIXES)} partitions")
        found.extend(sorted(hits))
    unique: dict[Path, None] = dict.fromkeys(p.resolve() for p in found)
    return list(unique)


def _is_partition(path: Path) -> bool:
    name = path.name.lower()
    return not name.startswith(".") and name.endswith(SUFFIXES)


def read_partition(path: Path, settings: Settings) -> Iterator[Article | Problem]:
    """The articles of one partition, through the one reader the local engine uses
    (`newsevents.ingest.read`): plain or gzip-compressed JSON Lines, streamed, with the size
    limit (`max_file_bytes`) on each line and origins naming the partition file and line."""
    from newsevents import ingest

    yield from ingest.read([str(path)], settings)


# -- one partition, on a worker -----------------------------------------------------------------


@lru_cache(maxsize=2)
def _worker_pipeline(settings: Settings) -> Pipeline:
    """The pipeline, built on the first partition a worker process gets, then kept for the next ones."""
    from newsevents import pipeline

    log.info("worker %d: building the pipeline", os.getpid())
    return pipeline.build(settings)


def process_partition(index: int, source: str, out_dir: str, settings: Settings) -> PartitionResult:
    """Extract one partition and write its event Parquet and extractions file; runs on a worker.

    Files are written under a temporary name and renamed when complete, so a worker lost
    mid-partition (Dask then reruns the task elsewhere) never leaves a half-written file.
    """
    from newsevents import pipeline

    # One process per worker already: spaCy must not fork inside a Dask worker.
    settings = settings.with_overrides(workers=1)
    built = _worker_pipeline(settings)
    name = f"part-{index:05d}"
    out = Path(out_dir)
    event_rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    articles = 0
    target = out / EXTRACTIONS_DIR / f"{name}.jsonl.gz"
    with _atomic(target) as tmp, gzip.open(tmp, "wt", encoding="utf-8") as handle:
        for item in pipeline.run(read_partition(Path(source), settings), settings, built):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            articles += 1
            handle.write(to_json_line(item) + "\n")
            event_rows.extend(flat_event_rows(item))
    with _atomic(out / EVENTS_DIR / f"{name}.parquet") as tmp:
        write_events_parquet(event_rows, tmp)
    log.info("%s: %d articles, %d events, %d problems", source, articles, len(event_rows), len(problems))
    return PartitionResult(index, source, name, articles, len(event_rows), tuple(problems))


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def flat_event_rows(extraction: Extraction) -> Iterator[dict[str, Any]]:
    """The store's event rows with the article's fields joined in, as `Store.events` gives them."""
    art = extraction.article
    joined = {"title": art.title, "url": art.url, "source": art.source, "published": art.published}
    for row in row_builders.event_rows(extraction):
        yield {**row, **joined}


# -- the Parquet schema, from the table declarations ----------------------------------------------


@lru_cache(maxsize=1)
def event_schema() -> pa.Schema:
    """One Arrow schema for every events file, typed as `store/tables.py` declares each column.

    A fixed schema (not one guessed from each partition's values) keeps a partition with no
    events, or with no located events, readable together with the others as one dataset.
    """
    from newsevents.store.schema import arrow_schema

    return arrow_schema(EVENT_COLUMNS)


def write_events_parquet(rows: Sequence[dict[str, Any]], path: Path) -> int:
    """Write flat event rows to one Parquet file with `event_schema()`; returns how many."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = event_schema()
    columns = {name: [row.get(name) for row in rows] for name in schema.names}
    pq.write_table(pa.Table.from_pydict(columns, schema=schema), path)
    return len(rows)


# -- the job, from the client ---------------------------------------------------------------------


def run_dask(
    inputs: Sequence[str],
    out_dir: Path,
    settings: Settings,
    scheduler: str | None = None,
    n_workers: int = 2,
) -> DaskSummary:
    """Extract every partition of `inputs` on a Dask cluster and write the results to `out_dir`.

    `scheduler` is the address of a running scheduler ("tcp://host:8786"); None starts a local
    cluster of `n_workers` single-threaded worker processes for the run. Earlier results in
    `out_dir` are replaced. A failure that stops a whole partition (a missing model, an
    unreadable output folder) is raised here; bad articles become problems, as in `pipeline.run`.
    """
    from newsevents.extras import require

    require("dask", "the Dask engine")
    started = time.perf_counter()
    parts = partitions(inputs)
    out = Path(out_dir)
    _clear(out)
    with _client(scheduler, n_workers) as client:
        from distributed import as_completed

        futures = [
            client.submit(process_partition, i, str(p), str(out.resolve()), settings, pure=False)
            for i, p in enumerate(parts)
        ]
        results: list[PartitionResult] = []
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            log.info("partition %d/%d done: %s", len(results), len(parts), result.source)
    results.sort(key=lambda r: r.index)
    summary = DaskSummary(out, tuple(results), time.perf_counter() - started)
    _write_report(summary)
    return summary


@contextmanager
def _client(scheduler: str | None, n_workers: int) -> Iterator[Client]:
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=max(1, n_workers), threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def _clear(out: Path) -> None:
    """Remove an earlier run's partition files, so a smaller rerun leaves none of them behind."""
    for sub, pattern in ((EVENTS_DIR, "part-*.parquet"), (EXTRACTIONS_DIR, "part-*.jsonl.gz")):
        for old in (out / sub).glob(pattern):
            old.unlink()
    for name in (MANIFEST, PROBLEMS):
        (out / name).unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


def _write_report(summary: DaskSummary) -> None:
    """problems.jsonl, then manifest.json last: a folder with a manifest holds a finished run."""
    out = summary.out_dir
    with _atomic(out / PROBLEMS) as tmp, tmp.open("w", encoding="utf-8") as handle:
        for problem in summary.problems:
            handle.write(json.dumps(dataclasses.asdict(problem), ensure_ascii=False) + "\n")
    manifest = {
        "articles": summary.articles,
        "events": summary.events,
        "problems": len(summary.problems),
        "partitions": [
            {
                "name": p.name,
                "source": p.source,
                "articles": p.articles,
                "events": p.events,
                "problems": len(p.problems),
                "events_file": f"{EVENTS_DIR}/{p.name}.parquet",
                "extractions_file": f"{EXTRACTIONS_DIR}/{p.name}.jsonl.gz",
            }
            for p in summary.partitions
        ],
    }
    with _atomic(out / MANIFEST) as tmp:
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# -- loading --------------------------------------------------------------------------------------


def load_into_store(out_dir: Path, store: Store) -> LoadSummary:
    """Write every extraction of a finished `run_dask` output folder into `store`.

    Reads the partitions the manifest lists, in order, and writes each article through
    `Store.write` (one transaction per article, skipped when already stored), so loading twice,
    or from several processes at once, stores each article exactly once.
    """
    out = Path(out_dir)
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IngestError(
            "E103", detail=f"{out / MANIFEST}: not a finished Dask output folder ({exc})"
        ) from exc
    written = already = 0
    for part in manifest["partitions"]:
        for extraction in read_extractions(out / part["extractions_file"]):
            if store.write(extraction):
                written += 1
            else:
                already += 1
    log.info("loaded %s: %d articles written, %d already stored", out, written, already)
    return LoadSummary(written, already)

"""The Dask path: partitions found and read, Parquet and extraction files written, results
loaded into a store, and, on a real local cluster of two workers, the same events as the
single-process pipeline."""

from __future__ import annotations

import dataclasses
import gzip
import importlib.util
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents import distributed as dd
from newsevents.errors import IngestError, Problem
from newsevents.model import Article, Extraction
from newsevents.settings import load_settings
from newsevents.store import open_store

TESTS = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("NEWSEVENTS_SHARED", TESTS.parent.parent / "shared")) / "corpus" / "articles"


def _store_fixtures():  # type: ignore[no-untyped-def]
    """tests/store/conftest.py, whose hand-built Extraction fills every field and table."""
    spec = importlib.util.spec_from_file_location(
        "newsevents_store_fixtures", TESTS / "store" / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _store_fixtures().build


def _corpus_line(name: str) -> str:
    meta = json.loads((CORPUS / f"{name}.meta.json").read_text(encoding="utf-8"))
    return json.dumps({"text": (CORPUS / f"{name}.txt").read_text(encoding="utf-8"), **meta}) + "\n"


# -- without a cluster --------------------------------------------------------------------------


def test_partitions_from_folders_globs_and_files(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    for name in ("b.jsonl", "a.jsonl.gz", "sub/c.ndjson", "notes.txt", ".hidden.jsonl"):
        (tmp_path / "in" / name).write_text("{}\n")
    folder = dd.partitions([str(tmp_path / "in")])
    assert [p.name for p in folder] == ["a.jsonl.gz", "b.jsonl", "c.ndjson"]
    pattern = dd.partitions([str(tmp_path / "in" / "*.jsonl*"), str(tmp_path / "in" / "b.jsonl")])
    assert [p.name for p in pattern] == ["a.jsonl.gz", "b.jsonl"]  # b given twice, kept once
    with pytest.raises(IngestError, match=r"\[E103\].*no such file"):
        dd.partitions([str(tmp_path / "missing")])
    with pytest.raises(IngestError, match=r"\[E103\].*holds no"):
        dd.partitions([str(tmp_path / "in" / "*.csv")])


def test_a_gzip_partition_reads_like_plain_jsonl(tmp_path: Path) -> None:
    lines = [_corpus_line("001"), "{broken\n", _corpus_line("002")]
    plain = tmp_path / "p.jsonl"
    plain.write_text("".join(lines), encoding="utf-8")
    packed = tmp_path / "p.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as handle:
        handle.write("".join(lines))
    # The limit is per line, as in the local engine: above every line, below either file; a line
    # over it is E116 in a partition too.
    longest = max(len(line.encode("utf-8")) for line in lines)
    settings = load_settings().with_overrides(max_file_bytes=longest + 1)
    assert plain.stat().st_size > longest + 1 and len("".join(lines)) > longest + 1
    a, b = list(dd.read_partition(plain, settings)), list(dd.read_partition(packed, settings))
    assert [type(x) for x in a] == [Article, Problem, Article]
    assert [x.origin for x in b] == [f"{packed}:1", f"{packed}:2", f"{packed}:3"]
    strip = [dataclasses.replace(x, origin=None) for x in a]
    assert strip == [dataclasses.replace(x, origin=None) for x in b]
    assert b[1].code == "E104" and a[0].url and a[0].id == b[0].id
    tight = settings.with_overrides(max_file_bytes=longest - 2)  # the longest line, newline aside, is over
    assert "E116" in [getattr(x, "code", None) for x in dd.read_partition(packed, tight)]


def test_extractions_survive_the_json_round_trip() -> None:
    ext = build("rt")
    back = dd.from_dict(json.loads(dd.to_json_line(ext)))
    assert back == ext and back.actors == ext.actors  # actors are outside Extraction's ==
    assert back.article.title_span == ext.article.title_span and back.article.origin == ext.article.origin
    assert isinstance(back.events[0].goldstein, float) and isinstance(back.locations[0].mentions, tuple)


def test_event_parquet_has_one_schema_even_when_empty(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from newsevents.store.query import EVENT_COLUMNS

    dd.write_events_parquet(list(dd.flat_event_rows(build("pq"))), tmp_path / "full.parquet")
    dd.write_events_parquet([], tmp_path / "empty.parquet")
    full, empty = pq.read_table(tmp_path / "full.parquet"), pq.read_table(tmp_path / "empty.parquet")
    assert full.schema == empty.schema and full.schema.names == list(EVENT_COLUMNS)
    types = {f.name: str(f.type) for f in full.schema}
    assert (types["goldstein"], types["quad_class"], types["negated"], types["location_lat"]) == (
        "double", "int64", "bool", "double",
    )  # fmt: skip
    rows = full.to_pylist()
    assert [r["cameo"] for r in rows] == ["190", "0874"] and rows[1]["negated"] is True
    assert rows[0]["title"] == "Syrian forces press Aleppo offensive" and rows[0]["location_name"] == "Aleppo"
    both = pq.read_table(tmp_path)  # the folder reads as one dataset
    assert both.num_rows == 2


def test_load_into_store_is_idempotent(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "extractions").mkdir(parents=True)
    with gzip.open(out / "extractions" / "part-00000.jsonl.gz", "wt", encoding="utf-8") as handle:
        for name in ("x1", "x2", "x1"):
            handle.write(dd.to_json_line(build(name)) + "\n")
    manifest = {"partitions": [{"name": "part-00000", "extractions_file": "extractions/part-00000.jsonl.gz"}]}
    (out / "manifest.json").write_text(json.dumps(manifest))
    with open_store(tmp_path / "s.db") as store:
        assert dd.load_into_store(out, store) == dd.LoadSummary(written=2, already_stored=1)
        assert dd.load_into_store(out, store) == dd.LoadSummary(written=0, already_stored=3)
        assert store.counts()["articles"] == 2 and store.counts()["events"] == 4
    with pytest.raises(IngestError, match=r"\[E103\].*not a finished Dask output"):
        dd.load_into_store(tmp_path / "nowhere", open_store(tmp_path / "t.db"))


# -- on a real local cluster ----------------------------------------------------------------------

ARTICLES = ("001", "002", "003", "004", "005", "006")
# The per-article limit of the runs below: every corpus line is well under it, OVERSIZED over it.
MAX_BYTES = 20_000
OVERSIZED = json.dumps({"title": "Too long", "text": "Troops shelled the town on Monday. " * 700}) + "\n"


@pytest.fixture(scope="module")
def partitioned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Six corpus articles as two partitions (plain and gzip), plus a plain copy of both; the
    plain partition holds a line over the per-article limit between its articles."""
    root = tmp_path_factory.mktemp("dask")
    parts, plain = root / "parts", root / "plain"
    parts.mkdir()
    plain.mkdir()
    first = _corpus_line(ARTICLES[0]) + OVERSIZED + "".join(_corpus_line(n) for n in ARTICLES[1:3])
    second = "".join(_corpus_line(n) for n in ARTICLES[3:]) + "not json\n"
    (parts / "part-a.jsonl").write_text(first, encoding="utf-8")
    with gzip.open(parts / "part-b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(second)
    (plain / "part-a.jsonl").write_text(first, encoding="utf-8")
    (plain / "part-b.jsonl").write_text(second, encoding="utf-8")
    (root / "limit.yml").write_text(f"max_file_bytes: {MAX_BYTES}\n", encoding="utf-8")
    return parts, plain


@pytest.fixture(scope="module")
def both_runs(
    partitioned: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[dd.DaskSummary, list[Extraction | Problem]]:
    """The Dask run on two workers, and the single-process run of the same articles beside it.

    The single-process run goes on in this process while the cluster works (the client only
    waits). Its resources are loaded, and the model run once, before the cluster starts, so the
    two threads never import modules at the same moment.
    """
    pytest.importorskip("distributed")
    from concurrent.futures import ThreadPoolExecutor

    from newsevents import ingest, pipeline

    out = tmp_path_factory.mktemp("dask-out")
    (out / "events").mkdir()
    (out / "events" / "part-00007.parquet").write_text("left over from an older run")
    settings = load_settings().with_overrides(workers=1, max_file_bytes=MAX_BYTES)
    built = pipeline.build(settings)
    list(pipeline.run(ingest.read([str(partitioned[1] / "part-a.jsonl")], settings), settings, built))
    with ThreadPoolExecutor(1) as pool:
        job = pool.submit(dd.run_dask, [str(partitioned[0])], out, settings, n_workers=2)
        single = list(pipeline.run(ingest.read([str(partitioned[1])], settings), settings, built))
        return job.result(), single


@pytest.fixture(scope="module")
def dask_run(both_runs: tuple[dd.DaskSummary, list[Extraction | Problem]]) -> dd.DaskSummary:
    return both_runs[0]


@pytest.fixture(scope="module")
def single(both_runs: tuple[dd.DaskSummary, list[Extraction | Problem]]) -> list[Extraction | Problem]:
    return both_runs[1]


def _keys(extractions: Iterator[Extraction] | list[Extraction]) -> list[tuple[object, ...]]:
    return [
        (x.article.id, e.cameo, e.source.code if e.source else None, e.target.code if e.target else None,
         e.evidence.start, e.evidence.end, e.trigger.start, e.trigger.end)
        for x in extractions
        for e in x.events
    ]  # fmt: skip


@pytest.mark.model
def test_dask_gives_the_same_events_as_one_process(
    dask_run: dd.DaskSummary, single: list[Extraction | Problem]
) -> None:
    import pyarrow.parquet as pq

    out = dask_run.out_dir
    reference = [x for x in single if isinstance(x, Extraction)]
    assert len(reference) == dask_run.articles == len(ARTICLES)
    assert dask_run.events == sum(len(x.events) for x in reference) > 0
    # The full extractions, article by article (only the origin names the gzip file instead).
    loaded = [
        x for p in sorted((out / "extractions").glob("part-*.jsonl.gz")) for x in dd.read_extractions(p)
    ]
    assert _keys(loaded) == _keys(reference)
    assert [dataclasses.replace(x, article=dataclasses.replace(x.article, origin=None)) for x in loaded] == [
        dataclasses.replace(x, article=dataclasses.replace(x.article, origin=None)) for x in reference
    ]
    # The Parquet rows: one file per partition, no file left over from before.
    assert sorted(p.name for p in (out / "events").iterdir()) == ["part-00000.parquet", "part-00001.parquet"]
    rows = pq.read_table(out / "events").to_pylist()
    by_row = [(r["article_id"], r["cameo"], r["source_code"], r["target_code"], r["evidence_start"],
               r["evidence_end"], r["trigger_start"], r["trigger_end"]) for r in rows]  # fmt: skip
    assert sorted(by_row, key=str) == sorted(_keys(reference), key=str)
    # Reader problems come back too, named by partition file and line: the line over the
    # per-article limit is refused alone, and the partition's other articles are all extracted.
    assert [(p.code, p.origin.rsplit("/", 1)[-1]) for p in dask_run.problems] == [
        ("E116", "part-a.jsonl:2"), ("E104", "part-b.jsonl.gz:4")
    ]
    assert [json.loads(line)["code"] for line in (out / "problems.jsonl").read_text().splitlines()] == [
        "E116", "E104"
    ]
    manifest = json.loads((out / "manifest.json").read_text())
    assert [p["articles"] for p in manifest["partitions"]] == [3, 3]


@pytest.mark.model
def test_loading_the_dask_results_equals_writing_directly(
    dask_run: dd.DaskSummary, single: list[Extraction | Problem], tmp_path: Path
) -> None:
    with open_store(tmp_path / "dask.db") as loaded, open_store(tmp_path / "direct.db") as direct:
        assert dd.load_into_store(dask_run.out_dir, loaded) == dd.LoadSummary(written=6, already_stored=0)
        for x in single:
            if isinstance(x, Extraction):
                direct.write(x)
        assert loaded.counts() == direct.counts()
        assert [_no_origin(r) for r in loaded.rows("articles")] == [
            _no_origin(r) for r in direct.rows("articles")
        ]
        assert loaded.events() == direct.events()
        assert dd.load_into_store(dask_run.out_dir, loaded).written == 0


def _no_origin(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("origin", "stored_at")}


@pytest.mark.model
def test_the_command_runs_the_dask_engine_into_a_store(
    partitioned: tuple[Path, Path], tmp_path: Path
) -> None:
    """`newsevents extract --engine dask`: partitions in, Parquet out, then the store, one summary."""
    import sqlite3

    from click.testing import CliRunner

    from newsevents.cli import main

    out, db = tmp_path / "out", tmp_path / "events.sqlite"
    args = ["extract", str(partitioned[0]), "--engine", "dask", "--workers", "2", "--out", str(out),
            "--db", str(db), "--config", str(partitioned[0].parent / "limit.yml")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # the broken line in part-b is reported and skipped
    assert "part-b.jsonl.gz:4" in result.stderr and "E104" in result.stderr
    assert "part-a.jsonl:2" in result.stderr and "E116" in result.stderr
    assert "2 partitions; read 6 articles; stored 6" in result.stderr
    assert len(list((out / "events").glob("*.parquet"))) == 2
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 6
        assert con.execute("select count(*) from event_clusters").fetchone()[0] > 0


@pytest.mark.model
def test_the_dask_engine_makes_the_same_store_as_the_local_engine(
    partitioned: tuple[Path, Path], tmp_path: Path
) -> None:
    """`extract --engine dask` on two workers and `extract` (local) over the same files give the
    same rows in every table, derived ones included; only when each article was stored differs."""
    from click.testing import CliRunner

    from newsevents.cli import main

    config = ["--config", str(partitioned[0].parent / "limit.yml")]
    dask_db, local_db = tmp_path / "dask.sqlite", tmp_path / "local.sqlite"
    runs = [
        ["extract", str(partitioned[0]), "--engine", "dask", "--workers", "2", "--out", str(tmp_path / "out"),
         "--db", str(dask_db), *config],
        ["extract", str(partitioned[0]), "--workers", "1", "--db", str(local_db), *config],
    ]  # fmt: skip
    for args in runs:
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, result.output  # the oversized and the broken line, reported
        assert "E116" in result.stderr and "E104" in result.stderr
    dask_tables, local_tables = _all_rows(dask_db), _all_rows(local_db)
    assert set(dask_tables) == set(local_tables) >= {"articles", "events", "event_clusters"}
    assert len(dask_tables["articles"]) == len(ARTICLES) and dask_tables["events"]
    for table, found in dask_tables.items():
        assert found == local_tables[table], table


def _all_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows in a fixed order, without `stored_at` (the time of the write)."""
    import sqlite3

    with sqlite3.connect(db) as con:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = {}
        for table in tables:
            cols = [c[1] for c in con.execute(f"PRAGMA table_info({table})") if c[1] != "stored_at"]
            sql = f"SELECT {', '.join(cols)} FROM {table} ORDER BY {', '.join(cols)}"
            out[table] = con.execute(sql).fetchall()
    return out

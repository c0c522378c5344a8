"""Writing an article to PostgreSQL in a few statements (`PostgresStore.insert_rows`), against a
real server: the multi-row INSERTs store what one INSERT a row stores, whether a table's rows
fit one statement or are split over several, and two writers at once store what one stores.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.store import pg_server
from tests.store.conftest import TEXT, build

import newsevents
from newsevents.model import Extraction
from newsevents.store import Store, incremental, open_store, postgres
from newsevents.store import rows as row_builders
from newsevents.store.core import SQLStore
from newsevents.store.tables import SUMMARY_COLUMNS

HERE = Path(__file__).parent
SRC = Path(newsevents.__file__).resolve().parents[1]
pytest.importorskip("psycopg")

# Every table a write fills: the rows, the clustering's tables and the summary counts.
TABLES = (*row_builders.COLUMNS, *row_builders.DERIVED_COLUMNS, *SUMMARY_COLUMNS)


def specs() -> list[dict[str, Any]]:
    """Twelve articles as `build` arguments: copies of one story and stories of their own (so
    groups merge and clusters are rewritten), on different days, roots and actors."""
    out: list[dict[str, Any]] = []
    for i in range(12):
        own = i % 3 == 0  # a story of its own: the shared text with a long tail of its own
        tail = " ".join(f"Line {i}-{j} tells of the {['flood', 'harvest', 'strike', 'vote'][j % 4]}."
                        for j in range(40)) if own else ""  # fmt: skip
        out.append({
            "article_id": f"w{i:02d}",
            "published": None if i == 7 else f"2016-02-{10 + i % 5:02d}",
            "text": TEXT + (" " + tail if tail else ""),
            "event_date": None if i % 4 == 1 else f"2016-02-{8 + i % 6:02d}",
            "source": ["SYRMIL", "SYR", "MIL"] if i % 2 else ["TURGOV", "TUR", "GOV"],
            "target": None if i % 5 == 2 else ["SYRREB", "SYR", "REB"],
            "cameo": ["190", "1122", "195", "043"][i % 4],
        })  # fmt: skip
    return out


def extraction(spec: dict[str, Any]) -> Extraction:
    args = dict(spec)
    for side in ("source", "target"):
        args[side] = tuple(args[side]) if args[side] is not None else None
    return build(**args)


class RowByRow(postgres.PostgresStore):
    """The same store, sending one INSERT a row (`executemany`, the store's generic path)."""

    insert_rows = SQLStore.insert_rows


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table a write fills, sorted, without the time of writing."""
    out = {}
    for table in TABLES:
        columns = [c for c in sorted(store.column_names(table)) if c != "stored_at"]
        out[table] = sorted(store.fetch_all(f"SELECT {', '.join(columns)} FROM {table}"), key=repr)
    return out


@pytest.fixture
def second_schema(pg_url: str) -> Iterator[str]:
    with pg_server.schema(pg_url, f"t_{uuid.uuid4().hex[:12]}") as url:
        yield url


def test_multi_row_inserts_store_what_one_insert_a_row_stores(
    pg_schema: str, second_schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fifty values a statement: an article's actors (14 columns) take two statements, its 64
    # band keys (3 columns) four, so the split between statements is written and read too.
    monkeypatch.setattr(postgres, "MAX_PARAMS", 50)
    with open_store(pg_schema) as batched, RowByRow(second_schema) as one_by_one:
        for spec in specs():
            ext = extraction(spec)
            assert batched.write(ext) is True
            assert one_by_one.write(ext) is True
        assert batched.write(extraction(specs()[0])) is False
        got, want = snapshot(batched), snapshot(one_by_one)
        assert got["articles"] and got["article_groups"] and got["event_tallies"]
        assert len(got["event_clusters"]) > 1
        for table in TABLES:
            assert got[table] == want[table], table
        # And the rows read back as the row-by-row store's, value for value.
        for table in row_builders.COLUMNS:
            rows = [{k: v for k, v in r.items() if k != "stored_at"} for r in batched.rows(table)]
            assert rows == [{k: v for k, v in r.items() if k != "stored_at"} for r in one_by_one.rows(table)]


WRITER = """
import json, sys, time
from tests.store.test_pg_writes import extraction
from newsevents.store import open_store

specs = json.loads(sys.argv[1])
store = open_store({url!r})
while time.time() < {start}:
    time.sleep(0.005)
print(sum(store.write(extraction(s)) for s in specs))
store.close()
"""


def test_two_writers_at_once_store_what_one_writer_stores(pg_schema: str, second_schema: str) -> None:
    """Two processes write every article, in opposite orders, at the same moment: no deadlock, no
    duplicate, and the store holds what one writer wrote."""
    every = specs()
    root = str(HERE.parents[1])
    script = WRITER.format(url=pg_schema, start=time.time() + 2.0)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), root])}
    procs = [
        subprocess.Popen([sys.executable, "-c", script, json.dumps(order)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, cwd=root, env=env)
        for order in (every, every[::-1])
    ]  # fmt: skip
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in results]
    assert sum(int(out) for out, _ in results) == len(every)  # each article written once
    with open_store(pg_schema) as both, open_store(second_schema) as one:
        for spec in every:
            assert one.write(extraction(spec)) is True
        got, want = snapshot(both), snapshot(one)
        for table in TABLES:
            assert got[table] == want[table], table


def test_cluster_lookups_split_over_statements_find_what_one_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article's cluster blocks are looked up `PROBES` to a statement; one a statement (every
    article here has more than one block) must rewrite the same clusters as all at once."""
    with open_store(tmp_path / "one.db") as at_once:
        for spec in specs():
            at_once.write(extraction(spec))
        want = snapshot(at_once)
    monkeypatch.setattr(incremental, "PROBES", 1)
    with open_store(tmp_path / "split.db") as split:
        for spec in specs():
            split.write(extraction(spec))
        got = snapshot(split)
    assert len(got["event_clusters"]) > 1
    assert got == want

"""Exports that stream give the files the whole lists gave, byte for byte: on the shared corpus
through the real pipeline, in SQLite and PostgreSQL, with pages made small enough that every
table is read in many of them (the page sizes of a real store only make the pages fewer)."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.store import pg_server

from newsevents.api import create_app
from newsevents.export import columns_for, paging, presets, rows_for, types_for, write_rows
from newsevents.store import EventFilter, open_store, postgres, streams
from newsevents.store import core as store_core

pytestmark = pytest.mark.model

FILTERS = [EventFilter(), EventFilter(country="SYR"), EventFilter(cameo_root="19", asserted=True)]


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_core, "STREAM_BATCH", 7)
    monkeypatch.setattr(streams, "CLUSTER_PAGE", 5)
    monkeypatch.setattr(postgres, "PAGE_ROWS", 9)


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory: pytest.TempPathFactory, corpus_extractions: list[Any]) -> str:
    path = tmp_path_factory.mktemp("stream") / "corpus.sqlite"
    with open_store(path) as store:
        for extraction in corpus_extractions:
            store.write(extraction)
    return str(path)


@pytest.fixture(scope="module")
def pg_db(pg_url: str, corpus_extractions: list[Any]) -> Iterator[str]:
    with pg_server.schema(pg_url, f"s_{uuid.uuid4().hex[:12]}") as url:
        with open_store(url) as store:
            for extraction in corpus_extractions:
                store.write(extraction)
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db"))


def _whole(store: Any, table: str, filters: EventFilter) -> list[dict[str, Any]]:
    """The rows as the lists gave them before exports streamed."""
    if table == "clusters":
        return store.clusters(filters)
    if table == "events":
        return store.events(filters)
    wanted = {e["article_id"] for e in store.events(filters)}
    key = "id" if table == "articles" else "article_id"
    return [r for r in store.rows(table) if r[key] in wanted]


def _file(rows: Any, fmt: str, table: str, folder: Path) -> bytes:
    path = folder / f"{uuid.uuid4().hex}.{fmt}"
    write_rows(rows, path, fmt, columns_for(table, "native"), types=types_for(table, "native"))
    return path.read_bytes()


@pytest.mark.parametrize("table", ["events", "clusters", "quotes", "articles"])
def test_native_exports_stream_the_files_the_lists_gave(db: str, table: str, tmp_path: Path) -> None:
    with open_store(db, "read") as store:
        for filters in FILTERS:
            if table not in ("events", "clusters") and filters == EventFilter():
                continue  # every row of the table: `rows()` paged it before exports streamed
            whole = _whole(store, table, filters)
            assert whole or filters.cameo_root, (table, filters)
            assert not isinstance(rows_for(store, table, "native", filters), list)
            for fmt in ("csv", "jsonl", "parquet"):
                streamed = _file(rows_for(store, table, "native", filters), fmt, table, tmp_path)
                assert streamed == _file(whole, fmt, table, tmp_path), (table, fmt, filters)


def test_the_streams_read_in_pages_give_every_row_once(db: str) -> None:
    with open_store(db, "read") as store:
        events, clusters = list(store.iter_events()), list(store.iter_clusters())
        assert len(events) > 3 * store_core.STREAM_BATCH and events == store.events()
        assert len(clusters) > 3 * streams.CLUSTER_PAGE and clusters == store.clusters()


@pytest.mark.parametrize("table", ["events", "clusters"])
def test_the_csv_download_streams_the_file_the_list_gave(db: str, table: str) -> None:
    with TestClient(create_app(db), base_url="http://localhost") as client:
        for params in ({}, {"country": "SYR"}, {"cameo_root": "19", "since": "2016-01-01"}):
            response = client.get("/api/export", params={"table": table, **params})
            assert response.status_code == 200, response.text
            assert response.headers["content-disposition"] == f'attachment; filename="newsevents-{table}.csv"'
            filters = EventFilter(country=params.get("country"), cameo_root=params.get("cameo_root"),
                                  date_from=params.get("since"), asserted=True)  # fmt: skip
            with open_store(db, "read") as store:
                whole = _whole(store, table, filters)
            expected = io.StringIO()
            write_rows(whole, expected, "csv", columns_for(table, "native"), types=types_for(table, "native"))
            assert response.content == expected.getvalue().encode("utf-8")
            assert whole or params.get("cameo_root")


def test_a_refused_filter_is_still_a_400_before_anything_is_sent(db: str) -> None:
    with TestClient(create_app(db), base_url="http://localhost") as client:
        response = client.get("/api/export", params={"country": "SYRIA"})
    assert response.status_code in (400, 422), response.text


def _whole_store_pages(store: Any, table: str, filters: Any, size: int | None = None) -> Any:
    """The foreign column sets' reads before they were paged: every row in one page, and a scope
    of every article and every cluster in the store."""
    page = store.clusters(filters) if table == "clusters" else store.events(filters)
    every = [a["id"] for a in store.rows("articles")]
    yield page, paging.Scope(store, every, store.clusters(EventFilter()))


def _preset_file(store: Any, name: str, table: str, filters: EventFilter, folder: Path) -> bytes:
    chosen = presets()[name]
    path = folder / f"{uuid.uuid4().hex}.{chosen.file_format}"
    rows = rows_for(store, table, chosen.columns, filters)
    write_rows(rows, path, chosen.file_format, columns_for(table, chosen.columns, filters),
               header=chosen.header, types=types_for(table, chosen.columns, filters))  # fmt: skip
    return path.read_bytes()


@pytest.mark.parametrize("name", ["gdelt", "plover", "acled", "ucdp"])
def test_foreign_exports_read_page_by_page_give_the_files_the_whole_store_gave(
    db: str, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filters = [EventFilter(), EventFilter(country="SYR"), EventFilter(asserted=False)]
    with open_store(db, "read") as store:
        for table in ("events", "clusters"):
            for chosen in filters:
                monkeypatch.setattr(paging, "PAGE_ROWS", 4)
                paged = _preset_file(store, name, table, chosen, tmp_path)
                with monkeypatch.context() as whole:
                    whole.setattr(paging, "pages", _whole_store_pages)
                    expected = _preset_file(store, name, table, chosen, tmp_path)
                assert paged == expected, (name, table, chosen)
                if chosen.country is None:  # many pages of rows, not a file of a header alone
                    assert expected.count(b"\n") > 8, (name, table, chosen)


def test_a_typed_parquet_file_is_written_a_row_group_at_a_time(
    sqlite_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow.parquet as pq

    from newsevents.export import files

    with open_store(sqlite_db, "read") as store:
        whole = pq.read_table(io.BytesIO(_file(store.events(), "parquet", "events", tmp_path)))
        monkeypatch.setattr(files, "ROW_GROUP_ROWS", 10)
        path = tmp_path / "grouped.parquet"
        streamed = rows_for(store, "events", "native", EventFilter())
        path.write_bytes(_file(streamed, "parquet", "events", tmp_path))
    grouped = pq.ParquetFile(path)
    assert grouped.metadata.num_row_groups == -(-whole.num_rows // 10) > 3
    assert grouped.read().equals(whole) and grouped.schema_arrow == whole.schema

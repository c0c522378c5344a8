"""One typed schema per export: every column set's declared types fix the Parquet schema and the
CSV forms, whatever the rows hold (none, some, events or clusters)."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.store import pg_server

from newsevents.errors import ExportError
from newsevents.export import column_sets, columns_for, rows_for, types_for, write_rows
from newsevents.model import Actor, Article, Event, EventLocation, Evidence, Extraction, Quantity, Quote
from newsevents.store import EventFilter, open_store

TEXT = (
    "Army shells rebels in Idlib\n\n"
    "Syrian troops shelled rebel positions in Idlib on Monday. "
    "Nine people were killed in the shelling, a monitor said.\n"
)


def _span(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence.of(TEXT, start, start + len(needle))


def _extraction(art_id: str, day: str) -> Extraction:
    event = Event(
        Actor("Syrian troops", "Syrian military", "SYRMIL", "SYR", "MIL", _span("Syrian troops")),
        Actor("rebel", "Syrian rebels", "SYRREB", "SYR", "REB", _span("rebel")),
        "194", "19", "ASSAULT", 4, -10.0,
        _span("Syrian troops shelled rebel positions in Idlib on Monday."), _span("shelled"),
        plover_mode="heavy-weapons", date=day, date_precision="day",
        location=EventLocation("Idlib", 35.93, 36.63, "SYR", "city", _span("Idlib")),
    )  # fmt: skip
    killed = Quantity("killed", 9, None, None, "exact", "reported", _span("Nine people were killed"),
                      event_index=0)  # fmt: skip
    quote = Quote(None, "Nine people were killed in the shelling", False, "said",
                  _span("Nine people were killed in the shelling, a monitor said."))  # fmt: skip
    title = "Army shells rebels in Idlib"
    article = Article(id=art_id, text=TEXT, title=title, url=f"https://example.org/{art_id}",
                      source=f"Outlet {art_id}", published=day, title_span=_span(title))  # fmt: skip
    return Extraction(article, (event,), (killed,), (quote,), (), ())


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_store(tmp_path / "typed.db")
    db.write(_extraction("d1", "2016-02-01"))
    db.write(_extraction("d2", "2016-02-02"))
    db.recluster()
    yield db
    db.close()


def _uses() -> list[tuple[str, str]]:
    return [(name, table) for name, cs in column_sets().items() for table in cs.tables]


def _both() -> list[str]:
    return [n for n, cs in column_sets().items() if {"events", "clusters"} <= set(cs.tables)]


def _typed(name: str) -> None:
    if column_sets()[name].types is None:
        pytest.skip(f"the {name} column set declares no types")


@pytest.mark.parametrize(("name", "table"), _uses())
def test_the_declared_types_cover_exactly_the_columns(name: str, table: str) -> None:
    _typed(name)
    types = types_for(table, name)
    assert types is not None and list(types) == columns_for(table, name)


@pytest.mark.parametrize(("name", "table"), _uses())
def test_an_empty_export_has_the_schema_of_a_full_one(store, tmp_path: Path, name: str, table: str) -> None:  # type: ignore[no-untyped-def]
    _typed(name)
    columns, types = columns_for(table, name), types_for(table, name)
    full, empty = tmp_path / "full.parquet", tmp_path / "empty.parquet"
    assert write_rows(rows_for(store, table, name), full, "parquet", columns, types=types) > 0
    nothing = rows_for(store, table, name, EventFilter(country="ZZZ"))
    assert write_rows(nothing, empty, "parquet", columns, types=types) == 0
    assert pq.read_schema(empty) == pq.read_schema(full)
    assert pq.read_schema(full).names == columns


@pytest.mark.parametrize("name", _both())
def test_events_and_clusters_give_a_shared_column_one_type(store, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    _typed(name)
    schemas = {}
    for table in ("events", "clusters"):
        out = tmp_path / f"{table}.parquet"
        write_rows(rows_for(store, table, name), out, "parquet", columns_for(table, name),
                   types=types_for(table, name))  # fmt: skip
        schemas[table] = pq.read_schema(out)
    shared = set(schemas["events"].names) & set(schemas["clusters"].names)
    assert shared
    for column in shared:
        assert schemas["events"].field(column).type == schemas["clusters"].field(column).type, column


def test_quad_class_is_an_integer_in_native_events_and_clusters(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for table in ("events", "clusters"):
        out = tmp_path / f"{table}.parquet"
        write_rows(rows_for(store, table), out, "parquet", columns_for(table), types=types_for(table))
        assert pq.read_schema(out).field("quad_class").type == pa.int64()


@pytest.mark.parametrize("name", ["native", "acled", "ucdp"])
def test_daily_files_append(store, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    days = ("2016-02-01", "2016-02-02", "2016-02-03")  # the third day has no events
    tables = []
    for day in days:
        out = tmp_path / f"{day}.parquet"
        rows = rows_for(store, "clusters", name, EventFilter(date_from=day, date_to=day))
        write_rows(rows, out, "parquet", columns_for("clusters", name), types=types_for("clusters", name))
        tables.append(pq.read_table(out))
    assert [t.num_rows for t in tables] == [1, 1, 0]
    assert pa.concat_tables(tables).num_rows == 2


def test_csv_writes_each_type_in_one_form(tmp_path: Path) -> None:
    out = tmp_path / "typed.csv"
    types = {"n": "INTEGER", "x": "DOUBLE PRECISION", "flag": "BOOLEAN", "name": "TEXT", "tags": "JSON"}
    rows = [
        {"n": 3.0, "x": 3, "flag": 1, "name": "a", "tags": ["x"]},
        {"n": 4, "x": 2.5, "flag": False, "name": "b", "tags": None},
    ]
    assert write_rows(rows, out, "csv", list(types), types=types) == 2
    with out.open(newline="", encoding="utf-8") as fh:
        back = list(csv.DictReader(fh))
    assert [r["n"] for r in back] == ["3", "4"]
    assert [r["x"] for r in back] == ["3.0", "2.5"]
    assert [r["flag"] for r in back] == ["true", "false"]
    assert back[0]["tags"] == '["x"]' and back[1]["tags"] == ""


@pytest.mark.parametrize(
    ("value", "kind"),
    [(2.5, "INTEGER"), ("3", "INTEGER"), (True, "INTEGER"), ("2.5", "DOUBLE PRECISION"), (2, "BOOLEAN"),
     (7, "TEXT")],
)  # fmt: skip
def test_a_misfit_is_an_error_naming_its_column(tmp_path: Path, value: object, kind: str) -> None:
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"bad.{fmt}"
        rows = [{"ok": 1, "bad": None}, {"ok": 2, "bad": value}]
        with pytest.raises(ExportError, match=r"\[E315\] row 2, column 'bad'.*" + kind):
            write_rows(rows, out, fmt, ["ok", "bad"], types={"ok": "INTEGER", "bad": kind})
        assert not out.exists()


def test_an_unknown_declared_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"\[E316\] column 'n': unknown declared type 'NUMBER'"):
        write_rows([{"n": 1}], tmp_path / "x.csv", "csv", ["n"], types={"n": "NUMBER"})


@pytest.fixture
def pg_store(pg_url: str):  # type: ignore[no-untyped-def]
    """The same two articles in a schema of the session's real PostgreSQL server."""
    with pg_server.schema(pg_url, f"t_{uuid.uuid4().hex[:12]}") as scoped, open_store(scoped) as db:
        db.write(_extraction("d1", "2016-02-01"))
        db.write(_extraction("d2", "2016-02-02"))
        db.recluster()
        yield db


@pytest.mark.parametrize(("name", "table"), _uses())
def test_postgres_and_sqlite_exports_share_one_schema(store, pg_store, tmp_path: Path, name: str,  # type: ignore[no-untyped-def]
                                                      table: str) -> None:  # fmt: skip
    _typed(name)
    schemas = []
    for source, db in (("sqlite", store), ("postgres", pg_store)):
        out = tmp_path / f"{source}.parquet"
        assert write_rows(rows_for(db, table, name), out, "parquet", columns_for(table, name),
                          types=types_for(table, name)) > 0  # fmt: skip
        schemas.append(pq.read_schema(out))
    assert schemas[0] == schemas[1]

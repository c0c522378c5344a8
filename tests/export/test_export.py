"""Exports: CSV, JSONL and Parquet read back equal to the rows written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsevents.export import write_rows

ROWS = [
    {
        "article_id": "a1",
        "idx": 0,
        "cameo": "190",
        "goldstein": -10.0,
        "negated": False,
        "date": "2016-02-11",
        "evidence_text": 'He said, "we will fight"\nand left.',
        "lat": 36.2,
        "mentions": [{"start": 0, "end": 6, "text": "Aleppo"}],
    },
    {
        "article_id": "a2",
        "idx": 1,
        "cameo": "0874",
        "goldstein": 5.0,
        "negated": True,
        "date": None,
        "evidence_text": "Réfugiés à Kilis",
        "lat": None,
        "mentions": [],
    },
]
COLUMNS = list(ROWS[0])


def test_csv_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert write_rows(iter(ROWS), out, "csv") == 2
    with out.open(encoding="utf-8", newline="") as fh:
        back = list(csv.DictReader(fh))
    assert list(back[0]) == COLUMNS
    assert back[0]["negated"] == "false" and back[1]["negated"] == "true"
    assert back[1]["date"] == "" and back[1]["lat"] == ""
    assert back[0]["evidence_text"] == ROWS[0]["evidence_text"]
    assert back[1]["evidence_text"] == "Réfugiés à Kilis"
    assert json.loads(back[0]["mentions"]) == ROWS[0]["mentions"]
    assert float(back[0]["goldstein"]) == -10.0 and back[0]["idx"] == "0" and back[1]["cameo"] == "0874"


def test_a_carriage_return_inside_a_cell_stays_inside_its_row(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    rows = [dict(ROWS[0], evidence_text="first line\rsecond line"), ROWS[1]]
    assert write_rows(iter(rows), out, "csv") == 2
    with out.open(encoding="utf-8", newline="") as fh:
        back = list(csv.DictReader(fh))
    assert [row["article_id"] for row in back] == ["a1", "a2"]
    assert back[0]["evidence_text"] == "first line\rsecond line" and float(back[0]["goldstein"]) == -10.0


def test_jsonl_round_trip_to_a_stream() -> None:
    buf = io.StringIO()
    assert write_rows(ROWS, buf, "jsonl") == 2
    lines = buf.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == ROWS
    assert list(json.loads(lines[0])) == COLUMNS


def test_parquet_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert write_rows(ROWS, out, "parquet") == 2
    table = pq.read_table(out)
    assert table.column_names == COLUMNS
    back = table.to_pylist()
    for got, want in zip(back, ROWS, strict=True):
        assert {k: v for k, v in got.items() if k != "mentions"} == {
            k: v for k, v in want.items() if k != "mentions"
        }
        assert json.loads(got["mentions"]) == want["mentions"]
    assert str(table.schema.field("negated").type) == "bool"
    assert str(table.schema.field("idx").type) == "int64"
    assert str(table.schema.field("lat").type) == "double"


def test_stdout_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert write_rows(ROWS[:1], None, "csv") == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ",".join(COLUMNS) and out[1].startswith("a1,0,190,-10.0,false,")


def test_parquet_needs_a_path() -> None:
    with pytest.raises(ValueError, match="Parquet export needs an output file path"):
        write_rows(ROWS, None, "parquet")
    with pytest.raises(ValueError, match="Parquet export needs an output file path"):
        write_rows(ROWS, io.StringIO(), "parquet")


def test_given_columns_set_the_order_and_fill_gaps(tmp_path: Path) -> None:
    buf = io.StringIO()
    write_rows([{"b": 1}, {"a": "x", "b": 2}], buf, "csv", columns=["a", "b"])
    assert buf.getvalue().splitlines() == ["a,b", ",1", "x,2"]
    out = tmp_path / "gaps.parquet"
    write_rows([{"b": 1}, {"a": None, "b": 2.5}], out, "parquet", columns=["a", "b"])
    assert pq.read_table(out).to_pylist() == [{"a": None, "b": 1.0}, {"a": None, "b": 2.5}]


def test_a_row_with_an_unknown_column_is_refused() -> None:
    with pytest.raises(ValueError, match=r"row 2 has column\(s\) \['extra'\]"):
        write_rows([{"a": 1}, {"a": 2, "extra": 3}], io.StringIO(), "jsonl")


def test_mixed_types_in_a_parquet_column_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="column 'a' mixes value types"):
        write_rows([{"a": 1}, {"a": "one"}], tmp_path / "x.parquet", "parquet")


def test_no_rows(tmp_path: Path) -> None:
    buf = io.StringIO()
    assert write_rows([], buf, "csv") == 0 and buf.getvalue() == ""
    assert write_rows([], buf, "csv", columns=["a"]) == 0 and buf.getvalue() == "a\n"
    out = tmp_path / "empty.parquet"
    assert write_rows([], out, "parquet", columns=["a", "b"]) == 0
    assert pq.read_table(out).column_names == ["a", "b"]


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        write_rows(ROWS, io.StringIO(), "xml")  # type: ignore[arg-type]


def test_tsv_has_one_cell_per_column_on_every_line(tmp_path: Path) -> None:
    """GDELT's files are tab-separated and never quoted: a tab or line break inside a cell would
    shift or split the row, so it becomes a space; quote marks stay as written."""
    out = tmp_path / "events.tsv"
    rows = [dict(ROWS[0], evidence_text='He said,\t"we fight"\r\nand left.'), ROWS[1]]
    assert write_rows(iter(rows), out, "tsv") == 2
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) == 4
    cells = [line.split("\t") for line in lines[:-1]]
    assert cells[0] == COLUMNS and all(len(c) == len(COLUMNS) for c in cells)
    assert cells[1][6] == 'He said, "we fight"  and left.'
    assert cells[1][4] == "false" and cells[2][5] == "" and json.loads(cells[1][8]) == ROWS[0]["mentions"]
    with out.open(encoding="utf-8", newline="") as fh:
        back = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert back == cells


def test_a_header_can_be_left_out(tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert write_rows(ROWS, out, "tsv", COLUMNS, header=False) == 2
    assert [line.split("\t")[0] for line in out.read_text(encoding="utf-8").splitlines()] == ["a1", "a2"]
    buf = io.StringIO()
    write_rows(ROWS, buf, "csv", header=False)
    assert buf.getvalue().startswith("a1,0,190,")
    # A format with no header line ignores the option.
    buf = io.StringIO()
    write_rows(ROWS, buf, "jsonl", header=False)
    assert [json.loads(line) for line in buf.getvalue().splitlines()] == ROWS

"""The built-in file formats (CSV, JSON Lines, Parquet) and `write_rows`, which writes any rows
in any registered file format.

`write_rows` is generic over rows (plain dicts with scalar values, and lists or dicts for JSON
columns). What a caller may rely on in every format:

- one column order for the whole file: the `columns` given, else the first row's keys;
- a row missing a column gets an empty value (null); a row with a column not in that order
  is an error, never silently dropped;
- None is an empty field in CSV and null in JSONL and Parquet;
- CSV writes booleans as `true`/`false` and lists/dicts as compact JSON; JSONL keeps them
  nested; Parquet stores them as JSON text so every file has a flat, stable schema;
- in CSV (any `spreadsheet` format), a text cell starting with `=`, `+`, `-`, `@`, a tab or a
  carriage return gets a leading `'`, so a spreadsheet shows it instead of running it as a
  formula (OWASP's advice on CSV injection); numbers, and text that is only a number, are
  left alone. `escape_formulas=False` writes every cell as stored.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import IO, Any

from newsevents.export.registry import FileFormat, file_format
from newsevents.export.target import failures, target


def write_rows(
    rows: Iterable[dict[str, Any]],
    out: Path | IO[str] | None,
    fmt: str,
    columns: Sequence[str] | None = None,
    *,
    overwrite: bool = True,
    escape_formulas: bool = True,
) -> int:
    """Write `rows` to `out` (a path, a text stream, or None for stdout) and return how many.

    CSV and JSONL stream row by row; Parquet needs a file path and builds the table in
    memory. With no rows and no `columns`, CSV writes nothing and Parquet an empty table.
    A path is written through a temporary file renamed into place (`target.py`), so a failed
    export never leaves a truncated file; an existing file is replaced only with `overwrite`
    (else E308), and a path that cannot be written is one ExportError (E307).
    """
    writer = file_format(fmt)
    it = iter(rows)
    first = next(it, None)
    order = list(columns) if columns is not None else (list(first) if first is not None else [])
    stream: Iterator[dict[str, Any]] = chain([first], it) if first is not None else iter(())
    checked = _checked(stream, order)
    if writer.spreadsheet and escape_formulas:
        checked = ([defuse(v) for v in values] for values in checked)
    if writer.needs_path:
        if out is None or not isinstance(out, str | Path):
            name = writer.name.capitalize()
            raise ValueError(f"{name} export needs an output file path, not a stream or standard output")
        with target(Path(out), overwrite, text=False) as path:
            return writer.write(checked, path, order)
    with _text_out(out, overwrite) as handle:
        return writer.write(checked, handle, order)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def defuse(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, with a leading `'`; anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _checked(rows: Iterator[dict[str, Any]], order: list[str]) -> Iterator[list[Any]]:
    """Each row as a list of values in `order`, refusing columns the order does not know."""
    known = set(order)
    for n, row in enumerate(rows, 1):
        extra = [k for k in row if k not in known]
        if extra:
            raise ValueError(f"row {n} has column(s) {extra} not in the export's columns {order}")
        yield [row.get(col) for col in order]


@contextmanager
def _text_out(out: Path | IO[str] | None, overwrite: bool) -> Iterator[IO[str]]:
    if isinstance(out, str | Path):
        # newline="" (in `target`) lets the csv module write its own line endings.
        with target(Path(out), overwrite, text=True) as handle:
            yield handle  # type: ignore[misc]
        return
    stream = sys.stdout if out is None else out
    name = getattr(stream, "name", None)
    with failures("standard output" if name in ("<stdout>", 1) else (name or "the stream")):
        yield stream


def _write_csv(rows: Iterator[list[Any]], handle: IO[str], order: list[str]) -> int:
    """Rows end in "\n"; Python's writer then leaves a bare "\r" in a cell unquoted, and every
    reader splits the row there, so a row holding one is written with every cell quoted."""
    writer = csv.writer(handle, lineterminator="\n")
    quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)
    if order:
        writer.writerow(order)
    count = 0
    for values in rows:
        cells = [_csv_value(v) for v in values]
        (quoted if any(isinstance(c, str) and "\r" in c for c in cells) else writer).writerow(cells)
        count += 1
    return count


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def _write_jsonl(rows: Iterator[list[Any]], handle: IO[str], order: list[str]) -> int:
    count = 0
    for values in rows:
        handle.write(json.dumps(dict(zip(order, values, strict=True)), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_parquet(rows: Iterator[list[Any]], path: Path, order: list[str]) -> int:
    from newsevents.extras import require

    require("parquet", "Parquet output")
    import pyarrow as pa  # imported on use: only Parquet needs it
    import pyarrow.parquet as pq

    data: list[list[Any]] = [[] for _ in order]
    count = 0
    for values in rows:
        for col, value in zip(data, values, strict=True):
            col.append(value)
        count += 1
    arrays, fields = [], []
    for name, values in zip(order, data, strict=True):
        kind = _arrow_kind(name, values)
        if kind == "json":
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        arrow_type = {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64()}.get(kind, pa.string())
        arrays.append(pa.array(values, type=arrow_type))
        fields.append(pa.field(name, arrow_type))
    pq.write_table(pa.Table.from_arrays(arrays, schema=pa.schema(fields)), path)
    return count


def _arrow_kind(name: str, values: list[Any]) -> str:
    """One column type from the values: bool, int, float, str or json (lists and dicts).

    Ints and floats together make float; a column of only nulls is text, so it opens in any
    reader; any other mix is an error naming the column.
    """
    kinds = set()
    for value in values:
        if value is None:
            continue
        if isinstance(value, bool):
            kinds.add("bool")
        elif isinstance(value, int):
            kinds.add("int")
        elif isinstance(value, float):
            kinds.add("float")
        elif isinstance(value, str):
            kinds.add("str")
        elif isinstance(value, list | tuple | dict):
            kinds.add("json")
        else:
            raise ValueError(f"column {name!r}: cannot export a value of type {type(value).__name__}")
    if kinds <= {"int", "float"} and "float" in kinds:
        return "float"
    if len(kinds) > 1:
        raise ValueError(f"column {name!r} mixes value types {sorted(kinds)}")
    return kinds.pop() if kinds else "str"


FILE_FORMATS: tuple[FileFormat, ...] = (
    FileFormat("csv", _write_csv, help="comma-separated, a header line first", spreadsheet=True),
    FileFormat("jsonl", _write_jsonl, help="one JSON object per line"),
    FileFormat("parquet", _write_parquet, needs_path=True, help="one Parquet file (needs -o)"),
)

"""The built-in file formats (CSV, TSV, JSON Lines, Parquet) and `write_rows`, which writes any
rows in any registered file format.

`write_rows` is generic over rows (plain dicts with scalar values, and lists or dicts for JSON
columns). What a caller may rely on in every format:

- one column order for the whole file: the `columns` given, else the first row's keys;
- a row missing a column gets an empty value (null); a row with a column not in that order
  is an error, never silently dropped;
- None is an empty field in CSV and null in JSONL and Parquet;
- CSV writes booleans as `true`/`false` and lists/dicts as compact JSON; JSONL keeps them
  nested; Parquet stores them as JSON text so every file has a flat, stable schema;
- with `types` (each column's declared type, `types_for(table, columns)`), every value is
  checked against its column's type and written in one form: an INTEGER column as a whole
  number (3, never 3.0), a DOUBLE PRECISION column as a float (3.0), a BOOLEAN column as
  true/false; a value that does not fit is an ExportError naming the row and column (E315),
  never a string quietly. Parquet then builds its schema from the types, so an empty export,
  a full one, and the events and clusters tables share one type per column. Columns the types
  leave out (and every column without `types`) take their type from the values;
- TSV writes cells as CSV does but never quotes (GDELT's files have no quoting, and its readers
  split on every tab): a tab, carriage return or line feed inside a cell becomes a space, so
  every line has exactly one cell per column;
- CSV and TSV begin with a header line unless `header=False`;
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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any

from newsevents.errors import ExportError
from newsevents.export.registry import FileFormat, file_format
from newsevents.export.target import failures, target
from newsevents.store.columns import SQL_TYPES

ROW_GROUP_ROWS = 10_000  # Parquet rows written per row group when every column's type is declared


def write_rows(
    rows: Iterable[dict[str, Any]],
    out: Path | IO[str] | None,
    fmt: str,
    columns: Sequence[str] | None = None,
    *,
    overwrite: bool = True,
    escape_formulas: bool = True,
    types: Mapping[str, str] | None = None,
    header: bool = True,
) -> int:
    """Write `rows` to `out` (a path, a text stream, or None for stdout) and return how many.

    CSV and JSONL stream row by row; Parquet needs a file path and is written a row group at
    a time where `types` declares every column (else it builds the table in memory). With no
    rows and no `columns`, CSV writes nothing and Parquet an empty table.
    A path is written through a temporary file renamed into place (`target.py`), so a failed
    export never leaves a truncated file; an existing file is replaced only with `overwrite`
    (else E308), and a path that cannot be written is one ExportError (E307). `header=False`
    leaves out the header line of a format that has one (CSV, TSV). `types` (name
    -> SQL type, `types_for(table, columns)`) fixes each column's type: every value is checked
    against it (E315) and a typed format (Parquet) takes its schema from it.
    """
    writer = file_format(fmt)
    it = iter(rows)
    first = next(it, None)
    order = list(columns) if columns is not None else (list(first) if first is not None else [])
    stream: Iterator[dict[str, Any]] = chain([first], it) if first is not None else iter(())
    declared = _declared(types or {})
    checked = _checked(stream, order)
    if declared:
        checked = _typed(checked, order, declared)
    if writer.spreadsheet and escape_formulas:
        checked = ([defuse(v) for v in values] for values in checked)
    options = {"header": header} if writer.header else {}
    if writer.needs_path:
        if out is None or not isinstance(out, str | Path):
            name = writer.name.capitalize()
            raise ValueError(f"{name} export needs an output file path, not a stream or standard output")
        with target(Path(out), overwrite, text=False) as path:
            return _write(writer, checked, path, order, declared, options)
    with _text_out(out, overwrite) as handle:
        return _write(writer, checked, handle, order, declared, options)


def _write(writer: FileFormat, rows: Iterator[list[Any]], out: Any, order: list[str],
           declared: dict[str, str], options: dict[str, Any]) -> int:
    """A typed format gets the declared types too (those of the columns written), a format
    with a header line the `header` option."""
    if writer.typed:
        return writer.write(rows, out, order, {c: declared[c] for c in order if c in declared}, **options)
    return writer.write(rows, out, order, **options)


def _declared(types: Mapping[str, str]) -> dict[str, str]:
    """The declared types, each checked to be one the store knows (E316 otherwise)."""
    for column, kind in types.items():
        if kind not in SQL_TYPES:
            raise ExportError("E316", column=column, type=kind, known=", ".join(SQL_TYPES))
    return dict(types)


def _typed(rows: Iterator[list[Any]], order: list[str], declared: dict[str, str]) -> Iterator[list[Any]]:
    """Each value in its column's one form, or E315 naming the row and column."""
    kinds = [declared.get(col) for col in order]
    for n, values in enumerate(rows, 1):
        out = []
        for col, kind, value in zip(order, kinds, values, strict=True):
            if value is None or kind is None:
                out.append(value)
                continue
            fitted = _fit(value, kind)
            if fitted is _MISFIT:
                shown = f"{type(value).__name__} {value!r}"[:80]
                raise ExportError("E315", row=n, column=col, value=shown, type=kind)
            out.append(fitted)
        yield out


_MISFIT = object()


def _fit(value: Any, kind: str) -> Any:
    """`value` as the one Python type of `kind`, or _MISFIT. Booleans are never numbers here:
    True in an INTEGER column is a mistake upstream, not a 1. SQLite hands booleans back as
    0/1, so a BOOLEAN column takes those."""
    if kind == "TEXT":
        return value if isinstance(value, str) else _MISFIT
    if kind == "INTEGER":
        if isinstance(value, bool):
            return _MISFIT
        if isinstance(value, int):
            return value
        return int(value) if isinstance(value, float) and value.is_integer() else _MISFIT
    if kind == "DOUBLE PRECISION":
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else _MISFIT
    if kind == "BOOLEAN":
        if isinstance(value, bool):
            return value
        return bool(value) if isinstance(value, int) and value in (0, 1) else _MISFIT
    # JSON: any decoded JSON value (the store decodes JSON columns on the way out).
    return value if isinstance(value, list | tuple | dict | str | int | float | bool) else _MISFIT


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


def _write_csv(rows: Iterator[list[Any]], handle: IO[str], order: list[str], header: bool = True) -> int:
    """Rows end in "\n"; Python's writer then leaves a bare "\r" in a cell unquoted, and every
    reader splits the row there, so a row holding one is written with every cell quoted."""
    writer = csv.writer(handle, lineterminator="\n")
    quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)
    if order and header:
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


_TSV_BREAKS = str.maketrans({"\t": " ", "\r": " ", "\n": " "})


def _write_tsv(rows: Iterator[list[Any]], handle: IO[str], order: list[str], header: bool = True) -> int:
    """One line per row, cells split by tabs and never quoted, as GDELT writes its files."""
    if order and header:
        handle.write("\t".join(_tsv_cell(name) for name in order) + "\n")
    count = 0
    for values in rows:
        handle.write("\t".join(_tsv_cell(v) for v in values) + "\n")
        count += 1
    return count


def _tsv_cell(value: Any) -> str:
    """A cell as CSV writes it, with the characters that would end a cell or a line made spaces."""
    return str(_csv_value(value)).translate(_TSV_BREAKS)


def _write_jsonl(rows: Iterator[list[Any]], handle: IO[str], order: list[str]) -> int:
    count = 0
    for values in rows:
        handle.write(json.dumps(dict(zip(order, values, strict=True)), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_parquet(rows: Iterator[list[Any]], path: Path, order: list[str], types: Mapping[str, str]) -> int:
    """The schema comes from `types` where declared, else from the values (`_arrow_kind`).

    With every column declared, the rows are written a row group of `ROW_GROUP_ROWS` at a time,
    so memory holds one group, not the table; a file of one group is written as before, in one
    call. A column left to its values needs them all before its type is known."""
    from newsevents.extras import require

    require("parquet", "Parquet output")
    import pyarrow.parquet as pq  # imported on use: only Parquet needs it

    size = ROW_GROUP_ROWS if all(name in types for name in order) else None
    first = list(islice(rows, size)) if size else list(rows)
    table = _arrow_table(first, order, types)
    if size is None or len(first) < size:
        pq.write_table(table, path)
        return len(first)
    count = len(first)
    with pq.ParquetWriter(path, table.schema) as writer:
        writer.write_table(table)
        while group := list(islice(rows, size)):
            writer.write_table(_arrow_table(group, order, types))
            count += len(group)
    return count


def _arrow_table(rows: list[list[Any]], order: list[str], types: Mapping[str, str]) -> Any:
    """The rows as one Arrow table, each column of its declared type or its values' type."""
    import pyarrow as pa

    data: list[list[Any]] = [list(col) for col in zip(*rows, strict=True)] if rows else [[] for _ in order]
    arrays, fields = [], []
    for name, values in zip(order, data, strict=True):
        kind = _KIND_OF_TYPE[types[name]] if name in types else _arrow_kind(name, values)
        if kind == "json":
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        arrow_type = {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64()}.get(kind, pa.string())
        arrays.append(pa.array(values, type=arrow_type))
        fields.append(pa.field(name, arrow_type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


_KIND_OF_TYPE = {
    "TEXT": "str", "INTEGER": "int", "DOUBLE PRECISION": "float", "BOOLEAN": "bool", "JSON": "json",
}  # fmt: skip


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
    FileFormat("csv", _write_csv, help="comma-separated, a header line first", spreadsheet=True, header=True),
    FileFormat("tsv", _write_tsv, help="tab-separated, never quoted, a header line first", header=True),
    FileFormat("jsonl", _write_jsonl, help="one JSON object per line"),
    FileFormat("parquet", _write_parquet, needs_path=True, help="one Parquet file (needs -o)", typed=True),
)

"""Export formats by name: file formats (csv, jsonl, parquet, ...) and column sets (native,
gdelt, plover, ...), looked up here by `write_rows`, `rows_for` and the CLI's choices.

The built-ins register the way a user's format would, so a new one needs no change anywhere
else:

    from newsevents.export import FileFormat, register_file_format

    def write_tsv(rows, handle, order):          # rows: value lists in `order`
        ...
        return count
    register_file_format(FileFormat("tsv", write_tsv))   # newsevents export --format tsv

A column set maps stored rows to another vocabulary (`ColumnSet`), for the tables it names.
A preset names a column set written in one file format (`Preset`: `--format gdelt` is the GDELT
columns as headerless TSV), so the command line offers the original's file in one word.
An installed package offers its own by declaring a `FileFormat`, `ColumnSet` or `Preset` object
under the entry-point group `newsevents.exports` (`tsv = "mypackage.formats:TSV"`), so the
command line finds it with no code run first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

Row = dict[str, Any]
# The tables every column set draws from: events and clusters, and the article-level tables.
TABLES: tuple[str, ...] = ("events", "clusters", "quantities", "quotes", "articles")


@dataclass(frozen=True)
class FileFormat:
    """How to write value lists (one per row, in `order`) to a file.

    `write(rows, out, order)` gets a text stream, or with `needs_path` a file path (formats that
    write binary or need the whole table, such as Parquet), and returns how many rows it wrote.
    A `spreadsheet` format (CSV) is opened by spreadsheet programs, which run a text cell that
    starts with `=`, `+`, `-` or `@` as a formula: `write_rows` defuses such cells first.
    A `typed` format (Parquet) stores a schema, so its `write` gets a fourth argument: each
    column's declared type (name -> SQL type, see `ColumnSet.types`), which fixes the schema
    whatever the rows hold, none included.
    A format with a `header` line (CSV, TSV) takes `header=` as a keyword too, so a file can
    leave it out where the original's files have none (GDELT's).
    """

    name: str
    write: Callable[..., int]
    needs_path: bool = False
    help: str = ""
    spreadsheet: bool = False
    typed: bool = False
    header: bool = False


@dataclass(frozen=True)
class ColumnSet:
    """A vocabulary for exported rows: `rows(store, table, filters)` gives them, `columns(table)`
    their order (None where the rows' own keys give it); it applies to `tables` only.

    `types(table)` declares each column's type in the store's vocabulary (`columns.SQL_TYPES`:
    TEXT, INTEGER, DOUBLE PRECISION, BOOLEAN, JSON), so a typed file (Parquet) has the same
    schema whether it holds no rows or a million; None leaves the types to the values.

    An `asserted_only` set is a table analysts sum (GDELT's): unless the filter says otherwise
    (`EventFilter(asserted=False)`), it holds asserted events only, since a negated, hypothetical
    or reported event is no event to count. Its `flag_columns` are appended to `columns(table)`
    when the other events are included, where its own vocabulary has no place for their flags.
    """

    name: str
    rows: Callable[[Any, str, Any], Iterator[Row]]
    columns: Callable[[str], list[str] | None]
    tables: tuple[str, ...] = TABLES
    help: str = ""
    types: Callable[[str], dict[str, str]] | None = None
    asserted_only: bool = False
    flag_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Preset:
    """A column set in one file format under one name: `newsevents export --format NAME`.

    `header` says whether the file begins with a header line (the original's files may have
    none); `--header`/`--no-header` overrides it.
    """

    name: str
    columns: str
    file_format: str
    header: bool = True
    help: str = ""


_FILE_FORMATS: dict[str, FileFormat] = {}
_COLUMN_SETS: dict[str, ColumnSet] = {}
_PRESETS: dict[str, Preset] = {}
_LOADED: set[str] = set()  # non-empty once the built-ins are registered
_LOADING = threading.Lock()  # held while they are


def register_file_format(fmt: FileFormat) -> None:
    """Make `fmt` available by its name (replacing an earlier one of that name)."""
    _builtins()
    _FILE_FORMATS[fmt.name] = fmt


def register_column_set(columns: ColumnSet) -> None:
    """Make a column set available by its name (replacing an earlier one of that name)."""
    _builtins()
    _COLUMN_SETS[columns.name] = columns


def register_preset(preset: Preset) -> None:
    """Make `preset` available by its name, as a choice of `--format` (replacing an earlier one).

    Its name may not be a file format's (`--format` would not know which is meant).
    """
    _builtins()
    if preset.name in _FILE_FORMATS:
        raise ValueError(f"preset {preset.name!r} has the name of a file format")
    _PRESETS[preset.name] = preset


def unregister(name: str) -> None:
    """Forget a file format, column set or preset of this name (a test's, say)."""
    _FILE_FORMATS.pop(name, None)
    _COLUMN_SETS.pop(name, None)
    _PRESETS.pop(name, None)


def file_formats() -> dict[str, FileFormat]:
    """The registered file formats by name, built-ins first, then installed plugins."""
    _builtins()
    plugins = {p.name: p for p in _plugins() if isinstance(p, FileFormat) and p.name not in _FILE_FORMATS}
    return {**_FILE_FORMATS, **plugins}


def column_sets() -> dict[str, ColumnSet]:
    """The registered column sets by name, built-ins first, then installed plugins."""
    _builtins()
    plugins = {p.name: p for p in _plugins() if isinstance(p, ColumnSet) and p.name not in _COLUMN_SETS}
    return {**_COLUMN_SETS, **plugins}


def presets() -> dict[str, Preset]:
    """The registered presets by name, built-ins first, then installed plugins."""
    _builtins()
    taken = set(_PRESETS) | set(file_formats())
    plugins = {p.name: p for p in _plugins() if isinstance(p, Preset) and p.name not in taken}
    return {**_PRESETS, **plugins}


ENTRY_POINT_GROUP = "newsevents.exports"


def _plugins() -> list[object]:
    """The formats and column sets installed packages declare (read each time: installs change)."""
    return [point.load() for point in entry_points(group=ENTRY_POINT_GROUP)]


def file_format(name: str) -> FileFormat:
    """The file format called `name`; ValueError naming the choices otherwise."""
    found = file_formats().get(name)
    if found is None:
        raise ValueError(f"unknown export format {name!r}; choose one of {', '.join(file_formats())}")
    return found


def column_set(table: str, name: str) -> ColumnSet:
    """The column set called `name`, checked to apply to `table`; ValueError otherwise."""
    if table not in TABLES:
        raise ValueError(f"unknown export table {table!r}; choose one of {', '.join(TABLES)}")
    found = column_sets().get(name)
    if found is None:
        raise ValueError(f"unknown column set {name!r}; choose one of {', '.join(column_sets())}")
    if table not in found.tables:
        raise ValueError(f"{name} columns apply to {' and '.join(found.tables)}, not to {table}")
    return found


def _builtins() -> None:
    """Register the built-in formats on first use, not at import. Marked done only once they
    are all there, under a lock: the server's threads may ask at once (the first exports after
    `serve` starts), and one marked done early let the others find an empty registry."""
    if _LOADED:
        return
    with _LOADING:
        if _LOADED:
            return
        from newsevents.export import acled, files, gdelt, native, plover, ucdp

        for fmt in files.FILE_FORMATS:
            _FILE_FORMATS[fmt.name] = fmt
        builtin = (native.COLUMN_SET, gdelt.COLUMN_SET, plover.COLUMN_SET, acled.COLUMN_SET, ucdp.COLUMN_SET)
        for columns in builtin:
            _COLUMN_SETS[columns.name] = columns
        for preset in (gdelt.PRESET, plover.PRESET, acled.PRESET, ucdp.PRESET):
            _PRESETS[preset.name] = preset
        _LOADED.add("builtins")

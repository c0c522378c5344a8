"""The one reader of data files: every entry comes back as a `Record` that knows its file and line.

Dictionaries are written by researchers, not programmers: a typo must point at the exact line
(`verbs.yml:42 -> cameo: unknown CAMEO code '1999'`) when the pipeline is built, not fail later,
mid-corpus. Every data file of the project is read here, in one of four shapes:

    entries(path)          a YAML list, one entry per line:        - {verb: attack, cameo: "190"}
    table(path)            a YAML mapping of keys to entries:      "190": {name: ..., quad: 4}
    sections(path)         a YAML mapping of sections, each a list of entries or a mapping of
                           keys to values:                         countries: [...] / verbs: {say: ...}
    rows(path, columns)    a tab- or comma-separated table with a header row and `#` comments
    cells(path, columns)   the same for large generated tab-separated tables, without a Record
                           per row (the converted PETRARCH dictionaries)

and merged over the shipped files with one rule (`merge`): files are read in order (shipped
first, then the user's, as the settings list them); a later entry with the same identity
replaces the earlier one in place (so the shipped order stands and a new entry comes last);
an entry with `remove: true` (or, in a key-value section, whose value is null) removes the
entry with its identity. Each file's header names its identity.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, overload

import yaml

from newsevents.errors import ResourceError

T = TypeVar("T")
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present


@dataclass(frozen=True)
class Record:
    """One entry of a data file: its values, and where it was written.

    `values` is the entry's mapping (a bare value is `{"value": ...}`); `key` is its key in a
    table or key-value section; `section` the section it was listed under, if any.
    """

    values: Mapping[str, object]
    path: str
    line: int
    section: str | None = None
    key: str | None = None

    @property
    def origin(self) -> str:
        return f"{self.path}:{self.line}"

    def fail(self, what: str, problem: str) -> ResourceError:
        """The one error shape for a bad entry: `file:line -> field: message` (E202)."""
        return ResourceError("E202", detail=f"{self.origin} -> {what}: {problem}")

    def get(self, name: str, default: object = None) -> object:
        return self.values.get(name, default)

    def text(self, name: str, required: bool = True) -> str | None:
        """A non-empty string field; None when absent and not required."""
        value = self.values.get(name)
        if value is None:
            if required:
                raise self.fail(name, "is required")
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool) or not str(value).strip():
            raise self.fail(name, "must be a non-empty string")
        return str(value)

    def texts(self, name: str) -> tuple[str, ...]:
        """A field holding one string or a list of non-empty strings; () when absent."""
        value = self.values.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(name, "must be a string or a list of non-empty strings")
        return tuple(value)

    def pattern(self, name: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        """A required field holding a regular expression, compiled; a bad one names its field."""
        raw = self.text(name)
        try:
            return re.compile(str(raw), flags)
        except re.error as exc:
            raise self.fail(name, f"bad regular expression: {exc}") from exc

    def only(self, allowed: Iterable[str]) -> None:
        """Refuse fields the file format does not define (a misspelt field is a silent no-op otherwise)."""
        unknown = sorted(set(self.values) - set(allowed))
        if unknown:
            raise self.fail(unknown[0], f"unknown field; expected one of {sorted(allowed)}")


def read_text(path: str | Path) -> str:
    """The file's text, or an E202 naming it."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError("E202", detail=f"{path}: cannot read ({exc})") from exc


class _Document:
    """One YAML file composed into nodes, so every value keeps the line it was written on."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.loader = _Loader(read_text(path))
        try:
            self.root = self.loader.get_single_node()
        except yaml.YAMLError as exc:
            raise self._yaml_error(exc) from exc

    def _yaml_error(self, exc: yaml.YAMLError) -> ResourceError:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        return ResourceError("E202", detail=f"{self.path}{line} -> yaml: {problem}")

    def value(self, node: yaml.Node) -> object:
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise self._yaml_error(exc) from exc

    def record(self, node: yaml.Node, section: str | None = None, key: str | None = None) -> Record:
        value = self.value(node)
        values = value if isinstance(value, dict) else {"value": value}
        line = node.start_mark.line + 1
        return Record({str(k): v for k, v in values.items()}, self.path, line, section, key)

    def fail(self, node: yaml.Node | None, what: str, problem: str) -> ResourceError:
        line = node.start_mark.line + 1 if node is not None else 1
        return ResourceError("E202", detail=f"{self.path}:{line} -> {what}: {problem}")

    def close(self) -> None:
        self.loader.dispose()


def _items(doc: _Document, node: yaml.Node, section: str | None) -> Iterator[Record]:
    if not isinstance(node, yaml.SequenceNode):
        raise doc.fail(node, section or "file", "expected a list of entries")
    for item in node.value:
        yield doc.record(item, section)


def entries(path: str | Path) -> list[Record]:
    """A YAML list of entries (one per line), each with its line."""
    doc = _Document(path)
    try:
        return [] if doc.root is None else list(_items(doc, doc.root, None))
    finally:
        doc.close()


def _pairs(doc: _Document, node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise doc.fail(node, what, "expected a mapping")
    return node.value


def table(path: str | Path) -> list[Record]:
    """A YAML mapping of keys to entries (one key per line), each with its key and line."""
    doc = _Document(path)
    try:
        if doc.root is None:
            return []
        return [doc.record(v, None, str(k.value)) for k, v in _pairs(doc, doc.root, "file")]
    finally:
        doc.close()


def sections(path: str | Path, known: Iterable[str] | None = None) -> list[Record]:
    """A YAML mapping of sections: each a list of entries, or a mapping of keys to values.

    With `known`, an unknown section name is an error naming its line. An empty section is
    allowed. Records come in file order, each with its section (and key, in a mapping section).
    """
    doc = _Document(path)
    allowed = None if known is None else list(known)
    try:
        out: list[Record] = []
        for key_node, value_node in [] if doc.root is None else _pairs(doc, doc.root, "file"):
            name = str(key_node.value)
            if allowed is not None and name not in allowed:
                raise doc.fail(key_node, "section", f"unknown section {name!r}; expected one of {allowed}")
            if isinstance(value_node, yaml.ScalarNode) and doc.value(value_node) is None:
                continue
            if isinstance(value_node, yaml.MappingNode):
                out.extend(doc.record(v, name, str(k.value)) for k, v in value_node.value)
            else:
                out.extend(_items(doc, value_node, name))
        return out
    finally:
        doc.close()


def document(path: str | Path) -> object:
    """A YAML file read whole (a settings file, a table of floors), with the reader's error shape."""
    doc = _Document(path)
    try:
        return None if doc.root is None else doc.value(doc.root)
    finally:
        doc.close()


def rows(
    path: str | Path, columns: tuple[str, ...], delimiter: str = "\t", *, strict: bool = False
) -> list[Record]:
    """A delimited table whose first non-comment row names exactly `columns`.

    Short rows are padded with empty cells (optional trailing columns), unless `strict`: then
    every row must have exactly one cell per column.
    """
    out: list[Record] = []
    header_seen = False
    lines = read_text(path).splitlines()
    numbered = [(n, raw) for n, raw in enumerate(lines, 1) if raw.strip() and not raw.startswith("#")]
    # Tabs separate plain cells (a quote mark is text); commas follow CSV's quoting.
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    cells_of = csv.reader((raw for _, raw in numbered), delimiter=delimiter, quoting=quoting)
    for (number, _), cells in zip(numbered, cells_of, strict=True):
        if not header_seen:
            if tuple(c.strip() for c in cells) != columns:
                raise ResourceError("E202", detail=f"{path}:{number} -> header: expected {'/'.join(columns)}")
            header_seen = True
            continue
        if len(cells) > len(columns) or (strict and len(cells) != len(columns)):
            expected = f"{len(columns)} columns" if strict else f"at most {len(columns)} columns"
            raise ResourceError("E202", detail=f"{path}:{number} -> row: expected {expected}")
        cells += [""] * (len(columns) - len(cells))
        out.append(Record(dict(zip(columns, (c.strip() for c in cells), strict=True)), str(path), number))
    return out


def cells(path: str | Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """`rows` for large generated tables: (line, cells) of every row, each with exactly one cell
    per column, without a Record per row.

    The converted dictionaries hold tens of thousands of rows read at every start; a mapping
    per row would cost more than the rest of loading. Cells are tab-separated and not stripped
    (a generated file has no stray spaces). A bad header or row raises E202 naming file:line.
    """
    header_seen = False
    for number, raw in enumerate(read_text(path).split("\n"), 1):
        if not raw or raw.startswith("#"):
            continue
        row = raw.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in row) != columns:
                raise ResourceError("E202", detail=f"{path}:{number} -> header: expected {'/'.join(columns)}")
            header_seen = True
        elif len(row) != len(columns):
            raise ResourceError("E202", detail=f"{path}:{number} -> row: expected {len(columns)} columns")
        else:
            yield number, row


@overload
def merge(records: Iterable[Record], identity: Callable[[Record], Hashable]) -> list[Record]: ...


@overload
def merge(
    records: Iterable[Record], identity: Callable[[Record], Hashable], parse: Callable[[Record], T]
) -> list[T]: ...


def merge(
    records: Iterable[Record],
    identity: Callable[[Record], Hashable],
    parse: Callable[[Record], object] | None = None,
) -> list[object]:
    """The one rule for a user's files over the shipped ones (see the module docstring).

    With `parse`, every entry is parsed (and so checked) as it is read, even one a later file
    replaces, and the merged list holds what `parse` returns.
    """
    merged: dict[Hashable, object] = {}
    for record in records:
        key = identity(record)
        if removes(record):
            merged.pop(key, None)
        else:
            merged[key] = record if parse is None else parse(record)
    return list(merged.values())


def removes(record: Record) -> bool:
    """Whether the entry asks to remove the entry of its identity rather than to add one."""
    if record.get("remove") is True:
        return True
    return record.key is not None and set(record.values) == {"value"} and record.values["value"] is None

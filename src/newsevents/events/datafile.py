"""Reading the event codebooks' data files with line numbers, so every complaint names `file:line`.

Dictionaries are written by researchers, not programmers: a typo must point at the exact line
(`verbs.yml:42 -> cameo: unknown CAMEO code '1999'`) instead of failing later, mid-corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import ResourceError


@dataclass(frozen=True)
class Record:
    """One mapping from a data file, with where it came from."""

    values: dict[str, Any]
    origin: str  # "path:line"

    def fail(self, field: str, problem: str) -> ResourceError:
        """The one error shape for a bad entry: `file:line -> field: message`."""
        return ResourceError("E202", detail=f"{self.origin} -> {field}: {problem}")


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping it builds."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError("E202", detail=f"{path}: cannot read ({exc.strerror})") from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ResourceError("E202", detail=f"{path}{line} -> yaml: {problem}") from exc


def yaml_list(path: Path) -> list[Record]:
    """A YAML file holding a list of mappings (one entry per line), each with its line."""
    data = _load(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise ResourceError("E202", detail=f"{path}:1 -> file: expected a list of entries")
    out = []
    for item in data:
        if not isinstance(item, dict):
            raise ResourceError("E202", detail=f"{path} -> entry: expected a mapping, got {item!r}")
        values = dict(item)
        line = values.pop("__line__", 0)
        out.append(Record(values, f"{path}:{line}"))
    return out


def yaml_table(path: Path) -> dict[str, Record]:
    """A YAML file mapping keys to mappings (one key per line), each with its line."""
    data = _load(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ResourceError("E202", detail=f"{path}:1 -> file: expected a mapping of entries")
    top_line = data.pop("__line__", 1)
    out = {}
    for key, item in data.items():
        if not isinstance(item, dict):
            raise ResourceError("E202", detail=f"{path}:{top_line} -> {key}: expected a mapping")
        values = dict(item)
        line = values.pop("__line__", 0)
        out[str(key)] = Record(values, f"{path}:{line}")
    return out


def tsv_rows(path: Path, columns: tuple[str, ...]) -> list[Record]:
    """A tab-separated file with `#` comments and a header row naming `columns`."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError("E202", detail=f"{path}: cannot read ({exc.strerror})") from exc
    out: list[Record] = []
    header_seen = False
    for number, raw in enumerate(lines, 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != columns:
                raise ResourceError("E202", detail=f"{path}:{number} -> header: expected {'/'.join(columns)}")
            header_seen = True
            continue
        if len(cells) > len(columns):
            raise ResourceError("E202", detail=f"{path}:{number} -> row: more than {len(columns)} columns")
        cells += [""] * (len(columns) - len(cells))
        out.append(Record(dict(zip(columns, (c.strip() for c in cells), strict=True)), f"{path}:{number}"))
    return out

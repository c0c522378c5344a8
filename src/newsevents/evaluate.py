"""Where `newsevents evaluate` finds the gold-set scorers: the repository's `benchmarks` package.

The readers of public gold sets, and the tables that map their labels onto ours, measure the
product but are not part of it, so they are not installed with it (see benchmarks/evaluation).
A source checkout has them beside `src/`; an installed wheel does not, and then the command
says so in one line with a stable code (E403) instead of failing on an import.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsevents.errors import ResourceError

PACKAGE = Path("benchmarks") / "evaluation" / "__init__.py"
# src/newsevents/evaluate.py -> the checkout this source tree belongs to (for an installed
# wheel this is a folder of the Python installation, which holds no benchmarks).
SOURCE_CHECKOUT = Path(__file__).resolve().parents[2]


def benchmarks_root(cwd: Path | None = None) -> Path | None:
    """The checkout holding `benchmarks/evaluation`: the one this source tree sits in first (so the
    scorers match the code being scored), else the working directory; None when neither has it."""
    for root in (SOURCE_CHECKOUT, (cwd or Path.cwd()).resolve()):
        if (root / PACKAGE).is_file():
            return root
    return None


def use_benchmarks(cwd: Path | None = None) -> Path:
    """Make `benchmarks.evaluation` importable and return its checkout.

    Raises ResourceError E403 naming where it looked when no checkout holds it.
    """
    root = benchmarks_root(cwd)
    if root is None:
        here = (cwd or Path.cwd()).resolve()
        raise ResourceError("E403", detail=f"looked in {SOURCE_CHECKOUT} and {here}")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return root

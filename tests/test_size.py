"""The size budget of STYLE.md, kept in the stage and reader packages: no function over 50 lines,
no module over 400, so each part stays small enough to say in one line what it owns."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsevents"
PACKAGES = ("actors", "events", "geo", "quantities", "quotes", "when", "ingest", "nlp")
MAX_FUNCTION_LINES = 50
MAX_MODULE_LINES = 400

MODULES = sorted(p for name in PACKAGES for p in (SRC / name).rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_module_and_functions_within_budget(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= MAX_MODULE_LINES, f"{path.relative_to(SRC)}: {text.count(chr(10))} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{path.relative_to(SRC)}: {long}"

"""Each module of the parse layer imports on its own, in a fresh interpreter.

Importing spaCy's Span or Doc registers spaCy's factories, and ours registers the pipeline's
component, which imports the pipeline, which imports the parse layer: a module of that layer that
imports spaCy's classes at module level then finds itself half-initialised (a circular import that
only a fresh process shows, as `newsevents serve` and its workers start one). The registration
logs the failure instead of raising, so the test reads the process's error output."""

from __future__ import annotations

import subprocess
import sys

import pytest

MODULES = ["newsevents.nlp.parsed", "newsevents.nlp.words", "newsevents.pipeline", "newsevents.api"]


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_alone_in_a_fresh_interpreter(module: str) -> None:
    command = [sys.executable, "-c", f"import {module}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    # the component's registration logs its failure rather than break spaCy's import
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]

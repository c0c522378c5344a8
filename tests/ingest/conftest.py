"""Helpers for the reader's tests: a bounded read, so an input that makes the reader hang fails
its test instead of hanging the suite."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import IO

import pytest

from newsevents.errors import Problem
from newsevents.ingest import read
from newsevents.model import Article
from newsevents.settings import Settings

BOUND_SECONDS = 60.0  # far beyond any honest read in these tests; only a hang reaches it

Reader = Callable[..., list[Article | Problem]]


@pytest.fixture
def read_bounded() -> Reader:
    """read_bounded(paths, stdin=None, **settings) -> every item read, or the test fails when
    the reader has not finished within BOUND_SECONDS (the reading thread is left behind)."""

    def _read(
        paths: Sequence[str], stdin: IO[bytes] | None = None, **settings: object
    ) -> list[Article | Problem]:
        out: list[Article | Problem] = []
        failure: list[BaseException] = []

        def work() -> None:
            try:
                out.extend(read(list(paths), Settings().with_overrides(**settings), stdin=stdin))
            except BaseException as exc:  # handed to the test thread, which raises it
                failure.append(exc)

        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        thread.join(BOUND_SECONDS)
        if thread.is_alive():
            pytest.fail(f"reading {list(paths)} did not finish within {BOUND_SECONDS:.0f} s")
        if failure:
            raise failure[0]
        return out

    return _read

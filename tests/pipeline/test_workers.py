"""Worker processes never outlive the run: the death signal on Linux, the watcher elsewhere."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from newsevents.pipeline.workers import die_with_parent, watch_parent


def test_the_watcher_ends_an_orphan() -> None:
    orphaned = threading.Event()
    watch_parent(os.getppid() + 1_000_000, every=0.01, on_orphan=orphaned.set)  # not our parent
    assert orphaned.wait(timeout=30)


def test_the_watcher_leaves_a_process_whose_parent_lives() -> None:
    orphaned = threading.Event()
    thread = watch_parent(os.getppid(), every=0.01, on_orphan=orphaned.set)
    assert not orphaned.wait(timeout=0.3) and thread.is_alive() and thread.daemon


def _means() -> str:
    return die_with_parent(os.getppid())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_forked_worker_arms_the_death_signal() -> None:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        assert pool.submit(_means).result(timeout=60) == "prctl"

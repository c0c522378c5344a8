"""Worker processes: a bounded queue of batches, results in input order, and workers that never
outlive the run.

Each worker parses *and* runs every stage for its share of the articles and sends back
finished Extractions, so no spaCy Doc ever crosses a process boundary. Batches go out in order,
at most a few per worker at a time, so memory stays flat whatever the corpus size.

A worker must die with the process that started it: a run killed with SIGKILL (an out-of-memory
killer, `kill -9`, a scheduler's timeout) cannot shut its pool down, and orphaned workers would
each keep the model's few hundred megabytes. On Linux a worker asks the kernel for SIGKILL when
its parent goes (`prctl(PR_SET_PDEATHSIG)`); elsewhere a daemon thread in the worker watches
its parent's pid. Workers ignore SIGINT: Ctrl-C in a terminal reaches the whole process group,
and it is the parent's to handle (it stops the workers and reports one line), not each worker's
to answer with a traceback.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from newsevents.errors import Problem
from newsevents.pipeline.batches import Item, Result, extract_batch, failed
from newsevents.settings import Settings

if TYPE_CHECKING:
    from newsevents.pipeline import Pipeline

log = logging.getLogger("newsevents.pipeline")

# Batches queued per worker beyond the one it is working on: enough that a worker never
# waits for the parent, few enough that memory does not grow with the corpus.
AHEAD_PER_WORKER = 2

# From <linux/prctl.h>: deliver a signal to this process when its parent thread dies.
_PR_SET_PDEATHSIG = 1

# How often the portable watcher looks for its parent, in seconds.
_WATCH_EVERY = 1.0

# A worker's pipeline is held in this dict, set once by the pool initializer in each worker
# process; the parent process never writes or reads it.
_WORKER: dict[str, Pipeline] = {}


def die_with_parent(parent: int) -> str:
    """Make this process end when process `parent` does; returns the means used.

    "prctl": the kernel sends SIGKILL when the thread that forked us ends. ProcessPoolExecutor
    starts its workers from the thread that submits the first task (with fork, all at once;
    without, as tasks arrive) and never from its management thread unless `max_tasks_per_child`
    is set, which we do not, so for a run iterated in the main thread that thread lives as long
    as the process. "watch": a daemon thread polls our parent pid where prctl is missing.
    """
    if _set_death_signal(signal.SIGKILL):
        if os.getppid() != parent:  # the parent went before the signal was armed
            os._exit(1)
        return "prctl"
    watch_parent(parent)
    return "watch"


def _set_death_signal(signum: int) -> bool:
    """prctl(PR_SET_PDEATHSIG, signum) through libc; False where there is no such call."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def watch_parent(
    parent: int, every: float = _WATCH_EVERY, on_orphan: Callable[[], object] | None = None
) -> threading.Thread:
    """Start a daemon thread that calls `on_orphan` (by default, ends this process at once) as
    soon as our parent pid is no longer `parent`: an orphan is adopted by another process."""

    def watch() -> None:
        stop = threading.Event()
        while not stop.wait(every):
            if os.getppid() != parent:
                (on_orphan or _exit_now)()
                return

    thread = threading.Thread(target=watch, name="newsevents-parent-watch", daemon=True)
    thread.start()
    return thread


def _exit_now() -> None:
    os._exit(1)


def _init_worker(built: Pipeline | None, settings: Settings, parent: int) -> None:
    """Tie the worker to its parent, leave Ctrl-C to the parent, and give the worker its
    pipeline: inherited from the parent when forked, else built here."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if built is None:
        from newsevents.pipeline import build

        built = build(settings)
    _WORKER["pipeline"] = built


def _work(batch: list[Item]) -> list[Result]:
    return list(extract_batch(batch, _WORKER["pipeline"]))


def pool(built: Pipeline, settings: Settings, workers: int) -> ProcessPoolExecutor:
    """A pool whose workers share the parent's built pipeline where the OS can fork.

    Every stage loads its data when it is built, so forked workers inherit the model,
    dictionaries and gazetteer already in memory (copy-on-write) and start in milliseconds;
    elsewhere each worker builds its own pipeline once, from the settings alone, so a stage
    given only as a `factories` entry must then be named in the settings by a path or plugin.
    """
    if "fork" in multiprocessing.get_all_start_methods():
        context, shared = multiprocessing.get_context("fork"), built
    else:
        context, shared = multiprocessing.get_context("spawn"), None
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(shared, settings, os.getpid())
    )


def run_parallel(
    batches: Iterator[list[Item]], res: Pipeline, settings: Settings, workers: int
) -> Iterator[Result]:
    """Keep every worker busy with a bounded queue of batches; yield results in input order.

    If a worker process dies (killed, out of memory), the batches in flight at that moment are
    reported as E501 problems, a fresh pool is started and the run goes on. If the run ends
    early (Ctrl-C, or the caller stops reading), the workers are stopped at once rather than
    left to finish batches nobody will read.
    """
    pending: deque[tuple[list[Item], Future[list[Result]]]] = deque()
    executor = pool(res, settings, workers)
    finished = False
    try:
        while True:
            while len(pending) < workers * (1 + AHEAD_PER_WORKER):
                batch = next(batches, None)
                if batch is None:
                    break
                pending.append((batch, executor.submit(_work, batch)))
            if not pending:
                finished = True
                return
            batch, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                log.error("a worker process died; its articles are reported and the pool restarted")
                for lost in (batch, *(b for b, _ in pending)):
                    yield from _lost(lost, "worker process died")
                pending.clear()
                _stop(executor, at_once=True)
                executor = pool(res, settings, workers)
            except Exception as exc:  # a result that cannot cross the process boundary
                why = f"{type(exc).__name__}: {exc}"
                log.error("a batch failed in a worker (%s); its articles are reported", why)
                log.debug("traceback of the failed batch", exc_info=True)
                yield from _lost(batch, exc)
    finally:
        _stop(executor, at_once=not finished)


def _stop(executor: ProcessPoolExecutor, at_once: bool) -> None:
    """Shut the pool down; `at_once` kills the workers first instead of waiting for their batches."""
    if at_once:
        processes = getattr(executor, "_processes", None) or {}  # private, but stable since 3.2
        for process in list(processes.values()):
            if process.is_alive():
                process.kill()
    executor.shutdown(wait=True, cancel_futures=True)


def _lost(batch: list[Item], why: BaseException | str) -> Iterator[Result]:
    for item in batch:
        yield item if isinstance(item, Problem) else failed(item, why)


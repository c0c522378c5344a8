"""Measuring a process tree: peak memory (RSS and PSS) and CPU seconds of a process and its workers.

A benchmark of a multi-process pipeline is only honest if it counts every worker, and a fork
shares pages that RSS counts once per process; so the tree is sampled as a whole, with PSS
beside RSS. Without psutil, getrusage gives a rougher answer rather than none.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger("benchmarks.performance")


class TreeMonitor:
    """Samples the RSS, PSS and CPU seconds of a process (this one unless `pid` names another,
    such as a command it started) and all its descendants."""

    def __init__(self, interval: float = 0.2, pid: int | None = None) -> None:
        import psutil

        self.psutil = psutil
        self.me = psutil.Process(pid)
        self.interval = interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.cpu: dict[tuple[int, float], float] = {}
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> TreeMonitor:
        try:
            self.start_cpu = sum(self.me.cpu_times()[:2])
        except self.psutil.NoSuchProcess:  # a command that ended at once
            self.start_cpu = 0.0
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def cpu_seconds(self) -> float:
        own = (self.me.pid, self.me.create_time())
        children = sum(v for k, v in self.cpu.items() if k != own)
        return self.cpu.get(own, self.start_cpu) - self.start_cpu + children

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        self.samples += 1
        full = self.samples % 5 == 1
        rss = pss = 0
        try:
            tree = [self.me, *self.me.children(recursive=True)]
        except self.psutil.NoSuchProcess:  # a watched command has ended: its peak stands
            return
        for proc in tree:
            try:
                with proc.oneshot():
                    key = (proc.pid, proc.create_time())
                    self.cpu[key] = sum(proc.cpu_times()[:2])
                    rss += proc.memory_info().rss
                    if full:  # reading smaps is slow: PSS on every fifth sample only
                        pss += getattr(proc.memory_full_info(), "pss", 0)
            except (self.psutil.NoSuchProcess, self.psutil.AccessDenied):
                continue
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)


class RusageMonitor:
    """Fallback without psutil: getrusage for this process and its reaped children.

    ru_maxrss is the largest single process, not the sum of the tree, so it understates.
    """

    def __enter__(self) -> RusageMonitor:
        import resource

        self.resource = resource
        self.start = self._cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        me = self.resource.getrusage(self.resource.RUSAGE_SELF)
        kids = self.resource.getrusage(self.resource.RUSAGE_CHILDREN)
        self.peak_rss = max(me.ru_maxrss, kids.ru_maxrss) * 1024
        self.peak_pss = 0
        self.end = self._cpu()

    def cpu_seconds(self) -> float:
        return self.end - self.start

    def _cpu(self) -> float:
        r = self.resource
        usage = (r.getrusage(r.RUSAGE_SELF), r.getrusage(r.RUSAGE_CHILDREN))
        return sum(u.ru_utime + u.ru_stime for u in usage)


def monitor() -> TreeMonitor | RusageMonitor:
    try:
        return TreeMonitor()
    except ImportError:
        log.warning("psutil is not installed: memory is the largest single process, not the tree")
        return RusageMonitor()

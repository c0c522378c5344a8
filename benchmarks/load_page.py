"""The section benchmarks/load.py writes into docs/performance.md, and how the two benchmarks
share that page: each owns its own `## ` sections, and writing one never drops the other's.

`replace_section` puts a section in place of the one of the same heading (or at the end);
`keep_section` carries a section of the old page over into a page written afresh, which is
what benchmarks/performance.py does with this one.
"""

from __future__ import annotations

import math
from typing import Any

LOAD_HEADING = "## The API under load"
WHY = """What made it slow, and what changed: every request opened the store (a connection, its \
pragmas and the schema check), and every cluster view, timeline and stats answer read and \
encoded every event and cluster again, in 40 threads that took turns on one interpreter lock, so \
50 concurrent clients queued behind one another. Now each worker thread keeps one SQLite store \
open, and successful answers are kept (bytes, keyed by URL) until SQLite's `PRAGMA data_version` \
says another connection committed, so a store written meanwhile is still read fresh; identical \
requests made at the same moment wait for one answer instead of computing it alongside \
(`src/newsevents/api/cache.py`). Requests with new parameters (an article, a cluster, a page not \
asked for yet) still query the store."""


def percentile(values: list[float], pct: float) -> float:
    """The nearest-rank percentile: the smallest value with at least `pct`% of them at or below it."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def _bounds(text: str, heading: str) -> tuple[int, int] | None:
    """(start, end) of the section under `heading` (to the next `## ` heading or the end)."""
    lines = text.splitlines(keepends=True)
    offset, start = 0, None
    for line in lines:
        if start is None and line.rstrip("\n") == heading:
            start = offset
        elif start is not None and line.startswith("## "):
            return start, offset
        offset += len(line)
    return (start, len(text)) if start is not None else None


def replace_section(text: str, heading: str, section: str) -> str:
    """`text` with the section under `heading` replaced by `section` (added at the end if absent)."""
    found = _bounds(text, heading)
    body = section.rstrip("\n") + "\n"
    if found is None:
        return (text.rstrip("\n") + "\n\n" if text.strip() else "") + body
    start, end = found
    return text[:start] + body + ("\n" if end < len(text) else "") + text[end:]


def keep_section(old: str, new: str, heading: str) -> str:
    """`new` with the section under `heading` of `old` carried over, when `old` has one."""
    found = _bounds(old, heading)
    if found is None:
        return new
    return replace_section(new, heading, old[found[0] : found[1]])


def load_section(loaded: dict[str, Any], sequential: dict[str, Any], info: dict[str, Any]) -> str:
    """The section: how it was measured, the loaded pass's figures and the one-at-a-time pass's."""

    def row(name: str, f: dict[str, Any]) -> str:
        return (f"| {name} | {f['requests']:,} | {f['rps']:.1f} | {f['p50']:.0f} | {f['p95']:.0f} "
                f"| {f['p99']:.0f} | {f['max']:.0f} | {f['errors']} | {f['cpu_ms']:.1f} |")

    lines = [
        LOAD_HEADING,
        "",
        "Written by `benchmarks/load.py`; re-run it rather than edit this section "
        "(benchmarks/performance.py keeps it when it rewrites the page).",
        "",
        f"Command: `{info['command']}`  ",
        f"Date: {info['date']}; {info['cores']} cores; load average (1/5/15 min) {info['load']}  ",
        f"Store: the corpus extracted once ({info['articles']} articles, {info['events']} events), served "
        "by `newsevents serve` in its own process; requests are a fixed mix of every API route "
        "(events and clusters with and without filters, one event, one cluster, timeline, stats, "
        "articles, one article, quotes, quantities) and the dashboard's page.",
        "",
        "| pass | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors "
        "| server CPU ms/request |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        row(f"{info['concurrency']} at a time", loaded),
        row("one at a time", sequential),
        *([row(f"{info['concurrency']} at a time, served from {info['baseline_src']}", info["baseline"])]
          if info.get("baseline") else []),
        "",
        f"Target: p99 under 500 ms with no errors at {info['concurrency']} at a time. The clients "
        f"({loaded['clients']} processes sharing the {info['concurrency']} requests in flight, httpx) run "
        f"on the same machine and used {loaded['client_cpu_ms']:.1f} ms of CPU per request themselves; "
        "the server's CPU time per request is the figure that other work on the machine does not change.",
        "",
        WHY,
    ]
    if loaded["error_kinds"]:
        lines += ["", "Errors: " + ", ".join(f"{k} ({n})" for k, n in sorted(loaded["error_kinds"].items()))]
    return "\n".join(lines) + "\n"

"""Running `newsevents extract` as a user would, and judging its output against the catalogue.

`run_cli` starts the real command in a subprocess, bounded by a timeout (a hang is a failure,
not a stuck CI job), and watches its process tree with psutil, so a worker that outlives its
parent is caught. `judge` compares what one kind produced (problem lines on stderr, rows in the
store) with what its writer said the contract demands. Tests and benchmarks/hostile.py share
both, so the suite and the published table measure the same thing.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from tests.hostile.kinds import Made, Outcome, Stored, build

REPO = Path(__file__).resolve().parents[2]
PROBLEM = re.compile(r"\[E\d{3}\]")
CLI = "import sys; from newsevents.cli import main; sys.exit(main())"
GRACE_S = 10.0  # how long children may take to exit after their parent has


@dataclass
class Run:
    """One finished (or killed) command: exit code, output, and workers that outlived it."""

    args: list[str]
    exit_code: int | None  # None when it was killed for running past the timeout
    stdout: str
    stderr: str
    seconds: float
    leftovers: list[str] = field(default_factory=list)

    @property
    def timed_out(self) -> bool:
        return self.exit_code is None

    @property
    def problem_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if PROBLEM.search(line)]


def command(*args: str) -> list[str]:
    """`newsevents ARGS` run from this checkout's sources by the running interpreter."""
    return [sys.executable, "-c", CLI, *args]


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    env.pop("NEWSEVENTS_LOG", None)
    return env


def run_cli(args: Sequence[str], timeout: float, stdin: Path | None = None,
            during: Callable[[psutil.Process], bool] | None = None) -> Run:
    """Run `newsevents ARGS` to the end or to `timeout` seconds, whichever is first.

    `during(process)` is called while it runs; returning True stops watching (the callback may
    have signalled the process). Output goes through files, so a chatty run cannot fill a pipe.
    """
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            open(stdin or os.devnull, "rb") as feed:  # fmt: skip
        proc = subprocess.Popen(command(*args), stdin=feed, stdout=out, stderr=err, env=environment(),
                                cwd=tempfile.gettempdir(), start_new_session=True)
        seen = _watch(proc, start + timeout, during)
        code = proc.poll()
        if code is None:
            _kill([psutil.Process(proc.pid), *seen.values()])
            proc.wait()
        seconds = time.monotonic() - start
        leftovers = _survivors(seen)
        out.seek(0)
        err.seek(0)
        text_out = out.read().decode("utf-8", "replace")
        text_err = err.read().decode("utf-8", "replace")
    return Run(list(args), code, text_out, text_err, seconds, leftovers)


def _watch(proc: subprocess.Popen[bytes], deadline: float,
           during: Callable[[psutil.Process], bool] | None) -> dict[int, psutil.Process]:
    """Poll until the process exits or the deadline passes, remembering every descendant."""
    seen: dict[int, psutil.Process] = {}
    try:
        parent = psutil.Process(proc.pid)
    except psutil.NoSuchProcess:
        return seen
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            for child in parent.children(recursive=True):
                seen.setdefault(child.pid, child)
        except psutil.NoSuchProcess:
            pass
        if during is not None and during(parent):
            during = None
        time.sleep(0.1)
    return seen


def _survivors(seen: dict[int, psutil.Process]) -> list[str]:
    """Descendants still alive GRACE_S after the parent ended; they are killed once counted."""
    alive = [p for p in seen.values() if p.is_running()]
    _, alive = psutil.wait_procs(alive, timeout=GRACE_S)
    described = [f"pid {p.pid} ({' '.join(p.cmdline()[:3])})" for p in alive if _describable(p)]
    _kill(alive)
    return described


def _describable(proc: psutil.Process) -> bool:
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _kill(procs: Sequence[psutil.Process]) -> None:
    for proc in procs:
        try:
            proc.send_signal(signal.SIGKILL)
        except psutil.NoSuchProcess:
            continue
    psutil.wait_procs(list(procs), timeout=5)


def scratch() -> Path:
    """A fresh folder for a hostile tree, outside pytest's own temporary folders: pytest removes
    those with shutil.rmtree, which recurses and cannot remove a folder 1,200 levels deep."""
    return Path(tempfile.mkdtemp(prefix="newsevents-hostile-"))


def remove_tree(path: Path) -> None:
    """Remove a hostile tree: modes restored first (folders made unreadable), then `rm -rf`,
    which walks any depth without recursing."""
    subprocess.run(["chmod", "-R", "u+rwx", str(path)], capture_output=True, check=False)
    subprocess.run(["rm", "-rf", str(path)], capture_output=True, check=False)


# -- reading the store -------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One stored article: where it came from and what the kinds' checks look at."""

    id: str
    origin: str
    url: str | None
    published: str | None
    values: tuple[int | None, ...]


def stored_rows(db: str) -> list[Row]:
    """Every article in the store at `db` (a SQLite path or a postgresql:// URL)."""
    articles = "SELECT id, origin, url, published FROM articles"
    figures = "SELECT article_id, value FROM quantities"
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as conn:
            found, values = conn.execute(articles).fetchall(), conn.execute(figures).fetchall()
    else:
        import sqlite3

        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            found, values = conn.execute(articles).fetchall(), conn.execute(figures).fetchall()
        finally:
            conn.close()
    by_article: dict[str, list[Any]] = {}
    for article_id, value in values:
        by_article.setdefault(article_id, []).append(value)
    return [Row(i, o or "", u, p, tuple(by_article.get(i, ()))) for i, o, u, p in found]


# -- judging -----------------------------------------------------------------------------------


def under(root: Path, name: str) -> str:
    """The prefix every origin of kind `name` starts with, however its file name is printed."""
    return f"{root}/{name}/"


def judge(root: Path, name: str, made: Made, lines: Sequence[str], rows: Sequence[Row]) -> list[str]:
    """What kind `name` did wrong in a run over `root`: an empty list when it kept the contract."""
    prefix = under(root, name)
    mine = [line for line in lines if prefix in line]
    kept = [row for row in rows if row.origin.startswith(prefix)]
    got = Outcome(len(mine), len(kept))
    wrong = []
    if got not in made.outcomes:
        allowed = " or ".join(f"{o.problems} lines/{o.stored} stored" for o in made.outcomes)
        wrong.append(f"{got.problems} lines/{got.stored} stored, expected {allowed}: {mine}")
    for line in mine:
        codes = set(PROBLEM.findall(line))
        if made.codes and not {c.strip("[]") for c in codes} & made.codes:
            wrong.append(f"line has none of the codes {sorted(made.codes)}: {line}")
        if made.says and made.says not in line:
            wrong.append(f"line does not say {made.says!r}: {line}")
    if made.verify is not None:
        found = Stored(tuple(r.url for r in kept), tuple(r.published for r in kept),
                       tuple(v for r in kept for v in r.values))
        verdict = made.verify(found)
        if verdict:
            wrong.append(verdict)
    return wrong


def stray_lines(root: Path, names: Sequence[str], lines: Sequence[str]) -> list[str]:
    """Problem lines that name no kind's folder: a good article reported, or a line that lost
    the file it is about."""
    prefixes = [under(root, name) for name in names]
    return [line for line in lines if not any(p in line for p in prefixes)]


def odd_lines(stderr: str) -> list[str]:
    """Lines of stderr that are neither a problem line nor one of the command's own lines: what a
    traceback or a message split over several lines leaves behind."""
    return [line for line in stderr.splitlines()
            if line.strip() and not PROBLEM.search(line) and not line.startswith("newsevents: ")]


GOOD = "good"  # the subfolder of real corpus articles in a mixed folder


@dataclass
class MixedRun:
    """A finished run of `extract` over a mixed folder: what each kind made, what was stored."""

    backend: str
    root: Path
    made: dict[str, Made]
    good: int
    run: Run
    rows: list[Row]
    store_error: str | None = None

    def good_stored(self) -> int:
        prefix = under(self.root, GOOD)
        return len({row.origin for row in self.rows if row.origin.startswith(prefix)})

    def got(self, name: str) -> Outcome:
        prefix = under(self.root, name)
        lines = [line for line in self.run.problem_lines if prefix in line]
        return Outcome(len(lines), sum(row.origin.startswith(prefix) for row in self.rows))

    def wrong(self, name: str) -> list[str]:
        return judge(self.root, name, self.made[name], self.run.problem_lines, self.rows)


def copy_articles(corpus: Path, dest: Path, count: int | None = None) -> int:
    """Copy the first `count` (default: every) corpus article, with its sidecar, into `dest`."""
    articles = sorted(corpus.glob("*.txt"))[:count]
    dest.mkdir(parents=True)
    for text in articles:
        for path in (text, text.with_name(text.stem + ".meta.json")):
            if path.exists():
                shutil.copy(path, dest / path.name)
    return len(articles)


def mixed_run(backend: str, root: Path, db: str, names: list[str] | None, corpus: Path,
              count: int | None, timeout: float) -> MixedRun:  # fmt: skip
    """Build the kinds `names` (default: all) under `root` beside `count` corpus articles (default:
    all) in its GOOD subfolder, run extract into `db` and read back what it stored."""
    made = build(root, names)
    good = copy_articles(corpus, root / GOOD, count)
    run = run_cli(["extract", str(root), "--db", db], timeout=timeout)
    try:
        rows, error = stored_rows(db), None
    except Exception as exc:  # the store itself is part of what is judged
        rows, error = [], f"{type(exc).__name__}: {exc}"
    return MixedRun(backend, root, made, good, run, rows, error)

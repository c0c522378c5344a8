"""The hostile-input benchmark: every kind of bad input beside the 88 corpus articles, one run.

Builds a folder holding each kind of the catalogue (tests/hostile/kinds, the same generators the
test suite uses) and the corpus articles, runs `newsevents extract` on it as a user would (on
SQLite, and on PostgreSQL when a throwaway server can be started from the local binaries), and
writes the outcome into the generated section of docs/reliability.md: wall time, exit code,
good articles stored, tracebacks, worker processes left behind, and per kind the problem lines
and stored articles against what the contract demands.

    python -m benchmarks.hostile                # from the repository root
    python -m benchmarks.hostile --no-postgresql --out /tmp/reliability.md
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.hostile.harness import (  # noqa: E402 (the repository root goes on the path first)
    Row,
    Run,
    judge,
    odd_lines,
    remove_tree,
    run_cli,
    scratch,
    stored_rows,
    stray_lines,
    under,
)
from tests.hostile.kinds import KINDS, Made, Outcome, build  # noqa: E402

PAGE = REPO / "docs" / "reliability.md"
START, END = "<!-- hostile-benchmark:start -->", "<!-- hostile-benchmark:end -->"
COMMAND = "python -m benchmarks.hostile"
GOOD = "good"
TIMEOUT_S = 900.0


@dataclass
class Result:
    """One backend's run over the mixed folder."""

    backend: str
    root: Path
    made: dict[str, Made]
    good: int
    run: Run
    rows: list[Row]

    def good_stored(self) -> int:
        prefix = under(self.root, GOOD)
        return len({row.origin for row in self.rows if row.origin.startswith(prefix)})

    def got(self, name: str) -> Outcome:
        prefix = under(self.root, name)
        lines = [line for line in self.run.problem_lines if prefix in line]
        return Outcome(len(lines), sum(row.origin.startswith(prefix) for row in self.rows))

    def wrong(self, name: str) -> list[str]:
        return judge(self.root, name, self.made[name], self.run.problem_lines, self.rows)


def shared() -> Path:
    return Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared"))


def copy_corpus(dest: Path) -> int:
    articles = sorted((shared() / "corpus" / "articles").glob("*.txt"))
    dest.mkdir(parents=True)
    for text in articles:
        for path in (text, text.with_name(text.stem + ".meta.json")):
            if path.exists():
                shutil.copy(path, dest / path.name)
    return len(articles)


def run_backend(backend: str, db_for: object, timeout: float) -> Result:
    """Build the folder, run extract into the store `db_for(base)` names, read what it stored."""
    base = scratch()
    try:
        root = base / "mixed"
        made = build(root)
        good = copy_corpus(root / GOOD)
        db = db_for(base)  # type: ignore[operator]
        run = run_cli(["extract", str(root), "--db", db], timeout=timeout)
        try:
            rows = stored_rows(db)
        except Exception as exc:  # a store that cannot be read is reported, not raised
            print(f"cannot read the {backend} store: {exc}", file=sys.stderr)
            rows = []
        return Result(backend, root, made, good, run, rows)
    finally:
        remove_tree(base)


@contextmanager
def postgresql() -> Iterator[str | None]:
    """The URL of a fresh schema on a throwaway server, or None when none can be started."""
    spec = importlib.util.spec_from_file_location("pg_server", REPO / "tests" / "store" / "pg_server.py")
    assert spec is not None and spec.loader is not None
    pg_server = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pg_server)
    try:
        with pg_server.server() as url, pg_server.schema(url, f"hostile_{uuid.uuid4().hex[:10]}") as schema:
            yield schema
    except pg_server.Unavailable as exc:
        print(f"no PostgreSQL run: {exc}", file=sys.stderr)
        yield None


def summary_table(results: list[Result]) -> list[str]:
    head = "| | " + " | ".join(r.backend for r in results) + " |"
    strays = [stray_lines(r.root, [*r.made, GOOD], r.run.problem_lines) for r in results]
    as_said = [f"{sum(not r.wrong(k) for k in r.made)} of {len(r.made)}" for r in results]
    rows = [
        ("wall time", [f"{r.run.seconds:.1f} s" for r in results]),
        ("exit code (documented: 1, something was skipped)",
         [str(r.run.exit_code) if not r.run.timed_out else "killed at timeout" for r in results]),
        ("good corpus articles stored", [f"{r.good_stored()} of {r.good}" for r in results]),
        ("tracebacks", [str((r.run.stderr + r.run.stdout).count("Traceback")) for r in results]),
        ("lines neither a problem nor a summary", [str(len(odd_lines(r.run.stderr))) for r in results]),
        ("problem lines naming no input", [str(len(s)) for s in strays]),
        ("worker processes left behind", [str(len(r.run.leftovers)) for r in results]),
        ("kinds as the contract says", as_said),
    ]  # fmt: skip
    rule = "|---" * (len(results) + 1) + "|"
    return [head, rule, *(f"| {name} | " + " | ".join(values) + " |" for name, values in rows)]


def kinds_table(results: list[Result]) -> list[str]:
    head = "| kind | group | expected lines / stored | " + " | ".join(r.backend for r in results) + " |"
    lines = [head, "|---" * (3 + len(results)) + "|"]
    for name, kind in KINDS.items():
        made = next((r.made[name] for r in results if name in r.made), None)
        if made is None:
            continue
        expected = " or ".join(f"{o.problems} / {o.stored}" for o in made.outcomes)
        cells = []
        for r in results:
            got = r.got(name)
            cells.append(f"{got.problems} / {got.stored} {'ok' if not r.wrong(name) else '**FAIL**'}")
        lines.append(f"| {name} | {kind.group} | {expected} | " + " | ".join(cells) + " |")
    return lines


def section(results: list[Result]) -> str:
    body = [
        START,
        f"Generated by `{COMMAND}` ({len(KINDS)} kinds of bad input and the corpus articles in one "
        "folder, default settings, every core).",
        "",
        *summary_table(results),
        "",
        "Per kind: problem lines naming the kind's inputs / articles stored from them.",
        "",
        *kinds_table(results),
        END,
    ]
    return "\n".join(body)


def write_page(page: Path, text: str) -> None:
    """Replace the generated section of `page`, leaving the rest of the page as written."""
    old = page.read_text(encoding="utf-8") if page.exists() else f"{START}\n{END}\n"
    if START not in old or END not in old:
        old = old.rstrip() + f"\n\n{START}\n{END}\n"
    before, rest = old.split(START, 1)
    after = rest.split(END, 1)[1]
    page.write_text(before + text + after, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PAGE, help="the page whose generated section is replaced")
    parser.add_argument("--no-postgresql", action="store_true", help="SQLite only")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_S,
                        help="seconds before a run counts as hung")
    args = parser.parse_args(argv)
    results = [run_backend("SQLite", lambda base: str(base / "store.sqlite"), args.timeout)]
    if not args.no_postgresql:
        with postgresql() as url:
            if url is not None:
                results.append(run_backend("PostgreSQL", lambda base: url, args.timeout))
    write_page(args.out, section(results))
    for result in results:
        failed = [name for name in result.made if result.wrong(name)]
        print(f"{result.backend}: exit {result.run.exit_code}, {result.run.seconds:.1f}s, "
              f"good {result.good_stored()}/{result.good}, kinds failing: {', '.join(failed) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

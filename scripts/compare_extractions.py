"""Compare the extraction JSON of the seed and every corpus article between two versions of the code.

A change to the shape of the code (a refactor) must not change what is extracted; a change to
coding must change only what it says it changes. This script makes that checkable:

    python scripts/compare_extractions.py dump OUT_DIR          # this checkout's extractions
    python scripts/compare_extractions.py dump OUT_DIR --ref REV  # those of commit REV (a git worktree)
    python scripts/compare_extractions.py diff BEFORE_DIR AFTER_DIR
    python scripts/compare_extractions.py check --before REV      # dump both, diff, exit 1 on change

Each article's extraction is written as canonical JSON (sorted keys, one file per input file) so
two dumps compare byte for byte; `diff` names each article whose output changed and the first
differing top-level section (events, quantities, quotes, locations, actors, article).
The articles are read from ../shared (or $NEWSEVENTS_SHARED) and never copied into the repo.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("article", "events", "quantities", "quotes", "locations", "actors")


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSEVENTS_SHARED", ROOT.parent / "shared")).resolve()


def inputs(shared: Path) -> list[Path]:
    """The seed and every corpus article, in a fixed order."""
    files = sorted((shared / "seed").glob("*.txt")) + sorted((shared / "corpus" / "articles").glob("*.txt"))
    return [f for f in files if not f.name.endswith(".meta.txt")]


def dump_here(out: Path) -> int:
    """Extract every input with the code importable as `newsevents` and write one JSON file each."""
    from newsevents import ingest, pipeline
    from newsevents.errors import Problem
    from newsevents.settings import load_settings

    settings = load_settings().with_overrides(workers=1)
    out.mkdir(parents=True, exist_ok=True)
    files = inputs(shared_dir())
    # Built once: stages load their data when built. Revisions before the stage registry have no
    # `build` and load (and cache) their resources inside `run`.
    built = (pipeline.build(settings),) if hasattr(pipeline, "build") else ()
    written = 0
    for path in files:
        for result in pipeline.run(ingest.read([str(path)], settings), settings, *built):
            name = path.stem + ".json"
            if isinstance(result, Problem):
                (out / name).write_text(json.dumps({"problem": str(result)}, sort_keys=True) + "\n")
                continue
            data = result.to_dict()
            data["article"].pop("origin", None)
            (out / name).write_text(json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n")
            written += 1
    print(f"wrote {written} extractions of {len(files)} inputs to {out}")
    return 0


def dump_ref(out: Path, ref: str) -> int:
    """Dump with the source tree of commit `ref`, checked out in a temporary git worktree."""
    with tempfile.TemporaryDirectory(prefix="newsevents-ref-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), ref],
                       check=True, capture_output=True)
        try:
            env = dict(os.environ, PYTHONPATH=str(tree / "src"), NEWSEVENTS_SHARED=str(shared_dir()))
            script = Path(__file__).resolve()
            command = [sys.executable, str(script), "dump", str(out)]
            return subprocess.run(command, env=env, check=False).returncode
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           check=False, capture_output=True)


def diff(before: Path, after: Path) -> list[str]:
    """One line per article whose extraction differs, naming the sections that differ."""
    lines = []
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            lines.append(f"{name}: only in {'after' if b.exists() else 'before'}")
            continue
        if a.read_bytes() == b.read_bytes():
            continue
        ja, jb = json.loads(a.read_text()), json.loads(b.read_text())
        changed = [s for s in SECTIONS if ja.get(s) != jb.get(s)] or ["problem"]
        counts = ", ".join(f"{s} {len(ja.get(s) or [])}->{len(jb.get(s) or [])}" for s in changed
                           if isinstance(ja.get(s), list))
        lines.append(f"{name}: {', '.join(changed)} differ" + (f" ({counts})" if counts else ""))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write this checkout's (or --ref's) extractions to OUT_DIR")
    d.add_argument("out", type=Path)
    d.add_argument("--ref", help="a git revision to dump instead of the working tree")
    f = sub.add_parser("diff", help="compare two dumps")
    f.add_argument("before", type=Path)
    f.add_argument("after", type=Path)
    c = sub.add_parser("check", help="dump --before REV and this checkout, then diff them")
    c.add_argument("--before", required=True, help="the git revision to compare against")
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump_ref(args.out, args.ref) if args.ref else dump_here(args.out)
    if args.command == "diff":
        lines = diff(args.before, args.after)
    else:
        with tempfile.TemporaryDirectory(prefix="newsevents-cmp-") as tmp:
            before, after = Path(tmp) / "before", Path(tmp) / "after"
            if dump_ref(before, args.before) or dump_here(after):
                return 2
            lines = diff(before, after)
    for line in lines:
        print(line)
    print(f"{len(lines)} extraction(s) differ")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())

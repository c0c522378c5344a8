"""Time and peak memory of one long article, at several lengths; writes a section of docs/performance.md.

    python benchmarks/long_articles.py                      # 100k, 500k, 1M characters
    python benchmarks/long_articles.py --sizes 200000 --out -

Each length runs in a fresh process, so its peak memory is its own: the article is built by
repeating the body paragraphs of the corpus (../shared/corpus/articles) up to the length, parsed
in windows (`nlp.windows`) and run through every stage. A cost that grows faster than the length
shows as a per-100k figure that rises down the table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"
HEADING = "## Long articles"


def long_text(chars: int, corpus: Path = CORPUS) -> str:
    """A headline, then the corpus's body paragraphs in turn, repeated up to `chars` characters."""
    paragraphs = [
        p.strip()
        for path in sorted(corpus.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")[1:]
        if len(p.strip()) > 80
    ]
    if not paragraphs:
        raise SystemExit(f"no corpus articles in {corpus}; set NEWSEVENTS_SHARED to the shared folder")
    parts, size = ["A very long report from the wars of the corpus"], 0
    while size < chars:
        parts.append(paragraphs[len(parts) % len(paragraphs)])
        size += len(parts[-1]) + 2
    return "\n\n".join(parts)[:chars]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(chars: int) -> dict[str, Any]:
    """One length, in this process: seconds to parse and to run the stages, and peak memory."""
    from newsevents import ingest, pipeline
    from newsevents.nlp.windows import parse
    from newsevents.settings import load_settings

    built = pipeline.build(load_settings())
    article = ingest.article_from_text(long_text(chars))
    before = _peak_mb()
    start = time.perf_counter()
    doc = parse(built.nlp, article.text)
    parsed = time.perf_counter()
    extraction = built.extract_doc(doc, article)
    done = time.perf_counter()
    return {"chars": len(article.text), "tokens": len(doc), "parse_s": parsed - start,
            "stages_s": done - parsed, "base_mb": before, "peak_mb": _peak_mb(),
            "events": len(extraction.events)}  # fmt: skip


def _in_child(chars: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--one", str(chars)], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")})  # fmt: skip
    return json.loads(out.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def render(rows: list[dict[str, Any]]) -> str:
    """The section: how it was measured, then one row per length."""
    lines = [
        HEADING,
        "",
        "One article built by repeating the corpus's body paragraphs, parsed in windows of about",
        "100,000 characters (`nlp/windows.py`) and run through every stage, one process per length",
        "(`python benchmarks/long_articles.py`). Peak memory is the process's, model included; the",
        "model and stages alone, before the article, are the figure in brackets.",
        "",
        "| characters | tokens | parse | stages | per 100k characters | events | peak memory (before) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        per = (r["parse_s"] + r["stages_s"]) / (r["chars"] / 100_000)
        lines.append(
            f"| {r['chars']:,} | {r['tokens']:,} | {r['parse_s']:.1f} s | {r['stages_s']:.1f} s | "
            f"{per:.1f} s | {r['events']:,} | {r['peak_mb']:,.0f} MB ({r['base_mb']:,.0f} MB) |"
        )
    lines += ["", "Articles over `max_article_chars` (2,000,000 by default) are refused with E502.", ""]
    return "\n".join(lines)


def with_section(page: str, section: str, heading: str = HEADING) -> str:
    """`page` with the section under `heading` replaced by `section` (added at the end if absent);
    every other section is kept as it was."""
    start = page.find(heading + "\n")
    if start < 0:
        return page.rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n"
    end = page.find("\n## ", start + len(heading))
    rest = page[end + 1 :] if end >= 0 else ""
    return page[:start] + section.rstrip("\n") + "\n" + ("\n" + rest if rest else "")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="100000,500000,1000000", help="comma-separated lengths in characters")
    p.add_argument("--out", default=str(REPO / "docs" / "performance.md"), help="page to update, - for none")
    p.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: measure one length
    args = p.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    rows = [_in_child(int(n)) for n in args.sizes.split(",")]
    section = render(rows)
    print(section)
    if args.out != "-":
        path = Path(args.out)
        path.write_text(with_section(path.read_text(encoding="utf-8"), section), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Articles longer than spaCy's one-text limit (1,000,000 characters): parsed in windows up to
`max_article_chars`, refused in one line above it, and never at the cost of their batch."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsevents
from newsevents.store import open_store

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"

pytestmark = pytest.mark.model
SRC = Path(newsevents.__file__).resolve().parents[1]  # the tree under test, for the child process


def extract(*args: str) -> subprocess.CompletedProcess[str]:
    """`newsevents extract ARGS` in a process of its own, bounded so that a hang fails the test."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "newsevents.cli", "extract", *args], env=env,
                          capture_output=True, text=True, timeout=600)

# The last paragraph, whose events the last parse window must find at the right offsets.
LAST = (
    "Riyadh: Three civilians were killed in the south of Saudi Arabia by a missile launched "
    "from Yemen by the Houthi militia, Saudi state media reported on Saturday night."
)


def _long_text(chars: int) -> tuple[str, int]:
    """A headline, real paragraphs, rule lines up to `chars`, then LAST; and LAST's offset.

    The rule lines ("~~~~", one token each) make the article long without making the test
    slow: the parser's cost is per token, spaCy's length limit per character.
    """
    body = (CORPUS / "003.txt").read_text(encoding="utf-8").split("\n\n", 1)[1].strip()
    head = f"A very long report from Yemen\n\n{body}\n\n"
    rule = "~" * 998 + "\n\n"
    rules = rule * ((chars - len(head) - len(LAST)) // len(rule) + 1)
    text = head + rules + LAST + "\n"
    return text, text.index(LAST)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """001.txt, the 1.2 M-character article, 002.txt: in this order, in one batch."""
    root = tmp_path_factory.mktemp("long")
    shutil.copy(CORPUS / "001.txt", root / "a_first.txt")
    text, last = _long_text(1_200_000)
    (root / "b_long.txt").write_text(text, encoding="utf-8")
    shutil.copy(CORPUS / "002.txt", root / "c_last.txt")
    return root, last


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_over_a_million_characters_is_parsed_in_windows(folder, workers, tmp_path) -> None:
    root, last = folder
    db = tmp_path / "x.sqlite"
    result = extract(str(root), "--db", str(db), "--workers", workers, "--format", "jsonl", "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = [json.loads(line) for line in result.stdout.splitlines()]
    texts = [x["article"]["text"] for x in out]
    assert texts == [(root / name).read_text(encoding="utf-8") for name in sorted(os.listdir(root))]
    store = open_store(db)
    try:
        assert all(store.has(x["article"]["id"]) for x in out)
    finally:
        store.close()
    long = out[1]
    text = long["article"]["text"]
    assert len(text) > 1_000_000
    late = [e for e in long["events"] if e["trigger"]["start"] >= last]
    assert late, "no event found in the last window"
    words = set(LAST.replace(",", " ").replace(".", " ").split())
    for event in late:
        trigger, evidence = event["trigger"], event["evidence"]
        # offsets shifted by a window would cut words: the trigger is whole words of LAST
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
        assert set(trigger["text"].split()) <= words, trigger
        assert evidence["text"] in LAST and evidence["start"] >= last


def test_an_article_over_the_limit_is_one_line(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(CORPUS / "001.txt", root / "a_first.txt")
    (root / "b_long.txt").write_text(_long_text(60_000)[0], encoding="utf-8")
    config = tmp_path / "settings.yml"
    config.write_text("max_article_chars: 50000\n", encoding="utf-8")
    db = tmp_path / "x.sqlite"
    result = extract(str(root), "--db", str(db), "--workers", "1", "--config", str(config))
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines  # the refusal, then the summary
    assert lines[0].startswith(f"{root / 'b_long.txt'}: [E502] article is too long (60,")
    assert "max_article_chars" in lines[0]
    assert "stored 1;" in lines[1] and "skipped 1 (1 E502)" in lines[1]

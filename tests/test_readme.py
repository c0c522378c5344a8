"""Every example in the README's Use section returns results on the shared corpus.

The commands are read from the README itself (its first `sh` block under "## Use", and the
Python block after it) and run as a user would, in order, in a folder holding what they name:
`article.txt` (the seed article), `corpus/` (the shared corpus articles) and `feed.jsonl` (a few
of them as JSON Lines). Each must succeed and give something: events printed, rows listed or
exported, events served.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"
FEED_ARTICLES = 3

pytestmark = pytest.mark.model


def use_section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Use\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", use_section(), flags=re.S)


def commands() -> list[str]:
    """The shell lines of the first sh block, comments dropped; activating the virtualenv is
    the setup the test's own PATH does."""
    found = []
    for line in blocks("sh")[0].splitlines():
        command = re.split(r"\s+#", line, maxsplit=1)[0].strip()
        if command and not command.startswith(". ") and not command.startswith("#"):
            found.append(command)
    return found


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    """A folder with article.txt, corpus/ and feed.jsonl, and `newsevents` first on the PATH."""
    work = tmp_path_factory.mktemp("readme")
    shutil.copy(seed_path, work / "article.txt")
    shutil.copytree(CORPUS, work / "corpus")
    lines = []
    for path in sorted(CORPUS.glob("*.txt"))[:FEED_ARTICLES]:
        side = path.with_name(path.stem + ".meta.json")
        meta = json.loads(side.read_text(encoding="utf-8")) if side.exists() else {}
        lines.append(json.dumps({**meta, "text": path.read_text(encoding="utf-8")}))
    (work / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bin_dir = work / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "newsevents"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newsevents.cli "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return work


def environment(work: Path) -> dict[str, str]:
    src = str(REPO / "src")
    return {**os.environ, "PATH": f"{work / '.bin'}{os.pathsep}{os.environ['PATH']}",
            "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def served_events(command: str, work: Path) -> int:
    """Start `serve` on a free port (the README's default may be taken), ask the API for events,
    stop it; the number of events it reports."""
    port = free_port()
    proc = subprocess.Popen(["/bin/sh", "-c", f"exec {command} --port {port}"], cwd=work,
                            env=environment(work), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.communicate()[1]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events", timeout=5) as answer:
                    return int(json.load(answer)["total"])
            except OSError:
                time.sleep(0.5)
        raise AssertionError("serve did not answer within 120 s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def watched_articles(command: str, work: Path) -> int:
    """Start `watch` on its folder, drop an article it has not seen into it (the seed, which the
    corpus does not hold), and wait until the store has it; stop it with Ctrl-C. How many
    articles the store gained."""
    import signal
    import sqlite3

    words = shlex.split(command)
    folder, db = work / words[2], work / words[words.index("--db") + 1]
    folder.mkdir(exist_ok=True)

    def count() -> int:
        if not db.exists():
            return 0
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    before = count()
    proc = subprocess.Popen(["/bin/sh", "-c", f"exec {command}"], cwd=work, env=environment(work),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        shutil.copy(work / "article.txt", folder / "arrived.txt")
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and count() == before:
            assert proc.poll() is None, proc.communicate()[1]
            time.sleep(0.5)
        return count() - before
    finally:
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
        assert "Traceback" not in stderr, stderr


def check_output(command: str, stdout: str, stderr: str, work: Path) -> None:
    """That the command gave results, judged by what kind of command it is."""
    words = shlex.split(command.split("|")[-1])
    sub = words[1]
    if sub == "extract" and "--format" in words:
        fmt = words[words.index("--format") + 1]
        records = [json.loads(stdout)] if fmt == "json" else [json.loads(x) for x in stdout.splitlines()]
        assert records and sum(len(r["events"]) for r in records) > 0, command
    elif sub == "extract":
        assert re.search(r"stored [1-9]", stderr), (command, stderr)
    elif sub == "show":
        assert re.search(r"newsevents: [1-9]\d* (event clusters|events)", stderr), (command, stderr)
        assert stdout.count("\n") > 4, stdout
    elif sub == "export" and "-o" in words:
        out = work / words[words.index("-o") + 1]
        if out.suffix == ".parquet":
            import pyarrow.parquet as pq

            assert pq.read_table(out).num_rows > 0, command
        else:
            assert len(out.read_text(encoding="utf-8").splitlines()) > 1, command
    else:
        assert stdout.strip(), command


def test_the_use_section_has_the_commands_it_promises() -> None:
    subcommands = [shlex.split(c.split("|")[-1])[1] for c in commands()]
    assert {"extract", "show", "export", "serve"} <= set(subcommands), subcommands
    assert blocks("python"), "the Use section shows Python"


def test_every_command_returns_results_on_the_corpus(folder: Path) -> None:
    for command in commands():
        if shlex.split(command.split("|")[-1])[1] == "serve":
            assert served_events(command, folder) > 0, command
            continue
        if shlex.split(command.split("|")[-1])[1] == "watch":
            assert watched_articles(command, folder) == 1, command
            continue
        done = subprocess.run(["/bin/sh", "-c", command], cwd=folder, env=environment(folder),
                              capture_output=True, text=True, timeout=900, check=False)
        assert done.returncode == 0, (command, done.stderr)
        assert "Traceback" not in done.stderr
        check_output(command, done.stdout, done.stderr, folder)


def test_every_python_example_runs_and_prints(folder: Path) -> None:
    for code in blocks("python"):
        done = subprocess.run([sys.executable, "-c", code], cwd=folder, env=environment(folder),
                              capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip()

"""`newsevents extract` as a process: one line per failed article (tracebacks behind --verbose or
in --log-file), workers that die with it, and Ctrl-C that ends it in one line."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import psutil
import pytest
from click.testing import CliRunner

import newsevents
from newsevents.cli.common import EXIT_INTERRUPTED, EXIT_RESOURCE, reports_errors
from newsevents.settings import load_settings

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
CORPUS = SHARED / "corpus" / "articles"
SRC = Path(newsevents.__file__).resolve().parents[1]  # the tree under test, for the child process

pytestmark = pytest.mark.model

# A stage with a bug: it raises on one article, 001.txt.
BROKEN_STAGE = '''
class Broken:
    name = "broken"
    needs = ()
    sets = ()

    @classmethod
    def from_settings(cls, section, context):
        return cls()

    def __call__(self, parsed, found):
        if (parsed.article.origin or "").endswith("001.txt"):
            raise RuntimeError("broken on purpose")
        return found
'''


def _env(*paths: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in (SRC, *paths))}


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsevents.cli", "extract", *args]


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(folder of three articles; settings adding the broken stage; the folder of its module)."""
    root = tmp_path_factory.mktemp("broken")
    (root / "broken_stage.py").write_text(BROKEN_STAGE, encoding="utf-8")
    articles = root / "in"
    articles.mkdir()
    for name in ("001.txt", "004.txt", "005.txt"):
        shutil.copy(CORPUS / name, articles / name)
    config = root / "settings.yml"
    stages = ", ".join(load_settings().pipeline)
    config.write_text(f'pipeline: [{stages}, "broken_stage:Broken"]\n', encoding="utf-8")
    return articles, config, root


def _failures(broken: tuple[Path, Path, Path], tmp_path: Path, *extra: str
              ) -> subprocess.CompletedProcess[str]:
    articles, config, root = broken
    args = _command(str(articles), "--config", str(config), "--db", str(tmp_path / "x.sqlite"), *extra)
    return subprocess.run(args, env=_env(root), capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_failed_article_is_one_line_without_a_traceback(broken, tmp_path, workers) -> None:
    result = _failures(broken, tmp_path, "--workers", workers)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    failed = [line for line in result.stderr.splitlines() if "[E501]" in line]
    assert len(failed) == 1 and "001.txt" in failed[0] and "RuntimeError: broken on purpose" in failed[0]
    assert len(result.stderr.splitlines()) == 2, result.stderr  # the failure, then the summary
    assert "stored 2;" in result.stderr


def test_verbose_shows_the_traceback_and_the_log_file_keeps_it(broken, tmp_path) -> None:
    log = tmp_path / "run.log"
    result = _failures(broken, tmp_path, "--workers", "2", "--verbose", "--log-file", str(log))
    assert "Traceback" in result.stderr and "broken on purpose" in result.stderr
    assert "[E501]" in result.stderr
    kept = log.read_text(encoding="utf-8")
    assert "Traceback" in kept and 'raise RuntimeError("broken on purpose")' in kept and "001.txt" in kept


def test_the_log_file_alone_leaves_the_screen_one_line_per_article(broken, tmp_path) -> None:
    log = tmp_path / "run.log"
    result = _failures(broken, tmp_path, "--workers", "1", "--log-file", str(log))
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 2
    assert "Traceback" in log.read_text(encoding="utf-8")


def _children(proc: psutil.Process, count: int) -> list[psutil.Process]:
    """The process's children once there are `count` of them (waiting at most a minute)."""
    for _ in range(600):
        found = proc.children(recursive=True)
        if len(found) >= count:
            return found
        time.sleep(0.1)
    raise AssertionError(f"no {count} worker processes after a minute: {proc.children(recursive=True)}")


def _gone(processes: list[psutil.Process]) -> list[int]:
    """The pids of `processes` still running after at most ten seconds (then they are killed)."""
    _, alive = psutil.wait_procs(processes, timeout=10)
    for process in alive:
        process.kill()  # never leave a worker behind, whatever the test finds
    return [p.pid for p in alive]


def _start(folder: Path, tmp_path: Path, *extra: str) -> tuple[subprocess.Popen[bytes], Path]:
    """`extract FOLDER --workers 2` in a session of its own; stderr to a file, which orphaned
    workers could otherwise hold open as a pipe."""
    errors = tmp_path / "stderr.txt"
    with errors.open("wb") as sink:
        proc = subprocess.Popen(
            _command(str(folder), "--workers", "2", "--db", str(tmp_path / "x.sqlite"), *extra),
            env=_env(), stdout=subprocess.DEVNULL, stderr=sink, start_new_session=True,
        )
    return proc, errors


def test_workers_die_when_extract_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder)
    proc, _ = _start(folder, tmp_path)
    try:
        workers = _children(psutil.Process(proc.pid), 2)
    finally:
        proc.kill()  # SIGKILL: no chance to shut the pool down
        proc.wait(timeout=30)
    assert _gone(workers) == []


def _long_text(chars: int) -> str:
    """A headline and real corpus paragraphs, repeated up to `chars` characters."""
    paragraphs = [
        p.strip()
        for path in sorted(CORPUS.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")[1:]
        if len(p.strip()) > 80
    ]
    parts, size = ["A very long report from Syria"], 0
    while size < chars:
        parts.append(paragraphs[len(parts) % len(paragraphs)])
        size += len(parts[-1]) + 2
    return "\n\n".join(parts) + "\n"


def test_ctrl_c_ends_extract_in_one_line_and_stops_the_workers_at_once(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group. A worker busy with a long article (minutes of
    work) is stopped, not waited for: the run ends well within the bound below."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_long.txt").write_text(_long_text(900_000), encoding="utf-8")
    for name in ("001.txt", "002.txt"):
        shutil.copy(CORPUS / name, folder / name)
    proc, errors = _start(folder, tmp_path, "--batch-size", "4")
    workers = _children(psutil.Process(proc.pid), 2)
    time.sleep(3)  # the workers are at work
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    finally:
        left = _gone(workers)
    stderr = errors.read_text(encoding="utf-8")
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert stderr.splitlines()[-1].startswith("newsevents: interrupted; every article reported as stored")
    assert sum("interrupted" in line for line in stderr.splitlines()) == 1
    assert proc.returncode == 1 and left == []


def test_ctrl_c_before_the_run_is_one_line_and_the_interrupted_code() -> None:
    """Ctrl-C while the model loads (before extract's own handling) is one line too."""

    @click.command()
    @reports_errors(EXIT_RESOURCE, prefix="newsevents: ")
    def loading() -> None:
        raise KeyboardInterrupt

    result = CliRunner().invoke(loading, [])
    assert result.exit_code == EXIT_INTERRUPTED
    assert result.stderr == "newsevents: interrupted\n"

"""`newsevents extract` as a process: one line per failed article (tracebacks behind --verbose or
in --log-file), workers that die with it, and Ctrl-C that ends it in one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsevents
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

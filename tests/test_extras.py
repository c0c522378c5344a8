"""Optional extras: the core install works without any of them, and using a feature whose extra is
missing is one E206 line naming the `pip install` that adds it, never a traceback.

"Missing" is made real in a process of its own: a finder placed first on `sys.meta_path` refuses
the named top-level modules as an uninstalled package would (ModuleNotFoundError), whatever the
test environment has installed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newsevents.cli.common import reports_errors
from newsevents.errors import MissingExtraError
from newsevents.extras import EXTRAS, extra_of, require

SRC = Path(__file__).resolve().parents[1] / "src"
# Every module an extra provides that the core does not pull in itself (spaCy brings pydantic).
OPTIONAL = sorted({m for modules in EXTRAS.values() for m in modules} - {"pydantic"})
WITHOUT = """
import sys

class Uninstalled:
    def __init__(self, names):
        self.names = names

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, Uninstalled(set(sys.argv.pop(1).split(","))))
{body}
"""
CLI = "from newsevents.cli import main\nmain(prog_name='newsevents')"


def without(modules: list[str] | str, *args: str, body: str = CLI, cwd: Path | None = None
            ) -> subprocess.CompletedProcess[str]:
    """Run `body` (the command line by default, with `args`) where `modules` cannot be imported."""
    names = modules if isinstance(modules, str) else ",".join(modules)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    script = WITHOUT.replace("{body}", body)
    return subprocess.run([sys.executable, "-c", script, names, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def one_hint(proc: subprocess.CompletedProcess[str], extra: str, module: str, code: int, prefix: str) -> str:
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    (line,) = proc.stderr.splitlines()
    assert line.startswith(prefix + "[E206] ")
    install = f"pip install 'newsevents[{extra}]'"
    assert line.endswith(f"needs the {extra} extra ({module} is not installed): {install}")
    return line


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    """A store of the seed article, written by a core install (every optional module refused)."""
    folder = tmp_path_factory.mktemp("core")
    db = folder / "events.sqlite"
    proc = without(OPTIONAL, "extract", str(seed_path), "--db", str(db), "-q", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.mark.model
def test_the_core_install_extracts_shows_and_exports_csv_and_jsonl(store: Path, tmp_path: Path) -> None:
    shown = without(OPTIONAL, "show", "--db", str(store), "--view", "events")
    assert shown.returncode == 0, shown.stderr
    assert "SYR" in shown.stdout
    for fmt in ("csv", "jsonl"):
        out = tmp_path / f"events.{fmt}"
        args = ["export", "--db", str(store), "--format", fmt, "--table", "events", "-o", str(out)]
        done = without(OPTIONAL, *args)
        assert done.returncode == 0, done.stderr
        assert len(out.read_text(encoding="utf-8").splitlines()) > 1


def test_every_core_module_imports_without_the_extras() -> None:
    """Optional packages are imported on use: nothing of the core imports one when it is loaded."""
    body = """
import importlib, pkgutil
import newsevents
owned = ("newsevents.api", "newsevents.store.postgres", "newsevents.distributed")
names = [m.name for m in pkgutil.walk_packages(newsevents.__path__, "newsevents.")]
for name in names:
    if not name.startswith(owned):
        importlib.import_module(name)
print(len(names))
"""
    proc = without(OPTIONAL, body=body)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) > 50


@pytest.mark.model
@pytest.mark.parametrize("module", ["pyarrow"])
def test_parquet_without_its_extra(store: Path, tmp_path: Path, module: str) -> None:
    out = tmp_path / "events.parquet"
    proc = without(module, "export", "--db", str(store), "--format", "parquet", "-o", str(out))
    line = one_hint(proc, "parquet", module, 1, "Error: ")
    assert "Parquet output" in line
    assert list(tmp_path.iterdir()) == []  # no file, not even a temporary one


@pytest.mark.model
@pytest.mark.parametrize("module", ["fastapi", "uvicorn"])
def test_serve_without_its_extra(store: Path, module: str) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = str(sock.getsockname()[1])
    proc = without(module, "serve", "--db", str(store), "--port", port)
    assert one_hint(proc, "server", module, 1, "Error: ").startswith("Error: [E206] serve needs")


@pytest.mark.parametrize("command", ["extract", "show"])
def test_a_postgresql_store_without_its_extra(command: str, tmp_path: Path) -> None:
    url = "postgresql://reader:secret@127.0.0.1:9/events"
    args = [command, "--db", url] + ([str(tmp_path / "missing.txt")] if command == "extract" else [])
    proc = without("psycopg", *args)
    code, prefix = (3, "newsevents: ") if command == "extract" else (1, "Error: ")
    line = one_hint(proc, "postgres", "psycopg", code, prefix)
    assert "the store postgresql://..." in line and "secret" not in line


@pytest.mark.parametrize("module", ["dask", "distributed"])
def test_the_dask_engine_without_its_extra(module: str, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Rebels attacked a convoy in Mali."}\n', encoding="utf-8")
    out = tmp_path / "out"
    proc = without(module, "extract", str(feed), "--engine", "dask", "--no-db", "--out", str(out))
    assert one_hint(proc, "dask", module, 3, "newsevents: ").startswith("newsevents: [E206] the Dask engine")
    assert not out.exists()


def test_pandas_without_its_extra() -> None:
    body = """
from newsevents.extras import require
try:
    require("pandas", "to_pandas")
except ImportError as exc:
    print(exc)
"""
    proc = without("pandas", body=body)
    assert proc.stdout == "[E206] to_pandas needs the pandas extra (pandas is not installed): " \
                          "pip install 'newsevents[pandas]'\n"


def test_require_passes_when_the_extra_is_installed() -> None:
    require("postgres", "a test")  # the test environment installs every extra


def test_extra_of_maps_modules_to_the_smallest_extra() -> None:
    assert extra_of("pyarrow.parquet") == "parquet"
    assert extra_of("distributed") == "dask"
    assert extra_of("yaml") is None


def test_a_command_importing_an_extra_without_asking_first_is_one_line() -> None:
    @click.command(name="frame")
    @reports_errors()
    def frame() -> None:
        raise ModuleNotFoundError("No module named 'pandas.core'", name="pandas.core")

    result = CliRunner().invoke(frame, [])
    assert result.exit_code == 1
    assert result.stderr == ("Error: [E206] newsevents frame needs the pandas extra "
                             "(pandas is not installed): pip install 'newsevents[pandas]'\n")


def test_a_missing_module_of_no_extra_is_not_disguised() -> None:
    @click.command()
    @reports_errors()
    def broken() -> None:
        raise ModuleNotFoundError("No module named 'nowhere'", name="nowhere")

    result = CliRunner().invoke(broken, [])
    assert isinstance(result.exception, ModuleNotFoundError)
    assert not isinstance(result.exception, MissingExtraError)

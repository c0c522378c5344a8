"""Export formats by name: a user's file format and column set register the way the built-ins
do, and `newsevents export` offers and uses them on a real SQLite store."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.export import (
    ColumnSet,
    FileFormat,
    Preset,
    column_sets,
    file_formats,
    presets,
    register_column_set,
    register_file_format,
    register_preset,
    unregister,
)
from newsevents.store import open_store

from .test_columns import extraction

USED: list[str] = []


def write_ssv(rows: Iterator[list[Any]], handle: IO[str], order: list[str]) -> int:
    USED.append("ssv")
    handle.write(";".join(order) + "\n")
    count = 0
    for values in rows:
        handle.write(";".join("" if v is None else str(v) for v in values) + "\n")
        count += 1
    return count


def brief_rows(store: Any, table: str, filters: Any) -> Iterator[dict[str, Any]]:
    USED.append("brief")
    for e in store.events(filters):
        yield {"who": e["source_code"], "did": e["cameo"], "whom": e["target_code"], "day": e["date"]}


@pytest.fixture
def registered() -> Iterator[None]:
    USED.clear()
    register_file_format(FileFormat("ssv", write_ssv, help="semicolon-separated"))
    brief = ColumnSet("brief", brief_rows, lambda table: ["who", "did", "whom", "day"], ("events",))
    register_column_set(brief)
    yield
    unregister("ssv")
    unregister("brief")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    with open_store(path) as store:
        store.write(extraction("a1", "Wire", "2021-05-02"))
        store.write(extraction("b2", "Paper", "2021-05-03"))
        store.recluster()
    return path


def test_the_built_ins_are_registered() -> None:
    assert list(file_formats()) == ["csv", "tsv", "jsonl", "parquet"]
    assert list(column_sets()) == ["native", "gdelt", "plover", "acled", "ucdp"]
    assert {name: (p.columns, p.file_format, p.header) for name, p in presets().items()} == {
        "gdelt": ("gdelt", "tsv", False), "plover": ("plover", "jsonl", True),
        "acled": ("acled", "csv", True), "ucdp": ("ucdp", "csv", True),
    }  # fmt: skip


def test_a_registered_format_and_column_set_export_through_the_cli(  # type: ignore[no-untyped-def]
    registered, db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "events.ssv"
    args = ["export", "--db", str(db), "--table", "events", "--columns", "brief", "--format", "ssv",
            "-o", str(out)]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert USED == ["brief", "ssv"]
    assert out.read_text(encoding="utf-8").splitlines() == [
        "who;did;whom;day", "NGAMIL;193;NGAREB;2021-05-02", "NGAMIL;193;NGAREB;2021-05-02",
    ]  # fmt: skip
    assert "wrote 2 events" in result.stderr
    # The column set names the tables it applies to; the others are refused in one line.
    refused = CliRunner().invoke(main, [*args[:4], "quotes", *args[5:]])
    assert refused.exit_code == 1 and "brief columns apply to events, not to quotes" in refused.stderr


def test_an_unregistered_format_is_not_offered(db: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "ssv"])
    assert result.exit_code == 2
    assert "'ssv' is not one of 'csv', 'tsv', 'jsonl', 'parquet', 'gdelt', 'plover'" in result.stderr



def _plugin(folder: Path, module: str, source: str, group: str, entry: str) -> dict[str, str]:
    """An installed package as Python finds one (a module and its dist-info), on PYTHONPATH."""
    folder.mkdir()
    (folder / f"{module}.py").write_text(source, encoding="utf-8")
    info = folder / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[{group}]\n{entry}\n")
    path = os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path}


PIPES = """
from newsevents.export import FileFormat

def write(rows, handle, order):
    count = 0
    for values in rows:
        handle.write("|".join(str(v) for v in values[:2]) + "\\n")
        count += 1
    return count

PIPES = FileFormat("pipes", write, help="pipe-separated")
"""


def test_an_installed_plugin_format_works_from_the_command_line(db: Path, tmp_path: Path) -> None:
    entry = "pipes = pipes_plugin:PIPES"
    env = _plugin(tmp_path / "site", "pipes_plugin", PIPES, "newsevents.exports", entry)
    out = tmp_path / "events.txt"
    exe = Path(sys.executable).with_name("newsevents")
    proc = subprocess.run([str(exe), "export", "--db", str(db), "--table", "events", "--format", "pipes",
                           "-o", str(out)],
                          env=env, capture_output=True, text=True, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(line.count("|") == 1 for line in lines)


def test_a_registered_preset_is_a_format_choice(registered, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register_preset(Preset("briefs", "brief", "tsv", header=False, help="brief columns, no header"))
    try:
        out = tmp_path / "events.tsv"
        args = ["export", "--db", str(db), "--table", "events", "--format", "briefs", "-o", str(out)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").splitlines() == ["NGAMIL\t193\tNGAREB\t2021-05-02"] * 2
        headed = CliRunner().invoke(main, [*args, "--force", "--header"])
        assert headed.exit_code == 0 and out.read_text(encoding="utf-8").startswith("who\tdid\twhom\tday\n")
        # A preset names its columns: another set is refused in one line.
        clash = CliRunner().invoke(main, [*args[:-2], "--columns", "native"])
        assert clash.exit_code == 1 and "--format briefs writes the brief columns" in clash.stderr
        with pytest.raises(ValueError, match="has the name of a file format"):
            register_preset(Preset("ssv", "brief", "ssv"))
    finally:
        unregister("briefs")


FIRST_USE = """
import threading
from newsevents.export import column_set, file_formats
barrier, failed = threading.Barrier(8), []
def first_use():
    barrier.wait()
    try:
        column_set("events", "native")
        assert "csv" in file_formats()
    except Exception as exc:
        failed.append(repr(exc))
threads = [threading.Thread(target=first_use) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(failed or "ok")
"""


def test_the_builtins_are_there_for_every_thread_that_asks_first() -> None:
    """Eight server threads asking for a column set at once, in a fresh process (the first
    exports after `serve` starts): each finds the built-ins, none an empty registry while
    another thread is still filling it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", FIRST_USE], capture_output=True, text=True, env=env,
                              timeout=120, check=True)  # fmt: skip
        assert done.stdout.strip() == "ok", done.stdout

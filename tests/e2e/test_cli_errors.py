"""One error decorator for every command: a NewsEventsError is one line on stderr, never a traceback."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.cli.common import EXIT_RESOURCE, reports_errors
from newsevents.errors import StoreError
from newsevents.store import open_store


def test_every_command_wears_the_error_decorator() -> None:
    for name, command in main.commands.items():
        assert getattr(command.callback, "__wrapped__", None) is not None, name


def test_the_decorator_turns_an_error_into_one_line_and_an_exit_code() -> None:
    @click.command()
    @reports_errors(EXIT_RESOURCE, prefix="newsevents: ")
    def broken() -> None:
        raise StoreError("E301", detail="somewhere: gone")

    result = CliRunner().invoke(broken, [])
    assert result.exit_code == EXIT_RESOURCE
    assert result.stderr == "newsevents: [E301] cannot open store somewhere: gone\n"


@pytest.mark.parametrize("command", ["show", "dedup", "export"])
def test_store_errors_are_one_line(command: str, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    open_store(db).close()
    args = [command, "--db", str(db)] + (["--format", "csv"] if command == "export" else [])
    if command != "dedup":
        args += ["--cameo-root", "99"]
    else:
        db.write_bytes(b"not a database " * 200)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: [E30")
    assert "Traceback" not in result.output


def test_extract_reports_a_store_it_cannot_open_with_the_resource_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--db", str(tmp_path)])
    assert result.exit_code == EXIT_RESOURCE
    assert result.stderr.startswith("newsevents: [E301] cannot open store")
    assert "is a directory" in result.stderr

"""One error decorator for every command: a NewsEventsError is one line on stderr, never a traceback."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

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


def _no_serving(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    import uvicorn

    apps: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: apps.append(app))
    return apps


@pytest.mark.parametrize("port", ["99999", "0", "-1", "http"])
def test_serve_refuses_a_port_out_of_range_in_one_line(
    port: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    apps = _no_serving(monkeypatch)
    db = tmp_path / "x.db"
    open_store(db).close()
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", port])
    assert result.exit_code == 2 and not apps
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and "--port" in errors[0] and port in errors[0]


def test_serve_on_a_port_in_use_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    apps = _no_serving(monkeypatch)
    db = tmp_path / "x.db"
    open_store(db).close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 1 and not apps
    assert result.stderr.splitlines() == [f"Error: cannot listen on 127.0.0.1:{port}: Address already in use"]


def test_serve_answers_the_hosts_allowed_and_no_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    apps = _no_serving(monkeypatch)
    db = tmp_path / "x.db"
    open_store(db).close()
    args = ["serve", "--db", str(db), "--port", "8123", "--allowed-host", "news.example.org",
            "--allowed-host", "intranet:8123"]  # fmt: skip
    assert CliRunner().invoke(main, args).exit_code == 0
    client = TestClient(apps[0], base_url="http://localhost")
    for host, status in [("news.example.org", 200), ("intranet:8123", 200), ("127.0.0.1:8123", 200),
                         ("attacker.example", 400)]:  # fmt: skip
        assert client.get("/api/stats", headers={"Host": host}).status_code == status, host

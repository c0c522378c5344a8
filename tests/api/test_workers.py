"""`newsevents serve --workers 2` as a user runs it: a real server over a real store (SQLite and
PostgreSQL), two worker processes accepting on one port, concurrent clients answered by both,
and a signal that stops every process with no traceback (see conftest.py for the store)."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest
from tests.api.conftest import build_store, fill_store
from tests.store import pg_server

STARTUP_SECONDS = 120  # spawning two interpreters on a loaded machine; not a speed check


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(port: int, path: str, conn: http.client.HTTPConnection | None = None) -> tuple[int, bytes]:
    own = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        own.request("GET", path)
        response = own.getresponse()
        return response.status, response.read()
    finally:
        if conn is None:
            own.close()


def _workers(server: subprocess.Popen[str]) -> list[psutil.Process]:
    """The processes that answer: the server's children but multiprocessing's resource tracker."""
    children = psutil.Process(server.pid).children()
    return [p for p in children if "resource_tracker" not in " ".join(p.cmdline())]


@pytest.fixture()
def serving(request: pytest.FixtureRequest) -> Iterator[tuple[subprocess.Popen[str], int]]:
    db: str = request.param(request)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsevents.cli", "serve", "--db", db, "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy(),
    )  # fmt: skip
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while len(_workers(server)) < 2 or not _answers(port):
            assert server.poll() is None, server.communicate()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        yield server, port
    finally:
        if server.poll() is None:
            for child in psutil.Process(server.pid).children(recursive=True):
                child.kill()
            server.kill()
            server.communicate()


def _answers(port: int) -> bool:
    try:
        return _get(port, "/api/stats")[0] == 200
    except OSError:
        return False


def _sqlite(request: pytest.FixtureRequest) -> str:
    tmp: Path = request.getfixturevalue("tmp_path")
    return str(build_store(tmp / "events.sqlite"))


def _postgres(request: pytest.FixtureRequest) -> str:
    scope = pg_server.schema(request.getfixturevalue("pg_url"), "t_workers")
    url = scope.__enter__()
    request.addfinalizer(lambda: scope.__exit__(None, None, None))
    fill_store(url)
    return url


def _established(worker: psutil.Process, port: int) -> int:
    return sum(
        1 for c in worker.net_connections(kind="tcp")
        if c.status == psutil.CONN_ESTABLISHED and c.laddr and c.laddr.port == port
    )  # fmt: skip


def _both_accept(server: subprocess.Popen[str], port: int) -> None:
    """Open keep-alive connections, each answered, until each worker holds one: both accept."""
    workers = _workers(server)
    assert len(workers) == 2 and len({w.pid for w in workers} | {server.pid}) == 3
    held: list[http.client.HTTPConnection] = []
    try:
        while not all(_established(w, port) for w in workers):
            assert len(held) < 200, "one worker took every connection"
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            assert _get(port, "/api/stats", conn)[0] == 200
            held.append(conn)
    finally:
        for conn in held:
            conn.close()


def _concurrent(port: int) -> None:
    """Forty requests in flight from eight threads, every answer right and the same as alone."""
    paths = ["/api/events", "/api/events?view=mentions", "/api/timeline", "/api/quotes", "/api/articles"]
    alone = {p: _get(port, p) for p in paths}
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda p: (p, _get(port, p)), paths * 8))
    for path, (status, body) in answers:
        assert status == 200 and body == alone[path][1], path
    assert json.loads(alone["/api/events"][1])["total"] == 3


def _stops(server: subprocess.Popen[str], sig: int) -> None:
    workers = _workers(server)
    server.send_signal(sig)
    _, stderr = server.communicate(timeout=60)
    assert server.returncode == 0, stderr
    assert "Traceback" not in stderr, stderr
    assert not any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers)


@pytest.mark.parametrize("serving", [_sqlite], indirect=True)
def test_two_workers_serve_an_sqlite_store_and_ctrl_c_stops_both(
    serving: tuple[subprocess.Popen[str], int],
) -> None:
    server, port = serving
    _both_accept(server, port)
    _concurrent(port)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/api/stats", headers={"Host": "evil.example"})
    answer = conn.getresponse()
    assert answer.status == 400 and answer.read()  # each worker checks the Host header
    body = json.dumps({"text": "Troops shelled the town on Monday.", "store": True})
    conn.request("POST", "/api/extract", body=body, headers={"Content-Type": "application/json"})
    refused = conn.getresponse()
    assert refused.status == 403 and b"E503" in refused.read()  # no --allow-writes: the store is only read
    conn.close()
    _stops(server, signal.SIGINT)


@pytest.mark.parametrize("serving", [_postgres], indirect=True)
def test_two_workers_serve_a_postgres_store_and_sigterm_stops_both(
    serving: tuple[subprocess.Popen[str], int],
) -> None:
    server, port = serving
    _both_accept(server, port)
    _concurrent(port)
    _stops(server, signal.SIGTERM)

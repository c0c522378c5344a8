"""A throwaway PostgreSQL server on loopback for the PostgreSQL store tests.

`server()` yields a URL to an empty database: either the server named by the environment
variable NEWSEVENTS_TEST_PG_URL, or a cluster it creates with the local PostgreSQL binaries
(initdb into a temporary folder, trust auth, 127.0.0.1 on a free port, unix socket in the same
folder), stopped and removed afterwards. When neither is possible it raises `Unavailable` with
the reason, which the fixture turns into a skip; nothing is ever faked.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV_URL = "NEWSEVENTS_TEST_PG_URL"
ENV_BIN = "NEWSEVENTS_PG_BIN"  # a folder holding initdb and pg_ctl, if not in the usual places
DATABASE = "newsevents_test"
START_TIMEOUT_S = 20


class Unavailable(Exception):
    """No PostgreSQL server can be used; the message says why."""


def bin_dir() -> Path:
    """The folder with initdb and pg_ctl: $NEWSEVENTS_PG_BIN, Debian's newest, or the PATH."""
    candidates = [os.environ.get(ENV_BIN, "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_major, reverse=True)
    found = shutil.which("initdb")
    candidates.append(str(Path(found).parent) if found else "")
    for folder in filter(None, candidates):
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    raise Unavailable(
        "no PostgreSQL server binaries (initdb, pg_ctl) found in $NEWSEVENTS_PG_BIN, "
        "/usr/lib/postgresql/*/bin or the PATH; install Debian's postgresql package "
        f"or set {ENV_URL} to a running server"
    )


def _major(folder: str) -> int:
    name = Path(folder).parent.name
    return int(name) if name.isdigit() else 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_owner(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the postgres user when we are root."""
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(cmd)]


def _run(cmd: list[str], what: str, log: Path | None = None) -> None:
    try:
        result = subprocess.run(
            _as_owner(cmd), capture_output=True, text=True, timeout=START_TIMEOUT_S * 2, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(f"{what} failed: {exc}") from exc
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        if log is not None and log.exists():
            tail += log.read_text(errors="replace").strip().splitlines()[-3:]
        raise Unavailable(f"{what} failed (exit {result.returncode}): {' | '.join(tail)}")


@contextmanager
def cluster() -> Iterator[str]:
    """Start a fresh cluster and yield the URL of an empty database on it."""
    binaries = bin_dir()
    if os.geteuid() == 0:
        try:
            import pwd

            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root and there is no 'postgres' user to run the server") from None
    root = Path(tempfile.mkdtemp(prefix="newsevents-pg-"))
    data, log, port = root / "data", root / "server.log", _free_port()
    started = False
    try:
        if os.geteuid() == 0:
            os.chown(root, owner.pw_uid, owner.pw_gid)
        _run(
            [str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
             "--locale=C", "--no-sync"],
            "initdb",
        )  # fmt: skip
        # fsync off: a test cluster is thrown away, so durability only costs time.
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
        _run(
            [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", str(START_TIMEOUT_S),
             "-o", options, "start"],
            "starting the server",
            log,
        )  # fmt: skip
        started = True
        admin = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        _execute(admin, f"CREATE DATABASE {DATABASE}")
        yield f"postgresql://postgres@127.0.0.1:{port}/{DATABASE}"
    finally:
        if started:
            subprocess.run(
                _as_owner([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                capture_output=True,
                timeout=START_TIMEOUT_S,
                check=False,
            )
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def server() -> Iterator[str]:
    """The URL of a database to test in: $NEWSEVENTS_TEST_PG_URL, else a throwaway cluster."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        try:
            _execute(url, "SELECT 1")
        except Unavailable as exc:
            # Asked for by name, so a dead server is an error to see, not a reason to skip.
            raise RuntimeError(f"{ENV_URL} is set, but {exc}") from None
        yield url
        return
    with cluster() as fresh:
        yield fresh


def _execute(url: str, sql: str) -> None:
    import psycopg

    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql)
    except psycopg.Error as exc:
        raise Unavailable(f"cannot use the server: {' '.join(str(exc).split())}") from exc


@contextmanager
def schema(url: str, name: str) -> Iterator[str]:
    """A fresh schema named `name` and a URL whose connections use it, dropped afterwards.

    One schema per test is much cheaper than one database per test, and works on a server
    where the test user may not create databases.
    """
    _execute(url, f"DROP SCHEMA IF EXISTS {name} CASCADE")
    _execute(url, f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{name}"
    finally:
        _execute(url, f"DROP SCHEMA IF EXISTS {name} CASCADE")

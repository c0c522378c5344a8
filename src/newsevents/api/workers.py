"""Serving from several processes on one port: `newsevents serve --workers N`.

One process answers one request at a time per CPU it can use, and a slow request (a month's
export, a filtered timeline over a million events) holds the queue behind it. With N workers,
uvicorn's supervisor binds the port once and starts N processes that accept on it; each builds
its own app here (`worker_app`), so each opens its own store connections after it starts (an
SQLite reader in WAL mode, or PostgreSQL connections of its own), keeps its own response cache,
and checks Host headers and `--allow-writes` exactly as a single process does.

Workers are started by spawning a fresh interpreter, which cannot be handed the app object,
only the name of a factory to call: what the app is built over travels in one environment
variable the workers inherit.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from newsevents.api.app import create_app

ENV = "NEWSEVENTS_SERVE_APP"
FACTORY = "newsevents.api.workers:worker_app"


def app_settings(
    db: str | Path, served_on: str | None, hosts: Iterable[str], allow_writes: bool
) -> dict[str, str]:
    """The environment a worker reads to build the app `create_app` would build with these."""
    spec = {"db": str(db), "served_on": served_on, "hosts": list(hosts), "allow_writes": allow_writes}
    return {ENV: json.dumps(spec)}


def worker_app() -> FastAPI:
    """The app of one worker process, as `app_settings` described it (uvicorn calls this)."""
    spec: dict[str, Any] = json.loads(os.environ[ENV])
    return create_app(
        spec["db"], served_on=spec["served_on"], hosts=spec["hosts"], allow_writes=spec["allow_writes"]
    )

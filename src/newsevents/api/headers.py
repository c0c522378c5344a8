"""The headers every answer carries: `nosniff` on all of them, and the dashboard's content policy
on its page and static files.

Plain ASGI middleware rather than `@app.middleware("http")`: Starlette runs that kind through
`BaseHTTPMiddleware`, which wraps every request in a task group and a memory stream to hand the
response back, a cost each of fifty clients in flight paid on the event loop for two headers.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from newsevents.api.hosts import ASGIApp, Receive, Scope, Send

# The dashboard builds its DOM from data with textContent; the policy is the second lock:
# no inline script, no script or data from anywhere but this server.
DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
NOSNIFF = (b"x-content-type-options", b"nosniff")


def dashboard_path(path: str) -> bool:
    """True for the dashboard's page and its static files, which get the content policy."""
    return path == "/" or path.startswith("/static/")


class DashboardHeaders:
    """ASGI middleware: sets `X-Content-Type-Options: nosniff` on every HTTP answer, and the
    content policy on the dashboard's (replacing any header of the same name the app set)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = [NOSNIFF]
        if dashboard_path(scope["path"]):
            added.append((b"content-security-policy", DASHBOARD_CSP.encode("latin-1")))
        names = {name for name, _ in added}

        async def sending(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if bytes(k).lower() not in names]
                message["headers"] = [*kept, *added]
            await send(message)

        await self.app(scope, receive, sending)

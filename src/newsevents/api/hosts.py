"""Which Host headers the API answers: a guard against DNS rebinding.

A page on another site can point a name it controls at 127.0.0.1 and then read this API from
the victim's browser as same-origin; the only trace is the Host header, which names the
attacker's domain. So the API answers only requests whose Host is the address it serves on,
a loopback name (localhost, 127.0.0.1, ::1), or a name the operator allowed
(`newsevents serve --allowed-host`); any other gets 400. Starlette's TrustedHostMiddleware
does the same, but reads `[::1]:8000` as the host `[`; this one parses IPv6 literals.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

LOOPBACK: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")
# Addresses that mean "every interface": not a name a client sends, so never allowed by themselves.
ANY_ADDRESS = frozenset({"0.0.0.0", "::", ""})

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def host_name(header: str) -> str:
    """The host of a Host header without its port, lower-cased; IPv6 literals without brackets."""
    text = header.strip().lower()
    if text.startswith("["):
        return text[1 : text.find("]")] if "]" in text else ""
    name, _, _port = text.partition(":")
    return name.rstrip(".")


def allowed_hosts(served_on: str | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """Loopback names, the address served on (unless it is every interface) and `extra`."""
    names = {*LOOPBACK, *(_bare(h) for h in extra)}
    if served_on is not None and served_on not in ANY_ADDRESS:
        names.add(_bare(served_on))
    return frozenset(names)


def _bare(name: str) -> str:
    """A name as given on the command line: `example.org`, `example.org:8000`, `::1` or `[::1]`."""
    text = name.strip().lower()
    if text.count(":") > 1 and not text.startswith("["):
        return text  # a bare IPv6 address
    return host_name(text)


class HostCheck:
    """ASGI middleware: 400 for an HTTP request whose Host is not in `allowed` ("*" allows any)."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if host in self.allowed:
            await self.app(scope, receive, send)
            return
        body = b'{"detail":"Invalid host header"}'
        await send({"type": "http.response.start", "status": 400, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

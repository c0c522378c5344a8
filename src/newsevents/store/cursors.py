"""Page cursors: where the last page ended, handed to the caller and back as one opaque token.

A cursor is the sort key of a page's last row (`pages.ClusterKey` or `pages.MentionKey`) with
the view it belongs to, as URL-safe base64 of a JSON list, so it passes through a query string
untouched. It is opaque to callers but not secret: a forged one only starts a page elsewhere,
and every value in it reaches the database as a parameter. One that does not decode to the
expected shape is the caller's mistake, an E302 like any other bad parameter.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from newsevents.errors import StoreError
from newsevents.store.pages import ClusterKey, MentionKey

MAX_CURSOR_CHARS = 1000


def encode(view: str, key: tuple[Any, ...]) -> str:
    """The token for `key`, the last row of a page of `view`."""
    raw = json.dumps([view, *key], separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def cluster_key(token: str) -> ClusterKey:
    """The key a clusters cursor holds; E302 when it is not one."""
    found = _decode(token, "clusters")
    if len(found) != 2 or not all(isinstance(v, str) for v in found):
        raise _bad(token, "clusters")
    return found[0], found[1]


def mention_key(token: str) -> MentionKey:
    """The key a mentions cursor holds; E302 when it is not one."""
    found = _decode(token, "mentions")
    if len(found) != 3 or not isinstance(found[0], str) or not isinstance(found[1], str):
        raise _bad(token, "mentions")
    idx = found[2]
    if isinstance(idx, bool) or not isinstance(idx, int) or not 0 <= idx < 2**63:
        raise _bad(token, "mentions")
    return found[0], found[1], idx


def _decode(token: str, view: str) -> list[Any]:
    text = str(token).strip()
    if not text or len(text) > MAX_CURSOR_CHARS:
        raise _bad(token, view)
    try:
        found = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, ValueError):
        raise _bad(token, view) from None
    if not isinstance(found, list) or not found or found[0] != view:
        raise _bad(token, view)
    if any(isinstance(v, str) and "\x00" in v for v in found):
        raise _bad(token, view)
    return found[1:]


def _bad(token: str, view: str) -> StoreError:
    shown = str(token) if len(str(token)) <= 60 else str(token)[:57] + "..."
    return StoreError("E302", detail=f"after {shown!r} is not a cursor of a {view} page; pass the `next` "
                      "of the page before")  # fmt: skip

"""Paging /api/events by cursor: each page's `next`, passed back as `after`, gives the page after
it, in both views, beside `offset` as the dashboard uses it."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def events(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("view", ["clusters", "mentions", None])
def test_pages_follow_their_next_cursor_to_the_last_page(client: TestClient, view: str | None) -> None:
    """`next` of one page, passed back as `after`, gives the page after it; the last has none."""
    params = {"view": view} if view else {}
    whole = events(client, limit=100, **params)
    seen, after = [], None
    for _ in range(len(whole["items"]) + 1):
        page = events(client, limit=1, **params, **({"after": after} if after else {}))
        assert page["total"] == whole["total"]
        seen += page["items"]
        after = page["next"]
        if after is None:
            break
    assert seen == whole["items"] and whole["next"] is None
    assert events(client, limit=1, offset=1, **params)["items"] == whole["items"][1:2]
    wrong = client.get("/api/events", params={"after": "bm90IGEgY3Vyc29y", **params})
    assert wrong.status_code == 400
    assert "[E302]" in wrong.json()["detail"] and "cursor" in wrong.json()["detail"]

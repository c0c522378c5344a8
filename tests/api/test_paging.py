"""Paging /api/events by cursor: each page's `next`, passed back as `after`, gives the page after
it, in both views, beside `offset` as the dashboard uses it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import strike

from newsevents.api import create_app
from newsevents.store import open_store


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


@pytest.mark.parametrize("view", ["clusters", "mentions"])
def test_a_total_kept_for_later_pages_is_counted_again_once_the_store_changes(
    db: Path, tmp_path: Path, view: str
) -> None:
    """Pages after the first reuse its total, until a commit: then the next page counts afresh."""
    path = tmp_path / "changing.sqlite"
    shutil.copy(db, path)
    with TestClient(create_app(str(path)), base_url="http://localhost") as client:
        first = events(client, view=view, limit=1)
        assert events(client, view=view, limit=1, after=first["next"])["total"] == first["total"]
        with open_store(path) as store:
            store.write(strike("late0000000000001", "Late Wire", "2016-03-01", "A late report"))
        later = events(client, view=view, limit=1, after=first["next"])
        assert later["total"] == first["total"] + 1

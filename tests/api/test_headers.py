"""The headers every answer carries (`api/headers.py`): `nosniff` on all, the dashboard's
content policy on its page and static files only, answers kept by the response cache included."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_every_answer_says_nosniff_and_only_the_dashboard_carries_its_policy(client: TestClient) -> None:
    for path in ("/api/stats", "/api/stats", "/api/events/none/0", "/static/app.js", "/"):  # kept, 404
        answer = client.get(path)
        assert answer.headers.get_list("x-content-type-options") == ["nosniff"], path
        policy = answer.headers.get_list("content-security-policy")
        assert policy == ([] if path.startswith("/api/") else [policy[0]]), path
        assert path.startswith("/api/") or "object-src 'none'" in policy[0]

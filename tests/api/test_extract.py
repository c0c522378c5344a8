"""POST /api/extract: the JSON `newsevents extract --format json` prints, the CLI's limits, one
line per refusal, and storing only on a server started to allow it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import build_store

import newsevents
from newsevents import ingest
from newsevents.api import create_app
from newsevents.settings import load_settings

STORY = "Rebels shelled Aleppo\n\nSyrian rebels shelled Aleppo on Thursday, killing 12 people."


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_store(tmp_path_factory.mktemp("extract") / "events.sqlite")
    with TestClient(create_app(str(db), allow_writes=True), base_url="http://localhost") as test_client:
        yield test_client


def test_storing_on_a_read_only_server_is_refused_before_any_extraction(client: TestClient) -> None:
    answer = client.post("/api/extract", json={"text": STORY, "store": True})
    assert answer.status_code == 403
    assert answer.json() == {"detail": "[E503] this server does not store articles; start it with "
                             "`newsevents serve --allow-writes` to do so"}  # fmt: skip


@pytest.mark.parametrize(
    ("body", "status", "start"),
    [
        ({"text": STORY, "published": "9999-12-31"}, 400, "[E114] publication date out of range: 'publ"),
        ({"text": STORY, "url": "javascript:alert(1)"}, 400, "[E115] address is not http(s): 'url'"),
        ({"text": STORY, "published": "soon"}, 400, "[E411] bad record field: 'published' is not a date"),
        ({"text": STORY, "publised": "2016-02-13"}, 422, "bad request body: publised: Extra inputs"),
        ({"title": "no text"}, 422, "bad request body: text: Field required"),
        ({"text": "Die Rebellen haben die Stadt heute wieder beschossen, sagte der Sprecher der Armee."},
         400, "[E106] article is not in English"),
    ],
)
def test_the_cli_readers_refusals_are_one_line_each(
    client: TestClient, body: dict[str, object], status: int, start: str
) -> None:
    answer = client.post("/api/extract", json=body)
    assert answer.status_code == status, answer.text
    detail = answer.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and detail.startswith(start), detail


def test_a_body_over_the_size_limit_is_refused_declared_or_streamed(client: TestClient) -> None:
    limit = load_settings().max_file_bytes
    big = json.dumps({"text": "x" * (limit + 10)}).encode()
    answer = client.post("/api/extract", content=big, headers={"content-type": "application/json"})
    assert answer.status_code == 413
    assert answer.json()["detail"].startswith("[E504] request body is too large")
    streamed = client.post("/api/extract", content=iter([big[:limit], big[limit:]]),
                           headers={"content-type": "application/json"})  # fmt: skip
    assert streamed.status_code == 413 and "over 5,000,000 bytes" in streamed.json()["detail"]


def test_a_text_over_max_article_chars_is_e502(client: TestClient) -> None:
    limit = load_settings().max_article_chars
    text = "Rebels shelled the city and the army said it would answer. " * (limit // 59 + 1)
    answer = client.post("/api/extract", json={"text": text})
    assert answer.status_code == 413 and answer.json()["detail"].startswith("[E502] article is too long")


def test_the_route_and_its_body_are_in_the_openapi_schema(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/api/extract"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert set(body["properties"]) == {"text", "title", "url", "source", "published", "store"}
    assert body["required"] == ["text"] and body["additionalProperties"] is False
    assert {"200", "400", "403", "413", "422"} <= set(operation["responses"])


@pytest.mark.model
def test_the_answer_is_what_the_cli_prints_for_the_same_json_line(client: TestClient, tmp_path: Path) -> None:
    line = {"text": STORY, "title": "Rebels shelled Aleppo", "url": "https://example.org/a",
            "source": "Wire", "published": "2016-02-13"}  # fmt: skip
    feed = tmp_path / "one.jsonl"
    feed.write_text(json.dumps(line) + "\n", encoding="utf-8")
    (article,) = list(ingest.read([str(feed)], load_settings()))
    answer = client.post("/api/extract", json=line)
    assert answer.status_code == 200, answer.text
    assert answer.json() == json.loads(newsevents.extract(article).to_json())
    assert "2016-02-11" in {e["date"] for e in answer.json()["events"]}  # "on Thursday" from the 13th


@pytest.mark.model
def test_a_server_allowed_to_write_stores_once_and_serves_it(writable: TestClient) -> None:
    first = writable.post("/api/extract", json={"text": STORY, "published": "2016-02-13", "store": True})
    assert first.status_code == 200, first.text
    article_id = first.json()["article"]["id"]
    stored = writable.get(f"/api/articles/{article_id}")
    assert stored.status_code == 200 and len(stored.json()["events"]) == len(first.json()["events"]) > 0
    again = writable.post("/api/extract", json={"text": STORY, "published": "2016-02-13", "store": True})
    assert again.json() == first.json()
    assert writable.get("/api/articles", params={"q": "Syrian rebels shelled"}).json()["total"] == 1
    not_kept = writable.post("/api/extract", json={"text": STORY.replace("12", "13")})
    assert writable.get(f"/api/articles/{not_kept.json()['article']['id']}").status_code == 404

"""Every route of the REST API against a real SQLite store (see conftest.py for its articles)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsevents.api import create_app
from newsevents.model import Article, Event, Evidence, Extraction
from newsevents.store import SQLiteStore, open_store

STRIKE_A, STRIKE_B, KYIV, EVIL = (
    "aaaa000000000001",
    "bbbb000000000002",
    "kyiv0000000000001",
    "evil000000000001",
)


def _late_report() -> Extraction:
    text = "Talks\n\nThe envoys met in Vienna on Monday."
    sentence = Evidence.of(text, 7, len(text))
    event = Event(
        None, None, "040", "04", "CONSULT", 1, 1.0, sentence, Evidence.of(text, 19, 22), date="2016-03-08"
    )
    return Extraction(
        Article(id="late000000000001", text=text, title="Talks", published="2016-03-08"), (event,)
    )


def events(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_events_default_to_clusters_of_one_event_each_without_a_clustering_store(client: TestClient) -> None:
    page = events(client)
    assert (page["total"], page["limit"], page["offset"], page["view"]) == (4, 100, 0, "clusters")
    first = page["items"][0]
    assert first["cluster_id"] == f"{STRIKE_A}-0"
    assert (first["n_articles"], first["plover"], first["lat"], first["date_first"]) == (
        1,
        "ASSAULT",
        36.2,
        "2016-02-12",
    )
    assert first["cameo_root_name"] == "Use conventional military force"
    assert first["members"][0]["evidence_text"].startswith("Syrian government forces bombed rebels")


def test_mentions_view_gives_flat_event_rows_with_article_fields(client: TestClient) -> None:
    page = events(client, view="mentions")
    row = page["items"][0]
    assert page["view"] == "mentions"
    assert (row["article_id"], row["cameo"], row["source_code"], row["target_code"]) == (
        STRIKE_A,
        "195",
        "SYRGOV",
        "SYRREB",
    )
    assert row["cameo_name"] == "Employ aerial weapons"
    assert (row["title"], row["source"], row["published"]) == (
        "Strike kills 12 in Aleppo",
        "Reuters",
        "2016-02-13",
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "syr"}, {STRIKE_A, STRIKE_B}),
        ({"country": "RUS"}, {KYIV}),
        ({"actor": "UKR"}, {KYIV}),
        ({"cameo_root": "19"}, {STRIKE_A, STRIKE_B}),
        ({"cameo_root": "141"}, {KYIV}),
        ({"plover": "assault"}, {STRIKE_A, STRIKE_B}),
        ({"plover": "AGREE"}, {EVIL}),
        ({"since": "2016-03-06"}, {KYIV, EVIL}),
        ({"until": "2016-02-12"}, {STRIKE_A, STRIKE_B}),
        ({"since": "2016-03-06", "until": "2016-03-06"}, {KYIV}),
        ({"bbox": "35,35,39,38"}, {STRIKE_A, STRIKE_B}),
        ({"bbox": "20,40,40,60"}, {KYIV}),
        ({"bbox": "170,-90,-170,90"}, set()),  # across the antimeridian: the Pacific
        ({"bbox": "35,-90,-170,90"}, {STRIKE_A, STRIKE_B}),  # from 35°E eastwards round to 170°W
        ({"q": "JETS"}, {STRIKE_B}),  # title
        ({"q": "protested against"}, {KYIV}),  # evidence
        ({"q": "100%"}, set()),  # a literal percent sign, not a wildcard
        ({"q": "<img"}, {EVIL}),
        ({"country": "SYR", "q": "jets"}, {STRIKE_B}),
    ],
)
def test_filters_select_events(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    for view in ("clusters", "mentions"):
        page = events(client, view=view, **params)
        if view == "clusters":
            found = {item["first_article_id"] for item in page["items"]}
        else:
            found = {item["article_id"] for item in page["items"]}
        assert found == expected, (view, params)
        assert page["total"] == len(expected)


def test_a_box_past_the_cap_says_more_than_and_pages_on(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsevents.store import views

    monkeypatch.setattr(views, "BOX_CAP", 1)
    for view in ("clusters", "mentions"):
        page = events(client, view=view, bbox="35,35,39,38", limit=1)  # the two strikes
        assert (page["total"], page["total_exact"], len(page["items"])) == (2, False, 1), view
        assert page["next"] is not None
        assert events(client, view=view, bbox="20,40,40,60")["total_exact"] is True  # Kyiv alone
        assert events(client, view=view)["total_exact"] is True  # no box: always counted


def test_paging_walks_through_every_event_once(client: TestClient) -> None:
    seen = []
    for offset in range(0, 5, 2):
        page = events(client, limit=2, offset=offset)
        assert page["total"] == 4
        seen += [item["cluster_id"] for item in page["items"]]
    assert len(seen) == len(set(seen)) == 4
    assert events(client, offset=10)["items"] == []


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"bbox": "30,30,40"}, 400, "bbox"),
        ({"bbox": "a,b,c,d"}, 400, "bbox"),
        ({"bbox": "0,50,10,40"}, 400, "latitudes"),
        ({"bbox": "0,0,200,10"}, 400, "longitudes"),
        ({"bbox": "nan,0,10,10"}, 400, "bbox"),
        ({"cameo_root": "99"}, 400, "cameo_root"),
        ({"country": "SYRIA"}, 400, "country"),
        ({"actor": "SYR GOV"}, 400, "actor"),
        ({"plover": "fight!"}, 400, "plover"),
        ({"since": "2016-03-01", "until": "2016-02-01"}, 400, "after"),
        ({"q": "   "}, 400, "text search"),
        ({"since": "2016-13-01"}, 422, "since"),
        ({"since": "yesterday"}, 422, "since"),
        ({"limit": 0}, 422, "limit"),
        ({"limit": 1001}, 422, "limit"),
        ({"offset": -1}, 422, "offset"),
        ({"offset": "many"}, 422, "offset"),
        ({"view": "both"}, 422, "view"),
    ],
)
def test_bad_parameters_get_a_4xx_that_names_them(
    client: TestClient, params: dict[str, Any], status: int, words: str
) -> None:
    for route in ("/api/events", "/api/timeline"):
        if route == "/api/timeline" and set(params) & {"limit", "offset"}:
            continue
        response = client.get(route, params=params)
        assert response.status_code == status, (route, response.text)
        assert words in response.text


def test_one_event_comes_with_its_article_and_cluster(client: TestClient) -> None:
    response = client.get(f"/api/events/{STRIKE_B}/0")
    assert response.status_code == 200
    body = response.json()
    event, article = body["event"], body["article"]
    assert (
        event["evidence_text"]
        == "Syrian government forces bombed rebels in Aleppo on Friday, killing 12 people."
    )
    assert (event["trigger_text"], event["location_name"], event["cluster_id"]) == ("bombed", "Aleppo", None)
    assert event["location_source"] == "clause"  # where the place came from, a column like any other
    assert (event["source_country_source"], event["target_country_source"]) == ("text", "article")
    assert article == {
        "id": STRIKE_B,
        "title": "Twelve dead as jets hit Aleppo",
        "url": f"https://example.org/{STRIKE_B}",
        "source": "AFP",
        "published": "2016-02-14",
    }
    assert body["cluster"]["cluster_id"] == f"{STRIKE_B}-0"
    assert [m["article_id"] for m in body["cluster"]["members"]] == [STRIKE_B]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        (f"/api/events/{STRIKE_A}/7", 404),
        ("/api/events/nosuchart/0", 404),
        (f"/api/events/{STRIKE_A}/-1", 422),
        (f"/api/events/{STRIKE_A}/first", 422),
        (f"/api/events/{STRIKE_A}/99999999999999999999", 422),
        ("/api/clusters/nosuchcluster", 404),
        (f"/api/clusters/{STRIKE_A}-9", 404),
        (f"/api/clusters/{STRIKE_A}-x", 404),
        ("/api/articles/nosuchart", 404),
    ],
)
def test_unknown_ids_are_404_and_malformed_ones_4xx(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["detail"]


def test_cluster_by_id(client: TestClient) -> None:
    body = client.get(f"/api/clusters/{KYIV}-0").json()
    assert (body["location_name"], body["country"], body["n_events"]) == ("Kyiv", "UKR", 1)
    assert body["members"][0]["evidence_text"].startswith("Ukrainian activists protested")


def test_articles_list_newest_first_with_search_and_paging(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 4
    assert [a["id"] for a in body["items"]] == [EVIL, KYIV, STRIKE_B, STRIKE_A]
    assert body["items"][0]["n_events"] == 1
    assert [a["id"] for a in client.get("/api/articles", params={"q": "geneva"}).json()["items"]] == [EVIL]
    page = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert (page["total"], [a["id"] for a in page["items"]]) == (4, [KYIV])
    assert client.get("/api/articles", params={"limit": 5000}).status_code == 422


def test_article_has_its_text_and_every_item_with_offsets_into_it(client: TestClient) -> None:
    body = client.get(f"/api/articles/{STRIKE_A}").json()
    text = body["article"]["text"]
    assert body["article"]["title"] == "Strike kills 12 in Aleppo"
    (event,) = body["events"]
    assert text[event["trigger_start"] : event["trigger_end"]] == event["trigger_text"] == "bombed"
    assert text[event["evidence_start"] : event["evidence_end"]] == event["evidence_text"]
    assert event["cameo_name"] == "Employ aerial weapons" and event["source"] == "Reuters"
    assert [text[a["evidence_start"] : a["evidence_end"]] for a in body["actors"]] == [
        "Syrian government forces", "rebels",
    ]  # fmt: skip
    assert [a["country_source"] for a in body["actors"]] == ["text", "article"]
    (figure,) = body["quantities"]
    assert (figure["kind"], figure["value"], text[figure["evidence_start"] : figure["evidence_end"]]) == (
        "killed", 12, "12 people",
    )  # fmt: skip
    (quote,) = body["quotes"]
    assert (quote["speaker_code"], quote["direct"]) == ("SYRREB", True)
    (place,) = body["locations"]
    assert [text[m["start"] : m["end"]] for m in place["mentions"]] == ["Aleppo"]


def test_article_markup_comes_back_as_data(client: TestClient, malicious_text: str) -> None:
    response = client.get(f"/api/articles/{EVIL}")
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["article"]["text"] == malicious_text
    assert body["article"]["source"] == "<b>Evil</b> Times"


def test_quotes_filter_by_article_speaker_and_text(client: TestClient) -> None:
    assert client.get("/api/quotes").json()["total"] == 2
    body = client.get("/api/quotes", params={"article_id": STRIKE_B}).json()
    assert [(q["article_id"], q["text"], q["title"]) for q in body["items"]] == [
        (STRIKE_B, "We will answer,", "Twelve dead as jets hit Aleppo")
    ]
    assert client.get("/api/quotes", params={"speaker": "SYRREB"}).json()["total"] == 2
    assert client.get("/api/quotes", params={"speaker": "RUS"}).json()["total"] == 0
    assert client.get("/api/quotes", params={"q": "answer"}).json()["total"] == 2
    assert client.get("/api/quotes", params={"speaker": "SYR-REB"}).status_code == 400


def test_quantities_filter_by_kind_and_page(client: TestClient) -> None:
    body = client.get("/api/quantities", params={"kind": "killed", "limit": 1}).json()
    assert (body["total"], len(body["items"]), body["items"][0]["value"]) == (2, 1, 12)
    assert client.get("/api/quantities", params={"kind": "injured"}).json()["total"] == 0
    assert client.get("/api/quantities", params={"article_id": KYIV}).json()["items"] == []
    response = client.get("/api/quantities", params={"kind": "k!lled"})
    assert response.status_code == 400 and "kind" in response.json()["detail"]


def test_stats_count_rows_and_name_the_filter_codes(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["counts"] == {
        "articles": 4,
        "events": 4,
        "actors": 6,
        "quantities": 2,
        "quotes": 2,
        "locations": 3,
    }
    assert (body["date_first"], body["date_last"], body["clusters"]) == ("2016-02-12", "2016-03-07", 4)
    assert body["counted"] == 4  # every event here is asserted
    assert body["quad_class"] == {"1": 1, "4": 3} and body["plover"]["ASSAULT"] == 2
    assert (
        body["cameo_root_names"]["19"] == "Use conventional military force"
        and "ASSAULT" in body["plover_types"]
    )


def test_openapi_schema_is_served_with_typed_responses(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) >= {
        "/api/events",
        "/api/articles/{article_id}",
        "/api/timeline",
        "/api/stats",
    }
    assert {"EventPage", "Cluster", "Event", "ArticleDetail", "Problem"} <= set(
        schema["components"]["schemas"]
    )
    ok = schema["paths"]["/api/events"]["get"]["responses"]
    assert ok["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/EventPage")
    assert "400" in ok and "422" in ok


def test_dashboard_page_and_assets_are_served_with_a_strict_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<script type="module" src="/static/app.js">' in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    for asset in ("app.js", "map.js", "article.js", "dom.js", "style.css"):
        assert client.get(f"/static/{asset}").status_code == 200
    assert client.get("/static/../app.py").status_code == 404


def test_api_docs_are_swagger_ui_from_this_server(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "/openapi.json" in page.text
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/static/vendor/swagger-ui") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert client.get("/static/vendor/swagger-ui-dist.LICENSE").status_code == 200
    assert client.get("/redoc").status_code == 404  # it would load its script from a CDN


@pytest.fixture
def clustered_client(db: Path, tmp_path: Path) -> TestClient:
    """The same articles in a store that has grouped its events into clusters."""
    if not hasattr(SQLiteStore, "recluster"):
        pytest.skip("this store does not cluster events")
    path = tmp_path / "clustered.sqlite"
    shutil.copy(db, path)
    with open_store(path) as store:
        store.recluster()  # type: ignore[attr-defined]
    return TestClient(create_app(str(path)), base_url="http://localhost")


def test_the_cluster_view_counts_the_two_reports_of_one_strike_once(clustered_client: TestClient) -> None:
    page = events(clustered_client)
    assert page["total"] == 3
    aleppo = next(c for c in page["items"] if c["location_name"] == "Aleppo")
    assert (aleppo["n_articles"], aleppo["n_sources"]) == (2, 2)
    assert {m["article_id"] for m in aleppo["members"]} == {STRIKE_A, STRIKE_B}
    assert events(clustered_client, view="mentions")["total"] == 4
    assert clustered_client.get("/api/stats").json()["clusters"] == 3
    # a cluster is found by any of its reports, under every filter
    assert [c["cluster_id"] for c in events(clustered_client, q="jets")["items"]] == [aleppo["cluster_id"]]
    assert events(clustered_client, plover="ASSAULT")["total"] == 1
    assert events(clustered_client, bbox="20,40,40,60")["total"] == 1
    assert clustered_client.get("/api/timeline").json()[0] == {"date": "2016-02-12", "count": 1, "bin": "day"}
    assert clustered_client.get(f"/api/clusters/{aleppo['cluster_id']}").json()["n_articles"] == 2
    detail = clustered_client.get(f"/api/events/{STRIKE_B}/0").json()
    assert detail["event"]["cluster_id"] == detail["cluster"]["cluster_id"] == aleppo["cluster_id"]


def test_events_stored_after_clustering_are_clustered_as_written(clustered_client: TestClient) -> None:
    from newsevents.store import EventQuery

    path = clustered_client.app.state.db  # type: ignore[attr-defined]
    with open_store(path) as store:
        store.write(_late_report())
        rows = store.event_page(EventQuery(), "mentions", 10, 0).items
    (late,) = [r["cluster_id"] for r in rows if r["article_id"] == "late000000000001"]
    assert late is not None and late != "late000000000001-0"
    page = events(clustered_client)
    assert page["total"] == 4
    (cluster,) = [c for c in page["items"] if c["cluster_id"] == late]
    assert cluster["n_articles"] == 1 and cluster["date_first"] == "2016-03-08"


def test_cli_serve_runs_uvicorn_on_loopback_by_default(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from click.testing import CliRunner

    from newsevents.cli import main

    calls: list[tuple[Any, str, int]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: calls.append((app, host, port)))
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    ((app, host, port),) = calls
    assert (host, port) == ("127.0.0.1", 8123)
    assert TestClient(app, base_url="http://127.0.0.1").get("/api/stats").json()["counts"]["articles"] == 4
    missing = CliRunner().invoke(main, ["serve", "--db", str(db.parent / "none.sqlite")])
    assert missing.exit_code != 0 and "no store at" in missing.output

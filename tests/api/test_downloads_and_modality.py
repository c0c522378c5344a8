"""What the dashboard counts and downloads, on SQLite and on a real PostgreSQL server: asserted
events only unless `include_unasserted`, and `/api/export` giving the rows /api/events lists.

The store is the API tests' four articles (conftest.py), clustered, plus two reports that must
not be counted by default: "activists did not protest" (negated) and "activists may protest"
(hypothetical).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import malicious, protest, strike
from tests.store import pg_server

from newsevents.api import create_app
from newsevents.model import Extraction
from newsevents.store import open_store

NEGATED, HYPOTHETICAL = "kyivneg000000001", "kyivhyp000000001"


def unasserted(article_id: str, **flags: Any) -> Extraction:
    """The Kyiv protest again, in another article, stated with `flags` (negated, modality)."""
    base = protest()
    article = replace(base.article, id=article_id, title=f"Protest in Kyiv ({article_id})")
    return replace(base, article=article, events=tuple(replace(e, **flags) for e in base.events))


def fill(url: str) -> str:
    with open_store(url) as store:
        store.write(strike("aaaa000000000001", "Reuters", "2016-02-13", "Strike kills 12 in Aleppo"))
        store.write(strike("bbbb000000000002", "AFP", "2016-02-14", "Twelve dead as jets hit Aleppo"))
        store.write(protest())
        store.write(malicious())
        store.write(unasserted(NEGATED, negated=True))
        store.write(unasserted(HYPOTHETICAL, modality="hypothetical"))
        store.recluster()
    return url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    if request.param == "sqlite":
        url = fill(str(tmp_path_factory.mktemp("downloads") / "events.sqlite"))
        with TestClient(create_app(url), base_url="http://localhost") as test_client:
            yield test_client
        return
    server = request.getfixturevalue("pg_url")
    with (
        pg_server.schema(server, "t_downloads") as url,
        TestClient(create_app(fill(url)), base_url="http://localhost") as test_client,
    ):
        yield test_client


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def download(client: TestClient, **params: Any) -> tuple[Any, bytes]:
    response = client.get("/api/export", params=params)
    assert response.status_code == 200, response.text
    return response.headers, response.content


def csv_rows(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"))))


def test_counts_hold_asserted_events_unless_asked_for_the_rest(client: TestClient) -> None:
    mentions = get(client, "/api/events", view="mentions")
    assert mentions["total"] == 4
    assert {r["article_id"] for r in mentions["items"]}.isdisjoint({NEGATED, HYPOTHETICAL})
    everything = get(client, "/api/events", view="mentions", include_unasserted="true")
    assert everything["total"] == 6
    flags = {r["article_id"]: (r["negated"], r["modality"]) for r in everything["items"]}
    assert flags[NEGATED] == (True, "asserted") and flags[HYPOTHETICAL] == (False, "hypothetical")
    stats = get(client, "/api/stats")
    assert (stats["counts"]["events"], stats["counted"], stats["cameo_root"].get("14")) == (6, 4, 1)
    assert get(client, "/api/stats", include_unasserted="true")["cameo_root"]["14"] == 3
    days = get(client, "/api/timeline", view="mentions", country="UKR")
    assert days == [{"date": "2016-03-06", "count": 1, "bin": "day"}]
    days = get(client, "/api/timeline", view="mentions", country="UKR", include_unasserted="true")
    assert days == [{"date": "2016-03-06", "count": 3, "bin": "day"}]


def test_each_listed_cluster_says_whether_a_report_asserts_it(client: TestClient) -> None:
    asserted = get(client, "/api/events", country="UKR")["items"]
    assert [c["asserted"] for c in asserted] == [True]
    listed = get(client, "/api/events", country="UKR", include_unasserted="true")["items"]
    assert sorted(m["article_id"] for c in listed for m in c["members"]) == sorted(
        ["kyiv0000000000001", NEGATED, HYPOTHETICAL]
    )
    for cluster in listed:  # asserted: one of its reports is the plainly stated protest
        assert cluster["asserted"] == any(m["article_id"] == "kyiv0000000000001" for m in cluster["members"])


def test_csv_download_holds_the_rows_the_table_lists_and_names_the_file(client: TestClient) -> None:
    headers, body = download(client, format="csv", table="events", country="UKR")
    assert headers["content-type"].startswith("text/csv")
    assert headers["content-disposition"] == 'attachment; filename="newsevents-events.csv"'
    rows = csv_rows(body)
    assert [(r["article_id"], r["cameo"], r["negated"]) for r in rows] == [
        ("kyiv0000000000001", "141", "false")
    ]
    _, body = download(client, format="csv", table="events", country="UKR", include_unasserted="true")
    rows = csv_rows(body)
    assert {r["article_id"]: r["modality"] for r in rows} == {
        "kyiv0000000000001": "asserted", NEGATED: "asserted", HYPOTHETICAL: "hypothetical"
    }
    # the filters only the dashboard has (PLOVER type, box, text) narrow the download the same way
    for params in ({"plover": "assault"}, {"bbox": "20,40,40,60"}, {"q": "jets"}, {"cameo_root": "03"}):
        listed = get(client, "/api/events", view="mentions", **params)["items"]
        rows = csv_rows(download(client, format="csv", table="events", **params)[1])
        keys = [(r["article_id"], int(r["idx"])) for r in rows]
        assert keys == [(e["article_id"], e["idx"]) for e in listed]
        assert rows, params


def test_parquet_download_of_clusters_matches_the_cluster_view(client: TestClient, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    for params in ({}, {"q": "jets"}, {"country": "SYR"}, {"include_unasserted": "true"},
                   {"plover": "assault"}, {"bbox": "20,40,40,60"}):
        headers, body = download(client, format="parquet", table="clusters", **params)
        assert headers["content-type"] == "application/vnd.apache.parquet"
        assert headers["content-disposition"] == 'attachment; filename="newsevents-clusters.parquet"'
        (tmp_path / "clusters.parquet").write_bytes(body)
        table = pq.read_table(tmp_path / "clusters.parquet").to_pylist()
        listed = get(client, "/api/events", limit=1000, **params)["items"]
        assert sorted(r["cluster_id"] for r in table) == sorted(c["cluster_id"] for c in listed), params
        assert {r["n_articles"] for r in table} == {c["n_articles"] for c in listed}


def test_a_download_refuses_what_the_list_refuses(client: TestClient) -> None:
    assert client.get("/api/export", params={"format": "xlsx"}).status_code == 422
    assert client.get("/api/export", params={"table": "quotes"}).status_code == 422
    refused = client.get("/api/export", params={"bbox": "0,50,10,40"})
    assert refused.status_code == 400 and "bbox latitudes" in refused.json()["detail"]


def test_parquet_without_pyarrow_is_one_line_naming_the_extra(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    refused = client.get("/api/export", params={"format": "parquet", "country": "UKR"})
    assert refused.status_code == 503
    assert refused.json()["detail"] == "parquet downloads need pyarrow: pip install 'newsevents[parquet]'"
    assert client.get("/api/export", params={"format": "csv", "country": "UKR"}).status_code == 200

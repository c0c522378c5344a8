"""How the API is served: which Host headers it answers, one store per thread, answers kept until
the store changes, and odd ids answered with a 4xx (see conftest.py for the store's articles)."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import fill_store
from tests.store import pg_server

from newsevents.api import create_app
from newsevents.model import Article, Event, Evidence, Extraction
from newsevents.store import SQLiteStore, open_store
from newsevents.store.postgres import PostgresStore


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io", "testserver"])
def test_a_request_for_another_host_name_is_refused(db: Path, host: str) -> None:
    client = TestClient(create_app(str(db)), base_url="http://localhost")
    for path in ("/api/stats", "/", "/openapi.json"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path)
        assert response.json() == {"detail": "Invalid host header"}


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:1234", "[::1]:8000", "LOCALHOST"])
def test_loopback_names_are_answered(db: Path, host: str) -> None:
    client = TestClient(create_app(str(db)), base_url="http://localhost")
    assert client.get("/api/stats", headers={"Host": host}).status_code == 200


def test_the_served_address_and_allowed_hosts_are_answered(db: Path) -> None:
    app = create_app(str(db), served_on="192.0.2.7", hosts=["events.example.org", "[2001:db8::1]:80"])
    client = TestClient(app, base_url="http://localhost")
    for host in ("192.0.2.7:8000", "events.example.org", "events.example.org:8000", "[2001:db8::1]:8000"):
        assert client.get("/api/stats", headers={"Host": host}).status_code == 200, host
    assert client.get("/api/stats", headers={"Host": "other.example.org"}).status_code == 400


def test_every_interface_is_no_host_name_and_a_star_allows_any() -> None:
    from newsevents.api import hosts as host_rules

    assert host_rules.allowed_hosts("0.0.0.0") == frozenset(host_rules.LOOPBACK)
    assert host_rules.allowed_hosts("::", ["*"]) >= {"*"}


def _counting_opens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import newsevents.api.cache as cache

    opened: list[str] = []
    real = cache.open_store

    def counted(db: Any, access: Any = "create") -> Any:
        opened.append(str(db))
        return real(db, access)

    monkeypatch.setattr(cache, "open_store", counted)
    return opened


def test_a_thread_keeps_its_store_open_across_requests(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = _counting_opens(monkeypatch)
    with TestClient(create_app(str(db)), base_url="http://localhost") as client:
        for n in range(30):
            assert client.get("/api/quotes", params={"limit": 1 + n}).status_code == 200
    # one for the version check in the event loop's thread, a few for the worker threads
    assert 0 < len(opened) <= 12


def _late_report() -> Extraction:
    text = "Talks\n\nThe envoys met in Vienna on Monday."
    sentence = Evidence.of(text, 7, len(text))
    event = Event(None, None, "040", "04", "CONSULT", 1, 1.0, sentence, Evidence.of(text, 19, 22),
                  date="2016-03-08")  # fmt: skip
    article = Article(id="late000000000001", text=text, title="Talks", published="2016-03-08")
    return Extraction(article, (event,))


def test_a_repeated_request_is_answered_without_asking_the_store_again(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.sqlite"
    shutil.copy(db, path)
    asked: list[int] = []
    real = SQLiteStore.stats
    monkeypatch.setattr(SQLiteStore, "stats", lambda self, **kw: asked.append(1) or real(self, **kw))
    with TestClient(create_app(str(path)), base_url="http://localhost") as client:
        first = [client.get("/api/stats").json() for _ in range(5)]
        assert len(asked) == 1 and first[0] == first[-1]
        with open_store(path) as store:  # another writer, as `extract` would be
            store.write(_late_report())
        after = client.get("/api/stats").json()
    assert len(asked) == 2
    assert after["counts"]["articles"] == first[0]["counts"]["articles"] + 1


def test_a_store_written_meanwhile_is_read_fresh_by_every_route(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    shutil.copy(db, path)
    routes = ["/api/events", "/api/events?view=mentions", "/api/timeline", "/api/articles", "/api/stats"]
    with TestClient(create_app(str(path)), base_url="http://localhost") as client:
        before = {r: client.get(r).json() for r in routes}
        assert client.get("/api/articles/late000000000001").status_code == 404
        with open_store(path) as store:
            store.write(_late_report())
        after = {r: client.get(r).json() for r in routes}
        assert client.get("/api/articles/late000000000001").status_code == 200
    assert all(before[r] != after[r] for r in routes)


WEIRD = [
    "/api/articles/%00", "/api/articles/a%00b", "/api/articles/..", "/api/articles/%2e%2e",
    "/api/articles/..%2f..%2fetc%2fpasswd", "/api/articles/%ff%fe", "/api/articles/%ed%a0%80",
    "/api/articles/" + "x" * 5000, "/api/articles/" + "%F0%9F%98%80" * 150,
    "/api/clusters/a-%C2%B2", "/api/clusters/%00-1", "/api/clusters/" + "y" * 5000,
    "/api/clusters/x-99999999999999999999999999", "/api/events/%00/0", "/api/events/..%2f/1",
    "/api/events/a/%D9%A3", "/api/quotes?article_id=%00", "/api/events?q=%00", "/static/..%2fapp.py",
]  # fmt: skip


@pytest.mark.parametrize("path", WEIRD)
def test_odd_ids_are_answered_with_a_client_error(client: TestClient, path: str) -> None:
    response = TestClient(client.app, base_url="http://localhost", raise_server_exceptions=False).get(path)
    assert 400 <= response.status_code < 500 or (response.status_code == 200 and "items" in response.json())


def test_a_store_without_a_data_version_is_opened_per_request_and_nothing_is_kept(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a backend that cannot tell when another connection wrote must be served."""
    monkeypatch.setattr(SQLiteStore, "data_version", lambda self: None)
    opened = _counting_opens(monkeypatch)
    asked: list[int] = []
    real = SQLiteStore.stats
    monkeypatch.setattr(SQLiteStore, "stats", lambda self, **kw: asked.append(1) or real(self, **kw))
    with TestClient(create_app(str(db)), base_url="http://localhost") as client:
        for _ in range(4):
            assert client.get("/api/stats").status_code == 200
    assert len(asked) == 4 and len(opened) == 1 + 4  # the first finds out there is no version


@pytest.fixture()
def pg_store(pg_url: str) -> Iterator[str]:
    with pg_server.schema(pg_url, "t_serving") as url:
        fill_store(url)
        yield url


def test_postgres_stores_are_lent_from_a_bounded_pool(pg_store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each request used to open a connection of its own (and check the schema); now a few are
    kept and lent, and a burst of concurrent requests never holds more than the pool's size."""
    import newsevents.api.cache as cache

    opened = _counting_opens(monkeypatch)
    with TestClient(create_app(pg_store), base_url="http://localhost") as client:
        for n in range(20):
            assert client.get("/api/quotes", params={"limit": 1 + n}).status_code == 200
        sequential = len(opened)
        with ThreadPoolExecutor(24) as pool:
            codes = list(pool.map(lambda n: client.get("/api/articles", params={"limit": 1 + n}).status_code,
                                  range(60)))  # fmt: skip
    assert codes == [200] * 60
    assert sequential <= 3  # the first (kept), the version reader, at most one more
    assert len(opened) <= cache.POOL_SIZE + 2  # create_app's check and the version reader besides


def test_postgres_answers_are_kept_until_another_connection_writes(
    pg_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    real = PostgresStore.stats
    monkeypatch.setattr(PostgresStore, "stats", lambda self, **kw: asked.append(1) or real(self, **kw))
    with TestClient(create_app(pg_store), base_url="http://localhost") as client:
        first = [client.get("/api/stats").json() for _ in range(5)]
        assert len(asked) == 1 and first[0] == first[-1]
        with open_store(pg_store) as store:  # another writer, as `extract` would be
            store.write(_late_report())
        after = client.get("/api/stats").json()
        assert client.get("/api/articles/late000000000001").status_code == 200
    assert len(asked) == 2
    assert after["counts"]["articles"] == first[0]["counts"]["articles"] + 1


def test_a_lent_store_whose_connection_died_is_replaced(pg_store: str) -> None:
    """A server restart or an administrator's kill drops every kept connection: the request on a
    dead one fails, that store is closed, and the following requests are answered on new ones."""
    client = TestClient(create_app(pg_store), base_url="http://localhost", raise_server_exceptions=False)
    with client:
        assert client.get("/api/events").status_code == 200
        with open_store(pg_store) as admin:
            admin.fetch_all("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            " WHERE datname = current_database() AND pid <> pg_backend_pid()")  # fmt: skip
        codes = [client.get("/api/events", params={"limit": n}).status_code for n in range(1, 6)]
    assert codes[-3:] == [200, 200, 200]


def test_routes_run_on_a_few_threads_each_with_its_store(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forty slow requests at once run on at most `THREADS` (4) threads, so the stores (and their page
    caches) are few and each stays warm: the server's lifespan sets the thread limit."""
    from newsevents.api import cache

    opened, threads = _counting_opens(monkeypatch), set()
    real = SQLiteStore.stats

    def slow(self: SQLiteStore, **kw: Any) -> Any:
        threads.add(threading.get_ident())
        time.sleep(0.05)  # long enough for the others to arrive meanwhile
        return real(self, **kw)

    monkeypatch.setattr(SQLiteStore, "stats", slow)
    # Each asks a different URL: none is answered from the cache.
    app = create_app(str(db))
    with TestClient(app, base_url="http://localhost") as client, ThreadPoolExecutor(40) as pool:
        answers = list(pool.map(lambda n: client.get("/api/stats", params={"_": n}), range(40)))
    assert all(a.status_code == 200 for a in answers)
    assert 1 < len(threads) <= cache.THREADS
    assert len(opened) <= cache.THREADS + 1  # and one for the version check in the event loop's thread

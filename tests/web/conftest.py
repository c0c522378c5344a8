"""A real headless Chromium against the dashboard served by uvicorn over the shared corpus.

The store holds every article of ../shared/corpus/articles, extracted once per session by
the real pipeline, plus one article whose text is markup and script. Chromium and its driver
come from Debian (`chromium`, `chromium-driver`); without them these tests fail, saying so.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsevents.model import Article

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL_HINT = (
    "the dashboard tests drive a real headless Chromium: install Debian's browser and its driver with "
    "`sudo apt-get install -y chromium chromium-driver` (they must be at /usr/bin/chromium and "
    "/usr/bin/chromedriver)"
)
MALICIOUS_TITLE = "Gunmen <script>window.__pwned = 1</script> attack police"
MALICIOUS_BODY = (
    "Gunmen attacked a police station in Kano on Monday, killing five officers, police said.\n\n"
    '<img src=x onerror="window.__pwned = 2"><b>Bold claim</b> '
    '<iframe src="javascript:alert(1)"></iframe>\n\n'
    "The governor condemned the attack."
)


def malicious_article() -> Article:
    from newsevents import ingest

    text = f"{MALICIOUS_TITLE}\n\n{MALICIOUS_BODY}\n"
    return ingest.article_from_text(
        text, title=MALICIOUS_TITLE, source="<b>Evil</b> Wire", published="2024-05-06", origin="malicious.txt"
    )


@pytest.fixture(scope="session")
def corpus_store(
    tmp_path_factory: pytest.TempPathFactory, corpus_extractions: list[object]
) -> tuple[Path, str]:
    """(store path, id of the malicious article): the corpus through the real pipeline."""
    from newsevents import pipeline
    from newsevents.errors import Problem
    from newsevents.settings import load_settings
    from newsevents.store import open_store

    path = tmp_path_factory.mktemp("web") / "corpus.sqlite"
    evil = malicious_article()
    with open_store(path) as store:
        for extraction in corpus_extractions:
            store.write(extraction)  # type: ignore[arg-type]
        for item in pipeline.run([evil], load_settings(None)):
            if not isinstance(item, Problem):
                store.write(item)
        store.recluster()
    return path, evil.id


@pytest.fixture(scope="session")
def server(corpus_store: tuple[Path, str]) -> Iterator[str]:
    """The app under uvicorn on a free loopback port, in a thread; yields its base URL."""
    with serving(corpus_store[0]) as url:
        yield url


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app over the store at `db` under uvicorn on a free loopback port, in a thread."""
    import uvicorn

    from newsevents.api import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Headless Chromium through chromedriver, with a fresh profile and no background traffic."""
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists() or shutil.which("chromium") is None:
        pytest.fail(INSTALL_HINT)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):  # fmt: skip
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()

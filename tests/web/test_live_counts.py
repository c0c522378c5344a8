"""The dashboard's counts follow the store while the page stays open (a running `watch`)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from tests.web.conftest import serving
from tests.web.test_dashboard import WAIT, open_page

pytestmark = pytest.mark.model

NEW = (
    "Rebels shell a market in Goma\n\n"
    "Rebels shelled a crowded market in Goma on Saturday, killing four traders, the army said. "
    "The provincial governor condemned the attack and promised to send more troops to the city."
)


def test_the_counts_refresh_when_an_article_is_stored(
    browser: Any, corpus_store: tuple[Path, str], tmp_path: Path
) -> None:
    from newsevents import pipeline
    from newsevents.store import open_store

    db = tmp_path / "live.sqlite"
    shutil.copy(corpus_store[0], db)  # the session's store stays as the other tests expect it
    with serving(db) as url:
        open_page(browser, f"{url}/")
        summary = browser.find_element(By.ID, "summary")
        before = summary.text
        with open_store(db) as store:
            assert store.write(pipeline.extract(NEW))
            articles = store.counts()["articles"]
        # What a tab coming back into view does at once, and a visible tab every 10 seconds.
        browser.execute_script("document.dispatchEvent(new Event('visibilitychange'))")
        WebDriverWait(browser, WAIT).until(lambda d: summary.text != before)
        assert summary.text.startswith(f"{articles} articles,"), summary.text
        assert not before.startswith(f"{articles} articles,")

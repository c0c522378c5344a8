"""The dashboard in a real browser: map, timeline, filters, table, article view, and safety.

Screenshots of the main views go to the test's tmp folder, and into the folder named by
NEWSEVENTS_SCREENSHOTS when it is set (scripts/screenshots.py sets it to docs/).
"""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.model

WAIT = 20


def api(server: str, path: str) -> Any:
    with urllib.request.urlopen(f"{server}{path}", timeout=10) as response:
        return json.load(response)


def open_page(browser: Any, url: str) -> None:
    browser.get(url)
    WebDriverWait(browser, WAIT).until(
        lambda d: d.execute_script("return document.body.dataset.ready === '1'")
    )


def css(browser: Any, selector: str) -> list[Any]:
    return browser.find_elements(By.CSS_SELECTOR, selector)


def shoot(browser: Any, tmp_path: Path, name: str) -> None:
    browser.save_screenshot(str(tmp_path / name))
    target = os.environ.get("NEWSEVENTS_SCREENSHOTS")
    if target:
        browser.save_screenshot(str(Path(target) / name))


def table_note(browser: Any) -> str:
    return browser.find_element(By.ID, "table-note").text


def test_overview_shows_map_dots_over_the_world_the_timeline_and_the_table(
    browser: Any, server: str, tmp_path: Path
) -> None:
    stats = api(server, "/api/stats")
    open_page(browser, f"{server}/")
    assert browser.find_element(By.ID, "status").text == ""
    assert len(css(browser, "#map path.country")) > 150  # the Natural Earth outline, from the install
    dots = css(browser, "#map circle.dot")
    located = api(server, "/api/events?limit=1000")["items"]
    assert len(dots) == sum(1 for c in located if c["lat"] is not None) > 20
    bars = css(browser, "#timeline rect.bar")
    assert len(bars) == len(api(server, "/api/timeline")) > 10
    assert sum(int(b.get_attribute("data-count")) for b in bars) == sum(
        d["count"] for d in api(server, "/api/timeline")
    )
    rows = css(browser, "#events tbody tr")
    assert len(rows) == min(100, stats["clusters"])
    assert table_note(browser) == f"1–{len(rows)} of {stats['clusters']}"
    assert f"{stats['counts']['articles']} articles" in browser.find_element(By.ID, "summary").text
    shoot(browser, tmp_path, "dashboard.png")


def test_a_filter_narrows_map_timeline_and_table(browser: Any, server: str) -> None:
    stats = api(server, "/api/stats")
    country = max(stats["country"], key=stats["country"].get)
    expected = api(server, f"/api/events?country={country}&limit=1000")
    assert 0 < expected["total"] < stats["clusters"]
    open_page(browser, f"{server}/")
    before = table_note(browser)
    field = browser.find_element(By.NAME, "country")
    field.clear()
    field.send_keys(country.lower())
    browser.find_element(By.ID, "apply").click()
    WebDriverWait(browser, WAIT).until(lambda d: table_note(d) != before)
    assert table_note(browser).endswith(f"of {expected['total']}")
    rows = css(browser, "#events tbody tr")
    assert [r.get_attribute("data-article") for r in rows] == [
        c["members"][0]["article_id"] for c in expected["items"]
    ][:100]
    assert len(css(browser, "#map circle.dot")) == sum(1 for c in expected["items"] if c["lat"] is not None)
    # a bad value is refused by the API, and the page says why
    browser.find_element(By.NAME, "bbox").send_keys("0,50,10,40")
    browser.find_element(By.ID, "apply").click()
    WebDriverWait(browser, WAIT).until(lambda d: "bad filter" in d.find_element(By.ID, "status").text)
    assert "bbox latitudes 50.0, 40.0" in browser.find_element(By.ID, "status").text


def test_opening_an_event_shows_its_article_with_the_evidence_highlighted(
    browser: Any, server: str, tmp_path: Path
) -> None:
    open_page(browser, f"{server}/")
    row = next(r for r in css(browser, "#events tbody tr") if r.find_elements(By.CSS_SELECTOR, "td"))
    article_id, idx = row.get_attribute("data-article"), int(row.get_attribute("data-idx"))
    row.click()
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "article").is_displayed())
    WebDriverWait(browser, WAIT).until(lambda d: css(d, "#article-text .evidence-active"))
    event = api(server, f"/api/events/{article_id}/{idx}")["event"]
    marked = browser.execute_script(
        "return [...document.querySelectorAll('#article-text .evidence-active')]"
        ".map(e => e.textContent).join('')"
    )
    assert marked == event["evidence_text"]
    trigger = css(browser, "#article-text .trigger-active")
    assert "".join(t.text for t in trigger) == event["trigger_text"]
    detail = api(server, f"/api/articles/{article_id}")
    labels = {e.get_attribute("class") for e in css(browser, "#article-text .label")}
    assert "label label-trigger" in labels
    if detail["actors"]:
        assert "label label-actor" in labels
    assert browser.find_element(By.ID, "article-title").text == (detail["article"]["title"] or article_id)
    assert len(css(browser, "#article-events li.event-item")) == len(detail["events"])
    shoot(browser, tmp_path, "article.png")
    browser.find_element(By.ID, "article-close").click()
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "overview").is_displayed())


def test_a_malicious_article_shows_its_markup_as_text_and_runs_nothing(
    browser: Any, server: str, corpus_store: tuple[Path, str]
) -> None:
    evil = corpus_store[1]
    open_page(browser, f"{server}/#/article/{evil}")
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "article").is_displayed())
    text = browser.find_element(By.ID, "article-text")
    content = browser.execute_script("return document.getElementById('article-text').textContent")
    assert "<script>window.__pwned = 1</script>" in content
    assert '<img src=x onerror="window.__pwned = 2">' in content and "<iframe" in content
    assert text.find_elements(By.CSS_SELECTOR, "script, img, iframe, b") == []
    assert "<script>" in browser.find_element(By.ID, "article-title").text
    assert "<b>Evil</b> Wire" in browser.find_element(By.ID, "article-meta").text
    # the table lists it by its title, as text, too
    browser.execute_script("location.hash = '#/'")
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "overview").is_displayed())
    browser.find_element(By.NAME, "q").send_keys("__pwned")
    browser.find_element(By.NAME, "view").send_keys("reports")
    browser.find_element(By.ID, "apply").click()
    WebDriverWait(browser, WAIT).until(lambda d: "<script>" in d.find_element(By.ID, "events").text)
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018

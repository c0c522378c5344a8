"""The dashboard in a real browser: map, timeline, filters, table, article view, and safety.

Screenshots of the main views go to the test's tmp folder, and into the folder named by
NEWSEVENTS_SCREENSHOTS when it is set (scripts/screenshots.py sets it to docs/).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

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
    assert len(bars) == len(api(server, "/api/timeline?bin=auto")) > 10
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
    items = css(browser, "#article-events li.event-item")
    assert len(items) == len(detail["events"])
    for item, stored in zip(items, detail["events"], strict=True):
        if stored["location_name"] and stored["location_source"]:  # the place and where it came from
            place = f"{stored['location_name']} (from the {stored['location_source']})"
            assert place in item.find_element(By.CSS_SELECTOR, ".muted").text
        for side in ("source", "target"):  # a guessed country says where it came from
            guessed = stored[f"{side}_country_source"]
            note = f"{side}'s country from the {guessed}"
            shown = note in item.find_element(By.CSS_SELECTOR, ".muted").text
            assert shown is (guessed in ("place", "article"))
    assert any(e["location_source"] for e in detail["events"])
    shoot(browser, tmp_path, "article.png")
    browser.find_element(By.ID, "article-close").click()
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "overview").is_displayed())


def test_an_event_whose_country_was_guessed_says_where_from(browser: Any, server: str) -> None:
    mentions = api(server, "/api/events?view=mentions&include_unasserted=true&limit=1000")["items"]
    guessed = next(e for e in mentions if e["target_country_source"] in ("place", "article"))
    open_page(browser, f"{server}/#/event/{urllib.parse.quote(guessed['article_id'])}/{guessed['idx']}")
    WebDriverWait(browser, WAIT).until(lambda d: css(d, "#article-events li.chosen"))
    line = css(browser, "#article-events li.chosen .muted")[0].text
    assert f"target's country from the {guessed['target_country_source']}" in line


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
    browser.find_element(By.NAME, "include_unasserted").click()  # "..., police said": a reported event
    browser.find_element(By.ID, "apply").click()
    WebDriverWait(browser, WAIT).until(lambda d: "<script>" in d.find_element(By.ID, "events").text)
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018


# -- the rough edges of issue 13, each with the test that failed before its fix ---------------


def apply_and_wait(browser: Any) -> None:
    """Submit the filters and wait until the table shows the new answer."""
    browser.execute_script("document.getElementById('table-note').textContent = ''")
    browser.find_element(By.ID, "apply").click()
    WebDriverWait(browser, WAIT).until(lambda d: table_note(d) != "")


def query_of(browser: Any) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(browser.execute_script("return location.search").lstrip("?")))


def test_reset_clears_every_filter_the_url_and_the_views(browser: Any, server: str) -> None:
    clusters = api(server, "/api/stats")["clusters"]
    everything = f"1–{min(100, clusters)} of {clusters}"
    open_page(browser, f"{server}/?country=SYR&cameo_root=19&view=mentions&q=killed&include_unasserted=true")
    assert table_note(browser) != everything
    browser.find_element(By.ID, "clear-filters").click()
    WebDriverWait(browser, WAIT).until(lambda d: table_note(d) == everything)
    assert browser.find_element(By.ID, "status").text == ""
    form = browser.execute_script(
        "return [...document.getElementById('filters').elements].filter(e => e.name)"
        ".map(e => [e.name, e.type === 'checkbox' ? e.checked : e.value])"
    )
    assert dict(form) == {
        "country": "", "actor": "", "cameo_root": "", "plover": "", "since": "", "until": "", "q": "",
        "bbox": "", "view": "clusters", "colour": "plover", "include_unasserted": False,
    }  # fmt: skip
    assert browser.execute_script("return location.search") == ""
    located = api(server, "/api/events?limit=1000")["items"]
    assert len(css(browser, "#map circle.dot")) == sum(1 for c in located if c["lat"] is not None)
    assert len(css(browser, "#timeline rect.bar")) == len(api(server, "/api/timeline?bin=auto"))


def test_mentions_are_placed_on_the_map(browser: Any, server: str) -> None:
    mentions = api(server, "/api/events?view=mentions&limit=1000")
    placed = [m for m in mentions["items"] if m["location_lat"] is not None]
    assert len(placed) > 20
    open_page(browser, f"{server}/?view=mentions")
    assert browser.find_element(By.ID, "map-note").text == f"{len(placed)} of {mentions['total']} placed"
    dots = css(browser, "#map circle.dot")
    assert len(dots) == len(placed)
    spots = {(round(float(d.get_attribute("cx")), 3), round(-float(d.get_attribute("cy")), 3)) for d in dots}
    assert spots == {(round(m["location_lon"], 3), round(m["location_lat"], 3)) for m in placed}


def test_the_page_fits_a_phone_390_px_wide(browser: Any, server: str, tmp_path: Path) -> None:
    size = browser.get_window_size()
    try:
        browser.set_window_size(390, 844)
        open_page(browser, f"{server}/")
        assert browser.execute_script("return window.innerWidth") == 390
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        outside = browser.execute_script(
            "const w = document.documentElement.clientWidth;"
            "return [...document.querySelectorAll('#filters input, #filters select, button, a')]"
            ".filter(e => e.offsetParent !== null && !e.closest('#events'))"
            ".filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > w; })"
            ".map(e => e.id || e.name || e.textContent)"
        )
        assert outside == []
        shoot(browser, tmp_path, "dashboard-phone.png")
        field = browser.find_element(By.NAME, "country")
        field.send_keys("SYR")
        apply_and_wait(browser)
        assert table_note(browser).endswith(f"of {api(server, '/api/events?country=SYR')['total']}")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        # the article view too, for the article whose URL has the longest stretch a browser will not
        # break (it breaks lines after "/", "-" and "?", never inside "3_killed_5_wounded")
        articles = api(server, "/api/articles?limit=1000")["items"]
        longest = max(articles, key=lambda a: max(map(len, re.split(r"[/?-]", a["url"] or ""))))
        browser.execute_script(f"location.hash = '#/article/{longest['id']}'")
        WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "article").is_displayed())
        assert longest["url"] in browser.find_element(By.ID, "article-meta").text.replace("\n", "")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    finally:
        browser.set_window_size(size["width"], size["height"])


def test_a_long_span_is_charted_by_a_coarse_bin_and_a_bar_filters_to_it(browser: Any, server: str) -> None:
    stats = api(server, "/api/stats")
    assert stats["date_first"] < "2016" and stats["date_last"] > "2024"  # the corpus spans years
    bins = api(server, "/api/timeline?bin=auto")
    unit = bins[0]["bin"]
    assert unit in ("month", "year") and {b["bin"] for b in bins} == {unit}
    open_page(browser, f"{server}/")
    assert browser.find_element(By.ID, "timeline-title").text == f"Per {unit}"
    bars = css(browser, "#timeline rect.bar")
    assert [b.get_attribute("data-date") for b in bars] == [b["date"] for b in bins]
    assert min(b.rect["width"] for b in bars) >= 2  # no hairlines
    busiest = max(bins, key=lambda b: b["count"])
    bar = next(b for b in bars if b.get_attribute("data-date") == busiest["date"])
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", bar)
    WebDriverWait(browser, WAIT).until(lambda d: query_of(d).get("since") == busiest["date"])
    until = query_of(browser)["until"]
    if unit == "month":
        assert until[:7] == busiest["date"][:7] and until[8:] in ("28", "29", "30", "31")
    else:
        assert until == f"{busiest['date'][:4]}-12-31"
    day_counts = api(server, f"/api/timeline?since={busiest['date']}&until={until}")
    assert sum(d["count"] for d in day_counts) == busiest["count"]
    # the filtered span is charted by a finer bin
    title = f"Per {unit}"
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "timeline-title").text != title)


def test_api_docs_render_every_operation_from_this_server_alone(browser: Any, server: str) -> None:
    operations = sum(len(p) for p in api(server, "/openapi.json")["paths"].values())
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["https://*", "http://*:80/*"]})
    try:
        browser.get(f"{server}/docs")
        WebDriverWait(browser, WAIT).until(lambda d: len(css(d, ".opblock")) == operations)
        loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert loaded and all(url.startswith(server) for url in loaded), loaded
        assert "newsevents" in browser.find_element(By.CSS_SELECTOR, ".info .title").text
    finally:
        browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})


def test_the_download_buttons_fetch_the_filtered_rows(browser: Any, server: str) -> None:
    open_page(browser, f"{server}/")
    browser.find_element(By.NAME, "country").send_keys("SYR")
    Select(browser.find_element(By.NAME, "view")).select_by_value("mentions")
    apply_and_wait(browser)
    href = browser.find_element(By.ID, "download-csv").get_attribute("href")
    assert href == f"{server}/api/export?country=SYR&table=events&format=csv"
    parquet = browser.find_element(By.ID, "download-parquet").get_attribute("href")
    assert parquet == f"{server}/api/export?country=SYR&table=events&format=parquet"
    with urllib.request.urlopen(href, timeout=30) as response:
        assert "newsevents-events.csv" in response.headers["Content-Disposition"]
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8"))))
    listed = api(server, "/api/events?country=SYR&view=mentions&limit=1000")
    assert [(r["article_id"], int(r["idx"])) for r in rows] == [
        (e["article_id"], e["idx"]) for e in listed["items"]
    ]
    assert table_note(browser).endswith(f"of {len(rows)}")


def test_filters_live_in_the_url_and_a_url_restores_them(browser: Any, server: str) -> None:
    expected = api(server, "/api/events?country=SYR&cameo_root=19&view=mentions")
    assert expected["total"] > 0
    open_page(browser, f"{server}/?country=SYR&cameo_root=19&view=mentions&colour=quad")
    values = {
        n: browser.find_element(By.NAME, n).get_attribute("value")
        for n in ("country", "cameo_root", "view", "colour")
    }
    assert values == {"country": "SYR", "cameo_root": "19", "view": "mentions", "colour": "quad"}
    assert table_note(browser).endswith(f"of {expected['total']}")
    assert browser.find_element(By.CSS_SELECTOR, "#events th:nth-child(7)").text == "article"
    # changing a filter rewrites the URL in place
    history = browser.execute_script("return history.length")
    field = browser.find_element(By.NAME, "q")
    field.send_keys("killed")
    apply_and_wait(browser)
    assert query_of(browser) == {
        "country": "SYR",
        "cameo_root": "19",
        "q": "killed",
        "view": "mentions",
        "colour": "quad",
    }
    assert browser.execute_script("return history.length") == history
    note = table_note(browser)
    browser.refresh()
    WebDriverWait(browser, WAIT).until(
        lambda d: d.execute_script("return document.body.dataset.ready === '1'")
    )
    assert (
        table_note(browser) == note and browser.find_element(By.NAME, "q").get_attribute("value") == "killed"
    )


def test_counts_hold_asserted_events_unless_the_box_is_ticked(browser: Any, server: str) -> None:
    asserted = api(server, "/api/events?view=mentions")["total"]
    everything = api(server, "/api/events?view=mentions&include_unasserted=true")
    assert everything["total"] > asserted
    open_page(browser, f"{server}/?view=mentions")
    assert table_note(browser).endswith(f"of {asserted}")
    assert "asserted events (of" in browser.find_element(By.ID, "summary").text
    stated = {c.text for c in css(browser, "#events td.modality")}
    assert stated == {"asserted"}
    browser.find_element(By.NAME, "include_unasserted").click()
    WebDriverWait(browser, WAIT).until(lambda d: table_note(d).endswith(f"of {everything['total']}"))
    assert query_of(browser).get("include_unasserted") == "true"
    shown = {c.text for c in css(browser, "#events td.modality")}
    expected: set[str] = set()
    for event in everything["items"][:100]:
        parts = ["negated"] if event["negated"] else []
        parts += [event["modality"]] if event["modality"] != "asserted" else []
        expected.add(", ".join(parts) or "asserted")
    assert shown == expected and len(shown) > 1


def test_a_box_past_the_cap_says_more_than_and_pages_on(
    browser: Any, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A box holding more rows than the store counts for it shows "more than" its cap, on the
    table and the map, and still offers the next page."""
    from newsevents.store import views

    monkeypatch.setattr(views, "BOX_CAP", 2)  # the server runs in this process
    box = "-179.5,-89.5,179.5,89.5"  # the whole map, as no other test asks for it
    page = api(server, f"/api/events?bbox={box}&limit=100")
    assert (page["total"], page["total_exact"]) == (3, False)
    open_page(browser, f"{server}/?bbox={box}")
    assert table_note(browser).endswith("of more than 2")
    assert " of more than 2 placed" in browser.find_element(By.ID, "map-note").text
    assert not browser.find_element(By.ID, "next").get_attribute("disabled")

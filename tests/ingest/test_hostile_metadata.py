"""Hostile metadata in JSONL fields, sidecars and HTML heads: publication dates at the ends of
the calendar, addresses that are not http(s). Each is one warning naming the field; the article
is kept without the value."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsevents.errors import Problem
from newsevents.model import Article

Reader = Callable[..., list[Article | Problem]]  # the read_bounded fixture (conftest.py)

BODY = (
    "Police fired tear gas at protesters in the capital last week, witnesses said, as thousands "
    "marched towards the presidential palace to demand that the government step down.\n\n"
    "The interior ministry said it would investigate the clashes and called for calm.\n"
)
PAGE = """<!DOCTYPE html><html><head><title>Police fire tear gas</title>{links}</head>
<body><article><h1>Police fire tear gas</h1>
<p>Police fired tear gas at protesters in the capital on Sunday, witnesses said, as thousands
marched towards the presidential palace to demand that the government step down.</p>
<p>The interior ministry said it would investigate the clashes and called for calm across the
country, while opposition leaders vowed to return to the streets next week.</p></article></body></html>"""


def split(items: list[Article | Problem]) -> tuple[list[Problem], list[Article]]:
    return [i for i in items if isinstance(i, Problem)], [i for i in items if isinstance(i, Article)]


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1599-12-31", "January 1, 2095"])
def test_publication_date_out_of_range_in_jsonl_is_dropped(
    tmp_path: Path, read_bounded: Reader, value: str
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": BODY, "published": value}) + "\n", encoding="utf-8")
    (warning,), (art,) = split(read_bounded([str(path)]))
    assert warning.code == "E114" and not warning.fatal and warning.origin == f"{path}:1"
    assert "'published'" in warning.text
    assert art.published is None


@pytest.mark.parametrize(
    "value", ["1600-01-01", "1850-06-30", (date.today() + timedelta(days=30)).isoformat()]
)
def test_publication_dates_inside_the_range_are_kept(
    tmp_path: Path, read_bounded: Reader, value: str
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": BODY, "published": value}) + "\n", encoding="utf-8")
    (art,) = read_bounded([str(path)])
    assert isinstance(art, Article) and art.published == value


def test_publication_date_out_of_range_in_a_sidecar_is_dropped(tmp_path: Path, read_bounded: Reader) -> None:
    (tmp_path / "a.txt").write_text("Tear gas\n\n" + BODY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"publication_date": "9999-12-31"}', encoding="utf-8")
    (warning,), (art,) = split(read_bounded([str(tmp_path / "a.txt")]))
    assert warning.code == "E114" and warning.origin.endswith("a.meta.json")
    assert "'publication_date'" in warning.text and art.published is None


def test_dates_in_the_text_and_address_are_held_to_the_range(tmp_path: Path, read_bounded: Reader) -> None:
    path = tmp_path / "feed.jsonl"
    text = "Tear gas\n\nUpdated March 3, 2095\n\n" + BODY
    path.write_text(json.dumps({"text": text, "url": "https://e.com/2090/01/02/x"}) + "\n", encoding="utf-8")
    (art,) = read_bounded([str(path)])
    assert isinstance(art, Article) and art.published is None


BAD_ADDRESSES = [
    "javascript:alert(document.cookie)",
    " JavaScript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "example.com/no-scheme",
]


@pytest.mark.parametrize("value", BAD_ADDRESSES)
def test_address_that_is_not_http_is_dropped_from_jsonl(
    tmp_path: Path, read_bounded: Reader, value: str
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": BODY, "url": value}) + "\n", encoding="utf-8")
    (warning,), (art,) = split(read_bounded([str(path)]))
    assert warning.code == "E115" and "'url'" in warning.text and warning.origin == f"{path}:1"
    assert art.url is None


def test_address_that_is_not_http_is_dropped_from_a_sidecar(tmp_path: Path, read_bounded: Reader) -> None:
    (tmp_path / "a.txt").write_text("Tear gas\n\n" + BODY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"url": "javascript:alert(1)"}', encoding="utf-8")
    (warning,), (art,) = split(read_bounded([str(tmp_path / "a.txt")]))
    assert warning.code == "E115" and warning.origin.endswith("a.meta.json") and art.url is None


def test_web_addresses_are_kept(tmp_path: Path, read_bounded: Reader) -> None:
    path = tmp_path / "feed.jsonl"
    urls = ["https://www.example.com/a", "HTTP://example.com/b", "//example.com/c"]
    path.write_text(
        "".join(json.dumps({"text": f"{BODY} {u}", "url": u}) + "\n" for u in urls), encoding="utf-8"
    )
    items = read_bounded([str(path)])
    assert [getattr(i, "url", None) for i in items] == [urls[0], urls[1], "https://example.com/c"]


@pytest.mark.parametrize("value", BAD_ADDRESSES[:5])
def test_html_canonical_link_that_is_not_http_is_dropped(
    tmp_path: Path, read_bounded: Reader, value: str
) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(links=f'<link rel="canonical" href="{value}">'), encoding="utf-8")
    (warning,), (art,) = split(read_bounded([str(path)]))
    assert warning.code == "E115" and "canonical" in warning.text and warning.origin == str(path)
    assert art.url is None


def test_html_falls_back_to_an_http_og_url(tmp_path: Path, read_bounded: Reader) -> None:
    path = tmp_path / "page.html"
    links = (
        '<link rel="canonical" href="javascript:void(0)"><meta property="og:url" content="https://e.com/x">'
    )
    path.write_text(PAGE.format(links=links), encoding="utf-8")
    (warning,), (art,) = split(read_bounded([str(path)]))
    assert warning.code == "E115" and art.url == "https://e.com/x"

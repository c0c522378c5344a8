"""HTML pages: main text, title, date, address and site name, read offline.

trafilatura finds the main text and title, htmldate the publication date. Both are handed an
already-parsed tree, never a string: given a string that looks like an address, htmldate would
try to download it, and nothing here may touch the network.

Article.text for a page is the title, a blank line, then the main text's paragraphs separated
by blank lines: the same shape as a text file, so the title rule, furniture and offsets work
the same way (offsets point into this extracted text, not into the HTML).
"""

from __future__ import annotations

import logging

from newsevents.errors import Problem
from newsevents.ingest import dates
from newsevents.ingest.article import Meta
from newsevents.ingest.encoding import problem
from newsevents.ingest.text import web_address

log = logging.getLogger(__name__)

MIN_MAIN_WORDS = 10
ADDRESS_FIELDS = (
    ('<link rel="canonical">', '//link[@rel="canonical"]/@href'),
    ('<meta property="og:url">', '//meta[@property="og:url"]/@content'),
)


def _tree(html: str):  # type: ignore[no-untyped-def]
    import lxml.html

    return lxml.html.fromstring(html.encode("utf-8"))


def _head_value(tree, xpath: str) -> str | None:  # type: ignore[no-untyped-def]
    values = [str(v).strip() for v in tree.xpath(xpath) if str(v).strip()]
    return values[0] if values else None


def _page_address(tree, origin: str) -> tuple[str | None, list[Problem]]:  # type: ignore[no-untyped-def]
    """The page's own http(s) address; a link of another scheme (javascript:, data:, file:) is
    never taken as the article's address, and each one found is a warning naming its tag."""
    warnings: list[Problem] = []
    for name, xpath in ADDRESS_FIELDS:
        value = _head_value(tree, xpath)
        if value is None:
            continue
        url = web_address(value)
        if url is not None:
            return url, warnings
        shown = repr(value if len(value) <= 60 else value[:60] + "...")
        warnings.append(problem(origin, "E115", f"{name} {shown}", fatal=False))
    return None, warnings


def extract(html: str, given: Meta, origin: str = "<html>") -> tuple[str, Meta, list[Problem]] | None:
    """(article text, metadata, warnings about the page's metadata) for a page, or None when it
    has no main text (E112)."""
    import htmldate
    import trafilatura

    try:
        tree = _tree(html)
    except (ValueError, TypeError) as exc:  # lxml rejects some malformed documents outright
        log.debug("cannot parse HTML: %s", exc)
        return None
    url, warnings = (given.url, []) if given.url else _page_address(tree, origin)
    site = _head_value(tree, '//meta[@property="og:site_name"]/@content')
    published = given.published or htmldate.find_date(
        _tree(html), extensive_search=True, original_date=True, outputformat="%Y-%m-%d", url=url
    )
    if published and not dates.in_range(published):
        published = None
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    main = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not main:
        return None
    title = given.title or (getattr(doc, "title", None) or "").strip() or None
    paragraphs = [p.strip() for p in main.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if sum(len(p.split()) for p in paragraphs) < MIN_MAIN_WORDS:
        return None  # a menu or a footer, which the extractor falls back to on empty pages
    body = "\n\n".join(paragraphs)
    text = f"{title}\n\n{body}\n" if title else body + "\n"
    meta = Meta(title=title, url=url, source=given.source or site, published=published, id=given.id)
    return text, meta, warnings

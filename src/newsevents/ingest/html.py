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

from newsevents.ingest.article import Meta

log = logging.getLogger(__name__)

MIN_MAIN_WORDS = 10


def _tree(html: str):  # type: ignore[no-untyped-def]
    import lxml.html

    return lxml.html.fromstring(html.encode("utf-8"))


def _head_value(tree, xpath: str) -> str | None:  # type: ignore[no-untyped-def]
    values = [str(v).strip() for v in tree.xpath(xpath) if str(v).strip()]
    return values[0] if values else None


def extract(html: str, given: Meta) -> tuple[str, Meta] | None:
    """(article text, metadata) for a page, or None when it has no main text (E112)."""
    import htmldate
    import trafilatura

    try:
        tree = _tree(html)
    except (ValueError, TypeError) as exc:  # lxml rejects some malformed documents outright
        log.debug("cannot parse HTML: %s", exc)
        return None
    url = (
        given.url
        or _head_value(tree, '//link[@rel="canonical"]/@href')
        or _head_value(tree, '//meta[@property="og:url"]/@content')
    )
    site = _head_value(tree, '//meta[@property="og:site_name"]/@content')
    published = given.published or htmldate.find_date(
        _tree(html), extensive_search=True, original_date=True, outputformat="%Y-%m-%d", url=url
    )
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
    if url and url.startswith("//"):  # protocol-relative canonical link
        url = "https:" + url
    return text, Meta(title=title, url=url, source=given.source or site, published=published, id=given.id)

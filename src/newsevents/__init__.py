"""newsevents: news articles in, geocoded, evidence-linked event data out.

The promised public API is `extract()`, `Extraction` and `open_store()`; everything else may change.
The heavy parts (spaCy, gazetteer) load on first use, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsevents.model import Extraction

if TYPE_CHECKING:
    from newsevents.model import Article
    from newsevents.settings import Settings
    from newsevents.store import Store
    from newsevents.store.core import Access

__all__ = ["Extraction", "__version__", "extract", "open_store"]
__version__ = "0.1.0"


def extract(text_or_article: str | Article, settings: Settings | None = None) -> Extraction:
    """Extract events, figures, quotes and places from one article (text or `Article`)."""
    from newsevents.pipeline import extract as _extract

    return _extract(text_or_article, settings)


def open_store(url: Any, access: Access = "create") -> Store:
    """Open a store, a SQLite path or URL: by default creating (or upgrading) it as `extract`
    does; `access="read"` only reads an existing one, as a notebook looking at a store that a
    run is filling should, and never creates, migrates or changes anything."""
    from newsevents.store import open_store as _open

    return _open(url, access)

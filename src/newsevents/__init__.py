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

__all__ = ["Extraction", "__version__", "extract", "open_store"]
__version__ = "0.1.0"


def extract(text_or_article: str | Article, settings: Settings | None = None) -> Extraction:
    """Extract events, figures, quotes and places from one article (text or `Article`)."""
    from newsevents.pipeline import extract as _extract

    return _extract(text_or_article, settings)


def open_store(url: Any) -> Store:
    """Open (creating if needed) a store: a SQLite path or URL."""
    from newsevents.store import open_store as _open

    return _open(url)

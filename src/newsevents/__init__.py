"""newsevents: news articles in, geocoded, evidence-linked event data out.

The promised public API is `extract()`, `pipe()`, `Extraction` (and the objects it holds),
`open_store()`, `to_pandas()` and `render()`; everything else may change. The heavy parts (spaCy,
the gazetteer, pandas) load on first use, not on import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsevents import component
from newsevents.model import Extraction

if TYPE_CHECKING:
    import pandas as pd

    from newsevents.errors import Problem
    from newsevents.ingest import Metadata
    from newsevents.model import Article
    from newsevents.settings import Settings
    from newsevents.store import Store
    from newsevents.store.core import Access
    from newsevents.store.query import EventFilter

__all__ = ["Extraction", "__version__", "extract", "open_store", "pipe", "render", "to_pandas"]
__version__ = "0.1.0"

component.offer()  # nlp.add_pipe("newsevents") without a reinstall; costs nothing until spaCy loads


def extract(text_or_article: str | Article, settings: Settings | None = None) -> Extraction:
    """Extract events, figures, quotes and places from one article (text or `Article`)."""
    from newsevents.pipeline import extract as _extract

    return _extract(text_or_article, settings)


def pipe(
    records: Iterable[object],
    *,
    metadata: Metadata = None,
    batch_size: int | None = None,
    workers: int | None = None,
    settings: Settings | None = None,
    problems: list[Problem] | None = None,
) -> Iterator[Extraction]:
    """Extract from many texts, dicts (`text`, `title`, `url`, `source`, `published`, `id`) or
    Articles, in order; `metadata` (one dict, or one per record) fills what a record lacks. A bad
    record is logged in one line naming it ("record 3") and skipped: see `pipeline.pipe`."""
    from newsevents.pipeline import pipe as _pipe

    return _pipe(records, metadata=metadata, batch_size=batch_size, workers=workers, settings=settings,
                 problems=problems)  # fmt: skip


def render(extraction: Extraction) -> str:
    """A standalone HTML page of one article with its evidence marked (see `display.py`)."""
    from newsevents.display import render as _render

    return _render(extraction)


def to_pandas(
    source: Any, table: str = "events", filters: EventFilter | None = None, columns: str = "native"
) -> pd.DataFrame:
    """A store (open, or its path or URL) or Extractions as a DataFrame of one exported table:
    events, clusters, quantities, quotes or articles, with the export's columns and declared
    dtypes (see `frames.py`). Needs pandas: `pip install 'newsevents[pandas]'`."""
    from newsevents.frames import to_pandas as _to_pandas

    return _to_pandas(source, table, filters, columns)


def open_store(url: Any, access: Access = "create") -> Store:
    """Open a store, a SQLite path or URL: by default creating (or upgrading) it as `extract`
    does; `access="read"` only reads an existing one, as a notebook looking at a store that a
    run is filling should, and never creates, migrates or changes anything."""
    from newsevents.store import open_store as _open

    return _open(url, access)

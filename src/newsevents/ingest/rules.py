"""What reading an article needs besides its text: furniture cues, outlets and stopword lists.

Loaded together, once per `ingest.read` call (or once by a caller that builds many articles with
`article_from_text`), from the shipped files of the settings' language and the user's files the
settings' `ingest:` section names; then passed down, never cached in a module.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.ingest.furniture import Rules, load_rules
from newsevents.ingest.language import Language, load_languages
from newsevents.ingest.metadata import Outlets, load_outlets
from newsevents.settings import IngestFiles


@dataclass(frozen=True)
class IngestRules:
    """The loaded ingest data: furniture cues, outlets and the stopword lists of languages."""

    furniture: Rules
    outlets: Outlets
    languages: tuple[Language, ...]


def load_ingest_rules(files: IngestFiles | None = None, language: str = "en") -> IngestRules:
    """The shipped data of `language` with the user's files of `files` merged over it (E202 on a
    bad entry, naming file:line and field)."""
    files = files if files is not None else IngestFiles()
    return IngestRules(
        load_rules(files.furniture, language),
        load_outlets(files.outlets, language),
        load_languages(files.languages),
    )

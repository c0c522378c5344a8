"""The `quantities` stage: casualty and displacement figures, linked to the events of their sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.quantities import QuantityLexicon, count_figures, load_quantity_lexicon
from newsevents.stages import BuildContext, Found, Section, check_keys, paths_in

if TYPE_CHECKING:
    from newsevents.nlp.parsed import ParsedArticle

KEYS = frozenset({"lexicons"})


class QuantityStage:
    """Finds every figure with its kind, qualifier and status."""

    name = "quantities"
    needs: tuple[str, ...] = ("events",)
    sets: tuple[str, ...] = ("quantities",)

    def __init__(self, lexicon: QuantityLexicon) -> None:
        self.lexicon = lexicon

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> QuantityStage:
        check_keys(cls.name, section, KEYS)
        return cls(load_quantity_lexicon(paths_in(cls.name, section, "lexicons"), context.settings.language))

    def __call__(self, parsed: ParsedArticle, found: Found) -> Found:
        counted = count_figures(parsed, found.events or (), lexicon=self.lexicon)
        return found.with_(quantities=tuple(counted.quantities)).anchored(counted.anchors)

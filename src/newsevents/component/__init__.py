"""Our stages as a spaCy pipeline component: `nlp.add_pipe("newsevents")` sets `doc._.events`.

spaCy finds a package's component factory through the entry-point group `spacy_factories`,
which exists only once the package is installed with it. So that an existing install (an
editable one, a notebook's kernel) finds it too, `import newsevents` calls `offer()`: when
spaCy is loaded already, the factory module is imported there and then; otherwise a finder
waits for spaCy's `spacy.language` module and imports the factory module right after it, so
`import newsevents` itself never pays for importing spaCy. The factory lives in `factory.py`.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import logging
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

log = logging.getLogger(__name__)

FACTORY_MODULE = "newsevents.component.factory"
_SPACY_LANGUAGE = "spacy.language"


def offer() -> None:
    """Make the `newsevents` factory known to spaCy, now or as soon as spaCy is imported."""
    if _SPACY_LANGUAGE in sys.modules:
        importlib.import_module(FACTORY_MODULE)
    elif not any(isinstance(finder, _AfterSpacy) for finder in sys.meta_path):
        sys.meta_path.insert(0, _AfterSpacy())


class _AfterSpacy(importlib.abc.MetaPathFinder):
    """Finds nothing itself: when `spacy.language` is about to load, it wraps that module's
    loader so the factory module is imported once the Language class exists, then steps aside."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != _SPACY_LANGUAGE:
            return None
        sys.meta_path.remove(self)  # one use only, and the real finders answer from here on
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            try:
                importlib.import_module(FACTORY_MODULE)
            except Exception:  # our component must never break spaCy's own import
                log.warning("the newsevents spaCy component could not be registered", exc_info=True)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec

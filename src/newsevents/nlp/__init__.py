"""Loads the spaCy pipeline a pipeline is built with; the pinned English model is the default.

News text breaks paragraphs with blank lines and often leaves headlines, captions and
credit lines without a final full stop; the statistical parser then glues them to the next
paragraph. The `paragraph_breaks` component marks the token after any line break as a
sentence start before the parser runs, so a sentence never spans two lines, and keeps the
second token of a paragraph in the first one's sentence. Hard-wrapped text (wire copy, plain-text
mail, transcripts cut at 70 columns) is the exception: there a single line break inside a sentence
is only the width of the page, and marking it would cut "four men stabbed | the mayor to death"
in two.

The model's `attribute_ruler` and `lemmatizer` are replaced by one component that sets the
same token attributes from a per-token lookup compiled from them (`nlp/attributes.py`).

The tokenizer splits a hyphen after an abbreviation's full stop ("U.S.-Ukraine talks", "U.S.-led",
"U.K.-U.S. base"), as it splits "Russia-Ukraine": its default rule wants a letter before the hyphen,
so the pair stayed one word and neither country was found.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from newsevents.errors import ResourceError
from newsevents.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

# The default of the `model` setting, named once in settings.py; a run reads its Settings' model.
MODEL_NAME = Settings.model
PARAGRAPH_COMPONENT = "newsevents_paragraph_breaks"
SENTENCE_INDEX = "newsevents_sentence_index"


# A hard-wrapped text shows itself by lines that go on with a lower-case word: a headline, caption
# or paragraph never opens so. This many such lines, and this share of its single line breaks,
# make the text hard-wrapped (a page's leftover menu, "log in or register", has a few such lines
# among many short ones; wrapped MUC, IDMC and Reuters texts have a fifth or more).
WRAPPED_LINES = 2
WRAPPED_SHARE = 0.2
# The last token of a line that may end a sentence; after any other a wrapped line goes on.
SENTENCE_ENDS = frozenset({".", "!", "?", '"', "'", "\u201d", "\u2019", ")", "]", ":"})
# A token's `sent_start` of -1 (no sentence starts here) as the Doc's unsigned arrays hold it.
NOT_SENT_START = 2**64 - 1


def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every whitespace token holding a newline, but for a single line
    break inside a sentence of hard-wrapped text, which joins the two lines (`wrapped_lines`).

    Only whitespace tokens can break a line, and an article has a few dozen among its hundreds
    of words: they are found in the Doc's array of flags (`space_tokens`), so a Token is built
    for them and their neighbours only. The marks are written as one array: spaCy's setter of
    `Token.is_sent_start` first asks whether any token of the Doc has a dependency label, a walk
    of the whole Doc for every mark."""
    from spacy.attrs import SENT_START

    n = len(doc)
    spaces = space_tokens(doc)
    if not spaces:
        return doc
    wrapped, blank = wrapped_lines(doc, spaces), set(spaces)
    starts = doc.to_array(SENT_START)  # per token 1 (starts a sentence), -1 (does not), 0 (unknown)
    for i in spaces:
        if i >= n - 1:
            break
        if i in wrapped:
            starts[i + 1] = NOT_SENT_START
        elif "\n" in doc[i].text:
            starts[i + 1] = 1
            # The small model cuts a paragraph-opening number word off as a sentence of its
            # own ("Two | children were killed"); a word never ends a sentence by itself.
            if i + 2 < n and i + 1 not in blank and i + 2 not in blank and not doc[i + 2].is_punct:
                starts[i + 2] = NOT_SENT_START
    doc.from_array([SENT_START], starts)
    return doc


def space_tokens(doc: Doc) -> list[int]:
    """The indices, in order, of the Doc's whitespace tokens (`Token.is_space`), read from its
    array of flags: no Token is built for the words between them."""
    from spacy.attrs import IS_SPACE

    return doc.to_array(IS_SPACE).nonzero()[0].tolist() if len(doc) else []


def wrapped_lines(doc: Doc, spaces: list[int] | None = None) -> frozenset[int]:
    """The single line breaks (whitespace tokens with one newline) that wrap a sentence onto the
    next line, when the text is hard-wrapped: at least `WRAPPED_LINES` of its line breaks, and
    `WRAPPED_SHARE` of them, go on with a lower-case word. A break after a word that may end a
    sentence (`SENTENCE_ENDS`) is left to the parser; a blank line always parts paragraphs.
    Empty for any other text. `spaces`: the Doc's `space_tokens`, when the caller has them."""
    spaces = space_tokens(doc) if spaces is None else spaces
    blank, last = set(spaces), len(doc) - 1
    singles = [
        i
        for i in spaces
        if 0 < i < last and i - 1 not in blank and i + 1 not in blank and doc[i].text.count("\n") == 1
    ]
    lower = sum(1 for i in singles if doc[i + 1].text[:1].islower())
    if lower < WRAPPED_LINES or lower < WRAPPED_SHARE * len(singles):
        return frozenset()
    return frozenset(i for i in singles if doc[i - 1].text not in SENTENCE_ENDS)


def line_ends(doc: Doc) -> list[tuple[int, int]]:
    """(token index, character offset) of each whitespace token holding a newline that ends a
    line of text, in order: every such token but the single breaks of hard-wrapped text, which
    only end a line of the page (`wrapped_lines`)."""
    spaces = space_tokens(doc)
    wrapped = wrapped_lines(doc, spaces)
    breaks = [doc[i] for i in spaces if i not in wrapped]
    return [(t.i, t.idx) for t in breaks if "\n" in t.text]


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=mark_paragraph_breaks)


# A hyphen between an abbreviation's full stop and a letter: "U.S.-Ukraine", "U.S.-led"
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def _split_abbreviation_hyphens(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def load(name: str = MODEL_NAME, compiled_attributes: bool = True) -> Language:
    """Load the spaCy pipeline `name` with the paragraph-break component before its parser, and
    its attribute ruler and lemmatizer compiled into one lookup (`attributes.install`; with
    `compiled_attributes=False`, the model's own two components, as tests compare them).

    Raises ResourceError (one line saying how to install it) when the model is missing. Each
    call loads anew: the caller (`pipeline.build`) holds the result for as long as it runs.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ResourceError("E201", model=name) from exc
    _register()
    _split_abbreviation_hyphens(nlp)
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if compiled_attributes:
        from newsevents.nlp import attributes

        attributes.install(nlp)
    return nlp


TEXT_KEY = "newsevents_text"


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: spaCy's `Doc.text` re-joins every token on each access."""
    cached = doc.user_data.get(TEXT_KEY)
    if cached is None:
        cached = doc.user_data[TEXT_KEY] = doc.text
    return cached


def keep_text(doc: Doc, text: str) -> None:
    """Remember `text`, which the Doc was parsed from, as its text for `text_of`.

    spaCy's tokenizer loses no character, so a Doc's text is the text it was made from; the
    caller has that string already, and building it again joins a Token object per token. A
    Doc whose characters do not add up to `text`'s length was made from something else and is
    left to `text_of`.
    """
    if TEXT_KEY in doc.user_data:
        return
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if size == len(text):
        doc.user_data[TEXT_KEY] = text


def entities_in(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities lying wholly within tokens [start, end), as spaCy's `Span.ents` gives them.

    `Span.ents` rebuilds every entity of the Doc on each call, a cost that grows with the whole
    article for each sentence asked about; here the Doc's entities are listed once and found by
    bisection, so asking about every sentence stays linear in the article.
    """
    ents, starts = _cached(doc, "newsevents_ents", lambda: _indexed(doc.ents, "start"))
    found = []
    for ent in ents[bisect_left(starts, start) :]:
        if ent.end > end:
            break
        found.append(ent)
    return found


def entities_of(doc: Doc) -> list[Span]:
    """The Doc's entities, listed once per Doc: `Doc.ents` builds a Span per entity on each read,
    and several stages read them all. The list is shared: read it, never change it."""
    return _cached(doc, "newsevents_ents", lambda: _indexed(doc.ents, "start"))[0]


def sentences_between(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences overlapping characters [start, end), found by bisection in the Doc's
    sentences, listed once (`doc.sents` walks the whole Doc on each call)."""
    sents, ends = _cached(doc, "newsevents_sents", lambda: _indexed(doc.sents, "end_char"))
    found = []
    for sent in sents[bisect_right(ends, start) :]:
        if sent.start_char >= end:
            break
        found.append(sent)
    return found


def sentences_of(doc: Doc) -> list[Span]:
    """The Doc's sentences in order, listed once (`doc.sents` walks the whole Doc on each call,
    `Token.sent` the sentence around the token). The list is shared: read it, never change it."""
    return _cached(doc, "newsevents_sents", lambda: _indexed(doc.sents, "end_char"))[0]


def sentence_at(doc: Doc, i: int) -> Span:
    """The sentence holding token `i`: the Span `doc[i].sent` gives, found by bisection in the
    Doc's sentences listed once. `Token.sent` slices the Doc twice and asks whether it has
    sentence boundaries at all on every call. The Span is shared: read it, never change it."""
    sents, ends = _cached(doc, SENTENCE_INDEX, lambda: _indexed(sentences_of(doc), "end"))
    return sents[bisect_right(ends, i)]


def sentence_of(item: Token | Span) -> Span:
    """The sentence holding a token, or a span's first token: what `Token.sent` and `Span.sent` give."""
    start = getattr(item, "start", None)  # a Span's first token; a Token has no `start`
    if start is None:
        start = item.i  # type: ignore[union-attr]
    return sentence_at(item.doc, start)


def _indexed(spans: object, key: str) -> tuple[list[Span], list[int]]:
    listed = list(spans)  # type: ignore[call-overload]
    return listed, [getattr(span, key) for span in listed]


def _cached(doc: Doc, key: str, build: object) -> tuple[list[Span], list[int]]:
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = build()  # type: ignore[operator]
    return found  # type: ignore[no-any-return]

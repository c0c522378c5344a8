"""`nlp.words`: the strings a stage scans are exactly the ones the Doc's tokens give, on real
articles and on edge cases (empty text, whitespace, upper-case lemmas, curly quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.nlp.words import KEY, Words, words

SHARED = Path(__import__("os").environ["NEWSEVENTS_SHARED"])


def _expected(doc) -> Words:  # type: ignore[no-untyped-def]
    return Words(
        tuple(t.text for t in doc),
        tuple(t.lower_ for t in doc),
        tuple(t.lemma_.lower() for t in doc),
        tuple(t.pos_ for t in doc),
        tuple(t.dep_ for t in doc),
        tuple(t.tag_ for t in doc),
    )


@pytest.mark.model
def test_every_token_of_the_corpus_reads_as_its_doc_gives_it(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "articles").glob("*.txt"))]
    for doc in nlp.pipe(texts[:30]):
        assert words(doc) == _expected(doc)


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "  \n\n ", "NATO’s Chief SAID: “We Will Respond.”", "Kyiv\u00a0says"])
def test_edge_cases_read_as_the_doc_gives_them(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert words(doc) == _expected(doc)


@pytest.mark.model
def test_the_strings_are_read_once_per_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rebels attacked the base.")
    first = words(doc)
    assert doc.user_data[KEY] is first and words(doc) is first


@pytest.mark.model
def test_keys_made_from_the_strings_equal_those_made_from_the_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    """Trigger keys and actor-phrase keys are made from the strings `words` reads: they must be
    the keys the Token's own text and lemma give, on every token, dashes, quotes and spaces included."""
    from newsevents.actors.dictionary import norm_token
    from newsevents.actors.recognise import _key_of
    from newsevents.events.trigger_keys import keys_of

    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "articles").glob("*.txt"))]
    for doc in nlp.pipe(texts[:30]):
        w = words(doc)
        for t in doc:
            assert keys_of(w.lemma[t.i], w.lower[t.i]) == keys_of(t.lemma_, t.text)
            assert _key_of(w.lower[t.i]) == ("" if t.is_space else norm_token(t.text), t.is_space)


@pytest.mark.model
def test_labelled_words_are_the_words_of_the_tokens_with_that_label(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.nlp.words import labelled_words

    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "articles").glob("*.txt"))]
    for doc in nlp.pipe(texts[:30]):
        for label in ("PERSON", "GPE", "NORP"):
            assert labelled_words(doc, label) == {t.lower_ for t in doc if t.ent_type_ == label}
    assert labelled_words(nlp(""), "PERSON") == set()

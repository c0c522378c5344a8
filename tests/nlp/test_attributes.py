"""The compiled token attributes: every token of real articles gets exactly the POS, MORPH, LEMMA,
TAG and DEP that the model's own attribute ruler and lemmatizer give it, and hand-built rules
keep the ruler's semantics (order, sets, regexes, multi-token patterns, negative indices)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from newsevents.nlp.attributes import ATTRIBUTES_COMPONENT, LEMMATIZER, RULER, TokenAttributes, compile_rules

SHARED = Path(__import__("os").environ["NEWSEVENTS_SHARED"])
VOA_ARTICLES = 40


def _texts() -> Iterator[str]:
    for path in sorted((SHARED / "corpus" / "articles").glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    with (SHARED / "corpus" / "voa" / "voa_stories.jsonl").open(encoding="utf-8") as lines:
        for line in islice(lines, VOA_ARTICLES):
            yield json.loads(line)["text"]


def _attributes(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.i, t.text, t.pos_, str(t.morph), t.morph.key, t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_iob_,
         t.ent_type_)
        for t in doc
    ]


@pytest.mark.model
def test_real_articles_get_the_same_attributes_as_the_models_own_components(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents import nlp as nlp_module

    assert ATTRIBUTES_COMPONENT in nlp.pipe_names
    assert RULER not in nlp.pipe_names and LEMMATIZER not in nlp.pipe_names
    reference = nlp_module.load(compiled_attributes=False)
    assert RULER in reference.pipe_names and LEMMATIZER in reference.pipe_names
    texts = list(_texts())
    # Contractions the ruler's multi-token patterns are for, rare in news copy.
    texts.append("We're gon na win, let's go. There is a storm; they ai n't leaving. Y' all got ta see it.")
    assert len(texts) > 100
    tokens = 0
    for ours, theirs in zip(nlp.pipe(texts), reference.pipe(texts), strict=True):
        assert _attributes(ours) == _attributes(theirs)
        tokens += len(ours)
    assert tokens > 50_000


def _blank_with(rules: list[dict[str, Any]]) -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(rules)
    return nlp


def _doc(nlp: Any, words: list[str], tags: list[str], deps: list[str]) -> Any:
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


RULES: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["thing", "stuff"]}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"REGEX": "^th"}, "DEP": {"NOT_IN": ["", "det"]}}]], "attrs": {"LEMMA": "TH"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "DEP": "dep"}},
]


def test_hand_built_rules_set_what_the_ruler_sets_in_its_order() -> None:
    nlp = _blank_with(RULES)
    ruler = nlp.get_pipe("attribute_ruler")
    rules = compile_rules(ruler)
    assert rules is not None
    compiled = TokenAttributes(nlp.vocab, rules, None)
    words = ["Thing", "gon", "na", "there", "is", "\n", "the", "thing", "that"]
    tags = ["NN", "VBG", "TO", "EX", "VBZ", "", "DT", "NN", "WDT"]
    deps = ["nsubj", "aux", "aux", "expl", "ROOT", "", "det", "dobj", "nsubj"]
    ours, theirs = compiled(_doc(nlp, words, tags, deps)), ruler(_doc(nlp, words, tags, deps))
    assert _attributes(ours) == _attributes(theirs)
    by_word = {t.text: (t.pos_, t.lemma_, str(t.morph)) for t in ours}
    assert by_word["Thing"] == ("PRON", "TH", "Number=Sing")  # the later rule's POS wins
    assert by_word["na"][1] == "to" and by_word["is"][0] == "VERB"
    assert by_word["the"][1] == "" and by_word["that"][1] == "TH"
    assert ours[5].tag_ == "_SP" and ours[5].dep_ == "dep"


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "very", "OP": "+"}],
        [{"MORPH": {"IS_SUPERSET": ["Number=Sing"]}}],
        [{"_": {"flag": True}}],
        [{"LENGTH": {">=": 3}}],
    ],
)
def test_a_pattern_form_not_compiled_leaves_the_models_components(pattern: list[dict[str, Any]]) -> None:
    from newsevents.nlp.attributes import install

    nlp = _blank_with([{"patterns": [pattern], "attrs": {"POS": "ADV"}}])
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert compile_rules(nlp.get_pipe("attribute_ruler")) is None
    assert install(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler", "lemmatizer"]


@pytest.mark.model
def test_the_lemmatizers_word_index_is_held_as_sets(nlp) -> None:  # type: ignore[no-untyped-def]
    # `rule_lemmatize` only asks whether a form is in the index: a set answers that in one probe.
    # The real-articles test above checks that every lemma stays what the model's lists give.
    index = nlp.get_pipe(ATTRIBUTES_COMPONENT).lemmatizer.lookups.get_table("lemma_index")
    assert len(index) >= 3 and all(isinstance(words, frozenset) and words for words in index.values())


def test_morphology_is_written_as_from_array_writes_it() -> None:
    """The outcomes are written with MORPH apart, through `Token.morph`, only where it changes; a
    value `Token.morph` would store under another key (a feature string out of order) goes
    through `Doc.from_array` with the rest, so every value stays what `from_array` sets."""
    import numpy
    import spacy
    from spacy.attrs import LEMMA, MORPH, POS, TAG
    from spacy.tokens import Doc

    from newsevents.nlp.outcomes import MorphWriter

    nlp = spacy.blank("en")
    strings = nlp.vocab.strings
    sing, unsorted = strings.add("Number=Sing"), strings.add("Number=Sing|Case=Nom")
    attrs = (POS, MORPH, LEMMA, TAG)
    for morph in ([sing, 0, sing], [unsorted, sing, 0]):
        outs = numpy.array([[92, m, strings.add("x"), strings.add("NN")] for m in morph], dtype="uint64")
        keys = numpy.zeros((3, 2), dtype="uint64")
        ours, theirs = Doc(nlp.vocab, words=["a", "b", "c"]), Doc(nlp.vocab, words=["a", "b", "c"])
        MorphWriter(nlp.vocab, attrs, 1).write(ours, keys, outs)
        theirs.from_array(list(attrs), outs)
        assert ours.to_array(list(attrs)).tolist() == theirs.to_array(list(attrs)).tolist()
        assert ours.to_array(MORPH).tolist() == morph

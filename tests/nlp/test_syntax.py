"""The parse helpers on small hand-built parses, one construction each (no model needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.nlp.syntax import (
    clause_head,
    complement_subjects,
    coordinated_modifiers,
    governing_verb,
    infinitive_doers,
    is_finite,
    lent_clause_tokens,
    own_clause_indices,
    own_clause_tokens,
    passive_agents,
    shared_clause_head,
)


@pytest.fixture(scope="module")
def vocab():  # type: ignore[no-untyped-def]
    return spacy.blank("en").vocab


def parse(vocab, rows: list[tuple[str, int, str, str, str]]) -> Doc:  # type: ignore[no-untyped-def]
    """A Doc from (word, head index, dep, pos, tag) rows."""
    words, heads, deps, pos, tags = (list(col) for col in zip(*rows, strict=True))
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def texts(tokens) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.text for t in tokens]


def test_clause_head_is_the_nearest_verb_or_the_verb_itself(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("Rebels", 1, "nsubj", "NOUN", "NNS"),
        ("shelled", 1, "ROOT", "VERB", "VBD"),
        ("the", 3, "det", "DET", "DT"),
        ("town", 1, "dobj", "NOUN", "NN"),
    ])  # fmt: skip
    assert clause_head(doc[3]).text == "shelled"
    assert clause_head(doc[1]).text == "shelled"


def test_clause_head_without_a_verb_is_the_root(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("Clashes", 0, "ROOT", "NOUN", "NNS"),
        ("in", 0, "prep", "ADP", "IN"),
        ("Aleppo", 1, "pobj", "PROPN", "NNP"),
    ])  # fmt: skip
    assert clause_head(doc[2]).text == "Clashes"


def _shot_and_killed(vocab) -> Doc:  # type: ignore[no-untyped-def]
    return parse(vocab, [
        ("He", 2, "nsubjpass", "PRON", "PRP"),
        ("was", 2, "auxpass", "AUX", "VBD"),
        ("shot", 2, "ROOT", "VERB", "VBN"),
        ("and", 2, "cc", "CCONJ", "CC"),
        ("killed", 2, "conj", "VERB", "VBN"),
        ("outside", 4, "prep", "ADP", "IN"),
        ("home", 5, "pobj", "NOUN", "NN"),
    ])  # fmt: skip


def test_conjoined_verbs_without_a_subject_share_a_clause(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = _shot_and_killed(vocab)
    assert shared_clause_head(doc[6]).text == "shot"
    assert clause_head(doc[6]).text == "killed"  # the plain finder stops at the nearest verb


def test_a_conjoined_verb_with_its_own_subject_heads_its_clause(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("Rebels", 1, "nsubj", "NOUN", "NNS"),
        ("shelled", 1, "ROOT", "VERB", "VBD"),
        ("and", 1, "cc", "CCONJ", "CC"),
        ("troops", 4, "nsubj", "NOUN", "NNS"),
        ("stormed", 1, "conj", "VERB", "VBD"),
    ])  # fmt: skip
    assert shared_clause_head(doc[4]).text == "stormed"


def _said_killed(vocab) -> Doc:  # type: ignore[no-untyped-def]
    return parse(vocab, [
        ("Police", 1, "nsubj", "NOUN", "NNS"),
        ("said", 1, "ROOT", "VERB", "VBD"),
        ("rebels", 3, "nsubj", "NOUN", "NNS"),
        ("killed", 1, "ccomp", "VERB", "VBD"),
        ("ten", 3, "dobj", "NUM", "CD"),
    ])  # fmt: skip


def test_governing_verb_is_the_verb_above(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = _said_killed(vocab)
    assert governing_verb(doc[4]).text == "killed"
    assert governing_verb(doc[3]).text == "said"  # clause_head would answer "killed"
    assert governing_verb(doc[1]).text == "said"  # a root verb answers itself


def test_governing_verb_is_none_without_a_verb(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("Clashes", 0, "ROOT", "NOUN", "NNS"),
        ("in", 0, "prep", "ADP", "IN"),
        ("Aleppo", 1, "pobj", "PROPN", "NNP"),
    ])  # fmt: skip
    assert governing_verb(doc[2]) is None


def test_a_verb_is_finite_through_its_auxiliary(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("war", 2, "nsubj", "NOUN", "NN"),
        ("has", 2, "aux", "AUX", "VBZ"),
        ("killed", 2, "ROOT", "VERB", "VBN"),
        ("killing", 2, "advcl", "VERB", "VBG"),
    ])  # fmt: skip
    assert is_finite(doc[2])
    assert not is_finite(doc[3])


def test_own_clause_leaves_out_a_complement_clause(vocab) -> None:  # type: ignore[no-untyped-def]
    assert texts(own_clause_tokens(_said_killed(vocab)[1])) == ["Police", "said"]


def test_own_clause_keeps_a_participle_but_not_a_finite_adverbial(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("Rebels", 1, "nsubj", "NOUN", "NNS"),
        ("fled", 1, "ROOT", "VERB", "VBD"),
        ("leaving", 1, "advcl", "VERB", "VBG"),
        ("after", 5, "mark", "SCONJ", "IN"),
        ("troops", 5, "nsubj", "NOUN", "NNS"),
        ("came", 1, "advcl", "VERB", "VBD"),
    ])  # fmt: skip
    assert texts(own_clause_tokens(doc[1])) == ["Rebels", "fled", "leaving"]


def test_a_clause_is_walked_once_per_doc_and_read_as_indices(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = _said_killed(vocab)
    verb = doc[1]
    assert own_clause_indices(verb) == {0, 1}
    # The walk is kept with the Doc: a second question reads it rather than the parse again.
    kept = doc.user_data["newsevents_own_clauses"]
    assert kept == {1: (0, 1)}
    kept[1] = (0,)
    assert texts(own_clause_tokens(verb)) == ["Police"] and own_clause_indices(verb) == {0}


def test_a_participle_borrows_the_verb_and_subject_it_follows(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("A", 1, "det", "DET", "DT"),
        ("boat", 2, "nsubj", "NOUN", "NN"),
        ("sank", 2, "ROOT", "VERB", "VBD"),
        (",", 2, "punct", "PUNCT", ","),
        ("killing", 2, "advcl", "VERB", "VBG"),
        ("eight", 4, "dobj", "NUM", "CD"),
    ])  # fmt: skip
    assert texts(lent_clause_tokens(doc[4])) == ["A", "boat", "sank", "killing", "eight"]


def test_a_relative_clause_borrows_the_noun_it_hangs_on(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("a", 1, "det", "DET", "DT"),
        ("war", 1, "ROOT", "NOUN", "NN"),
        ("that", 4, "nsubj", "PRON", "WDT"),
        ("has", 4, "aux", "AUX", "VBZ"),
        ("killed", 1, "relcl", "VERB", "VBN"),
        ("thousands", 4, "dobj", "NOUN", "NNS"),
    ])  # fmt: skip
    assert texts(lent_clause_tokens(doc[4])) == ["a", "war", "that", "has", "killed", "thousands"]


def test_a_second_conjoined_verb_borrows_the_first_ones_phrases(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("Ten", 2, "nsubjpass", "NUM", "CD"),
        ("were", 2, "auxpass", "AUX", "VBD"),
        ("killed", 2, "ROOT", "VERB", "VBN"),
        ("and", 2, "cc", "CCONJ", "CC"),
        ("twenty", 5, "nsubj", "NUM", "CD"),
        ("wounded", 2, "conj", "VERB", "VBN"),
        ("in", 2, "prep", "ADP", "IN"),
        ("strikes", 6, "pobj", "NOUN", "NNS"),
    ])  # fmt: skip
    assert texts(lent_clause_tokens(doc[5])) == ["twenty", "wounded", "in", "strikes"]


def test_complement_subjects(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("They", 1, "nsubj", "PRON", "PRP"),
        ("demanded", 1, "ROOT", "VERB", "VBD"),
        ("that", 4, "mark", "SCONJ", "IN"),
        ("troops", 4, "nsubj", "NOUN", "NNS"),
        ("withdraw", 1, "ccomp", "VERB", "VB"),
    ])  # fmt: skip
    assert texts(complement_subjects(doc[1])) == ["troops"]


def test_passive_agents(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("He", 2, "nsubjpass", "PRON", "PRP"),
        ("was", 2, "auxpass", "AUX", "VBD"),
        ("shot", 2, "ROOT", "VERB", "VBN"),
        ("by", 2, "agent", "ADP", "IN"),
        ("soldiers", 3, "pobj", "NOUN", "NNS"),
    ])  # fmt: skip
    assert texts(passive_agents(doc[2])) == ["soldiers"]
    assert passive_agents(_shot_and_killed(vocab)[2]) == []


def test_coordinated_modifiers_name_one_party_each(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("Russian", 3, "amod", "ADJ", "JJ"),
        ("and", 0, "cc", "CCONJ", "CC"),
        ("Ukrainian", 0, "conj", "ADJ", "JJ"),
        ("officials", 4, "nsubj", "NOUN", "NNS"),
        ("met", 4, "ROOT", "VERB", "VBD"),
    ])  # fmt: skip
    assert texts(coordinated_modifiers(doc[3])) == ["Russian", "Ukrainian"]


def test_a_lone_modifier_names_no_further_party(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("Russian", 1, "amod", "ADJ", "JJ"),
        ("officials", 2, "nsubj", "NOUN", "NNS"),
        ("met", 2, "ROOT", "VERB", "VBD"),
    ])  # fmt: skip
    assert coordinated_modifiers(doc[1]) == []


def test_an_attempt_is_made_by_its_owner_or_by_who_steps_it_up(vocab) -> None:  # type: ignore[no-untyped-def]
    owned = parse(vocab, [
        ("Turkey", 1, "poss", "PROPN", "NNP"),
        ("efforts", 6, "nsubj", "NOUN", "NNS"),
        ("to", 3, "aux", "PART", "TO"),
        ("improve", 1, "acl", "VERB", "VB"),
        ("ties", 3, "dobj", "NOUN", "NNS"),
        ("could", 6, "aux", "AUX", "MD"),
        ("help", 6, "ROOT", "VERB", "VB"),
    ])  # fmt: skip
    owned[1].lemma_ = "effort"
    assert texts(infinitive_doers(owned[3])) == ["Turkey"]
    stepped = parse(vocab, [
        ("India", 1, "nsubj", "PROPN", "NNP"),
        ("stepped", 1, "ROOT", "VERB", "VBD"),
        ("efforts", 1, "dobj", "NOUN", "NNS"),
        ("to", 4, "aux", "PART", "TO"),
        ("build", 2, "acl", "VERB", "VB"),
        ("ties", 4, "dobj", "NOUN", "NNS"),
    ])  # fmt: skip
    stepped[2].lemma_ = "effort"
    assert texts(infinitive_doers(stepped[4])) == ["India"]


def test_a_plan_is_no_attempt(vocab) -> None:  # type: ignore[no-untyped-def]
    doc = parse(vocab, [
        ("Turkey", 1, "poss", "PROPN", "NNP"),
        ("plans", 1, "ROOT", "NOUN", "NNS"),
        ("to", 3, "aux", "PART", "TO"),
        ("improve", 1, "acl", "VERB", "VB"),
    ])  # fmt: skip
    doc[1].lemma_ = "plan"
    assert infinitive_doers(doc[3]) == []


def test_readiness_lends_the_copulas_subject_unless_negated(vocab) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ("Egypt", 1, "nsubj", "PROPN", "NNP"),
        ("is", 1, "ROOT", "AUX", "VBZ"),
        ("ready", 1, "acomp", "ADJ", "JJ"),
        ("to", 4, "aux", "PART", "TO"),
        ("talk", 2, "xcomp", "VERB", "VB"),
    ]  # fmt: skip
    assert texts(infinitive_doers(parse(vocab, rows)[2])) == ["Egypt"]
    negated = parse(vocab, [
        ("Egypt", 1, "nsubj", "PROPN", "NNP"),
        ("is", 1, "ROOT", "AUX", "VBZ"),
        ("not", 1, "neg", "PART", "RB"),
        ("ready", 1, "acomp", "ADJ", "JJ"),
        ("to", 5, "aux", "PART", "TO"),
        ("talk", 3, "xcomp", "VERB", "VB"),
    ])  # fmt: skip
    assert infinitive_doers(negated[3]) == []

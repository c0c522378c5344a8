"""Sides read from the article beyond the trigger's own clause, through the real pipeline: a
rejection with no target answers what was said to its source just before (`events.sides.answered`),
and the parties "between" names are the sides of a mutual act (`events.parties.mutual_partner`)."""

from __future__ import annotations

import pytest
from tests.events.conftest import code_triples, extract_sentences

from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "accusation": "Officials spoke on Monday. Pakistani officials blamed India for the attack. "
                  "New Delhi quickly rejected the charge.",
    "own_sentence": "Officials spoke on Monday. Lawmakers accused the Kenyan president of corruption, "
                    "a charge he rejected on Tuesday.",
    "force": "Officials spoke on Monday. Tuareg rebels attacked the Malian army. "
             "The Malian army rejected the claims.",
    "refused": "Officials spoke on Monday. Pakistani officials urged India to hand over the suspects. "
               "New Delhi refused.",
    "alone": "Officials spoke on Monday. The Malian army refused.",
    "failing": "Officials spoke on Monday. "
               "Croatian authorities are failing to uphold the rights of refugees.",
}


@pytest.fixture(scope="module")
def coded() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)


def rejections(ex: Extraction) -> set[tuple[str | None, str | None, str]]:
    return {t for t in code_triples(ex.events) if t[2].startswith("12")}


def test_a_rejected_charge_is_aimed_at_who_made_it(coded: dict[str, Extraction]) -> None:
    assert rejections(coded["accusation"]) == {("INDGOV", "PAKGOV", "120")}


def test_a_charge_rejected_in_its_own_sentence_is_aimed_at_who_made_it(coded: dict[str, Extraction]) -> None:
    got = {(s and s[:3], t and t.endswith("LEG"), c) for s, t, c in rejections(coded["own_sentence"])}
    assert got == {("KEN", True, "120")}


def test_force_is_not_what_a_rejection_answers(coded: dict[str, Extraction]) -> None:
    assert {t for _, t, _ in rejections(coded["force"])} == {None}


def test_a_bare_refusal_answers_the_request_before_it(coded: dict[str, Extraction]) -> None:
    """ "New Delhi refused.": the verb names nothing it refuses, but the sentence before asked it."""
    assert rejections(coded["refused"]) == {("INDGOV", "PAKGOV", "120")}


def test_a_bare_refusal_with_nothing_to_answer_stands_on_its_source(coded: dict[str, Extraction]) -> None:
    assert rejections(coded["alone"]) == {("MLIMIL", None, "120")}


def test_a_verb_coded_only_by_the_converted_dictionary_still_needs_both_sides(
    coded: dict[str, Extraction],
) -> None:
    """ "failing to uphold": the converted dictionary's isolated code for "fail" is too weak alone."""
    assert rejections(coded["failing"]) == set()


def test_the_parties_between_are_the_sides_whoever_the_subject_is() -> None:
    """ "displaced by fighting between X and Y": X and Y fight each other, not the sentence's subject."""
    text = ("Officials spoke on Monday. Malian officials urged villagers to return home after thousands "
            "were displaced by fighting between Tuareg rebels and Malian troops.")
    (ex,) = extract_sentences({"between": text}).values()
    fights = {(s, t) for s, t, c in code_triples(ex.events) if c.startswith("19")}
    assert fights == {("MLIREB", "MLIMIL"), ("MLIMIL", "MLIREB")}


def test_a_state_does_not_sanction_its_own_country_named_bare() -> None:
    """ "doubled the U.S. tariff": the U.S. is the president's own side, not whom the tariff hits;
    the act stays, with no target rather than a wrong one."""
    text = ("Officials spoke on Monday. "
            "President Joe Biden doubled the U.S. tariff on Mexican steel on Tuesday.")
    (ex,) = extract_sentences({"tariff": text}).values()
    assert code_triples(ex.events) == {("USAGOV", None, "163")}

"""Help one party gives another ("X helped Y build ..."), the object a bare infinitive's subject
stands for, possessors that are the doers of acts needing one ("Israel's crackdown"), and an
"-ing" form the model cut to a wrong stem ("waging" -> "wag") still read as its verb, through the
real pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import countries_of, extract_sentences

from newsevents.events.trigger_keys import keys_of
from newsevents.model import Extraction

pytestmark = pytest.mark.model

SENTENCES = {
    "helped": "India helped Mauritius last year.",
    "build": "Last year, India helped Mauritius build an airstrip.",
    "thing": "The rain helped Australian firefighters.",
    "said": "Russia said Ukraine attacked the plant.",
    "ban": "The Taliban's ban on books angered Afghan writers.",
    "arrest": "The Egyptian opposition leader's arrest angered Ethiopia.",
    "waging": "The United States has been waging a tariff fight with Canada.",
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extraction]:
    return extract_sentences(SENTENCES)



def test_one_country_helping_another_is_aid(extracted: dict[str, Extraction]) -> None:
    assert ("IND", "MUS", "070") in countries_of(extracted["helped"].events)


def test_a_bare_infinitive_s_subject_after_help_is_whom_it_helps(extracted: dict[str, Extraction]) -> None:
    assert ("IND", "MUS", "070") in countries_of(extracted["build"].events)


def test_help_from_a_thing_is_no_aid(extracted: dict[str, Extraction]) -> None:
    assert not any(e.cameo.startswith("07") for e in extracted["thing"].events)


def test_a_finite_clause_keeps_its_subject(extracted: dict[str, Extraction]) -> None:
    assert all(e.target is None or e.target.country != "UKR" for e in extracted["said"].events)


def test_the_possessor_of_a_ban_imposes_it(extracted: dict[str, Extraction]) -> None:
    events = [e for e in extracted["ban"].events if e.cameo.startswith("172")]
    assert events and all(e.source is not None and e.source.code.startswith("AFG") for e in events)


def test_the_possessor_of_an_arrest_still_undergoes_it(extracted: dict[str, Extraction]) -> None:
    events = [e for e in extracted["arrest"].events if e.cameo == "173"]
    assert events and all(e.source is None and e.target is not None for e in events)


def test_an_ing_form_cut_to_a_stem_gets_its_silent_e_back() -> None:
    assert "wage" in keys_of("wag", "waging")
    assert "waging" in keys_of("wag", "waging")
    assert keys_of("wage", "waging") == ("wage", "waging")


def test_a_light_verb_in_its_ing_form_lends_its_subject(extracted: dict[str, Extraction]) -> None:
    assert ("USA", "CAN", "163") in countries_of(extracted["waging"].events)

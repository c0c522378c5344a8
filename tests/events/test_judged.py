"""A criticism or rejection that names an act coded in its sentence is aimed at the act's doer
(events/sides.py, `answered`), through the whole pipeline."""

from __future__ import annotations

import pytest
from tests.events.conftest import events_of_root


@pytest.mark.model
def test_condemning_an_attack_told_again_is_aimed_at_the_attackers() -> None:
    text = "Somali gunmen stormed a hotel in Kismayo on Sunday. The Kenyan government condemned the attack."
    (criticism,) = events_of_root(text, "11")
    assert criticism.source is not None and criticism.source.code == "KENGOV"
    assert criticism.target is not None and criticism.target.code == "SOMUAF"


@pytest.mark.model
def test_a_government_condemns_an_attack_by_rebels_of_its_own_country() -> None:
    text = ("\u201cBoko Haram's attack on the convoy is an attack on all of us,\u201d the Nigerian governor"
            " said, condemning the attack.")  # fmt: skip
    (criticism,) = events_of_root(text, "11")
    assert criticism.target is not None and criticism.target.code == "NGAREB"


@pytest.mark.model
def test_two_rejecters_of_one_trigger_do_not_judge_each_other() -> None:
    rejections = events_of_root("Both Chile and Peru rejected the claims.", "12")
    assert {e.source.code for e in rejections if e.source is not None} == {"CHL", "PER"}
    assert all(e.target is None for e in rejections)


@pytest.mark.model
def test_co_subjects_of_one_rejection_answer_the_same_accusation() -> None:
    """ "Both Pakistan and China rejected the accusation": the accusation was aimed at China alone,
    but the one rejection both said answers it for both, Pakistan's own separatists included."""
    text = ("Pakistani separatists accused China of exploiting Balochistan. "
            "Both Pakistan and China rejected the accusation.")  # fmt: skip
    rejections = events_of_root(text, "12")
    assert {e.source.code for e in rejections if e.source is not None} == {"PAK", "CHN"}
    assert all(e.target is not None and e.target.code == "PAKSEP" for e in rejections)

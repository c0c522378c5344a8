"""A criticism or rejection that names an act coded in its sentence is aimed at the act's doer
(events/sides.py, `answered`), through the whole pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from tests.events.conftest import events_of_root

from newsevents import extract
from newsevents.events.judged import WINDOW, Judged, judges_own, shares_stem
from newsevents.model import Actor


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


# A judgement of an act named by a definite noun alone aims at the doer the story told before it
# (events/judged.py).


@pytest.mark.model
def test_criticism_of_the_move_aims_at_the_doer_of_the_act_told_before() -> None:
    text = "Russia imposed new sanctions on Ukraine on Monday. The European Union condemned the move."
    (criticism,) = events_of_root(text, "11")
    assert criticism.target is not None and criticism.target.code == "RUS"


@pytest.mark.model
def test_a_judged_noun_of_the_acts_stem_names_that_act_not_the_latest() -> None:
    """ "the extension" is the extending the parliament voted for, not the decree signed since."""
    text = ("The Kenyan parliament voted to extend the curfew. The president signed a decree on Friday. "
            "The opposition denounced the extension.")  # fmt: skip
    (criticism,) = events_of_root(text, "11")
    assert criticism.target is not None and criticism.target.code == "KENLEG"


@pytest.mark.model
def test_condemning_the_sanctions_told_before_is_coded_against_their_imposer() -> None:
    text = "Russia imposed new sanctions on Ukraine on Monday. The European Union condemned the sanctions."
    (criticism,) = events_of_root(text, "11")
    assert criticism.target is not None and criticism.target.code == "RUS"


@pytest.mark.model
def test_a_judge_defending_its_own_decision_aims_at_nobody() -> None:
    events = extract("The government expelled two diplomats. The government defended the decision.").events
    assert not [e for e in events if e.cameo_root == "05"]


@pytest.mark.model
def test_an_act_told_beyond_the_window_is_not_judged_by_a_bare_noun() -> None:
    text = ("Russia imposed new sanctions on Ukraine on Monday. Two weeks later, Germany hosted a summit. "
            "Officials met in Berlin. Prices rose in Paris. Rain fell in London. "
            "The European Union condemned the move.")  # fmt: skip
    (criticism,) = events_of_root(text, "11")
    assert criticism.target is None


@pytest.mark.model
def test_a_rejection_of_a_bare_noun_takes_no_unrelated_act() -> None:
    """A rejection answers an accusation (`sides.answered`); a noun of another stem does not make
    the latest act its object."""
    text = "Russia imposed new sanctions on Ukraine on Monday. Ukraine rejected the decision."
    (rejection,) = events_of_root(text, "12")
    assert rejection.target is None


@pytest.mark.parametrize(
    ("noun", "word", "same"),
    [("extension", "extend", True), ("allegation", "allege", True), ("action", "act", True),
     ("decision", "decide", True), ("law", "launch", False), ("move", "meet", False)],
)  # fmt: skip
def test_shares_stem(noun: str, word: str, same: bool) -> None:
    assert shares_stem(noun, word) is same


def test_a_country_named_bare_judges_its_own_organs_acts_as_its_own() -> None:
    usa = Actor(text="United States", name="United States", code="USA", country="USA", sector=None)
    blinken = Actor(text="Blinken", name="Blinken", code="USAGOV", country="USA", sector="GOV")
    opposition = Actor(text="opposition", name="opposition", code="SOMOPP", country="SOM", sector="OPP")
    somalia = Actor(text="government", name="government", code="SOMGOV", country="SOM", sector="GOV")
    assert judges_own(blinken, usa)
    assert not judges_own(somalia, opposition)


class _CountingIndex:
    """A mention index that finds no one and counts how often it is asked."""

    def __init__(self, doc: Doc) -> None:
        self.doc, self.asked = doc, 0

    def resolve(self, tokens: object) -> tuple[()]:
        self.asked += 1
        return ()


def test_a_sentences_acts_are_read_only_when_a_judgement_asks_and_within_the_window() -> None:
    words = [w for pair in ("Rebels attacked", "Police fired", "Troops shelled", "Crowds marched",
                            "Guards shot") for w in (*pair.split(" "), ".")]  # fmt: skip
    heads = [h for k in range(0, len(words), 3) for h in (k + 1, k + 1, k + 1)]
    deps = ["nsubj", "ROOT", "punct"] * 5
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=["NOUN", "VERB", "PUNCT"] * 5)
    index = _CountingIndex(doc)
    judged = Judged(index, None)  # type: ignore[arg-type]
    for k in range(0, len(words), 3):
        judged.start(doc[k : k + 3])
    assert index.asked == 0  # no judgement has asked: no verb's doer was read
    assert judged._deeds() == [] and index.asked == WINDOW + 1  # the sentences a noun may still judge
    judged._deeds()
    assert index.asked == WINDOW + 1  # each read once

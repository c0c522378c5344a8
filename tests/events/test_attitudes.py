"""Disapproval told as an attitude, acts told through a participle on their noun, and what is
received from someone, through the real pipeline.

"X opposes Y", "X is opposed to Y's plan" and "X was disappointed by Y's decision" are disapproval
(110), held by the subject even where the parse reads a passive (`parties.attitude_holder`, entries
with `source_from: holder`). "Sanctions imposed by the EU on Russia" names the EU as the doer and
Russia as the target; before, the agent came back as the target too and the act had one side twice
(`parties.participle_target`). "X received a loan from Y" is Y's act on X (`parties.received`,
entries with `source_from: giver`). "Demonstrated its strength" is no protest. The sentences are
the project's own.
"""

from __future__ import annotations

import pytest
from tests.events.conftest import side_triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany strongly opposes China's expansion in the region.", ("DEU", "CHN", "110")),
        ("Canada opposes Russia's expansion and, to that end, arms its rivals.", ("CAN", "RUS", "110")),
        ("Israel is opposed to French mediation in the talks.", ("ISR", "FRA", "126")),
        ("Turkey is opposed to Greece's claim over the islands.", ("TUR", "GRC", "110")),
        ("Turkey is strongly opposed to the Greek plan.", ("TUR", "GRC", "120")),
        ("The White House said it was deeply disappointed by Russia's decision.", ("USA", "RUS", "110")),
        ("Berlin was disappointed with Poland's vote.", ("DEU", "POL", "110")),
    ],
)
def test_an_attitude_is_held_by_its_subject(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in side_triples(text)


def test_a_true_passive_keeps_its_agent_as_the_source() -> None:
    assert ("TUR", "GRC", "120") in side_triples("The Greek plan was opposed by Turkey.")


def test_disappointment_with_no_party_is_no_event() -> None:
    assert side_triples("The fans were disappointed by the loss on Sunday.") == set()


def test_a_participle_on_its_act_noun_names_doer_and_target_apart() -> None:
    coded = side_triples("Sanctions imposed by the European Union on Russia have hurt its economy.")
    assert {(src, tgt) for src, tgt, code in coded if code == "163"} == {("IGOEEC", "RUS")}


def test_a_participle_on_what_its_act_befalls_is_its_agent_s_act() -> None:
    """ "books banned by the Taliban": the books are the ban's own word, no party; the agent bans."""
    coded = side_triples("There were more than 400 books banned by the Taliban last year.")
    assert {(src, tgt) for src, tgt, code in coded if code == "1721"} == {("AFG", None)}


def test_a_participle_on_another_noun_is_still_no_event() -> None:
    assert side_triples("A lunch hosted by the Kenyan ambassador ended early.") == set()



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya received a loan of $1 billion from China.", ("CHN", "KEN", "071")),
        ("Haiti received food and medicine from Canada.", ("CAN", "HTI", "073")),
        ("Ukraine is receiving intelligence from the United States.", ("USA", "UKR", "064")),
    ],
)
def test_what_is_received_is_given_by_whoever_from_names(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in side_triples(text)


def test_showing_strength_is_no_demonstration() -> None:
    assert side_triples("The Malian army demonstrated its strength with a parade in Bamako.") == set()
    coded = side_triples("Students demonstrated against the new law in Nairobi.")
    assert "141" in {code for _, _, code in coded}


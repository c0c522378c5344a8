"""Disputes and exchanged words between two parties, through the real pipeline.

A dispute is disapproval both ways (CAMEO 110), named by a verb with a contested thing as its
object ("X and Y have been disputing the islands") or by a noun with both sides ("disputes between
X and Y", "X's dispute with Y"); barbs or accusations exchanged are criticism (111) or accusation
(112) both ways.
"""

from __future__ import annotations

import pytest
from tests.events.conftest import country_triples

pytestmark = pytest.mark.model




@pytest.mark.parametrize(
    "text",
    [
        "Japan and China have been disputing the uninhabited islands in the East China Sea for years.",
        "Recent energy finds have sparked a series of territorial disputes between Japan and China.",
        "China's dispute with Japan over the islands has worsened.",
    ],
)
def test_a_dispute_between_two_parties_is_disapproval_both_ways(text: str) -> None:
    coded = country_triples(text)
    assert ("JPN", "CHN", "110") in coded and ("CHN", "JPN", "110") in coded


@pytest.mark.parametrize(
    "text",
    [
        # no side named
        "The long-running maritime dispute worsened on Tuesday.",
        # the noun read as a verb with no object
        "Denmark accepted a formula for ending its fisheries dispute with its European partners.",
        # a participle with no contested thing as its object
        "The Beagle Channel, disputed by Argentina and Chile, was closed to shipping.",
    ],
)
def test_a_dispute_without_both_sides_or_a_contested_thing_is_no_event(text: str) -> None:
    assert not [c for _, _, c in country_triples(text) if c == "110"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Turkish and French leaders had been exchanging angry barbs.", "111"),
        ("Turkey exchanged insults with France at the summit.", "111"),
        ("Turkey and France exchanged accusations on Tuesday.", "112"),
    ],
)
def test_words_exchanged_are_criticism_both_ways(text: str, code: str) -> None:
    coded = country_triples(text)
    assert ("TUR", "FRA", code) in coded and ("FRA", "TUR", code) in coded

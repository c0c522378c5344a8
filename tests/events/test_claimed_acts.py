"""Acts told as what a party claims: "X claimed responsibility for attacking Y".

A gerund after "for" borrows no subject in general ("criticised X for attacking Y": X attacked, not
the critic), but after a claim of responsibility or credit the claimant is the act's author. Real
pipeline; the sentences are the project's own.
"""

from __future__ import annotations

import pytest
from tests.events.conftest import code_triples, dated_events

pytestmark = pytest.mark.model


def _coded(text: str) -> set[tuple[str | None, str | None, str]]:
    return code_triples(dated_events(text))


def test_the_claimant_of_an_attack_is_its_author() -> None:
    coded = _coded("The Taliban claimed responsibility for attacking a police checkpoint on Monday.")
    assert any(s == "AFGGOV" and c.startswith("1") and c[:2] in ("18", "19") for s, _, c in coded)


def test_credit_taken_for_an_attack_names_its_author() -> None:
    coded = _coded("The BLA took credit for attacking a military vehicle on Monday.")
    assert ("PAKSEP", None, "180") in coded


def test_a_critic_of_an_attack_is_not_its_author() -> None:
    coded = _coded("The minister criticised the Taliban for attacking a police checkpoint.")
    assert not any(s == "GOV" and c[:2] in ("18", "19") for s, _, c in coded)

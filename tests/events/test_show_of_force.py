"""Shows of military or police power (CAMEO 150) and mobilisations (154) told with no target,
through the real pipeline.

Forces patrolling an area demonstrate their power whether or not the sentence names whom at; the
converted dictionary codes "patrol" only with an aircraft object, so "patrol" has a line of its
own in `verbs.yml` that asks for a source alone. The sentences are the project's own.
"""

from __future__ import annotations

import pytest
from tests.events.conftest import code_triples, dated_events

pytestmark = pytest.mark.model


def _coded(text: str) -> set[tuple[str | None, str | None, str]]:
    return code_triples(dated_events(text))


def test_forces_patrolling_an_area_show_their_power() -> None:
    coded = _coded("Indian troops patrolled the border on Monday, the ministry said.")
    assert ("INDMIL", None, "150") in coded


def test_patrolling_with_no_one_named_is_no_event() -> None:
    assert not any(c == "150" for *_, c in _coded("The area is patrolled day and night."))


def test_forces_deployed_in_the_passive_mobilise() -> None:
    # no one is named as ordering it: the forces moved are the ones mobilising (154)
    coded = _coded("Thousands of Indian soldiers were deployed in Kashmir on Monday.")
    assert ("INDMIL", None, "154") in coded
    assert ("RUSMIL", None, "154") in _coded("Russian troops were deployed to the border on Monday.")


def test_what_is_deployed_in_the_passive_must_be_a_force() -> None:
    coded = _coded("New voting machines were deployed in Kenya on Monday.")
    assert not any(c.startswith("15") for *_, c in coded)


def test_a_border_standoff_one_side_is_locked_in_shows_force_both_ways() -> None:
    # the passive subject of "locked in" takes part in the mutual act named under "in"
    coded = _coded("India has been locked in a border standoff with China for almost a year.")
    assert {("IND", "CHN", "150"), ("CHN", "IND", "150")} <= coded


def test_a_standoff_of_police_with_a_gunman_is_no_show_of_force() -> None:
    coded = _coded("Police ended a standoff with the gunman after four hours.")
    assert not any(c.startswith("15") for *_, c in coded)

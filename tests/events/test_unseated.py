"""unseated.py: whom an act of removal from office befalls held the office when it was done."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_former_official_removed_is_coded_in_office(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("In April, the military removed Bashir.", [("military", "SDNMIL"), ("Bashir", "SDNELI")])
    assert {(s, t) for s, t, _ in triples(events)} == {("SDNMIL", "SDNGOV")}


def test_a_former_official_impeached_by_lawmakers(code, triples) -> None:  # type: ignore[no-untyped-def]
    text = "Former Deputy President Gachagua was impeached by lawmakers."
    events = code(text, [("Former Deputy President Gachagua", "KENELI"), ("lawmakers", "KENLEG")])
    assert triples(events) == {("KENLEG", "KENGOV", "172")}


def test_other_acts_keep_the_former_official(code, triples) -> None:  # type: ignore[no-untyped-def]
    events = code("The military arrested Bashir.", [("military", "SDNMIL"), ("Bashir", "SDNELI")])
    assert {(s, t) for s, t, _ in triples(events)} == {("SDNMIL", "SDNELI")}

"""An act blamed on someone, through the real pipeline: "X blamed the attacks on Y" and "the attack,
which X blamed on Y" make Y the attacks' author, never their target."""

from __future__ import annotations

import pytest
from tests.events.conftest import judged_events

pytestmark = pytest.mark.model


def _sides(text: str, root: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None)
        for e in judged_events(text)
        if e.cameo.startswith(root)
    }


def test_attacks_blamed_on_militants_are_theirs() -> None:
    sides = _sides("Islamabad has blamed several recent attacks on militants present on Afghan soil.", "19")
    assert sides and all(source == "AFGREB" and target != "AFGREB" for source, target in sides)


def test_an_attack_a_relative_clause_blames_is_its_author_s() -> None:
    sides = _sides("Two soldiers died in the attack, which the military blamed on the ELN.", "19")
    assert sides and all(source == "COLREB" for source, _ in sides)


def test_a_bombing_attributed_to_a_group_is_the_group_s() -> None:
    sides = _sides("The army attributed the bombing to the Pakistani Taliban.", "18")
    assert sides and all(source == "PAKREB" for source, _ in sides)


def test_the_accusation_itself_keeps_its_target() -> None:
    assert ("PAKGOV", "AFGREB") in _sides(
        "Islamabad has blamed several recent attacks on militants present on Afghan soil.", "112"
    )


def test_attacks_blamed_in_the_passive_are_their_author_s() -> None:
    sides = _sides("The attacks were blamed on Islamic State militants.", "19")
    assert sides and all(source == "IMGISI" for source, _ in sides)

"""A known surname inside another person's full name is someone else ("Hunter Biden" is not Joe
Biden), and so is that surname again later; a title, a middle initial or another spelling of the
known first name keeps the known person (forenames.py). The sentences are the project's own."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


def _codes(actor_dictionary, parse, text: str, published: str = "2022-03-01") -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    art, doc = parse(text, published=published)
    return {m.actor.text: m.actor.code for m in find_mentions(doc, art, actor_dictionary)}


@pytest.mark.parametrize("text", [
    "Hunter Biden met the lawyers in Delaware on Monday.",
    "Rachel Bennett, a U.N. rapporteur, said the junta must stop the raids.",
])  # fmt: skip
def test_another_first_name_is_another_person(actor_dictionary, parse, text: str) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(actor_dictionary, parse, text)
    assert not any(code and code.startswith(("USAGOV", "ISR")) for code in codes.values()), codes


def test_the_surname_again_is_the_other_person(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    text = "Rachel Bennett visited the camps on Monday. Bennett said the camps were full."
    codes = _codes(actor_dictionary, parse, text)
    assert not any(code and code.startswith("ISR") for code in codes.values()), codes


@pytest.mark.parametrize(("text", "name", "code"), [
    ("President Xi met the envoys in Beijing.", "President Xi", "CHNGOV"),
    ("Ayatollah Khamenei met the envoys in Tehran.", "Ayatollah Khamenei", "IRNGOV"),
    ("Mr Bennett met the envoys in Jerusalem.", "Bennett", "ISRGOV"),
    ("Naftali R. Bennett met the envoys in Jerusalem.", "Bennett", "ISRGOV"),
    ("Naftaly Bennett met the envoys in Jerusalem.", "Bennett", "ISRGOV"),
])  # fmt: skip
def test_a_title_an_initial_or_a_spelling_keeps_the_known_person(  # type: ignore[no-untyped-def]
    actor_dictionary, parse, text: str, name: str, code: str
) -> None:
    codes = _codes(actor_dictionary, parse, text)
    assert any(name in found and got == code for found, got in codes.items()), codes

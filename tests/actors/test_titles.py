"""People named with a title: abbreviated titles before a name ("Sen. X", "Gov. X", "DP X") give
the person the title's sector, and only there ("the DP" alone may be a party); a titled name the
model labels an organisation or a place is still a person when it labels the same surname a
person elsewhere in the article (titled.py), so the later surname points back to it. The
sentences are the project's own."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


def _mentions(actor_dictionary, parse, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    return [(m.actor.text, m.actor.sector) for m in find_mentions(doc, art, actor_dictionary)]


@pytest.mark.parametrize(("text", "name", "sector"), [
    ("Sen. Chuck Grassley criticized the plan on Tuesday.", "Sen. Chuck Grassley", "LEG"),
    ("Gov. Ron DeSantis signed the bill on Friday.", "Gov. Ron DeSantis", "GOV"),
    ("Opposition MP John Mbadi accused the cabinet of lying.", "Opposition MP John Mbadi", "OPP"),
])  # fmt: skip
def test_an_abbreviated_title_gives_the_person_its_sector(  # type: ignore[no-untyped-def]
    actor_dictionary, parse, text: str, name: str, sector: str
) -> None:
    assert (name, sector) in _mentions(actor_dictionary, parse, text)


def test_an_abbreviated_title_alone_is_no_actor(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(actor_dictionary, parse, "The DP said it would boycott the vote.")
    assert not any("DP" in text for text, _ in found)


def test_a_titled_name_labelled_otherwise_is_the_person_its_surname_names(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    # the model labels "DP Rigathi Gachagua" an organisation here, and the later "Gachagua" a person
    text = ("A Kenyan court dealt a blow to former DP Rigathi Gachagua on Monday. "
            "He said Gachagua was innocent. Gachagua denied all the charges.")  # fmt: skip
    found = _mentions(actor_dictionary, parse, text)
    assert ("DP Rigathi Gachagua", "ELI") in found
    assert found[-2:] == [("Gachagua", "ELI"), ("Gachagua", "ELI")]


@pytest.mark.parametrize(("text", "sector"), [
    ("Secretary General Christopher Lockyear said the fighting had to stop.", None),
    ("Attorney General Merrick Garland said the fighting had to stop.", "JUD"),
    ("Surgeon General Vivek Murthy said the smoking had to stop.", "GOV"),
])  # fmt: skip
def test_an_office_with_general_in_it_is_no_military_rank(  # type: ignore[no-untyped-def]
    actor_dictionary, parse, text: str, sector: str | None
) -> None:
    found = _mentions(actor_dictionary, parse, text)
    person = [s for name, s in found if name.endswith(text.split()[3])]
    assert person == ([sector] if sector else []) and "MIL" not in {s for _, s in found}, found


def test_a_short_military_rank_before_the_name_outweighs_a_civilian_office_after_it(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = ("Lt. Gen. Ahmed Sharif Chaudhry, director general of the military's media wing, said the"
            " operation was over.")
    art, doc = parse(text)
    found = [(m.actor.name, m.actor.sector) for m in find_mentions(doc, art, actor_dictionary)]
    assert ("Ahmed Sharif Chaudhry", "MIL") in found, found


@pytest.mark.parametrize("text", [
    "U.N. Resident Coordinator for Myanmar Andrew Kirkwood said the protests would continue.",
    "The U.N. special rapporteur on Myanmar said the killings had to stop.",
])  # fmt: skip
def test_an_office_of_an_international_body_is_the_body_s(actor_dictionary, parse, text: str) -> None:  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    found = {m.actor.text: m.actor.code for m in find_mentions(doc, art, actor_dictionary)}
    # the office is the mention, not the body's name alone
    office_words = ("coordinator", "rapporteur")
    offices = [code for name, code in found.items() if name.split()[-1].lower() in office_words]
    assert offices == ["IGOUNO"], found

"""Line breaks and sentences: a headline or caption line ends its sentence, a hard-wrapped line
does not (`mark_paragraph_breaks`, `wrapped_lines`)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

WRAPPED = (
    "Lima, 23 Nov 88 -- Police said that at approximately 0400 this morning,\n"
    "four masked individuals stabbed the deputy prefect to death in\n"
    "front of his house.\n\n"
    "   The criminals threw the body down the stairs to the first\n"
    "floor and fled."
)


def _sentences(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [" ".join(s.text.split()) for s in doc.sents if s.text.strip()]


def test_a_hard_wrapped_sentence_is_one_sentence_across_its_lines(nlp) -> None:  # type: ignore[no-untyped-def]
    sentences = _sentences(nlp(WRAPPED))
    lead = "four masked individuals stabbed the deputy prefect to death in front of his house."
    assert sentences[0].endswith(lead)
    assert sentences[-1] == "The criminals threw the body down the stairs to the first floor and fled."


def test_a_headline_line_still_ends_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Floods displace thousands in Kenya\nHeavy rains have displaced 5,000 people, officials said.")
    assert _sentences(doc) == [
        "Floods displace thousands in Kenya",
        "Heavy rains have displaced 5,000 people, officials said.",
    ]


def test_wrapped_lines_are_only_found_in_hard_wrapped_text(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.nlp import wrapped_lines

    doc = nlp(WRAPPED)
    # the breaks after "morning,", "in" and "first"; the one after "house." is left to the parser
    assert [doc[i - 1].text for i in sorted(wrapped_lines(doc))] == [",", "in", "first"]
    assert wrapped_lines(nlp("Photo: Reuters\nTroops killed 12 people.\nThe army denied it.")) == frozenset()


def test_a_few_lower_case_lines_among_many_do_not_make_a_text_wrapped(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.nlp import wrapped_lines

    menu = (
        "Troops killed 12 people in Douma\nNewsfeed\n0\nTo participate in the discussion\n"
        "log in or register\nloader\nChats\nWeather\nSport\nMarkets\nOpinion\nVideo\nPodcasts\n"
        "Contact us"
    )
    assert wrapped_lines(nlp(menu)) == frozenset()


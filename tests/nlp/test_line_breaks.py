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



def test_space_tokens_are_the_whitespace_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.nlp import space_tokens

    for text in (WRAPPED, "Floods in Kenya\n\n  Heavy rains,\tofficials said. ", "", "\n"):
        doc = nlp(text)
        assert space_tokens(doc) == [t.i for t in doc if t.is_space]


def test_line_ends_leave_out_the_breaks_of_wrapped_lines(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.nlp import line_ends

    doc = nlp(WRAPPED)
    assert [(doc[i - 1].text, at == doc[i].idx) for i, at in line_ends(doc)] == [(".", True)]
    doc = nlp("Floods displace thousands\nHeavy rains fell.\n\nTwo died.")
    assert [doc[i - 1].text for i, _ in line_ends(doc)] == ["thousands", "."]


def test_the_paragraph_component_marks_starts_after_breaks_and_keeps_a_word_with_the_next(  # type: ignore[no-untyped-def]
    nlp,
) -> None:
    """The marks are written to the Doc as one array: a start after each line break, none on the
    word after it, and every other token left to the parser."""
    from newsevents.nlp import mark_paragraph_breaks

    doc = mark_paragraph_breaks(nlp.make_doc("Floods in Kenya\nTwo children died.\n\n- Reuters"))
    marked = {t.text: t.is_sent_start for t in doc if t.i and t.is_sent_start is not None}
    assert marked == {"Two": True, "children": False, "-": True, "Reuters": False}

"""Single quote marks (' ‘ ’), which are also apostrophes, and quotes with real actor mentions."""

from __future__ import annotations

import pytest

from newsevents.model import Actor, ActorMention
from newsevents.quotes import find_quotes

pytestmark = pytest.mark.model

MINISTER = Actor("Davutoglu", "Ahmet Davutoglu", "TURGOV", "TUR", "GOV")


def _quotes(parse, text: str, phrase: str | None = None):  # type: ignore[no-untyped-def]
    article, doc = parse(text)
    mentions = []
    if phrase is not None:
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase))
        mentions.append(ActorMention(MINISTER, span.start, span.end, span.root.i))
    found = [q for q in find_quotes(doc, article, mentions) if q.direct]
    return [(q.speaker.name if q.speaker else None, q.cue, q.text) for q in found]


@pytest.mark.parametrize(
    "text",
    [
        "‘Syria's war doesn't end with talks that nobody believes,’ Davutoglu said.",
        "'Syria's war doesn't end with talks that nobody believes,' Davutoglu said.",
    ],
)
def test_single_quotes_with_apostrophes_inside(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(parse, text, "Davutoglu") == [
        ("Ahmet Davutoglu", "said", "Syria's war doesn't end with talks that nobody believes")
    ]


def test_apostrophes_alone_make_no_quote(parse) -> None:  # type: ignore[no-untyped-def]
    text = "The opposition's fighters said the rebels' lines don't hold and 'em all may fall, Davutoglu said."
    assert _quotes(parse, text, "Davutoglu") == []


def test_single_quote_spanning_sentences(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Davutoglu said: ‘We will not close the border. We cannot leave these people behind.’"
    assert _quotes(parse, text, "Davutoglu") == [
        ("Ahmet Davutoglu", "said", "We will not close the border. We cannot leave these people behind.")
    ]


def test_single_quote_running_over_paragraphs(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "‘We will keep the border open for everyone fleeing,\n\n"
        "‘We cannot turn anyone away now,’ Davutoglu said."
    )
    got = _quotes(parse, text, "Davutoglu")
    assert [who for who, _, _ in got] == ["Ahmet Davutoglu", "Ahmet Davutoglu"]


def test_single_quoted_partial_quote_inside_a_sentence(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Davutoglu said Turkey would 'not close its doors to those fleeing' the bombing."
    assert _quotes(parse, text, "Davutoglu") == [
        ("Ahmet Davutoglu", "said", "not close its doors to those fleeing")
    ]


def test_nested_single_quote_stays_inside_the_double_quote(parse) -> None:  # type: ignore[no-untyped-def]
    text = "“They call it a 'humanitarian pause' but the bombing goes on,” Davutoglu said."
    assert _quotes(parse, text, "Davutoglu") == [
        ("Ahmet Davutoglu", "said", "They call it a 'humanitarian pause' but the bombing goes on")
    ]

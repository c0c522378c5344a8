"""Direct and reported speech with speakers: one hand-written case per construction."""

from __future__ import annotations

import pytest

from newsevents.model import Actor, ActorMention, Evidence
from newsevents.quotes import find_quotes

ASSAD = Actor("Assad", "Bashar al-Assad", "SYRGOV", "SYR", "GOV")
POLICE = Actor("police", "police", "COP", None, "COP")


def mention(  # type: ignore[no-untyped-def]
    doc, phrase: str, actor: Actor, nth: int = 0, kind: str = "name",
) -> ActorMention:
    """A mention of `actor` over the nth whole-word occurrence of `phrase` in the doc."""
    text = doc.text
    found = -1
    for _ in range(nth + 1):
        found = text.index(phrase, found + 1)
        while (found > 0 and text[found - 1].isalnum()) or text[
            found + len(phrase) : found + len(phrase) + 1
        ].isalnum():
            found = text.index(phrase, found + 1)
    span = doc.char_span(found, found + len(phrase))
    assert span is not None, phrase
    return ActorMention(actor, span.start, span.end, span.root.i, kind)


def _quotes(  # type: ignore[no-untyped-def]
    quote_lexicon, parse, text: str, *phrases: tuple[str, Actor] | tuple[str, Actor, int], **kw,
):
    article, doc = parse(text, **kw)
    mentions = [mention(doc, *p) for p in phrases]
    found = find_quotes(doc, article, mentions, lexicon=quote_lexicon)
    for q in found:
        assert q.text == q.evidence.text == article.text[q.evidence.start : q.evidence.end]
    return found


def _summary(quotes):  # type: ignore[no-untyped-def]
    return [(q.direct, q.speaker.name if q.speaker else None, q.cue, q.text) for q in quotes]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        (
            "“European governments have been a direct cause of this,” said Assad.",
            [("Assad", ASSAD)],
            [(True, "Bashar al-Assad", "said", "European governments have been a direct cause of this")],
        ),
        (
            '"The main battle is about cutting the road,” said the regime leader.',
            [("the regime leader", ASSAD)],
            [(True, "Bashar al-Assad", "said", "The main battle is about cutting the road")],
        ),
        (
            "Assad said: “We will never surrender to the terrorists.”",
            [("Assad", ASSAD)],
            [(True, "Bashar al-Assad", "said", "We will never surrender to the terrorists.")],
        ),
        (
            "«We will fight until the very end,» he told reporters.",
            [("he", ASSAD)],
            [(True, "Bashar al-Assad", "told", "We will fight until the very end")],
        ),
        (
            "“The talks are over for now.” Assad said this on Monday.",
            [("Assad", ASSAD)],
            [(True, "Bashar al-Assad", "said", "The talks are over for now.")],
        ),
    ],
)
def test_direct_quote_and_speaker(  # type: ignore[no-untyped-def]
    quote_lexicon, parse, text, phrases, expected,
):
    assert _summary(_quotes(quote_lexicon, parse, text, *phrases)) == expected


@pytest.mark.model
def test_unresolved_speaker_is_none(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    got = _summary(_quotes(quote_lexicon, parse, "“We will never surrender to anyone,” she said."))
    assert got == [(True, None, "said", "We will never surrender to anyone")]


@pytest.mark.model
def test_partial_quote_inside_reported_clause(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "He said that he would possibly “put an end to this problem in less than a year,” signalling more."
    got = _summary(_quotes(quote_lexicon, parse, text, ("He", ASSAD)))
    assert got == [(True, "Bashar al-Assad", "said", "put an end to this problem in less than a year")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "It does not mean he would “fight against terrorism,” referring to the opposition.",
        "The regime would stop its offensive on 'terrorism,' the paper wrote in an editorial yesterday.",
        "The ministry called it a “war crime” in a statement.",
        "The band played “Let It Be” at the end of the concert.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(quote_lexicon, parse, text):  # type: ignore[no-untyped-def]
    assert [q for q in _quotes(quote_lexicon, parse, text) if q.direct] == []


@pytest.mark.model
def test_quote_in_next_paragraph_continues_the_speaker(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = '“We are ready to talk to anyone,” said Assad.\n\n"I would like to ask every person to come back."'
    got = _summary(_quotes(quote_lexicon, parse, text, ("Assad", ASSAD)))
    assert got[1] == (True, "Bashar al-Assad", None, "I would like to ask every person to come back.")


@pytest.mark.model
def test_quote_after_attribution_in_same_paragraph_continues(  # type: ignore[no-untyped-def]
    quote_lexicon, parse,
):
    text = "“We will fight until the end,” he told reporters. “There is no other way for us.”"
    got = _summary(_quotes(quote_lexicon, parse, text, ("he", ASSAD)))
    assert got == [
        (True, "Bashar al-Assad", "told", "We will fight until the end"),
        (True, "Bashar al-Assad", None, "There is no other way for us."),
    ]


@pytest.mark.model
def test_quote_running_over_paragraphs_takes_the_closing_speaker(  # type: ignore[no-untyped-def]
    quote_lexicon, parse,
):
    text = "“We will keep going until the end of this war,\n\n“We cannot stop now or ever,” Assad said."
    got = _summary(_quotes(quote_lexicon, parse, text, ("Assad", ASSAD)))
    assert [g[1] for g in got] == ["Bashar al-Assad", "Bashar al-Assad"]


@pytest.mark.model
def test_uncued_quote_inside_a_sentence_is_dropped(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "Protesters carried banners reading “down with the regime now” through the city."
    assert _quotes(quote_lexicon, parse, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        (
            "Assad said that he supported the peace talks.",
            [("Assad", ASSAD)],
            (False, "Bashar al-Assad", "said", "he supported the peace talks"),
        ),
        (
            "Some 35,000 refugees have arrived at the border, a Turkish official said.",
            [],
            (False, "Turkish official", "said", "Some 35,000 refugees have arrived at the border"),
        ),
        (
            "Assad warned that foreign intervention might worsen the conflict.",
            [("Assad", ASSAD)],
            (False, "Bashar al-Assad", "warned", "foreign intervention might worsen the conflict"),
        ),
        (
            "According to police, five people were killed in the attack.",
            [("police", POLICE)],
            (False, "police", "according to", "five people were killed in the attack"),
        ),
        (
            "The peace talks will not stop the fighting, said Assad on Thursday.",
            [("Assad", ASSAD)],
            (False, "Bashar al-Assad", "said", "The peace talks will not stop the fighting"),
        ),
    ],
)
def test_reported_speech(quote_lexicon, parse, text, phrases, expected):  # type: ignore[no-untyped-def]
    assert _summary(_quotes(quote_lexicon, parse, text, *phrases)) == [expected]


@pytest.mark.model
def test_speaker_inherited_by_an_added_clause(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "Assad said the talks would go on, adding that foreign intervention might worsen the war."
    got = _summary(_quotes(quote_lexicon, parse, text, ("Assad", ASSAD)))
    assert (False, "Bashar al-Assad", "adding", "foreign intervention might worsen the war") in got


@pytest.mark.model
def test_negated_speech_is_not_reported_speech(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    assert _quotes(quote_lexicon, parse, "Assad did not say that the war was over yet.") == []


@pytest.mark.model
def test_furniture_is_never_read(quote_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "“We will win this war in the end,” the caption said.\n\nTalks resumed."
    assert _quotes(quote_lexicon, parse, text, furniture=(Evidence.of(text, 0, 52),)) == []


@pytest.mark.model
def test_seed_article(quote_lexicon, parse, seed_path):  # type: ignore[no-untyped-def]
    text = seed_path.read_text(encoding="utf-8")
    article, doc = parse(text)
    mentions = [mention(doc, "Assad", ASSAD, n) for n in range(text.count("Assad"))]
    mentions += [mention(doc, "the regime leader", ASSAD), mention(doc, "he", ASSAD)]
    found = find_quotes(doc, article, mentions, lexicon=quote_lexicon)
    direct = [(q.speaker.name if q.speaker else None, q.text) for q in found if q.direct]

    def said_by_assad(opening: str) -> bool:
        return any(who == "Bashar al-Assad" and words.startswith(opening) for who, words in direct)

    assert said_by_assad("The main battle is about cutting the road between Aleppo and Turkey")
    assert said_by_assad("European governments have been a direct cause")
    assert said_by_assad("I would like to ask every person who left Syria to come back.")
    assert not any(words.startswith("fight against terrorism") for _, words in direct)
    reported = [(q.cue, q.text) for q in found if not q.direct]
    assert any(cue == "said" and words.startswith("Some 35,000 Syrian refugees") for cue, words in reported)
    assert ("said", "he supported the peace talks") in reported

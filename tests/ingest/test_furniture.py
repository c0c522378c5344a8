"""Page furniture is marked (never removed) and story text is left alone."""

from __future__ import annotations

import pytest

from newsevents.ingest import article_from_text

STORY = "Police fired tear gas at protesters in the capital on Sunday, witnesses said."


def marked(text: str) -> list[str]:
    art = article_from_text(text)
    assert all(art.text[f.start : f.end] == f.text for f in art.furniture)
    return [f.text for f in art.furniture]


@pytest.mark.parametrize(
    "line",
    [
        "Photo by: Reuters",
        "Photo: AFP",
        "(Getty Images)",
        "Share",
        "Share this article",
        "Read more",
        "Advertisement",
        "By John Smith",
        "By AFP | 22 January 2015 | 2:55 am",
        "Updated Feb 13, 2016",
        "Leave a comment",
        "January 7, 2019",
        "AP",
    ],
)
def test_cue_lines_are_furniture(line: str) -> None:
    text = f"Protest in capital\n\n{line}\n\n{STORY}\n\nThe crowd later dispersed, police said.\n"
    assert marked(text) == [line]


def test_caption_after_photo_credit() -> None:
    text = (
        "Protest in capital\n\nPhoto: AFP\n\nProtesters gather in a square during a rally in the capital\n\n"
        f"Updated Jan 7, 2019\n\n{STORY}\n"
    )
    assert "Protesters gather in a square during a rally in the capital" in marked(text)


def test_lone_caption_sentence_between_paragraphs() -> None:
    caption = "Displaced families walk along a road near the border after fighting in the area."
    text = f"Fighting\n\n{STORY}\n\n{caption}\n\nThe army said it had retaken the town.\n"
    assert marked(text) == [caption]


@pytest.mark.parametrize(
    "line",
    [
        "Moderate opposition groups are backed by Turkey and Saudi Arabia, as well as the US.",
        "Residents walk to the market every morning, a local official said.",
        "They walk for hours to reach the camp.",
        "By Monday, the army had retaken the town.",
        "Photographs from the scene showed smoke billowing from a building.",
    ],
)
def test_story_sentences_are_not_furniture(line: str) -> None:
    text = f"Fighting\n\n{STORY}\n\n{line}\n\nThe army said it had retaken the town.\n"
    assert marked(text) == []


def test_story_right_after_a_photo_credit_is_not_a_caption() -> None:
    text = f"Protest\n\nPhoto: AFP\n\n{STORY}\n\nThe crowd later dispersed, police said.\n"
    assert marked(text) == ["Photo: AFP"]


def test_title_is_never_furniture() -> None:
    assert marked("Share\n\nA story about sharing water in the camps was read out.\n") == []

"""The article builder: ids, the title rule, metadata from the text, the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.ingest import article_from_text, article_id, dates, read
from newsevents.settings import Settings


def test_id_ignores_whitespace_and_case_but_not_words() -> None:
    a = article_id("Police fired tear gas\n\nat protesters.")
    assert a == article_id("  police  fired TEAR gas at\tprotesters. ")
    assert a != article_id("Police fired rubber bullets at protesters.")
    assert len(a) == 16 and int(a, 16) >= 0


def test_id_normalises_unicode_composition() -> None:
    assert article_id("Caf\u00e9 attacked") == article_id("Cafe\u0301 attacked")


def test_title_is_first_line_and_text_is_kept_whole() -> None:
    text = "Rebels seize town\n\nRebels seized the town of Foo on Monday, officials said.\n"
    art = article_from_text(text)
    assert art.text == text
    assert art.title == "Rebels seize town"
    assert art.title_span is not None and text[art.title_span.start : art.title_span.end] == art.title


def test_no_blank_line_and_sentence_first_line_means_no_title() -> None:
    text = "Rebels seized the town of Foo on Monday, officials said.\nThe army withdrew.\n"
    art = article_from_text(text)
    assert art.title is None and art.title_span is None


def test_headline_like_first_line_is_title_even_without_blank_line() -> None:
    art = article_from_text("Rebels seize town in the north\nRebels seized the town on Monday.\n")
    assert art.title == "Rebels seize town in the north"


def test_given_metadata_wins_over_text() -> None:
    text = "Talks stall\n\nUpdated Feb 13, 2016\n\nThe talks stalled on Friday.\n\nReuters\n"
    plain = article_from_text(text)
    assert (plain.published, plain.source, plain.published_source) == ("2016-02-13", "Reuters", "dateline")
    given = article_from_text(text, published="2016-02-14", source="Example Times", url="https://x.org/a")
    assert (given.published, given.source, given.url) == ("2016-02-14", "Example Times", "https://x.org/a")
    assert given.published_source == "metadata"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published 12 March 2019", "2019-03-12"),
        ("Posted on January 7, 2019", "2019-01-07"),
        ("Last updated: 2021-09-05 10:00", "2021-09-05"),
        ("DAMASCUS, Feb 12, 2016 (Reuters) - Syrian forces advanced on Friday.", "2016-02-12"),
    ],
)
def test_publication_date_from_text(line: str, expected: str) -> None:
    art = article_from_text(f"Fighting goes on\n\n{line}\n\nThe army said it advanced on Friday.\n")
    assert (art.published, art.published_source) == (expected, "dateline")


def test_dateline_without_year_gives_no_date_but_gives_agency() -> None:
    art = article_from_text("Blast\n\nLONDON (AP) — A blast hit a station on Monday, police said.\n")
    assert art.published is None
    assert art.source == "AP"


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("(Reporting by Jane Doe; Editing by John Roe)", "Reuters"),
        ("© AFP 2016", "AFP"),
        ("Al Example and agencies", "Al Example"),
    ],
)
def test_source_from_credit_line(last: str, expected: str) -> None:
    art = article_from_text(
        f"Clashes\n\nPolice and protesters clashed on Monday, witnesses said.\n\n{last}\n"
    )
    assert art.source == expected
    assert any(f.text == last for f in art.furniture)


def test_source_falls_back_to_url_host() -> None:
    art = article_from_text("Clashes\n\nPolice and protesters clashed.\n", url="https://www.example.org/a/b")
    assert art.source == "example.org"


def test_published_from_url_path_when_text_is_silent() -> None:
    art = article_from_text("Clashes\n\nPolice clashed.\n", url="https://x.org/2021/09/05/clashes")
    assert (art.published, art.published_source) == ("2021-09-05", "url")


def test_a_dateline_wins_over_the_url() -> None:
    text = "Clashes\n\nPublished 12 March 2019\n\nPolice clashed on Monday.\n"
    art = article_from_text(text, url="https://x.org/2021/09/05/clashes")
    assert (art.published, art.published_source) == ("2019-03-12", "dateline")


def test_a_full_date_in_the_first_paragraph_is_the_last_resort() -> None:
    """The day the lead speaks of: kept with source "text", so events dated from it are inferred."""
    text = (
        "Bombing in Baghdad\n\nA suicide bomber killed 35 people in northern Baghdad on 17 July 2016, "
        "officials said.\n\nThe group claimed the attack on 18 July 2016.\n"
    )
    art = article_from_text(text, url="https://scroll.in/latest/819109/scroll_in")
    assert (art.published, art.published_source) == ("2016-07-17", "text")


def test_a_date_below_the_first_paragraph_is_not_a_publication_date() -> None:
    text = "Bombing\n\nA bomber killed 35 people on Saturday.\n\nIn a raid on 17 July 2016, 12 people died.\n"
    art = article_from_text(text)
    assert (art.published, art.published_source) == (None, None)


def test_seed_article(seed_path: Path) -> None:
    (art,) = list(read([str(seed_path)], Settings()))
    assert not hasattr(art, "code"), art
    assert art.text == seed_path.read_text(encoding="utf-8")
    assert art.title == "Assad vows to continue offensive despite peace talks"
    assert art.published == "2016-02-13"
    assert art.source is not None and "TRTWorld" in art.source
    furniture = [f.text for f in art.furniture]
    assert furniture.count("Photo by: Reuters") == 2
    assert any(f.startswith("A boy carries two children") for f in furniture)
    assert any(f.startswith("Syrian children walk on rubble") for f in furniture)
    assert "Updated Feb 13, 2016" in furniture
    assert "TRTWorld and agencies" in furniture
    for f in art.furniture:
        assert art.text[f.start : f.end] == f.text
    paragraphs = [p.strip() for p in art.text.split("\n\n") if len(p.split()) > 12]
    body = [p for p in paragraphs if not p.startswith(("A boy carries", "Syrian children walk"))]
    assert len(body) > 15
    assert not set(body) & set(furniture)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.temitopetaiwo.com/2015/04/boko-haram-opens-fire-on-villagers-in.html", "2015-04-01"),
        ("https://al-monitor.com/originals/2022/09/four-palestinians-killed", "2022-09-01"),
        ("http://www.worldbulletin.net/haberler/201546/saudi-citizen-killed", None),  # an id, not a date
        ("https://x.org/2015/13/clashes", None),
        (None, None),
    ],
)
def test_a_month_in_the_address_is_not_a_publication_day(url: str | None, expected: str | None) -> None:
    """/2015/04/ names a month: the article gets no publication day from it, and the month is
    left for the date stages to read (`dates.month_from_url`)."""
    assert dates.month_from_url(url) == expected
    if url:
        assert article_from_text("Clashes\n\nPolice clashed.\n", url=url).published is None

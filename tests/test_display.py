"""`render`: the article's own text, escaped, with every piece of evidence marked at its offsets."""

from __future__ import annotations

import re
from html import unescape

from newsevents import render
from newsevents.model import Actor, ActorMention, Article, Event, Evidence, Extraction, Place, Quantity, Quote

TEXT = (
    "Rebels <script>alert('x')</script> shelled Aleppo\n\n"
    'Rebels shelled the city of Aleppo on Monday. "They killed 12 people & more," a medic said.'
)


def _at(words: str, nth: int = 0) -> Evidence:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Evidence.of(TEXT, start, start + len(words))


def _extraction() -> Extraction:
    article = Article(id="a1", text=TEXT, title="Rebels <script>alert('x')</script> shelled Aleppo",
                      source="<b>Wire</b>", published="2016-02-13")  # fmt: skip
    rebels = Actor("Rebels", "rebels", "SYRREB", "SYR", "REB", _at("Rebels", 1))
    sentence = _at("Rebels shelled the city of Aleppo on Monday.")
    event = Event(rebels, None, "195", "19", "ASSAULT", 4, -10.0, sentence, _at("shelled", 1),
                  date="2016-02-08", negated=True)  # fmt: skip
    quote = Quote(None, "They killed 12 people & more,", True, "said", _at("They killed 12 people & more,"))
    figure = Quantity("killed", 12, None, None, "exact", "reported", _at("12 people"))
    place = Place("Aleppo", 36.2, 37.16, "SYR", "city", (_at("Aleppo"), _at("Aleppo", 1)))
    return Extraction(article, (event,), (figure,), (quote,), (place,), (ActorMention(rebels, 0, 1, 0),))


def _body(page: str) -> str:
    return page.split('<div class="ne-text">', 1)[1].split("</div>", 1)[0]


def test_the_article_is_escaped_and_the_page_runs_nothing() -> None:
    page = render(_extraction())
    assert "<script" not in page.lower() and "&lt;script&gt;" in page
    assert "<b>" not in page and "&lt;b&gt;Wire&lt;/b&gt;" in page
    assert unescape(re.sub(r"<[^>]+>", "", _body(page))) == TEXT  # the text, character for character


def test_each_kind_is_marked_at_its_offsets_with_its_label_and_a_legend() -> None:
    page = render(_extraction())
    body = _body(page)
    event = r'<mark class="ne-event"[^>]*data-label="ASSAULT 195 2016-02-08 negated">shelled</mark>'
    assert re.search(event, body)
    assert re.search(r'<mark class="ne-actor"[^>]*data-label="SYRREB">Rebels</mark>', body)
    assert len(re.findall(r'<mark class="ne-place"[^>]*data-label="SYR">Aleppo</mark>', body)) == 2
    # overlapping spans: the figure inside the quote is marked as both
    assert re.search(r'<mark class="ne-figure ne-quote"[^>]*data-label="killed 12">12 people</mark>', body)
    assert re.search(r'<mark class="ne-quote"[^>]*data-label="quote"> &amp; more,</mark>', body)
    for kind, count in [("event", 1), ("actor", 1), ("place", 2), ("figure", 1), ("quote", 1)]:
        assert f"{kind} ({count})" in page
    assert "<td>2016-02-08</td>" in page


def test_an_extraction_with_nothing_found_is_the_plain_escaped_text() -> None:
    page = render(Extraction(Article(id="a", text="A & B <i>")))
    assert _body(page) == "A &amp; B &lt;i&gt;" and "event (0)" in page

"""`pipe`: many records in, Extractions out in order, publication dates honoured, bad records
named and skipped while the batch goes on."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from newsevents import pipe, pipeline
from newsevents.errors import Problem
from newsevents.ingest import read
from newsevents.model import Article
from newsevents.settings import Settings

STORY = "Rebels shelled Aleppo\n\nSyrian rebels shelled Aleppo on Thursday, killing 12 people."


@pytest.mark.model
def test_a_relative_date_is_counted_from_each_records_publication_date() -> None:
    # 2016-02-13 and 2016-03-19 are Saturdays: "on Thursday" is the 11th and the 17th.
    records = [STORY, {"text": STORY, "published": "2016-03-19"}]
    got = list(pipe(records, metadata={"published": "2016-02-13"}))
    assert [x.article.published for x in got] == ["2016-02-13", "2016-03-19"]
    assert {e.date for e in got[0].events if e.cameo.startswith("19")} >= {"2016-02-11"}
    assert {e.date for e in got[1].events if e.cameo.startswith("19")} >= {"2016-03-17"}


@pytest.mark.model
def test_metadata_per_record_and_bad_records_named_by_index_while_the_batch_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    problems: list[Problem] = []
    records = [STORY, 42, {"title": "no text"}, {"text": STORY, "publised": "2016-02-13"}, STORY]
    metadata = [{"source": "A"}, {}, {}, {}, {"source": "E", "published": "soon"}]
    with caplog.at_level(logging.WARNING, logger="newsevents"):
        got = list(pipe(records, metadata=metadata, problems=problems))
    assert [x.article.origin for x in got] == ["record 0", "record 3", "record 4"]
    assert [x.article.source for x in got][::2] == ["A", "E"]
    assert got[1].article.published is None and got[2].article.published is None
    assert all(x.events for x in got)
    assert [(p.origin, p.code, p.fatal) for p in problems] == [
        ("record 1", "E410", True), ("record 2", "E412", True),
        ("record 3", "E411", False), ("record 4", "E411", False),
    ]  # fmt: skip
    assert "'publised'" in problems[2].text and "'published' is not a date" in problems[3].text
    assert [r.getMessage() for r in caplog.records] == [str(p) for p in problems]


@pytest.mark.model
def test_an_article_too_long_for_the_settings_is_skipped_and_the_rest_extracted() -> None:
    from newsevents.settings import load_settings

    settings = load_settings().with_overrides(max_article_chars=len(STORY) + 10, workers=1)
    problems: list[Problem] = []
    got = list(pipe([STORY + " More words here.", STORY], settings=settings, problems=problems))
    assert [x.article.origin for x in got] == ["record 1"]
    assert [(p.origin, p.code) for p in problems] == [("record 0", "E502")]


@pytest.mark.model
def test_an_undated_file_dates_every_event_by_the_day_it_was_received(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(STORY.replace(" on Thursday", ""), encoding="utf-8")
    noon = 1_577_880_000  # 2020-01-01 12:00 UTC: the day the desk's copy was written
    os.utime(path, (noon, noon))
    (article,) = list(read([str(path)], Settings()))
    assert isinstance(article, Article) and article.published is None
    events = pipeline.extract(article).events
    dated = {(e.date, e.date_precision, e.date_source) for e in events}
    assert events and dated == {("2020-01-01", "day", "received")}

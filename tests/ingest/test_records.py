"""Records handed over by a program: texts and mappings read as JSON lines are, each named by
its position, with metadata filling what a record does not give."""

from __future__ import annotations

import pytest

from newsevents.errors import Problem
from newsevents.ingest import from_records
from newsevents.model import Article
from newsevents.settings import Settings

BODY = "Rebels shelled Aleppo\n\nSyrian rebels shelled the city of Aleppo on Monday, killing 12 people."


def _read(records: list[object], metadata: object = None) -> list[Article | Problem]:
    return list(from_records(records, Settings(), metadata))  # type: ignore[arg-type]


def test_a_dict_gives_its_fields_and_metadata_fills_only_what_it_lacks() -> None:
    out = _read([{"text": BODY, "source": "Own", "id": 7, "url": "https://x.org/a"}],
                {"source": "Shared", "published": "2016-02-13"})  # fmt: skip
    article = out[0]
    assert isinstance(article, Article)
    assert (article.source, article.published, article.given_id, article.url) == (
        "Own", "2016-02-13", "7", "https://x.org/a"
    )
    assert article.title == "Rebels shelled Aleppo" and article.origin == "record 0"


def test_a_bad_field_is_a_warning_naming_record_and_field_and_the_article_is_kept_without_it() -> None:
    out = _read([BODY, {"text": BODY, "published": "9999-12-31", "url": "javascript:alert(1)"}])
    assert isinstance(out[0], Article)
    warnings, article = out[1:3], out[3]
    codes = [(w.origin, w.code, w.fatal) for w in warnings]  # type: ignore[union-attr]
    assert codes == [("record 1", "E115", False), ("record 1", "E114", False)]
    assert isinstance(article, Article) and article.url is None and article.published is None


def test_records_that_cannot_be_articles_are_one_problem_each() -> None:
    out = _read([None, {"text": "   "}, {"text": 5}, ("a", "tuple")])
    assert [(p.origin, p.code) for p in out] == [  # type: ignore[union-attr]
        ("record 0", "E410"), ("record 1", "E412"), ("record 2", "E412"), ("record 3", "E410")
    ]
    assert str(out[0]) == (
        "record 0: [E410] record is not a text, a dict or an Article (got NoneType); skipped"
    )


def test_an_article_is_taken_as_built_and_non_english_text_is_refused() -> None:
    built = Article(id="a", text="anything at all", published="2016-02-13")
    out = _read([built, "Dies ist ein deutscher Text, der nicht auf Englisch geschrieben ist und bleibt."])
    assert out[0] is built
    assert isinstance(out[1], Problem) and out[1].code == "E106"


def test_a_metadata_list_must_have_one_entry_per_record() -> None:
    with pytest.raises(ValueError, match="metadata has 1 entries but there are more records"):
        _read([BODY, BODY], [{}])
    with pytest.raises(ValueError, match="metadata has 3 entries for 2 records"):
        _read([BODY, BODY], [{}, {}, {}])

"""Fuzzing the reader in-process (no model): random article texts and random JSONL field types.

The contract, for any line: the reader does not raise; the line becomes exactly one article
(perhaps with warning lines about its metadata) or exactly one problem line; every line printed
is one line of valid UTF-8; and every article it yields can be written to a store and read back.
Examples are derandomized so a failure reproduces on every machine and in CI.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.hostile.kinds.prose import body

from newsevents import ingest
from newsevents.errors import Problem
from newsevents.model import Article, Extraction
from newsevents.settings import load_settings
from newsevents.store import open_store

FUZZ = settings(max_examples=40, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
ANY_CHAR = st.characters(codec=None, exclude_categories=())  # surrogates included
FIELDS = ["text", "title", "url", "source", "outlet", "published", "publication_date", "date", "id"]
SETTINGS = load_settings()

LONE = st.sampled_from(["\ud800", "\udc00", "\udfff", "\ud83d"])  # halves of a pair, alone
junk = st.lists(st.one_of(ANY_CHAR, LONE), max_size=40).map("".join)
huge_digits = st.integers(20, 400).map(lambda n: "At least " + "9" * n + " people were killed.")
controls = st.text(st.characters(min_codepoint=0, max_codepoint=31), max_size=12)


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    """Plain English with something hostile inserted at a random place."""
    base = body(f"fuzz {draw(st.integers(0, 10**6))}")
    cut = draw(st.integers(0, len(base)))
    return base[:cut] + draw(st.one_of(junk, huge_digits, controls)) + base[cut:]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | junk,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


def read_lines(lines: Sequence[str], folder: Path) -> tuple[Path, list[Article | Problem]]:
    path = folder / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, list(ingest.read([str(path)], SETTINGS))


def check_contract(path: Path, count: int, items: Sequence[Article | Problem], folder: Path) -> None:
    """One article or one problem per line; printable lines; articles that survive the store."""
    for number in range(1, count + 1):
        where = f"{path}:{number}"
        articles = [i for i in items if isinstance(i, Article) and i.origin == where]
        fatal = [i for i in items if isinstance(i, Problem) and i.fatal and i.origin == where]
        assert len(articles) + len(fatal) == 1, (where, items)
    for item in items:
        if isinstance(item, Problem):
            line = str(item)
            line.encode("utf-8")
            assert "\n" not in line and "\r" not in line, line
        else:
            for value in (item.text, item.title, item.origin, item.url, item.source):
                (value or "").encode("utf-8")
    with open_store(folder / "fuzz.sqlite") as store:
        for item in items:
            if isinstance(item, Article):
                store.write(Extraction(article=item))
                assert store.has(item.id)


@FUZZ
@given(st.lists(st.one_of(article_texts(), junk), min_size=1, max_size=4))
def test_any_article_text_is_one_article_or_one_line(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        lines = [json.dumps({"text": text}) for text in texts]  # surrogates travel as \\ud800
        path, items = read_lines(lines, Path(tmp))
        check_contract(path, len(lines), items, Path(tmp))


@FUZZ
@given(st.lists(st.dictionaries(st.sampled_from(FIELDS), st.one_of(st.just(body("typed")), json_values),
                                max_size=6), min_size=1, max_size=4))
def test_any_field_types_are_one_article_or_one_line(records: list[dict[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        lines = [json.dumps(record) for record in records]
        path, items = read_lines(lines, Path(tmp))
        check_contract(path, len(lines), items, Path(tmp))


def _big_feed() -> bytes:
    page = "<p>" + "x" * 1_000_000 + "</p>"
    lines = [json.dumps({"text": body(f"stdin feed {i}"), "html": page}) for i in range(6)]
    return ("\n".join(lines) + "\n").encode()


def test_a_feed_over_the_file_limit_is_read_line_by_line_from_a_file(tmp_path: Path) -> None:
    """The size limit is per article: a 6 MB file of 1 MB lines is six articles, not one refusal."""
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_big_feed())
    items = list(ingest.read([str(path)], SETTINGS))
    problems = [str(i) for i in items if isinstance(i, Problem)]
    assert [type(i).__name__ for i in items] == ["Article"] * 6, problems


def test_a_feed_over_the_file_limit_is_read_line_by_line_from_stdin() -> None:
    items = list(ingest.read(["-"], SETTINGS, stdin=io.BytesIO(_big_feed())))
    problems = [str(i) for i in items if isinstance(i, Problem)]
    assert [type(i).__name__ for i in items] == ["Article"] * 6, problems

"""Hostile JSON Lines: lone surrogate escapes, feeds over the size limit, lines over it, deeply
nested values. The limit is per article (per line); a feed of any size is streamed."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.errors import Problem
from newsevents.ingest import article_id
from newsevents.model import Article

Reader = Callable[..., list[Article | Problem]]  # the read_bounded fixture (conftest.py)

BODY = (
    "Police fired tear gas at protesters in the capital on Sunday, witnesses said, as thousands "
    "marched towards the presidential palace to demand that the government step down.\n\n"
    "The interior ministry said it would investigate the clashes and called for calm.\n"
)


def codes(items: list[Article | Problem]) -> list[str]:
    return [i.code if isinstance(i, Problem) else "article" for i in items]


def line(text: str = BODY, **fields: object) -> str:
    return json.dumps({"text": text, **fields})


def test_lone_surrogates_are_replaced_and_every_line_is_kept(tmp_path: Path, read_bounded: Reader) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        line(BODY + "One."),
        '{"text": "Police \\ud800' + json.dumps(BODY)[8:] + "}",  # a lone high surrogate
        line(BODY + "Two.", title="Tear \udc00gas", source="Agence \udfff", url="https://e.com/\ud801"),
        line(BODY + "Three. \ud83d\ude00"),  # a real pair: one character, no warning
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    items = read_bounded([str(path)])
    assert codes(items) == ["article", "E113", "article", "E113", "article", "article"]
    warning, fixed = items[1], items[2]
    assert isinstance(warning, Problem) and not warning.fatal and "'text'" in warning.text
    assert warning.origin == f"{path}:2"
    assert isinstance(fixed, Article) and fixed.text.startswith("Police \ufffdfired tear gas")
    assert len(fixed.text) == len(BODY) + 1  # one character for one: offsets are unchanged
    fields = items[3]
    assert isinstance(fields, Problem) and all(f"'{k}'" in fields.text for k in ("title", "source", "url"))
    for art in items:
        if isinstance(art, Article):
            for value in (art.text, art.title, art.source, art.url, art.origin, article_id(art.text)):
                (value or "").encode("utf-8")  # never raises: nothing left that cannot be stored


def test_sidecar_with_lone_surrogates_is_repaired(tmp_path: Path, read_bounded: Reader) -> None:
    (tmp_path / "a.txt").write_text("Tear gas\n\n" + BODY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        '{"title": "Tear \\udbff gas", "outlet": "X\\udc80"}', encoding="utf-8"
    )
    warning, art = read_bounded([str(tmp_path / "a.txt")])
    assert isinstance(warning, Problem) and warning.code == "E113" and warning.origin.endswith("a.meta.json")
    assert isinstance(art, Article) and art.title == "Tear \ufffd gas" and art.source == "X\ufffd"


def test_feed_over_the_limit_is_read_line_by_line(tmp_path: Path, read_bounded: Reader) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(line(f"{BODY} Report {n}.") + "\n" for n in range(40)), encoding="utf-8")
    assert path.stat().st_size > 10_000
    items = read_bounded([str(path)], max_file_bytes=1_000)
    assert codes(items) == ["article"] * 40
    assert items[-1].origin == f"{path}:40"


def test_six_megabyte_feed_is_read_whole_with_the_default_limit(tmp_path: Path, read_bounded: Reader) -> None:
    path = tmp_path / "feed.jsonl"
    para = BODY.replace("\n\n", " ") * 12
    with path.open("w", encoding="utf-8") as handle:
        for n in range(2_200):
            handle.write(line(f"Report {n}\n\n{para}") + "\n")
    assert path.stat().st_size > 6_000_000
    items = read_bounded([str(path)])
    assert len(items) == 2_200 and all(isinstance(i, Article) for i in items)


def test_line_over_the_limit_is_one_problem_and_the_next_lines_go_on(
    tmp_path: Path, read_bounded: Reader
) -> None:
    path = tmp_path / "feed.jsonl"
    huge = line(BODY * 40)
    path.write_text(
        "\n".join([line(), huge, line(BODY + "Next."), huge]), encoding="utf-8"
    )  # no last newline
    items = read_bounded([str(path)], max_file_bytes=2_000)
    assert codes(items) == ["article", "E116", "article", "E116"]
    assert [i.origin for i in items] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    assert "2,000" in items[1].text


def test_jsonl_file_is_read_as_it_is_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsevents.ingest import read
    from newsevents.settings import Settings

    path = tmp_path / "feed.jsonl"
    path.write_text("".join(line(f"{BODY} Report {n}.") + "\n" for n in range(3_000)), encoding="utf-8")
    handles: list[io.BufferedReader] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        handle = real_open(self, *args, **kwargs)  # type: ignore[arg-type]
        if self == path:
            handles.append(handle)  # type: ignore[arg-type]
        return handle

    monkeypatch.setattr(Path, "open", spy)
    items = read([str(path)], Settings())
    assert isinstance(next(items), Article)
    (handle,) = handles
    assert handle.tell() < path.stat().st_size // 4  # only the first chunk has been read
    assert sum(1 for _ in items) == 2_999 and handle.closed


class Trickle(io.RawIOBase):
    """Standard input that hands out its bytes a little at a time and counts what it gave."""

    def __init__(self, data: bytes) -> None:
        self.data, self.given = data, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = len(self.data) if size is None or size < 0 else size
        out = self.data[self.given : self.given + min(size, 70_000)]
        self.given += len(out)
        return out


def test_stdin_jsonl_over_the_limit_is_streamed() -> None:
    from newsevents.ingest import read
    from newsevents.settings import Settings

    data = "".join(line(f"{BODY} Report {n}.") + "\n" for n in range(2_000)).encode()
    stdin = Trickle(data)
    items = read(["-"], Settings(max_file_bytes=5_000), stdin=stdin)  # type: ignore[arg-type]
    first = next(items)
    assert isinstance(first, Article) and first.origin == "<stdin>:1"
    assert stdin.given < len(data) // 4
    rest = list(items)
    assert len(rest) == 1_999 and all(isinstance(i, Article) for i in rest)


def test_stdin_line_over_the_limit(read_bounded: Reader) -> None:
    data = "\n".join([line(), line(BODY * 10), line()]).encode()
    items = read_bounded(["-"], stdin=io.BytesIO(data), max_file_bytes=1_500)
    assert codes(items) == ["article", "E116", "article"] and items[1].origin == "<stdin>:2"


def test_stdin_text_over_the_limit_is_still_refused(read_bounded: Reader) -> None:
    items = read_bounded(["-"], stdin=io.BytesIO(b"Title\n\n" + b"word " * 3_000), max_file_bytes=5_000)
    assert codes(items) == ["E107"]


def test_deeply_nested_value_is_a_broken_line(tmp_path: Path, read_bounded: Reader) -> None:
    path = tmp_path / "feed.jsonl"
    nested = '{"text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path.write_text("\n".join([nested, line()]) + "\n", encoding="utf-8")
    items = read_bounded([str(path)])
    assert codes(items) == ["E104", "article"] and items[0].origin == f"{path}:1"


def test_bad_bytes_in_one_line_skip_only_that_line(tmp_path: Path, read_bounded: Reader) -> None:
    path = tmp_path / "feed.jsonl"
    latin1 = json.dumps({"text": "caf\xe9 " + BODY}, ensure_ascii=False).encode("latin-1")
    path.write_bytes(line().encode() + b"\n" + latin1 + b"\n" + line().encode())
    items = read_bounded([str(path)])
    assert codes(items) == ["article", "E105", "article"] and items[1].origin == f"{path}:2"

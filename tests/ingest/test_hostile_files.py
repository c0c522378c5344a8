"""Hostile files and folders: names that are not UTF-8, links that loop, FIFOs and sockets, very
deep folders, UTF-16 text and empty files. Each is one line (or nothing, for a repeated link)
and the batch goes on; none may hang or raise."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsevents.errors import Problem
from newsevents.model import Article

Reader = Callable[..., list[Article | Problem]]  # the read_bounded fixture (conftest.py)

TEXT = (
    "Police fire tear gas at protesters\n\n"
    "Police fired tear gas at protesters in the capital on Sunday, witnesses said, as thousands "
    "marched towards the presidential palace to demand that the government step down.\n\n"
    "The interior ministry said it would investigate the clashes and called for calm.\n"
)
OTHER = TEXT.replace("Sunday", "Monday")


def codes(items: list[Article | Problem]) -> list[str]:
    return [i.code if isinstance(i, Problem) else "article" for i in items]


def printable(value: str | None) -> bool:
    """Whether a string can be written to a UTF-8 terminal or database (no lone surrogates)."""
    try:
        (value or "").encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- names that are not UTF-8 -----------------------------------------------------------------


def test_file_name_that_is_not_utf8_is_read_with_a_printable_origin(
    tmp_path: Path, read_bounded: Reader
) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (tmp_path / "good.txt").write_text(OTHER, encoding="utf-8")
    for paths in ([str(tmp_path)], [str(tmp_path / name)]):
        items = read_bounded(paths)
        assert all(isinstance(i, Article) for i in items), items
        art = items[0]
        assert isinstance(art, Article) and art.text == TEXT
        assert printable(art.origin) and str(art.origin).endswith("caf\\xe9.txt")


def test_a_name_too_long_for_its_sidecar_is_read_without_one(tmp_path: Path, read_bounded: Reader) -> None:
    # 255 bytes is the longest name most file systems allow: NAME.meta.json cannot exist beside it.
    name = "x" * 251 + ".txt"
    (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (tmp_path / "good.txt").write_text(OTHER, encoding="utf-8")
    assert codes(read_bounded([str(tmp_path)])) == ["article", "article"]


def test_problem_under_a_folder_that_is_not_utf8_prints(tmp_path: Path, read_bounded: Reader) -> None:
    folder = tmp_path / os.fsdecode(b"d\xff")
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / os.fsdecode(b"\xfe.meta.json.txt")).write_bytes(b"\x00\x01")
    items = read_bounded([str(tmp_path)])
    assert codes(items) == ["E101", "E102"]
    assert all(printable(str(i)) and "d\\xff" in str(i) for i in items)


def test_name_with_a_newline_makes_one_line(tmp_path: Path, read_bounded: Reader) -> None:
    (tmp_path / "two\nlines.txt").write_bytes(b"")
    (tmp_path / "tab\there.txt").write_text(TEXT, encoding="utf-8")
    art, problem = read_bounded([str(tmp_path)])
    assert isinstance(problem, Problem) and "\n" not in str(problem) and "two\\x0alines.txt" in str(problem)
    assert isinstance(art, Article) and str(art.origin).endswith("tab\\x09here.txt")


# --- links that loop, files reached twice -------------------------------------------------------


def test_a_link_to_its_own_folder_reads_each_file_once(tmp_path: Path, read_bounded: Reader) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    os.symlink(".", tmp_path / "s1")
    items = read_bounded([str(tmp_path)])
    assert [Path(str(i.origin)).name for i in items if isinstance(i, Article)] == ["a.txt", "b.txt"]
    assert codes(items) == ["article", "article"]


def test_two_looping_links_do_not_explode(tmp_path: Path, read_bounded: Reader) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(".", tmp_path / "s1")
    os.symlink(".", tmp_path / "s2")  # two loops: every path through them is 2**40 paths on main
    sub = tmp_path / "sub"
    sub.mkdir()
    os.symlink("..", sub / "up")
    items = read_bounded([str(tmp_path / "sub"), str(tmp_path)])
    assert codes(items) == ["article"] * 2  # once from "sub" (through "up"), once from the root


def test_a_file_reached_through_links_is_read_once(tmp_path: Path, read_bounded: Reader) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text(TEXT, encoding="utf-8")
    os.symlink("sub", tmp_path / "also")
    os.symlink("sub/a.txt", tmp_path / "b.txt")
    items = read_bounded([str(tmp_path)])
    assert codes(items) == ["article"]


def test_dangling_link_is_one_line(tmp_path: Path, read_bounded: Reader) -> None:
    os.symlink("nowhere.txt", tmp_path / "gone.txt")
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    assert codes(read_bounded([str(tmp_path)])) == ["E109", "article"]


# --- files that are not regular --------------------------------------------------------------


def test_fifo_in_a_folder_is_skipped_without_opening_it(tmp_path: Path, read_bounded: Reader) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "feed.jsonl")
    (tmp_path / "z.txt").write_text(TEXT, encoding="utf-8")
    items = read_bounded([str(tmp_path)])
    assert codes(items) == ["E103", "E103", "article"]
    assert all("FIFO" in str(i) for i in items[:2])


def test_fifo_as_a_sidecar_is_a_warning(tmp_path: Path, read_bounded: Reader) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "a.meta.json")
    items = read_bounded([str(tmp_path)])
    assert codes(items) == ["E111", "article"] and "not a regular file" in str(items[0])


@pytest.mark.parametrize("name", ["pipe.txt", "pipe.jsonl", "pipe.html", "pipe"])
def test_fifo_given_directly_is_skipped(tmp_path: Path, read_bounded: Reader, name: str) -> None:
    os.mkfifo(tmp_path / name)
    os.symlink(name, tmp_path / f"link-{name}")
    items = read_bounded([str(tmp_path / name), str(tmp_path / f"link-{name}")])
    assert codes(items) == ["E103", "E103"]


def test_socket_in_a_folder_is_skipped(tmp_path: Path, read_bounded: Reader) -> None:
    path = tmp_path / "s.txt"
    if len(os.fsencode(path)) >= 100:
        pytest.skip("the temporary folder's path is too long for a socket address")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
        items = read_bounded([str(tmp_path)])
    assert codes(items) == ["E103", "article"] and "not a regular file (a socket)" in str(items[0])


# --- deep folders ----------------------------------------------------------------------------


@pytest.fixture
def deep(tmp_path: Path) -> Iterator[Path]:
    """tmp_path/d/d/.../d, 1,200 levels, removed bottom-up afterwards: shutil.rmtree (and so
    pytest's clean-up of old temporary folders) recurses once per level and would fail on it."""
    levels = [tmp_path]
    for _ in range(1200):  # one level at a time: os.makedirs recurses too
        levels.append(levels[-1] / "d")
        levels[-1].mkdir()
    yield levels[-1]
    for level in reversed(levels[1:]):
        for entry in level.iterdir():
            entry.unlink()
        level.rmdir()


def test_folder_nested_1200_deep_is_walked_in_order(tmp_path: Path, deep: Path, read_bounded: Reader) -> None:
    (deep / "deep.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "e.txt").write_text(TEXT + "More.\n", encoding="utf-8")
    items = read_bounded([str(tmp_path)])
    assert codes(items) == ["article"] * 3
    assert [Path(str(i.origin)).name for i in items if isinstance(i, Article)] == [
        "a.txt",
        "deep.txt",
        "e.txt",
    ]


# --- encodings and empty files -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "named"),
    [
        ("utf-16", "UTF-16 LE, with a byte-order mark"),
        ("utf-16-le", "UTF-16 LE, without"),
        ("utf-16-be", "UTF-16 BE, without"),
        ("utf-32", "UTF-32 LE, with a byte-order mark"),
        ("utf-32-be", "UTF-32 BE, without"),
    ],
)
def test_utf16_and_utf32_are_named_not_called_binary(
    tmp_path: Path, read_bounded: Reader, encoding: str, named: str
) -> None:
    for name in ("a.txt", "a.jsonl", "a.html"):
        (tmp_path / name).write_bytes(('{"text": "x"}\n' if name.endswith("l") else TEXT).encode(encoding))
    items = read_bounded([str(tmp_path)])
    assert codes(items) == ["E105"] * 3
    assert all(named in i.text and "UTF-8" in i.text for i in items if isinstance(i, Problem))


def test_binary_is_still_binary(tmp_path: Path, read_bounded: Reader) -> None:
    (tmp_path / "numbers.txt").write_bytes(b"".join(n.to_bytes(4, "little") for n in range(2000)))
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert codes(read_bounded([str(tmp_path)])) == ["E102", "E102"]


@pytest.mark.parametrize("data", [b"", b" \n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n\n"])
@pytest.mark.parametrize("name", ["a.txt", "a.jsonl", "a.html"])
def test_empty_whitespace_and_bom_only_files_are_empty(
    tmp_path: Path, read_bounded: Reader, data: bytes, name: str
) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    items = read_bounded([str(tmp_path)])
    assert codes(items) == ["E101", "article"]
    assert items[0].origin == str(tmp_path / name)  # the file, not a line of it

"""Kinds made of the file system: FIFOs, sockets, symlinks, permissions, depth and size.

Several of these hang or crash a naive walker (a FIFO blocks `open`, two self-links make the
walk exponential, 1,200 levels exhaust Python's recursion), so the tests run them in a
subprocess bounded by a timeout.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from tests.hostile.kinds import Kind, Made, Outcome, made
from tests.hostile.kinds.prose import article

DEPTH = 1_200
ROOT = os.geteuid() == 0  # root reads files whatever their mode: those kinds expect the article


def _good(path: Path, tag: str) -> Path:
    path.write_text(article(tag), encoding="utf-8")
    return path


def fifo(folder: Path) -> Made:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return made(path, 1, 0)


def unix_socket(folder: Path) -> Made:
    """A socket named *.txt; bound through /proc/self/fd so a long folder path still fits."""
    path = folder / "sock.txt"
    fd = os.open(folder, os.O_RDONLY)
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(f"/proc/self/fd/{fd}/sock.txt")
    except OSError:
        return made([], 0, 0)  # no Unix sockets here: nothing made, nothing expected
    finally:
        os.close(fd)
    return made(path, 1, 0)


def dangling_symlink(folder: Path) -> Made:
    link = folder / "gone.txt"
    link.symlink_to(folder / "nowhere.txt")
    return made(link, 1, 0)


def self_symlink(folder: Path) -> Made:
    link = folder / "me.txt"
    link.symlink_to("me.txt")
    return made(link, 1, 0)


def symlink_loop(folder: Path) -> Made:
    """`ln -s . L/s1; ln -s . L/s2` beside an article: followed naively the walk is 2^40 deep.
    The article is stored once; a line about the loop is allowed, not required."""
    loop = folder / "L"
    loop.mkdir()
    good = _good(loop / "story.txt", "symlink loop")
    for name in ("s1", "s2"):
        (loop / name).symlink_to(".")
    return Made((good,), (Outcome(0, 1), Outcome(1, 1), Outcome(2, 1)))


def symlink_twice(folder: Path) -> Made:
    """One article reached under two names: stored once, no line (the second is already stored)."""
    good = _good(folder / "real.txt", "reached twice")
    (folder / "alias.txt").symlink_to("real.txt")
    return made(good, 0, 1)


def unreadable_file(folder: Path) -> Made:
    path = _good(folder / "locked.txt", "unreadable file")
    path.chmod(0)
    return made(path, 0, 1) if ROOT else made(path, 1, 0, "E103")


def unreadable_folder(folder: Path) -> Made:
    inner = folder / "locked"
    inner.mkdir()
    _good(inner / "story.txt", "unreadable folder")
    inner.chmod(0)
    return made(inner, 0, 1) if ROOT else made(inner, 1, 0, "E103")


def deep_nesting(folder: Path) -> Made:
    """1,200 nested folders of one letter (2,400 characters, under PATH_MAX), an article at the
    bottom; made one mkdir at a time, since os.makedirs itself recurses."""
    path = folder
    for _ in range(DEPTH):
        path = path / "d"
        path.mkdir()
    return made(_good(path / "deep.txt", "deep nesting"), 0, 1)


def empty_folder(folder: Path) -> Made:
    (folder / "nothing").mkdir()
    return made(folder / "nothing", 0, 0)


def folder_named_txt(folder: Path) -> Made:
    """A folder whose name ends in .txt is walked, not read as a file."""
    inner = folder / "box.txt"
    inner.mkdir()
    return made(_good(inner / "story.txt", "folder named txt"), 0, 1)


def huge_file(folder: Path) -> Made:
    """A 6 MB text file: over max_file_bytes (5 MB); refused in one line, not loaded."""
    path = folder / "huge.txt"
    text = article("huge file")
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
        paragraph = "\n" + text.split("\n\n", 1)[1]
        while handle.tell() < 6_000_000:
            handle.write(paragraph)
    return made(path, 1, 0)


KINDS = [
    Kind("fifo", "files", fifo),
    Kind("unix_socket", "files", unix_socket),
    Kind("dangling_symlink", "files", dangling_symlink),
    Kind("self_symlink", "files", self_symlink),
    Kind("symlink_loop", "files", symlink_loop),
    Kind("symlink_twice", "files", symlink_twice),
    Kind("unreadable_file", "files", unreadable_file),
    Kind("unreadable_folder", "files", unreadable_folder),
    Kind("deep_nesting", "files", deep_nesting),
    Kind("empty_folder", "files", empty_folder),
    Kind("folder_named_txt", "files", folder_named_txt),
    Kind("huge_file", "files", huge_file),
]

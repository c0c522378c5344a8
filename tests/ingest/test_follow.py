"""FolderWatch: a file is handed over once it is settled, again only when it changed."""

from __future__ import annotations

import os
from pathlib import Path

from newsevents.ingest.follow import FolderWatch


def _touch(path: Path, text: str, mtime_ns: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_a_file_is_handed_over_once_settled_and_again_when_changed(tmp_path: Path) -> None:
    watch = FolderWatch(tmp_path)
    article = tmp_path / "sub" / "a.txt"
    article.parent.mkdir()
    _touch(article, "Title\n\nBody.\n", 1_000_000_000)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # no reader for it: never handed over
    assert watch.changed() == ([], [])  # first seen: maybe still being written
    assert watch.changed() == ([article], [])  # the same on two looks: settled
    assert watch.changed() == ([], [])  # handed over already
    _touch(article, "Title\n\nBody, updated.\n", 2_000_000_000)
    assert watch.changed() == ([], [])
    assert watch.changed() == ([article], [])
    # Its sidecar changing changes the article's metadata: handed over again.
    _touch(tmp_path / "sub" / "a.meta.json", '{"source": "Wire"}', 3_000_000_000)
    assert watch.changed() == ([], [])
    assert watch.changed() == ([article], [])


def test_a_file_still_growing_waits(tmp_path: Path) -> None:
    watch = FolderWatch(tmp_path)
    feed = tmp_path / "feed.jsonl"
    for n in range(3):
        _touch(feed, '{"text": "x"}\n' * (n + 1), 1_000_000_000 + n)
        assert watch.changed() == ([], [])
    assert watch.changed() == ([feed], [])


def test_a_missing_folder_is_one_problem(tmp_path: Path) -> None:
    ready, problems = FolderWatch(tmp_path / "gone").changed()
    assert ready == [] and len(problems) == 1 and "[E103]" in str(problems[0])

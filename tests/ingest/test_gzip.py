"""Gzip-compressed input (`feed.jsonl.gz`, `a.txt.gz`): read like the plain file, streamed, with the
limits on the decompressed bytes, and a damaged file reported in one line while the batch goes on."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

from newsevents.errors import Problem
from newsevents.ingest import read
from newsevents.model import Article
from newsevents.settings import Settings

BODY = (
    "Police fired tear gas at protesters in the capital on Sunday, witnesses said, as thousands "
    "marched towards the presidential palace to demand that the government step down."
)
TEXT = "Police fire tear gas at protesters\n\n" + BODY + "\n"


def run(paths: list[str], **settings: object) -> list[Article | Problem]:
    return list(read(paths, Settings().with_overrides(**settings)))


def _line(n: int, pad: int = 0) -> str:
    """One JSONL article; `pad` characters of hex that compress poorly, so a file of such lines
    spans several read chunks."""
    filler = "".join(hashlib.sha256(f"{n}:{i}".encode()).hexdigest() for i in range(pad // 64 + 1))
    return json.dumps({"text": f"{BODY} Report {n}.", "id": f"a{n}", "note": filler[:pad]}) + "\n"


def _pack(path: Path, text: str) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(text)
    return path


def test_gzip_files_read_like_their_plain_twins_in_a_folder(tmp_path: Path) -> None:
    plain, packed = tmp_path / "plain", tmp_path / "packed"
    plain.mkdir()
    packed.mkdir()
    feed = _line(1) + "{broken\n" + _line(2)
    (plain / "a.txt").write_text(TEXT, encoding="utf-8")
    (plain / "feed.jsonl").write_text(feed, encoding="utf-8")
    _pack(packed / "a.txt.gz", TEXT)
    _pack(packed / "feed.jsonl.gz", feed)
    (packed / "notes.gz").write_bytes(gzip.compress(b"not an article kind"))  # unknown kind: skipped
    a, b = run([str(plain)]), run([str(packed)])
    assert [type(x).__name__ for x in b] == ["Article", "Article", "Problem", "Article"]
    feed_lines = [f"{packed}/feed.jsonl.gz:{n}" for n in (1, 2, 3)]
    assert [x.origin for x in b] == [f"{packed}/a.txt.gz", *feed_lines]
    assert [(getattr(x, "id", None), getattr(x, "code", None)) for x in a] == [
        (getattr(x, "id", None), getattr(x, "code", None)) for x in b
    ]


def test_the_line_limit_applies_to_the_decompressed_line(tmp_path: Path) -> None:
    long, short = _line(1, pad=5_000), _line(2)
    path = _pack(tmp_path / "feed.jsonl.gz", long + short)
    assert path.stat().st_size < 4_000 < len(long)  # small on disk, large once inflated
    items = run([str(path)], max_file_bytes=4_000)
    assert [type(x).__name__ for x in items] == ["Problem", "Article"]
    assert isinstance(items[0], Problem) and items[0].code == "E116"
    assert items[0].origin == f"{path}:1"


def test_a_text_file_that_inflates_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = _pack(tmp_path / "a.txt.gz", TEXT + "More words. " * 1_000)
    assert path.stat().st_size < 1_000
    (item,) = run([str(path)], max_file_bytes=5_000)
    assert isinstance(item, Problem) and item.code == "E107"


def test_a_cut_gzip_file_keeps_the_lines_before_the_damage_and_the_batch_goes_on(tmp_path: Path) -> None:
    whole = _pack(tmp_path / "whole.jsonl.gz", "".join(_line(n, pad=3_000) for n in range(60)))
    data = whole.read_bytes()
    cut = tmp_path / "a-cut.jsonl.gz"
    cut.write_bytes(data[: len(data) * 3 // 4])
    whole.unlink()
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    items = run([str(tmp_path)])
    problems = [x for x in items if isinstance(x, Problem)]
    articles = [x for x in items if isinstance(x, Article)]
    (damage,) = problems
    assert damage.code == "E117" and damage.origin == str(cut)
    assert damage.text.startswith("[E117] gzip file is corrupt or cut short (after line ")
    kept = [a for a in articles if a.origin and a.origin.startswith(str(cut))]
    assert 0 < len(kept) < 60
    assert [a.given_id for a in kept] == [f"a{n}" for n in range(len(kept))]
    assert f"after line {len(kept)}:" in damage.text
    assert articles[-1].origin == str(tmp_path / "b.txt")  # the next file is read


def test_a_file_named_gz_that_is_not_gzip_is_one_line(tmp_path: Path) -> None:
    for name, data in (("feed.jsonl.gz", _line(1).encode()), ("a.txt.gz", TEXT.encode())):
        path = tmp_path / name
        path.write_bytes(data)
        (item,) = run([str(path)])
        assert isinstance(item, Problem) and item.code == "E117", item
        assert item.origin == str(path) and "Not a gzipped file" in item.text


def test_standard_input_is_known_as_gzip_by_its_first_bytes() -> None:
    feed = gzip.compress((_line(1) + _line(2, pad=20_000)).encode())
    items = list(read(["-"], Settings(), stdin=io.BytesIO(feed)))
    assert [type(x).__name__ for x in items] == ["Article", "Article"]
    assert [x.origin for x in items] == ["<stdin>:1", "<stdin>:2"]
    (text,) = list(read(["-"], Settings(), stdin=io.BytesIO(gzip.compress(TEXT.encode()))))
    assert isinstance(text, Article) and text.text == TEXT and text.origin == "<stdin>"
    cut = gzip.compress(TEXT.encode() * 50)[:-30]
    (damage,) = list(read(["-"], Settings(), stdin=io.BytesIO(cut)))
    assert isinstance(damage, Problem) and damage.code == "E117" and damage.origin == "<stdin>"

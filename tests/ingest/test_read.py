"""read(): every format, sidecars, standard input, folders, and one Problem per kind of bad input."""

from __future__ import annotations

import io
import json
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from newsevents.errors import Problem
from newsevents.ingest import read
from newsevents.model import Article
from newsevents.settings import Settings

BODY = (
    "Police fired tear gas at protesters in the capital on Sunday, witnesses said, as thousands "
    "marched towards the presidential palace to demand that the government step down.\n\n"
    "The interior ministry said it would investigate the clashes and called for calm.\n"
)
TEXT = "Police fire tear gas at protesters\n\n" + BODY
HTML = """<!DOCTYPE html><html><head><title>Police fire tear gas at protesters | Example News</title>
<link rel="canonical" href="https://www.example.com/world/tear-gas">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2019-03-12T10:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Police fire tear gas at protesters</h1>
<p>Police fired tear gas at protesters in the capital on Sunday, witnesses said, as thousands
marched towards the presidential palace to demand that the government step down.</p>
<p>The interior ministry said it would investigate the clashes and called for calm across the
country, while opposition leaders vowed to return to the streets next week.</p></article>
<footer>Copyright Example News</footer></body></html>"""


def run(paths: list[str], **settings: object) -> list[Article | Problem]:
    return list(read(paths, Settings().with_overrides(**settings)))


def one_problem(items: list[Article | Problem], code: str) -> Problem:
    assert len(items) == 1, items
    (item,) = items
    assert isinstance(item, Problem), item
    assert item.code == code and f"[{code}]" in item.text
    return item


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    (art,) = run([str(path)])
    assert isinstance(art, Article)
    assert art.text == TEXT and art.title == "Police fire tear gas at protesters"
    assert art.origin == str(path)


def test_sidecar_supplies_url_source_and_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    meta = {"url": "https://www.example.com/x", "outlet": "Example Times", "publication_date": "2019-01-07"}
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (art,) = run([str(tmp_path / "a.txt")])
    assert isinstance(art, Article)
    assert (art.url, art.source, art.published) == (
        "https://www.example.com/x",
        "Example Times",
        "2019-01-07",
    )


def test_sidecar_nulls_fall_back_to_text_and_url(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT + "\nAFP\n", encoding="utf-8")
    meta = {"url": "https://www.example.com/2020/10/03/x", "outlet": None, "publication_date": None}
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (art,) = run([str(tmp_path / "a.txt")])
    assert isinstance(art, Article)
    assert (art.source, art.published) == ("AFP", "2020-10-03")


def test_broken_sidecar_warns_and_article_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    warning, art = run([str(tmp_path / "a.txt")])
    assert isinstance(warning, Problem) and warning.code == "E111" and not warning.fatal
    assert warning.origin.endswith("a.meta.json")
    assert isinstance(art, Article) and art.url is None


def test_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (art,) = run([str(path)])
    assert isinstance(art, Article), art
    assert art.title == "Police fire tear gas at protesters"
    assert art.text.startswith(art.title + "\n\n")
    assert "thousands\nmarched" in art.text or "thousands marched" in art.text
    assert "Home" not in art.text and "Copyright" not in art.text
    assert art.url == "https://www.example.com/world/tear-gas"
    assert art.source == "Example News"
    assert art.published == "2019-03-12"
    assert art.title_span is not None and art.title_span.text == art.title


def test_html_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
    one_problem(run([str(path)]), "E112")


def test_jsonl_lines_and_broken_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {"text": BODY, "title": "Tear gas", "url": "https://www.example.com/a", "published": "2019-01-07"}
    lines = [
        json.dumps(good),
        "{broken",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": BODY, "id": "x1"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = run([str(path)])
    assert [type(i).__name__ for i in items] == ["Article", "Problem", "Problem", "Article"]
    first, broken, missing, last = items
    assert isinstance(first, Article) and first.text == BODY and first.origin == f"{path}:1"
    assert (first.title, first.published, first.source) == ("Tear gas", "2019-01-07", "example.com")
    assert isinstance(broken, Problem) and broken.code == "E104" and broken.origin == f"{path}:2"
    assert isinstance(missing, Problem) and missing.code == "E108" and missing.origin == f"{path}:3"
    assert isinstance(last, Article) and last.given_id == "x1" and last.origin == f"{path}:5"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (TEXT.encode(), "text"),
        (HTML.encode(), "html"),
        (json.dumps({"text": BODY}).encode() + b"\n", "jsonl"),
    ],
)
def test_stdin_sniffs_the_format(data: bytes, kind: str) -> None:
    (art,) = list(read(["-"], Settings(), stdin=io.BytesIO(data)))
    assert isinstance(art, Article), art
    if kind == "html":
        assert art.url == "https://www.example.com/world/tear-gas"
    elif kind == "jsonl":
        assert art.text == BODY and art.origin == "<stdin>:1"
    else:
        assert art.text == TEXT and art.origin == "<stdin>"


def test_folder_is_walked_recursively_in_order_skipping_sidecars_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(TEXT.replace("Sunday", "Monday"), encoding="utf-8")
    (tmp_path / "1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "1.meta.json").write_text('{"url": "https://e.com/1", "outlet": null}', encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c.html").write_text(HTML, encoding="utf-8")
    items = run([str(tmp_path)])
    assert all(isinstance(i, Article) for i in items), items
    assert [Path(str(i.origin)).name for i in items if isinstance(i, Article)] == ["1.txt", "2.txt", "c.html"]


def test_named_file_with_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.dat").write_text(HTML, encoding="utf-8")
    (tmp_path / "story").write_text(TEXT, encoding="utf-8")
    page, story = run([str(tmp_path / "page.dat"), str(tmp_path / "story")])
    assert isinstance(page, Article) and page.url == "https://www.example.com/world/tear-gas"
    assert isinstance(story, Article) and story.text == TEXT


def test_batch_goes_on_after_bad_input(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    items = run([str(tmp_path / "missing.txt"), str(tmp_path)])
    assert [getattr(i, "code", "article") for i in items] == ["E109", "E101", "article"]


# --- bad input: one Problem each, naming the file ------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    assert one_problem(run([str(path)]), "E101").origin == str(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    one_problem(run([str(path)]), "E102")


def test_control_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 50 + b"some text")
    one_problem(run([str(path)]), "E102")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    one_problem(run([str(path)]), "E103")


def test_unreadable_path_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(TEXT, encoding="utf-8")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    problem = one_problem(run([str(path)]), "E103")
    assert "Permission denied" in problem.text and problem.origin == str(path)


def test_path_that_is_not_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    one_problem(run([str(fifo)]), "E103")


def test_missing_file(tmp_path: Path) -> None:
    assert one_problem(run([str(tmp_path / "nope.txt")]), "E109").origin == str(tmp_path / "nope.txt")


def test_broken_jsonl_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "unterminated\n', encoding="utf-8")
    assert one_problem(run([str(path)]), "E104").origin == f"{path}:1"


def test_non_utf8_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(TEXT.replace("capital", "capitàl").encode("latin-1"))
    assert "0xE0" in one_problem(run([str(path)]), "E105").text


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    (art,) = run([str(path)])
    assert isinstance(art, Article) and art.text == TEXT


def test_non_english_article(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(
        "La police disperse une manifestation\n\nLa police a dispersé dimanche une manifestation dans la "
        "capitale, selon des témoins, alors que des milliers de personnes marchaient vers le palais pour "
        "demander le départ du gouvernement. Le ministère a dit qu'il allait enquêter sur les heurts.\n",
        encoding="utf-8",
    )
    assert "French" in one_problem(run([str(path)]), "E106").text


def test_file_over_the_size_limit_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    problem = one_problem(run([str(path)]), "E107")
    assert "52,428,800" in problem.text
    assert path not in opened


def test_stdin_over_the_size_limit() -> None:
    items = list(read(["-"], Settings(max_file_bytes=100), stdin=io.BytesIO(b"x " * 200)))
    one_problem(items, "E107")


def test_title_without_body(tmp_path: Path) -> None:
    path = tmp_path / "title.txt"
    path.write_text("Police fire tear gas at protesters\n\n", encoding="utf-8")
    one_problem(run([str(path)]), "E110")


def test_title_with_only_furniture_has_no_body(tmp_path: Path) -> None:
    path = tmp_path / "title.txt"
    path.write_text("Police fire tear gas at protesters\n\nShare\n\nPhoto: AFP\n", encoding="utf-8")
    one_problem(run([str(path)]), "E110")


def test_a_file_is_received_on_its_last_modified_day_and_a_stream_line_on_the_day_it_is_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.txt"
    path.write_text(TEXT, encoding="utf-8")
    noon = 1_577_880_000  # 2020-01-01 12:00 UTC
    os.utime(path, (noon, noon))
    (lines := tmp_path / "feed.jsonl").write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    os.utime(lines, (noon, noon))
    from_file, from_line = run([str(path)]), run([str(lines)])
    assert isinstance(from_file[0], Article) and from_file[0].received == "2020-01-01"
    today = datetime.now(UTC).date().isoformat()
    assert isinstance(from_line[0], Article) and from_line[0].received in (today, _tomorrow(today))


def _tomorrow(day: str) -> str:
    """The next day: a read that straddles midnight UTC is received on either."""
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()

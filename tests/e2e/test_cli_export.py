"""`newsevents export` on hostile targets: one line naming the path for each, an existing file
kept unless --force, devices written directly, and formula cells defused in CSV."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.model import Actor, Article, Event, EventLocation, Evidence, Extraction
from newsevents.store import open_store

TITLE = '=HYPERLINK("http://evil.example","open me")'
TEXT = f"{TITLE}\n\n@Rebels attacked troops in Madrid on Sunday."
FORMATS = ["csv", "jsonl", "parquet"]
# Every column set with a table it applies to.
KINDS = [("events", "native"), ("events", "gdelt"), ("events", "plover"), ("clusters", "native"),
         ("clusters", "gdelt"), ("clusters", "plover"), ("quotes", "native"),
         ("articles", "native")]  # fmt: skip


def _span(words: str) -> Evidence:
    start = TEXT.index(words)
    return Evidence.of(TEXT, start, start + len(words))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with one article whose title and evidence start like spreadsheet formulas."""
    event = Event(
        Actor("@Rebels", "-Rebels", "ESPREB", "ESP", "REB", _span("@Rebels")), None, "190", "19",
        "ASSAULT", 4, -10.0, _span("@Rebels attacked troops in Madrid on Sunday."), _span("attacked"),
        date="2016-03-06",
        location=EventLocation("Madrid", 40.42, -3.7, "ESP", "city", _span("Madrid")),
    )  # fmt: skip
    article = Article(id="f0000000000001", text=TEXT, title=TITLE, source="+Wire", published="2016-03-06",
                      title_span=_span(TITLE))  # fmt: skip
    path = tmp_path / "events.sqlite"
    with open_store(path) as store:
        store.write(Extraction(article, (event,)))
        store.recluster()
    return path


def export(db: Path, *args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["export", "--db", str(db), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr.splitlines()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missing_folder_is_one_line(db: Path, tmp_path: Path, fmt: str) -> None:
    code, lines = export(db, "--format", fmt, "-o", str(tmp_path / "nodir" / "x.out"))
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("Error: [E307] cannot write export to ") and "nodir/x.out" in lines[0]


@pytest.mark.parametrize(("table", "columns"), KINDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_existing_file_is_kept_unless_forced(
    db: Path, tmp_path: Path, fmt: str, table: str, columns: str
) -> None:
    out = tmp_path / "out.file"
    out.write_text("precious\n")
    args = ["--format", fmt, "--table", table, "--columns", columns, "-o", str(out)]
    code, lines = export(db, *args)
    assert code == 1 and len(lines) == 1 and "[E308]" in lines[0] and str(out) in lines[0]
    assert out.read_text() == "precious\n"
    code, lines = export(db, *args, "--force")
    assert code == 0 and lines == [f"newsevents: wrote {0 if table == 'quotes' else 1} {table} to {out}"]
    assert out.read_bytes() != b"precious\n" and [p.name for p in tmp_path.iterdir()] == ["events.sqlite",
                                                                                        "out.file"]


@pytest.mark.skipif(not os.path.exists("/proc/version"), reason="no /proc here")
def test_a_file_the_system_owns_is_one_line_forced_or_not(db: Path) -> None:
    for extra in ([], ["--force"]):
        code, lines = export(db, "--format", "csv", "-o", "/proc/version", *extra)
        assert code == 1 and len(lines) == 1 and "/proc/version" in lines[0]


@pytest.mark.skipif(not (os.path.exists("/dev/full") and stat.S_ISCHR(os.stat("/dev/full").st_mode)),
                    reason="no /dev/full character device here")  # fmt: skip
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_is_one_line_and_the_device_stays(db: Path, fmt: str) -> None:
    code, lines = export(db, "--format", fmt, "--table", "articles", "-o", "/dev/full")
    assert code == 1 and lines == ["Error: [E307] cannot write export to /dev/full: No space left on device"]
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def _csv(db: Path, *args: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv", "-o", "-", *args])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout, newline="")))


def test_csv_defuses_formula_cells_but_keeps_numbers(db: Path) -> None:
    (event,) = _csv(db, "--table", "events")
    assert (event["title"], event["source"], event["source_text"]) == ("'" + TITLE, "'+Wire", "'@Rebels")
    assert event["source_name"] == "'-Rebels" and event["evidence_text"].startswith("'@Rebels attacked")
    assert (event["goldstein"], event["location_lon"]) == ("-10.0", "-3.7")
    (gdelt,) = _csv(db, "--table", "events", "--columns", "gdelt")
    assert (gdelt["GoldsteinScale"], gdelt["ActionGeo_Long"]) == ("-10.0", "-3.7")
    assert gdelt["Actor1Name"] == "'-REBELS"
    (raw,) = _csv(db, "--table", "events", "--raw-cells")
    assert (raw["title"], raw["source"]) == (TITLE, "+Wire")

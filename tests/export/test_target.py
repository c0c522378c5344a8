"""Where an export goes: one ExportError naming the path for a target that cannot be written, an
existing file replaced only when asked and never left truncated, devices and FIFOs written
directly; and CSV cells a spreadsheet would run as formulas defused."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import threading
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from newsevents.errors import ExportError
from newsevents.export import write_rows

FORMATS = ["csv", "jsonl", "parquet"]
ROWS = [{"id": "a1", "n": 1}, {"id": "a2", "n": 2}]


def _has_full_device() -> bool:
    try:
        return stat.S_ISCHR(os.stat("/dev/full").st_mode)
    except OSError:
        return False


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missing_folder_is_one_error_naming_the_path(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "nodir" / f"x.{fmt}"
    with pytest.raises(ExportError, match=r"\[E307\] cannot write export to .*nodir/x\.\w+: there is no"):
        write_rows(ROWS, out, fmt)
    assert not out.parent.exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_existing_file_is_replaced_only_when_asked(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"x.{fmt}"
    out.write_text("precious\n")
    with pytest.raises(ExportError, match=r"\[E308\] export target .*x\.\w+ already exists"):
        write_rows(ROWS, out, fmt, overwrite=False)
    assert out.read_text() == "precious\n"
    assert write_rows(ROWS, out, fmt, overwrite=True) == 2
    assert out.read_bytes() != b"precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failed_export_leaves_the_old_file_whole_and_no_temporary_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"x.{fmt}"
    out.write_text("precious\n")
    rows = [{"id": f"a{n}", "n": n} for n in range(5000)] + [{"id": "bad", "n": 0, "surprise": 1}]
    with pytest.raises(ValueError, match="surprise"):
        write_rows(rows, out, fmt, columns=["id", "n"])
    assert out.read_text() == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_new_file_gets_the_usual_permissions(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"x.{fmt}"
    write_rows(ROWS, out, fmt)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


@pytest.mark.skipif(not _has_full_device(), reason="no /dev/full character device here")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_device_is_one_error_and_stays_a_device(fmt: str) -> None:
    with pytest.raises(ExportError, match=r"\[E307\] cannot write export to /dev/full: .*No space left"):
        write_rows([{"id": "x" * 100, "n": n} for n in range(2000)], Path("/dev/full"), fmt)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_file_the_system_owns_is_refused_and_cannot_be_forced(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"\[E308\] export target /proc/version already exists"):
        write_rows(ROWS, Path("/proc/version"), "csv", overwrite=False)
    with pytest.raises(ExportError, match=r"\[E307\] cannot write export to /proc/version"):
        write_rows(ROWS, Path("/proc/version"), "csv", overwrite=True)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_fifo_is_written_directly(tmp_path: Path, fmt: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert write_rows(ROWS, fifo, fmt, overwrite=False) == 2
    reader.join(timeout=30)
    assert b"a2" in got[0] and stat.S_ISFIFO(os.stat(fifo).st_mode)


FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "=1", "-", "+"]


def _formula_rows() -> list[dict[str, Any]]:
    return [{"text": text, "goldstein": -5.0, "lon": -3.7, "n": -2, "as_text": "-3.7", "plain": "Aleppo",
             "members": [{"text": "=cmd"}]} for text in FORMULAS]  # fmt: skip


def test_csv_cells_a_spreadsheet_would_run_get_a_leading_quote_and_numbers_do_not() -> None:
    buf = io.StringIO()
    write_rows(_formula_rows(), buf, "csv")
    back = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert [r["text"] for r in back] == ["'" + text for text in FORMULAS]
    for row in back:
        assert (row["goldstein"], row["lon"], row["n"], row["as_text"], row["plain"]) == (
            "-5.0", "-3.7", "-2", "-3.7", "Aleppo")  # fmt: skip
        assert json.loads(row["members"]) == [{"text": "=cmd"}]


def test_a_cell_starting_with_a_carriage_return_is_defused_too() -> None:
    from newsevents.export.files import defuse

    values = ("\rx", "-1e5", ".5", -1.5, None)
    assert tuple(defuse(v) for v in values) == ("'\rx", "-1e5", ".5", -1.5, None)


def test_raw_cells_and_other_formats_keep_the_text_as_stored(tmp_path: Path) -> None:
    buf = io.StringIO()
    write_rows(_formula_rows(), buf, "csv", escape_formulas=False)
    back = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert [r["text"] for r in back] == FORMULAS
    lines = io.StringIO()
    write_rows(_formula_rows(), lines, "jsonl")
    assert [json.loads(line)["text"] for line in lines.getvalue().splitlines()] == FORMULAS
    write_rows(_formula_rows(), tmp_path / "x.parquet", "parquet")
    assert pq.read_table(tmp_path / "x.parquet").column("text").to_pylist() == FORMULAS

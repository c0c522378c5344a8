"""scripts/convert_petrarch_verbs.py: the shipped verb files are exactly what the script makes of
PETRARCH2's dictionaries, and a broken converted line fails with its file and line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsevents.errors import ResourceError
from newsevents.events.codes import load_code_table
from newsevents.events.verb_patterns import load_converted

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "src" / "newsevents" / "data" / "petrarch"
FILES = ("verb_synsets.tsv", "verbs.tsv", "verb_patterns.tsv", "discards.tsv")


def _petrarch_folder() -> Path:
    folder = Path(os.environ["NEWSEVENTS_SHARED"]) / "dictionaries" / "petrarch2"
    if not (folder / "CAMEO.2.0.txt").is_file():
        pytest.skip(f"the PETRARCH2 dictionaries are not in {folder} (set NEWSEVENTS_SHARED)")
    return folder


def test_rerun_gives_the_shipped_bytes(tmp_path: Path) -> None:
    folder = _petrarch_folder()
    script = REPO / "scripts" / "convert_petrarch_verbs.py"
    done = subprocess.run([sys.executable, str(script), str(folder), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), name


def test_missing_folder_is_one_line(tmp_path: Path) -> None:
    script = REPO / "scripts" / "convert_petrarch_verbs.py"
    done = subprocess.run([sys.executable, str(script), str(tmp_path), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip() == f"{tmp_path}: no CAMEO.2.0.txt here (a PETRARCH2 dictionaries folder)"


def test_the_filters_hold_in_the_shipped_files() -> None:
    """Very common verbs and the catch-all statement code (010) code nothing on their own."""
    lines = (SHIPPED / "verbs.tsv").read_text().splitlines()
    rows = [line.split("\t") for line in lines if not line.startswith("#")][1:]
    said = [r for r in rows if r[0] in ("say", "tell", "make", "take")]
    assert said and all(r[4] == "---" for r in said)
    assert not [r for r in rows if r[4] == "010"]
    discards = (SHIPPED / "discards.tsv").read_text().splitlines()
    assert "champions league\tyes" in discards
    assert not [d for d in discards if d.split("\t")[0].isdigit()]  # years are no discards
    # phrases that only tell when acts happened ("months later", "years ago") are no discards: past
    # acts are coded with their date
    timing = ("weeks later", "months later", "years later", "weeks ago", "months ago", "years ago")
    assert not [d for d in discards if d.split("\t")[0] in timing]


def test_a_bad_code_names_its_file_and_line(tmp_path: Path) -> None:
    for name in FILES:
        shutil.copy(SHIPPED / name, tmp_path / name)
    path = tmp_path / "verb_patterns.tsv"
    lines = path.read_text().splitlines(keepends=True)
    cells = lines[7].split("\t")
    cells[1] = "999"
    lines[7] = "\t".join(cells)
    path.write_text("".join(lines))
    with pytest.raises(
        ResourceError, match=r"\[E202\].*verb_patterns\.tsv:8 -> code: unknown CAMEO code '999'"
    ):
        load_converted(load_code_table(), tmp_path)

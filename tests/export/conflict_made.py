"""A store extracted from small real-language articles for the ACLED and UCDP tests: an attack
on civilians with "at least 12 people were killed", reported twice by two outlets; a denial
("Russia hasn't targeted civilian areas"); a meeting ACLED does not code; and a shelling a
monitor reports, with seven dead."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

import newsevents
from newsevents.cli import main
from newsevents.model import Article
from newsevents.store import open_store

ATTACK_SENTENCE = (
    "Russian troops attacked civilians in Kharkiv on Monday, and at least 12 people were killed."
)
ATTACK = (
    "Troops attack Kharkiv\n\n"
    f"{ATTACK_SENTENCE} "
    "Russia hasn't targeted civilian areas, the ministry said. "
    "Ukrainian ministers met European envoys in Kyiv on Monday.\n"
)
SHELLING = "Rebels shell Idlib\n\nRebels shelled Idlib on Sunday, killing seven people, a monitor said.\n"
DENIAL = "Russia hasn't targeted civilian areas, the ministry said."
MEETING = "Ukrainian ministers met European envoys in Kyiv on Monday."
REPORTED = "Rebels shelled Idlib on Sunday, killing seven people, a monitor said."


def conflict_store(path: Path) -> Path:
    """Extract the articles with the real pipeline into a new SQLite store at `path`, clustered."""
    articles = [
        Article(id="kharkiv-wire", text=ATTACK, title="Troops attack Kharkiv", source="Test Wire",
                url="https://example.org/kharkiv-wire", published="2022-05-03"),
        Article(id="kharkiv-paper", text=ATTACK, title="Troops attack Kharkiv", source="Test Paper",
                url="https://example.org/kharkiv-paper", published="2022-05-03"),
        Article(id="idlib", text=SHELLING, title="Rebels shell Idlib", source="Other Wire",
                url="https://example.org/idlib", published="2022-05-04"),
    ]  # fmt: skip
    store = open_store(path)
    try:
        for article in articles:
            store.write(newsevents.extract(article))
        store.recluster()
    finally:
        store.close()
    return path


def exported(db: Path, fmt: str, header: list[str], *args: str) -> list[dict[str, str]]:
    """The table `export --format fmt` writes, read back with the csv module; its header must be
    `header`, followed by the two flag columns when every event is asked for."""
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", fmt, *args])
    assert result.exit_code == 0, result.output
    reader = csv.reader(io.StringIO(result.stdout))
    found = next(reader)
    flags = ["negated", "modality"] if "--include-unasserted" in args else []
    assert found == header + flags
    return [dict(zip(found, row, strict=True)) for row in reader]

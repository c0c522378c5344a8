"""The GDELT and PLOVER presets on the shared corpus, extracted by the real pipeline: the files load
with the originals' column specs, and a negated event ("Russia hasn't targeted civilian areas")
is left out of GDELT's counts by default and flagged wherever it is exported."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from tests.export.test_gdelt import check_types

from newsevents.cli import main
from newsevents.export import GDELT_COLUMNS
from newsevents.export.gdelt import numeric_id

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "docs" / "plover.schema.json"
NEGATED = "Russia hasn't targeted civilian areas"
COL = {name: i for i, name in enumerate(GDELT_COLUMNS)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, corpus_extractions: list[Any]) -> tuple[Path, str]:
    """(store path, "article_id:idx" of the negated event): the corpus through the real pipeline."""
    from newsevents.store import open_store

    path = tmp_path_factory.mktemp("corpus") / "corpus.sqlite"
    with open_store(path) as store:
        for extraction in corpus_extractions:
            store.write(extraction)
        store.recluster()
        (negated,) = [e for e in store.events() if e["negated"] and NEGATED in e["evidence_text"]]
    return path, f"{negated['article_id']}:{negated['idx']}"


def export(db: Path, out: Path, *args: str) -> Path:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def read_tsv(path: Path) -> list[list[str]]:
    """GDELT's files as its readers split them: tabs, no quoting, no header."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def check_gdelt_row(row: list[str]) -> None:
    """61 cells of the codebook's types, and the columns every GDELT row fills."""
    assert len(row) == 61
    check_types(row, list(GDELT_COLUMNS))
    assert date(int(row[COL["SQLDATE"]][:4]), int(row[COL["SQLDATE"]][4:6]), int(row[COL["SQLDATE"]][6:]))
    assert row[COL["EventCode"]].startswith(row[COL["EventRootCode"]]) and len(row[COL["EventRootCode"]]) == 2
    assert row[COL["QuadClass"]] in {"1", "2", "3", "4"} and -10 <= float(row[COL["GoldsteinScale"]]) <= 10
    assert 0 < int(row[COL["GLOBALEVENTID"]]) < 2**53
    geo = [row[COL[f"ActionGeo_{f}"]] for f in ("FullName", "CountryCode", "Lat", "Long")]
    if row[COL["ActionGeo_Type"]] == "0":
        assert geo == ["", "", "", ""]
    else:
        assert row[COL["ActionGeo_Type"]] in {"1", "2", "3", "4", "5"} and all(geo)
    for actor in ("Actor1", "Actor2"):
        assert bool(row[COL[f"{actor}Code"]]) == bool(row[COL[f"{actor}Name"]])


@pytest.mark.parametrize("table", ["events", "clusters"])
def test_the_gdelt_file_loads_with_gdelt_s_column_spec(corpus: tuple[Path, str], tmp_path: Path,
                                                       table: str) -> None:  # fmt: skip
    rows = read_tsv(export(corpus[0], tmp_path / "g.CSV", "--format", "gdelt", "--table", table))
    assert len(rows) > 100
    for row in rows:
        check_gdelt_row(row)
    assert len({row[0] for row in rows}) == len(rows)
    assert any(row[COL["ActionGeo_Type"]] != "0" for row in rows)


def test_pandas_reads_61_columns_of_gdelt_s_types(corpus: tuple[Path, str], tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(export(corpus[0], tmp_path / "g.CSV", "--format", "gdelt"), sep="\t", header=None)
    assert frame.shape[1] == 61 and len(frame) > 100
    for name in ("GLOBALEVENTID", "SQLDATE", "QuadClass", "NumMentions", "ActionGeo_Type", "DATEADDED"):
        assert pandas.api.types.is_integer_dtype(frame[COL[name]]), name
    for name in ("GoldsteinScale", "FractionDate"):
        assert pandas.api.types.is_float_dtype(frame[COL[name]]), name
    required = [COL[c] for c in ("SQLDATE", "EventCode", "QuadClass", "GoldsteinScale", "ActionGeo_Type")]
    assert frame[required].notna().all().all()


def test_a_negated_event_is_left_out_of_gdelt_and_flagged_when_asked(corpus: tuple[Path, str],
                                                                     tmp_path: Path) -> None:  # fmt: skip
    db, key = corpus
    wanted = str(numeric_id(key))
    default = read_tsv(export(db, tmp_path / "a.CSV", "--format", "gdelt", "--table", "events"))
    assert wanted not in {row[0] for row in default}
    every = read_tsv(export(db, tmp_path / "b.tsv", "--format", "gdelt", "--table", "events",
                            "--include-unasserted", "--header"))  # fmt: skip
    assert every[0] == [*GDELT_COLUMNS, "IsNegated", "Modality"]
    (row,) = [r for r in every[1:] if r[0] == wanted]
    assert row[-2:] == ["1", "asserted"] and row[COL["EventRootCode"]] == "19"
    assert {len(r) for r in every} == {63} and len(every) - 1 > len(default)
    assert {r[-1] for r in every[1:]} >= {"asserted", "reported"}


def test_every_plover_record_of_the_corpus_validates(corpus: tuple[Path, str], tmp_path: Path) -> None:
    db, key = corpus
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    found: dict[str, list[dict[str, Any]]] = {}
    for table in ("events", "clusters"):
        out = export(db, tmp_path / f"{table}.jsonl", "--format", "plover", "--table", table)
        found[table] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert len(found[table]) > 100
        for record in found[table]:
            errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(record)]
            assert not errors, (record["id"], errors)
    (negated,) = [r for r in found["events"] if r["id"] == key]
    assert negated["negated"] is True and "negation" in negated["context"] and negated["event"] == ["ASSAULT"]
    assert any(r["context"] and r["context"] != ["negation"] for r in found["events"])

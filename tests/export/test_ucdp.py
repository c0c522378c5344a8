"""The UCDP GED table: GED's own header and types, lethal organised violence only, best/low/high
from the reported death figures, and asserted events only unless asked."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from tests.export.conflict_made import ATTACK_SENTENCE, DENIAL, REPORTED, conflict_store, exported

from newsevents.cli import main

# The columns of GED's CSV release, in its order (UCDP GED codebook).
GED_HEADER = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "gwnoa", "gwnob",
]  # fmt: skip
COUNTS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return conflict_store(tmp_path_factory.mktemp("ucdp") / "conflict.sqlite")


def export(db: Path, *args: str) -> list[dict[str, str]]:
    """The GED table as the command line writes it, read back with the csv module."""
    return exported(db, "ucdp", GED_HEADER, *args)


def _evidence(db: Path, row: dict[str, str]) -> str:
    """The sentence behind an events-table row (relid is article-idx)."""
    from newsevents.store import EventFilter, open_store

    article, idx = row["relid"].rsplit("-", 1)
    with open_store(db, "read") as store:
        (event,) = [e for e in store.events(EventFilter(article_id=article)) if e["idx"] == int(idx)]
    return str(event["evidence_text"])


@pytest.mark.parametrize("table", ["clusters", "events"])
def test_the_table_loads_with_geds_columns_and_types(db: Path, table: str) -> None:
    rows = export(db, "--table", table)
    assert rows
    for row in rows:
        assert int(row["id"]) < 2**53 and int(row["year"]) == int(row["date_start"][:4])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date_start"]) and row["date_end"] >= row["date_start"]
        assert row["type_of_violence"] in {"1", "2", "3"}
        counts = {c: int(row[c]) for c in COUNTS}
        assert counts["low"] <= counts["best"] <= counts["high"] and counts["best"] > 0
        assert sum(counts[c] for c in COUNTS[:4]) == counts["best"]
        float(row["latitude"]), float(row["longitude"])


def test_best_low_and_high_come_from_the_reported_figure(db: Path) -> None:
    rows = [r for r in export(db, "--table", "events") if _evidence(db, r) == ATTACK_SENTENCE]
    assert len(rows) == 2  # two outlets' reports of the attack
    for row in rows:
        assert (row["best"], row["low"], row["high"]) == ("12", "12", "12")
        assert (row["type_of_violence"], row["side_b"], row["deaths_civilians"]) == ("3", "Civilians", "12")
        assert row["side_a"] == "Government of Russia" and row["country"] == "Ukraine"


def test_a_cluster_is_one_row_and_its_toll_is_not_added_up(db: Path) -> None:
    (row,) = [r for r in export(db) if r["where_coordinates"] == "Kharkiv"]
    assert (row["best"], row["number_of_sources"]) == ("12", "2")


def test_an_unasserted_lethal_event_is_absent_by_default_and_present_on_request(db: Path) -> None:
    default = {_evidence(db, r) for r in export(db, "--table", "events")}
    everything = {_evidence(db, r): r for r in export(db, "--table", "events", "--include-unasserted")}
    assert REPORTED not in default and REPORTED in everything
    assert (everything[REPORTED]["best"], everything[REPORTED]["modality"]) == ("7", "reported")
    # A denial reports no death: GED's scope leaves it out either way.
    assert DENIAL not in default and DENIAL not in everything


def test_parquet_types_follow_ged(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ged.parquet"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--columns", "ucdp", "--format", "parquet",
                                       "-o", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    schema = pq.read_schema(out)
    assert schema.names == GED_HEADER
    assert schema.field("best").type == pa.int64() and schema.field("latitude").type == pa.float64()
    assert schema.field("active_year").type == pa.bool_() and schema.field("relid").type == pa.string()


def test_every_ged_column_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text(encoding="utf-8")
    section = docs.split("## UCDP GED columns", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^\| `([a-z0-9_]+)` \|", section, flags=re.MULTILINE) == GED_HEADER

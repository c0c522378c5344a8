"""The ACLED table: ACLED's own header and types, its categories and actor types, one row per
real-world event with its toll counted once, and asserted events only unless asked."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from tests.export.conflict_made import ATTACK_SENTENCE, DENIAL, MEETING, REPORTED, conflict_store, exported

# ACLED's export columns in its order, as its codebook lists them (2023 edition).
ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip
INTEGERS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
            "timestamp")  # fmt: skip
FLOATS = ("latitude", "longitude")
EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return conflict_store(tmp_path_factory.mktemp("acled") / "conflict.sqlite")


def export(db: Path, *args: str) -> list[dict[str, str]]:
    """The ACLED table as the command line writes it, read back with the csv module."""
    return exported(db, "acled", ACLED_HEADER, *args)


@pytest.mark.parametrize("table", ["clusters", "events"])
def test_the_table_loads_with_acleds_columns_and_types(db: Path, table: str) -> None:
    rows = export(db, "--table", table)
    assert rows
    for row in rows:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["event_date"])
        assert int(row["year"]) == date.fromisoformat(row["event_date"]).year
        for column in INTEGERS:
            assert row[column] == "" or re.fullmatch(r"-?\d+", row[column]), (column, row[column])
        for column in FLOATS:
            assert row[column] == "" or float(row[column]) == float(row[column])
        assert row["event_type"] in EVENT_TYPES and row["disorder_type"] and row["sub_event_type"]
        assert int(row["fatalities"]) >= 0 and row["notes"]


def test_a_negated_or_reported_event_is_absent_by_default_and_present_on_request(db: Path) -> None:
    default = {r["notes"] for r in export(db, "--table", "events")}
    everything = {r["notes"]: r for r in export(db, "--table", "events", "--include-unasserted")}
    assert ATTACK_SENTENCE in default and ATTACK_SENTENCE in everything
    assert DENIAL not in default and REPORTED not in default
    # ... and present with their flags on request.
    assert everything[DENIAL]["negated"] == "true"
    assert everything[REPORTED]["modality"] == "reported"
    attack = everything[ATTACK_SENTENCE]
    assert (attack["negated"], attack["modality"]) == ("false", "asserted")


def test_what_acled_does_not_code_is_never_in_the_table(db: Path) -> None:
    for args in ([], ["--include-unasserted"]):
        assert MEETING not in {r["notes"] for r in export(db, "--table", "events", *args)}


def test_one_event_reported_twice_is_one_row_with_its_toll_counted_once(db: Path) -> None:
    events = [r for r in export(db, "--table", "events") if r["notes"] == ATTACK_SENTENCE]
    assert [r["fatalities"] for r in events] == ["12", "12"]
    (cluster,) = [r for r in export(db) if r["notes"] == ATTACK_SENTENCE]
    assert cluster["fatalities"] == "12"
    assert cluster["source"] == "Test Paper; Test Wire"


def test_an_attack_on_civilians_is_coded_as_acled_codes_it(db: Path) -> None:
    (row,) = [r for r in export(db) if r["notes"] == ATTACK_SENTENCE]
    assert (row["event_type"], row["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert row["civilian_targeting"] == "Civilian targeting"
    # Russian forces in Ukraine are external forces (8); the civilians are 7.
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("8", "7", "78")
    assert (row["country"], row["iso"]) == ("Ukraine", "804")
    assert (row["location"], row["admin1"], row["geo_precision"]) == ("Kharkiv", "Kharkiv", "1")
    assert row["event_date"] == "2022-05-02" and row["time_precision"] == "1"
    assert row["event_id_cnty"].startswith("UKR")


def test_a_shelling_is_remote_violence_by_a_rebel_group(db: Path) -> None:
    rows = [r for r in export(db, "--include-unasserted") if r["location"] == "Idlib"]
    assert rows and all(r["event_type"] == "Explosions/Remote violence" for r in rows)
    assert {r["inter1"] for r in rows} == {"2"}


def test_every_acled_column_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text(encoding="utf-8")
    section = docs.split("## ACLED columns", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^\| `([a-z0-9_]+)` \|", section, flags=re.MULTILINE) == ACLED_HEADER

"""DataFrames: a store and the same Extractions in memory give the same columns, values and
declared dtypes, empty or full; without pandas, one line says how to install it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.test_model import hand_built

from newsevents import open_store, to_pandas
from newsevents.errors import MissingExtraError
from newsevents.export import columns_for, rows_for
from newsevents.model import Extraction
from newsevents.store import EventFilter

pd = pytest.importorskip("pandas")  # the `pandas` extra; a test below covers its absence
TABLES = ("events", "clusters", "quantities", "quotes", "articles")
Stored = tuple[Path, Extraction]


@pytest.fixture
def stored(tmp_path: Path) -> Stored:
    extraction = hand_built()
    path = tmp_path / "store.sqlite"
    with open_store(path) as store:
        store.write(extraction)
        store.recluster()
    return path, extraction


@pytest.mark.parametrize("table", TABLES)
def test_a_store_and_its_extractions_in_memory_give_the_same_frame(stored: Stored, table: str) -> None:
    path, extraction = stored
    from_store, in_memory = to_pandas(path, table), to_pandas([extraction, extraction], table)
    with open_store(path, "read") as store:
        exported = list(rows_for(store, table))
    assert list(from_store.columns) == list(exported[0]) and len(from_store) == len(exported) == 1
    assert from_store.dtypes.to_dict() == in_memory.dtypes.to_dict()
    skip = ["stored_at", "origin"]  # when and from where the store was written
    pd.testing.assert_frame_equal(from_store.drop(columns=skip, errors="ignore"),
                                  in_memory.drop(columns=skip, errors="ignore"))  # fmt: skip


def test_dtypes_are_declared_so_an_empty_frame_has_the_full_ones(stored: Stored) -> None:
    path, extraction = stored
    events = extraction.to_frame("events")
    assert events.loc[0, "cameo"] == "195" and events.loc[0, "goldstein"] == -10.0
    assert (str(events["idx"].dtype), str(events["goldstein"].dtype), str(events["negated"].dtype)) == (
        "Int64", "Float64", "boolean"
    )
    assert str(events["cameo"].dtype) == "string" and pd.isna(events.loc[0, "target_code"])
    for table in TABLES:
        full, empty = to_pandas(path, table), to_pandas([], table)
        assert empty.empty and empty.dtypes.to_dict() == full.dtypes.to_dict(), table
    none = to_pandas(path, "events", filters=EventFilter(country="FRA"))
    assert none.empty and none.dtypes.to_dict() == events.dtypes.to_dict()
    assert to_pandas(path, "clusters").loc[0, "members"][0]["article_id"] == extraction.article.id


def test_another_column_set_gives_its_own_columns(stored: Stored) -> None:
    path, _ = stored
    gdelt = to_pandas(path, "events", columns="gdelt")
    assert list(gdelt.columns) == columns_for("events", "gdelt") and len(gdelt) == 1


def test_without_pandas_the_error_is_one_line_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what an install without pandas imports
    with pytest.raises(ImportError) as found:
        to_pandas([], "events")
    assert isinstance(found.value, MissingExtraError)
    assert str(found.value) == (
        "[E206] to_pandas needs the pandas extra (pandas is not installed): pip install 'newsevents[pandas]'"
    )


def test_something_else_than_extractions_is_refused() -> None:
    with pytest.raises(TypeError, match="not dict"):
        to_pandas([{"text": "an article"}], "events")

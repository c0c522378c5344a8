"""The GDELT column set on a real SQLite store: asserted events only by default, flags after the
61 columns when asked, cluster rows as complete as event rows, ids below 2**53, dates never empty,
and every value of the codebook's type."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.store import pg_server

from newsevents.export import GDELT_COLUMNS, columns_for, rows_for, write_rows
from newsevents.export.gdelt import gdelt_types
from newsevents.model import Actor, Article, Event, EventLocation, Evidence, Extraction
from newsevents.store import EventFilter, Store, open_store

TEXT = (
    "Army shells Aleppo\n\n"
    "The Syrian army shelled rebels in Aleppo on Monday.\n\n"
    "Russia has not bombed the rebels, the ministry said. Officials said the army attacked a convoy.\n"
)
ALL = EventFilter(asserted=False)


def _span(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence.of(TEXT, start, start + len(needle))


def _actor(text: str, name: str, code: str, country: str | None, sector: str) -> Actor:
    return Actor(text, name, code, country, sector, _span(text))


def extraction(art_id: str, published: str | None, source: str) -> Extraction:
    """Three events of one kind: one asserted and placed, one negated, one reported and unplaced."""
    army = _actor("The Syrian army", "Syrian military", "SYRMIL", "SYR", "MIL")
    rebels = _actor("rebels", "Syrian rebels", "SYRREB", "SYR", "REB")
    at = TEXT.index("Aleppo on")
    aleppo = EventLocation("Aleppo", 36.2, 37.16, "SYR", "city", Evidence.of(TEXT, at, at + len("Aleppo")))
    shelled = Event(army, rebels, "195", "19", "ASSAULT", 4, -10.0,
                    _span("The Syrian army shelled rebels in Aleppo on Monday."), _span("shelled"),
                    plover_mode="heavy-weapons", date="2016-02-08", date_precision="day",
                    location=aleppo)  # fmt: skip
    russia = _actor("Russia", "Russia", "RUS", "RUS", "GOV")
    bombed = Event(russia, None, "195", "19", "ASSAULT", 4, -10.0,
                   _span("Russia has not bombed the rebels, the ministry said."), _span("bombed"),
                   negated=True)  # fmt: skip
    attacked = Event(army, None, "190", "19", "ASSAULT", 4, -10.0,
                     _span("Officials said the army attacked a convoy."), _span("attacked"),
                     modality="reported")  # fmt: skip
    article = Article(id=art_id, text=TEXT, title="Army shells Aleppo", url=None, source=source,
                      published=published, title_span=_span("Army shells Aleppo"))  # fmt: skip
    return Extraction(article, (shelled, bombed, attacked), (), (), (), ())


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = open_store(tmp_path / "g.db")
    db.write(extraction("a1", "2016-02-08", "Wire"))
    db.recluster()
    yield db
    db.close()


def tsv(store: Store, table: str, filters: EventFilter | None = None) -> list[list[str]]:
    """The export as GDELT's readers see it: lines split on tabs, no header."""
    buf = io.StringIO()
    order = columns_for(table, "gdelt", filters)
    write_rows(rows_for(store, table, "gdelt", filters), buf, "tsv", order, header=False)
    return [line.split("\t") for line in buf.getvalue().split("\n")[:-1]]


def check_types(row: list[str], columns: list[str]) -> None:
    """Every non-empty cell parses as the codebook's type for its column."""
    types = gdelt_types("events")
    for name, cell in zip(columns, row, strict=True):
        if cell and types[name] == "INTEGER":
            int(cell)
        elif cell and types[name] == "DOUBLE PRECISION":
            float(cell)


def test_only_asserted_events_by_default(store: Store) -> None:
    rows = tsv(store, "events")
    assert len(rows) == 1 and {len(r) for r in rows} == {61}
    assert rows[0][GDELT_COLUMNS.index("Actor1Code")] == "SYRMIL"
    (cluster,) = tsv(store, "clusters")
    assert len(cluster) == 61
    # The reported report is in the asserted one's cluster, but not in its counts; the negated
    # event's cluster has no asserted report, so it is no row at all.
    assert sorted(c["n_events"] for c in store.clusters(ALL)) == [1, 2]
    n = GDELT_COLUMNS.index("NumMentions")
    assert cluster[n : n + 3] == ["1", "1", "1"]


def test_every_event_with_its_flags_when_asked(store: Store) -> None:
    rows = tsv(store, "events", ALL)
    columns = columns_for("events", "gdelt", ALL)
    assert columns == [*GDELT_COLUMNS, "IsNegated", "Modality"]
    assert {len(r) for r in rows} == {63}
    flags = {(r[GDELT_COLUMNS.index("Actor1Code")], r[-2], r[-1]) for r in rows}
    assert flags == {("SYRMIL", "0", "asserted"), ("RUS", "1", "asserted"), ("SYRMIL", "0", "reported")}
    # A code that is a country alone still has its role: the stored sector, not the code's tail.
    (russia,) = [r for r in rows if r[GDELT_COLUMNS.index("Actor1Code")] == "RUS"]
    actor = [russia[GDELT_COLUMNS.index(f"Actor1{f}")] for f in ("Name", "CountryCode", "Type1Code")]
    assert actor == ["RUSSIA", "RUS", "GOV"] and russia[GDELT_COLUMNS.index("Actor2Code")] == ""
    # With every report counted, an event row's counts are its whole cluster's.
    n = GDELT_COLUMNS.index("NumMentions")
    sizes = {e["idx"]: c["n_events"] for c in store.clusters(ALL) for e in c["members"]}
    assert sorted(int(r[n]) for r in rows) == sorted(sizes.values()) and max(sizes.values()) > 1
    for r in rows:
        check_types(r, columns)


def test_cluster_rows_carry_codes_actors_and_a_consistent_place(store: Store) -> None:
    (row,) = tsv(store, "clusters")
    col = {name: row[i] for i, name in enumerate(GDELT_COLUMNS)}
    # The asserted report speaks for the cluster: its code, Goldstein score and actor names.
    assert (col["EventCode"], col["EventBaseCode"], col["EventRootCode"]) == ("195", "195", "19")
    assert (col["QuadClass"], float(col["GoldsteinScale"])) == ("4", -10.0)
    assert (col["Actor1Name"], col["Actor2Name"]) == ("SYRIAN MILITARY", "SYRIAN REBELS")
    assert (col["ActionGeo_Type"], col["ActionGeo_CountryCode"], col["ActionGeo_FullName"]) == (
        "4", "SY", "Aleppo, Syria",
    )  # fmt: skip
    # No address: GDELT names the source instead.
    assert col["SOURCEURL"] == "Wire" and col["IsRootEvent"] == "1" and col["SQLDATE"] == "20160208"
    check_types(row, list(GDELT_COLUMNS))


def test_an_unplaced_event_has_geo_type_0_and_no_other_place_column(store: Store) -> None:
    rows = tsv(store, "events", ALL)
    (unplaced,) = [r for r in rows if r[-2] == "1"]
    geo = {name: unplaced[i] for i, name in enumerate(GDELT_COLUMNS) if name.startswith("ActionGeo_")}
    assert geo.pop("ActionGeo_Type") == "0" and set(geo.values()) == {""}
    # The event is not in the lead paragraph, and the text dates nothing: the article's day.
    assert unplaced[GDELT_COLUMNS.index("IsRootEvent")] == "0"
    assert unplaced[GDELT_COLUMNS.index("SQLDATE")] == "20160208"


def test_ids_are_stable_and_exact_as_doubles(store: Store, tmp_path: Path) -> None:
    first = [r[0] for r in tsv(store, "events", ALL)] + [r[0] for r in tsv(store, "clusters", ALL)]
    again = [r[0] for r in tsv(store, "events", ALL)] + [r[0] for r in tsv(store, "clusters", ALL)]
    assert first == again and len(set(first)) == len(first)
    assert all(0 < int(i) < 2**53 and float(int(i)) == int(i) for i in first)


def test_an_undated_article_is_dated_by_the_day_it_was_stored(tmp_path: Path) -> None:
    with open_store(tmp_path / "u.db") as db:
        db.write(extraction("u1", None, "Wire"))
        db.recluster()
        stored = next(iter(db.rows("articles")))["stored_at"][:10].replace("-", "")
        rows = tsv(db, "events", ALL)
        clusters = tsv(db, "clusters", ALL)
    sqldate = GDELT_COLUMNS.index("SQLDATE")
    assert {r[sqldate] for r in rows} == {"20160208", stored}
    assert all(r[sqldate] for r in clusters)


def test_types_are_declared_for_every_column() -> None:
    types: dict[str, Any] = gdelt_types("clusters")
    assert list(types) == [*GDELT_COLUMNS, "IsNegated", "Modality"]
    assert types["GLOBALEVENTID"] == "INTEGER" and types["GoldsteinScale"] == "DOUBLE PRECISION"
    assert types["EventCode"] == "TEXT" and types["ActionGeo_FeatureID"] == "TEXT"
    assert gdelt_types("events") == types


@pytest.fixture(scope="module")
def pg_url(pg_url: str) -> Iterator[str]:
    """A schema of this module's own on the session's PostgreSQL server."""
    with pg_server.schema(pg_url, f"g_{uuid.uuid4().hex[:12]}") as scoped:
        yield scoped


def test_postgres_exports_the_same_rows(pg_url: str, store: Store) -> None:
    """The rows come from the store's methods alone, so both backends give the same file (but
    for when each article was stored)."""
    with open_store(pg_url) as pg:
        pg.write(extraction("a1", "2016-02-08", "Wire"))
        pg.recluster()
        for table in ("events", "clusters"):
            for filters in (None, ALL):
                added = GDELT_COLUMNS.index("DATEADDED")
                ours = [r[:added] + r[added + 1 :] for r in tsv(store, table, filters)]
                assert ours == [r[:added] + r[added + 1 :] for r in tsv(pg, table, filters)] and ours

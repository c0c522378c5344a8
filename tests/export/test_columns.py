"""GDELT-like and PLOVER exports: the documented columns, values that round trip in every format."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsevents.export import GDELT_COLUMNS, PLOVER_FIELDS, columns_for, rows_for, write_rows
from newsevents.model import Actor, Article, Event, EventLocation, Evidence, Extraction, Quantity, Quote
from newsevents.store import EventFilter, open_store

DOCS = Path(__file__).resolve().parents[2] / "docs" / "exports.md"
TEXT = (
    "Soldiers fight rebels in Maiduguri\n\n"
    "Nigerian soldiers fought Boko Haram fighters in Maiduguri on Sunday. "
    "Twelve people were killed and 30 were injured, the army said.\n"
)


def _span(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence.of(TEXT, start, start + len(needle))


def extraction(art_id: str, source: str, published: str) -> Extraction:
    text = TEXT
    event = Event(
        Actor("Nigerian soldiers", "Nigerian military", "NGAMIL", "NGA", "MIL", _span("Nigerian soldiers")),
        Actor("Boko Haram fighters", "Boko Haram", "NGAREB", "NGA", "REB", _span("Boko Haram fighters")),
        "193", "19", "ASSAULT", 4, -10.0,
        _span("Nigerian soldiers fought Boko Haram fighters in Maiduguri on Sunday."), _span("fought"),
        plover_mode="firearms", date="2021-05-02", date_precision="day",
        location=EventLocation("Maiduguri", 11.85, 13.16, "NGA", "city", _span("Maiduguri")),
    )  # fmt: skip
    killed = Quantity("killed", 12, None, None, "exact", "reported", _span("Twelve people were killed"),
                      event_index=0)  # fmt: skip
    injured = Quantity(
        "injured", 30, None, None, "exact", "reported", _span("30 were injured"), event_index=0
    )
    quote = Quote(None, "Twelve people were killed", False, "said", _span("Twelve people were killed"))
    article = Article(id=art_id, text=text, title="Soldiers fight rebels in Maiduguri",
                      url=f"https://example.org/{art_id}", source=source, published=published,
                      title_span=_span("Soldiers fight rebels in Maiduguri"))  # fmt: skip
    return Extraction(article, (event,), (killed, injured), (quote,), (), ())


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_store(tmp_path / "x.db")
    db.write(extraction("a1", "Wire", "2021-05-02"))
    db.write(extraction("b2", "Paper", "2021-05-03"))
    db.recluster()
    yield db
    db.close()


def test_gdelt_events_round_trip_through_csv(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "g.csv"
    assert write_rows(rows_for(store, "events", "gdelt"), out, "csv", columns_for("events", "gdelt")) == 2
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(GDELT_COLUMNS) and len(GDELT_COLUMNS) == 61
    row = rows[0]
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20210502", "202105", "2021")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("NGAMIL", "NGA", "MIL")
    assert (row["Actor2Code"], row["Actor2Name"]) == ("NGAREB", "BOKO HARAM")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("193", "193", "19")
    assert (row["QuadClass"], float(row["GoldsteinScale"])) == ("4", -10.0)
    # Two outlets, one event: the counts are the cluster's.
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")
    # GDELT's geography uses FIPS 10-4 country codes (Nigeria is NI) and type 4 for a world city.
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_FullName"]) == (
        "4",
        "NI",
        "Maiduguri, Nigeria",
    )
    assert float(row["ActionGeo_Lat"]) == 11.85 and row["SOURCEURL"] == "https://example.org/a1"
    assert re.fullmatch(r"\d{14}", row["DATEADDED"]) and row["AvgTone"] == "" and row["Actor1Geo_Type"] == ""
    # The event is stated in the article's lead paragraph, below its headline.
    assert row["IsRootEvent"] == "1"
    ids = {int(r["GLOBALEVENTID"]) for r in rows}
    assert len(ids) == 2 and all(0 < i < 2**53 for i in ids)


def test_gdelt_clusters_count_each_event_once(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "g.parquet"
    assert (
        write_rows(rows_for(store, "clusters", "gdelt"), out, "parquet", columns_for("clusters", "gdelt"))
        == 1
    )
    table = pq.read_table(out)
    assert table.column_names == list(GDELT_COLUMNS)
    (row,) = table.to_pylist()
    assert row["NumArticles"] == 2 and row["NumSources"] == 2 and row["SQLDATE"] == 20210502
    assert row["EventRootCode"] == "19" and row["ActionGeo_CountryCode"] == "NI"
    assert row["SOURCEURL"] == "https://example.org/a1"


def test_plover_events_and_clusters_round_trip_through_jsonl(store) -> None:  # type: ignore[no-untyped-def]
    buf = io.StringIO()
    assert write_rows(rows_for(store, "events", "plover"), buf, "jsonl", columns_for("events", "plover")) == 2
    record = json.loads(buf.getvalue().splitlines()[0])
    assert list(record) == list(PLOVER_FIELDS)
    assert record["event"] == ["ASSAULT"] and record["mode"] == ["firearms"]
    # PLOVER's own quad class and score for ASSAULT with small arms; the 2021 table's context for 193.
    assert (record["quad_code"], record["event_scale"], record["context"]) == (4, -9.0, ["military"])
    assert record["actor"] == [{"code": "NGA", "sector": "MIL", "entity_text": "Nigerian soldiers",
                                "identifier_text": "Nigerian military"}]  # fmt: skip
    assert record["recipient"][0]["code"] == "NGA" and record["recipient"][0]["sector"] == "REB"
    place = record["event_loc"]
    assert place["resolved_place"] == "Maiduguri" and place["country_code"] == "NGA"
    assert (record["dead"], record["injured"]) == (12, 30)
    assert record["event_text"] == ["fought"] and record["text"].startswith("Nigerian soldiers fought")
    assert (record["date"], record["id"], record["cite_info"]["citation"]) == ("2021-05-02", "a1:0", "a1")
    assert (record["negated"], record["modality"]) == (False, "asserted")
    buf = io.StringIO()
    write_rows(rows_for(store, "clusters", "plover"), buf, "jsonl", columns_for("clusters", "plover"))
    (cluster,) = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert cluster["reports"] == 2 and cluster["dead"] == 12 and cluster["cite_info"]["citation"] == "a1"


def test_native_tables_and_filters(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (cluster,) = rows_for(store, "clusters")
    assert cluster["n_articles"] == 2 and len(cluster["members"]) == 2
    assert [q["kind"] for q in rows_for(store, "quantities")] == ["killed", "injured"] * 2
    assert len(list(rows_for(store, "quotes"))) == 2
    assert [a["id"] for a in rows_for(store, "articles", filters=EventFilter(article_id="b2"))] == ["b2"]
    assert list(rows_for(store, "quantities", filters=EventFilter(country="FRA"))) == []
    events = list(rows_for(store, "events"))
    assert events[0]["cluster_id"] == events[1]["cluster_id"] == cluster["cluster_id"]
    out = tmp_path / "c.parquet"
    write_rows(rows_for(store, "clusters"), out, "parquet")
    back = pq.read_table(out).to_pylist()[0]
    assert json.loads(back["members"])[0]["article_id"] == "a1"


def test_bad_choices_are_refused(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="unknown export table"):
        rows_for(store, "locations")
    with pytest.raises(ValueError, match="unknown column set"):
        columns_for("events", "no-such-columns")
    with pytest.raises(ValueError, match="apply to events and clusters"):
        rows_for(store, "quotes", "gdelt")


def test_every_exported_column_is_documented(store) -> None:  # type: ignore[no-untyped-def]
    """docs/exports.md names each column of each table and column set in a table row."""
    text = DOCS.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([A-Za-z0-9_]+)`", text, flags=re.MULTILINE))
    native = set()
    for table in ("events", "clusters", "quantities", "quotes", "articles"):
        first = next(iter(rows_for(store, table)))
        native |= set(first)
    member = set(next(iter(rows_for(store, "clusters")))["members"][0])
    missing = (native | member | set(GDELT_COLUMNS) | set(PLOVER_FIELDS)) - documented
    assert not missing, f"undocumented columns: {sorted(missing)}"

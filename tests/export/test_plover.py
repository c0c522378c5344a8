"""The PLOVER column set on a real SQLite store: the spec's fields and shapes (checked against the
JSON Schema written from its Data Fields chapter), PLOVER's own quad categories, the 2021 table's
contexts, every event with its flags, and no record without an event type."""

from __future__ import annotations

import io
import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tests.store import pg_server

from newsevents.export import PLOVER_FIELDS, columns_for, rows_for, write_rows
from newsevents.model import Actor, Article, Event, EventLocation, Evidence, Extraction
from newsevents.store import Store, open_store

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "plover.schema.json"
TEXT = (
    "UN backs truce\n\n"
    "The UN signed an agreement with Syria in February. "
    "Syria has not accepted the plan. "
    "Rebels appealed to the UN for help. "
    "The UN acknowledged the delay. Police arrested Rebels.\n"
)


def _span(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence.of(TEXT, start, start + len(needle))


def _event(source: Actor, target: Actor | None, cameo: str, plover: str | None, quad: int, sentence: str,
           trigger: str, **kw: Any) -> Event:  # fmt: skip
    return Event(source, target, cameo, cameo[:2], plover, quad, 1.0, _span(sentence), _span(trigger), **kw)


def extraction() -> Extraction:
    un = Actor("The UN", "United Nations", "IGOUNO", None, "IGO", _span("The UN"))
    syria = Actor("Syria", "Syria", "SYRGOV", "SYR", "GOV", _span("Syria"))
    rebels = Actor("Rebels", "Syrian rebels", "SYRREB", "SYR", "REB", _span("Rebels"))
    police = Actor("Police", "Syrian police", "SYRCOP", "SYR", "COP", _span("Police"))
    events = (
        # CAMEO puts 057 in material cooperation (2); PLOVER's SUPPORT is verbal cooperation (1).
        _event(un, syria, "057", "SUPPORT", 2, "The UN signed an agreement with Syria in February.", "signed",
               date="2016-02-01", date_precision="month", location_source="sentence",
               location=EventLocation("Syria", 35.0, 38.0, "SYR", "country", _span("Syria in"))),
        _event(syria, None, "057", "SUPPORT", 2, "Syria has not accepted the plan.", "accepted",
               negated=True, location=EventLocation("Syria", 35.0, 38.0, "SYR", "country"),
               location_source="article"),
        # CAMEO's appeals are verbal cooperation (1); PLOVER's REQUEST is verbal conflict (3).
        _event(rebels, un, "0233", "REQUEST", 1, "Rebels appealed to the UN for help.", "appealed",
               plover_mode="assist", modality="hypothetical", location_reason="statement_no_place"),
        _event(un, None, "015", None, 1, "The UN acknowledged the delay.", "acknowledged"),
        # Stored with no PLOVER type (another mapping wrote it): the shipped table gives one.
        _event(police, rebels, "173", None, 4, "Police arrested Rebels.", "arrested"),
    )  # fmt: skip
    article = Article(id="p1", text=TEXT, title="UN backs truce", url="https://example.org/p1",
                      source="Wire", published="2016-02-03", title_span=_span("UN backs truce"))  # fmt: skip
    return Extraction(article, events, (), (), (), ())


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = open_store(tmp_path / "p.db")
    db.write(extraction())
    db.recluster()
    yield db
    db.close()


def records(store: Store, table: str = "events") -> list[dict[str, Any]]:
    buf = io.StringIO()
    write_rows(rows_for(store, table, "plover"), buf, "jsonl", columns_for(table, "plover"))
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def test_records_follow_the_spec_and_validate(store: Store) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    found = records(store) + records(store, "clusters")
    assert found
    for record in found:
        assert list(record) == list(PLOVER_FIELDS)
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(record)]
        assert not errors, errors
    signed = found[0]
    assert (signed["id"], signed["date"], signed["enddate"]) == ("p1:0", "2016-02-01", "2016-02-29")
    assert signed["actor"] == [{"code": "UNO", "entity_text": "The UN", "identifier_text": "United Nations"}]
    assert signed["recipient"] == [{"code": "SYR", "sector": "GOV", "entity_text": "Syria",
                                    "identifier_text": "Syria"}]  # fmt: skip
    assert signed["event"] == ["SUPPORT"] and signed["mode"] == [] and signed["event_text"] == ["signed"]
    assert signed["text_info"] == {"start": TEXT.index("The UN signed"), "end": TEXT.index(" Syria has")}
    cite = signed["cite_info"]
    assert (cite["url"], cite["publication"], cite["citation"]) == ("https://example.org/p1", "Wire", "p1")


def test_each_place_says_where_it_came_from(store: Store) -> None:
    by_id = {r["id"]: r for r in records(store)}
    signed, negated, appealed = by_id["p1:0"], by_id["p1:1"], by_id["p1:2"]
    assert (signed["location_source"], signed["event_loc"]["resolved_place"]) == ("sentence", "Syria")
    assert negated["location_source"] == "article" and negated["event_loc"]["resolved_place"] == "Syria"
    assert appealed["location_source"] is None and appealed["event_loc"] is None
    assert appealed["location_reason"] == "statement_no_place"  # no place, and why
    assert signed["location_reason"] is None and negated["location_reason"] is None
    placed = [c for c in records(store, "clusters") if c["event_loc"]]
    assert placed and {c["location_source"] for c in placed} <= {"sentence", "article"}
    assert {c["location_reason"] for c in placed} == {None}
    unplaced = [c for c in records(store, "clusters") if c["event_loc"] is None]
    assert "statement_no_place" in {c["location_reason"] for c in unplaced}


def test_plover_quad_classes_scores_and_contexts(store: Store) -> None:
    by_id = {r["id"]: r for r in records(store)}
    signed, appealed = by_id["p1:0"], by_id["p1:2"]
    assert (signed["quad_code"], signed["event_scale"], signed["context"]) == (1, 5.0, ["diplomatic"])
    assert (appealed["quad_code"], appealed["event_scale"]) == (3, 0.5)
    # 0233 is not in the 2021 table: its parent 023's row gives no context; the auxiliary mode does.
    assert appealed["context"] == ["hypothetical"] and appealed["modality"] == "hypothetical"


def test_a_negated_event_is_kept_and_flagged(store: Store) -> None:
    negated = {r["id"]: r for r in records(store)}["p1:1"]
    assert negated["negated"] is True and negated["context"] == ["diplomatic", "negation"]
    assert negated["event"] == ["SUPPORT"] and negated["actor_country"] == "SYR"


def test_an_event_without_a_plover_type_has_no_record(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsevents.export.plover"):
        ids = [r["id"] for r in records(store)]
    assert ids == ["p1:0", "p1:1", "p1:2", "p1:4"]
    assert "1 events with no PLOVER event type" in caplog.text
    arrested = records(store)[-1]
    assert (arrested["event"], arrested["mode"], arrested["quad_code"]) == (["COERCE"], ["arrest"], 4)
    assert arrested["context"] == ["legal"] and arrested["event_scale"] == -7.0
    assert all(r["event"] for r in records(store, "clusters"))


def test_every_plover_type_the_coder_knows_has_a_quad_and_a_score() -> None:
    from newsevents.events.codes import PLOVER_TYPES
    from newsevents.export.plover_codebook import load_codebook

    book = load_codebook()
    assert {t: book.quad(t) for t in PLOVER_TYPES if book.quad(t) not in (1, 2, 3, 4)} == {}
    scores = [book.scale(t, None) for t in PLOVER_TYPES]
    assert all(s is not None and -10 <= s <= 10 for s in scores)
    # A mode the score table lists scores apart from its type; one it does not falls back.
    assert (book.scale("ASSAULT", "firearms"), book.scale("ASSAULT", "massacre")) == (-9.0, -9.0)
    assert (book.scale("CONSULT", "visit"), book.scale("CONSULT", None)) == (4.0, 2.5)
    assert book.context("1124") == ["military", "legal"] and book.context("0233") == []


@pytest.fixture(scope="module")
def pg_url(pg_url: str) -> Iterator[str]:
    """A schema of this module's own on the session's PostgreSQL server."""
    with pg_server.schema(pg_url, f"p_{uuid.uuid4().hex[:12]}") as scoped:
        yield scoped


def test_postgres_exports_the_same_records(pg_url: str, store: Store) -> None:
    """Both backends give the same records, but for when each article was stored."""

    def unstamped(db: Store, table: str) -> list[dict[str, Any]]:
        stamps = ("coded_date", "coded_time")
        return [{k: v for k, v in r.items() if k not in stamps} for r in records(db, table)]

    with open_store(pg_url) as pg:
        pg.write(extraction())
        pg.recluster()
        for table in ("events", "clusters"):
            assert unstamped(store, table) == unstamped(pg, table) and unstamped(pg, table)


@pytest.mark.model
def test_records_say_where_each_country_came_from(tmp_path: Path) -> None:
    """Extracted from real text: a guessed country says so, a stated one says "text"."""
    import newsevents

    text = ("Gunmen storm hotel in Somali capital\n\n"
            "MOGADISHU, Somalia (AP) - Gunmen attacked a hotel on Sunday, a Somali police officer said. "
            "Syrian troops shelled a village near Idlib on Monday. "
            "Somalia's government condemned the attack and Somali officials promised an inquiry.\n")
    with open_store(tmp_path / "c.db") as db:
        db.write(newsevents.extract(text))
        found = {r["actor"][0]["entity_text"]: r for r in records(db) if r["actor"]}
    gunmen, troops = found["Gunmen"], found["Syrian troops"]
    assert gunmen["actor_country"] == "SOM" and gunmen["actor_country_source"] in ("article", "place")
    assert (troops["actor_country"], troops["actor_country_source"]) == ("SYR", "text")
    for record in found.values():  # no country, no source
        for side in ("actor", "recipient"):
            assert record[f"{side}_country"] is not None or record[f"{side}_country_source"] is None

"""Event filters: each one selects what it names, and bad values get [E302]."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import StoreError
from newsevents.store import EventFilter, Store, open_store
from newsevents.store.query import cameo_root


@pytest.fixture
def db(tmp_path: Path, make_extraction):  # type: ignore[no-untyped-def]
    """Four articles: Syria (Feb 11 event), Turkey vs IGO (undated event), Russia, undated article."""
    store = open_store(tmp_path / "q.db")
    store.write(make_extraction("syr", published="2016-02-13", event_date="2016-02-11"))
    store.write(
        make_extraction(
            "tur",
            published="2016-03-01",
            event_date=None,
            source=("TURGOV", "TUR", "GOV"),
            target=("IGOUNO", None, "IGO"),
            cameo="1122",
        )
    )
    store.write(
        make_extraction(
            "rus",
            published="2015-10-01",
            event_date="2015-09-30",
            source=("RUSMIL", "RUS", "MIL"),
            target=None,
            cameo="195",
        )
    )
    store.write(make_extraction("none", published=None, event_date=None))
    yield store
    store.close()


def _keys(rows: list[dict]) -> list[tuple[str, int]]:
    return [(r["article_id"], r["idx"]) for r in rows]


def test_all_events_in_published_order_undated_last(db: Store) -> None:
    assert _keys(db.events()) == [
        ("rus", 0),
        ("rus", 1),
        ("syr", 0),
        ("syr", 1),
        ("tur", 0),
        ("tur", 1),
        ("none", 0),
        ("none", 1),
    ]


def test_country_matches_source_or_target(db: Store) -> None:
    assert {r["article_id"] for r in db.events(EventFilter(country="tur"))} == {"tur"}
    # Every article has Assad (SYR) as the source of its second event.
    syr = db.events(EventFilter(country="SYR"))
    assert _keys(syr) == [("rus", 1), ("syr", 0), ("syr", 1), ("tur", 1), ("none", 0), ("none", 1)]
    assert db.events(EventFilter(country="FRA")) == []


def test_actor_is_a_code_prefix_on_either_side(db: Store) -> None:
    assert _keys(db.events(EventFilter(actor="IGO"))) == [("tur", 0)]
    assert _keys(db.events(EventFilter(actor="igoUNO"))) == [("tur", 0)]
    assert {r["article_id"] for r in db.events(EventFilter(actor="SYRREB"))} == {"syr", "none"}
    assert _keys(db.events(EventFilter(actor="RUS"))) == [("rus", 0)]
    assert len(db.events(EventFilter(actor="SYR"))) == 6


@pytest.mark.parametrize("root", ["19", 19, "190", "1902"])
def test_cameo_root_forms(db: Store, root: object) -> None:
    assert {r["cameo_root"] for r in db.events(EventFilter(cameo_root=root))} == {"19"}  # type: ignore[arg-type]
    assert len(db.events(EventFilter(cameo_root=root))) == 3  # type: ignore[arg-type]


def test_date_range_uses_event_date_then_published(db: Store) -> None:
    # syr events: event 0 dated 2016-02-11, event 1 falls back to published 2016-02-13.
    feb = db.events(EventFilter(date_from="2016-02-01", date_to="2016-02-29"))
    assert _keys(feb) == [("syr", 0), ("syr", 1)]
    assert _keys(db.events(EventFilter(date_to="2016-02-11"))) == [("rus", 0), ("rus", 1), ("syr", 0)]
    assert _keys(db.events(EventFilter(date_from="2016-03-01"))) == [("tur", 0), ("tur", 1)]
    assert _keys(db.events(EventFilter(date_from="2015-09-30", date_to="2015-09-30"))) == [("rus", 0)]


def test_asserted_drops_negated_hypothetical_and_reported(db: Store) -> None:
    """Each article's second event is a negated, reported claim: only the first is asserted."""
    assert _keys(db.events(EventFilter(asserted=True))) == [("rus", 0), ("syr", 0), ("tur", 0), ("none", 0)]
    assert _keys(db.events(EventFilter(asserted=False))) == _keys(db.events())
    db.recluster()
    # A cluster is selected by an asserted member; one holding only the claims is not.
    for cluster in db.clusters(EventFilter(asserted=True)):
        assert any(m["idx"] == 0 for m in cluster["members"])
    claims_only = [c for c in db.clusters() if all(m["idx"] == 1 for m in c["members"])]
    assert claims_only
    assert len(db.clusters(EventFilter(asserted=True))) == len(db.clusters()) - len(claims_only)


def test_article_id_limit_and_combined(db: Store) -> None:
    assert _keys(db.events(EventFilter(article_id="tur"))) == [("tur", 0), ("tur", 1)]
    assert _keys(db.events(EventFilter(limit=3))) == [("rus", 0), ("rus", 1), ("syr", 0)]
    assert db.events(EventFilter(limit=0)) == []
    both = EventFilter(country="SYR", cameo_root="08", date_from="2016-01-01", limit=2)
    assert _keys(db.events(both)) == [("syr", 1), ("tur", 1)]


@pytest.mark.parametrize(
    ("filters", "fragment"),
    [
        (EventFilter(date_from="13/02/2016"), "date_from '13/02/2016'"),
        (EventFilter(date_to="2016-02-30"), "date_to '2016-02-30'"),
        (EventFilter(date_from="2016-2-1"), "date_from"),
        (EventFilter(date_from="2016-03-01", date_to="2016-02-01"), "after date_to"),
        (EventFilter(cameo_root="abc"), "cameo_root 'abc'"),
        (EventFilter(cameo_root="21"), "cameo_root '21'"),
        (EventFilter(cameo_root="00"), "cameo_root"),
        (EventFilter(cameo_root=True), "cameo_root"),  # type: ignore[arg-type]
        (EventFilter(country="Syria"), "country 'Syria'"),
        (EventFilter(actor="SYR%"), "actor 'SYR%'"),
        (EventFilter(actor="SYR' OR 1=1 --"), "actor"),
        (EventFilter(limit=-1), "limit -1"),
    ],
)
def test_bad_filters_are_reported(db: Store, filters: EventFilter, fragment: str) -> None:
    with pytest.raises(StoreError, match=r"^\[E302\] bad filter: ") as err:
        db.events(filters)
    assert err.value.code == "E302" and fragment in str(err.value)


def test_cameo_root_normalisation() -> None:
    assert [cameo_root(v) for v in ("19", 19, "190", 1, "01", " 20 ")] == ["19", "19", "19", "01", "01", "20"]

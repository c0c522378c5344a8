"""What the ACLED and UCDP tables share: the ACLED codebook files, actor types, and one death
toll per event (the highest reported, never a sum, never a running total or a projection)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import ResourceError
from newsevents.export import conflict
from newsevents.export.conflict import Toll
from newsevents.model import Actor, Article, Event, Evidence, Extraction, Quantity
from newsevents.store import EventFilter, open_store

TEXT = (
    "Clashes in Aleppo\n\n"
    "Rebels fought troops in Aleppo on Friday. Eight people were killed, a doctor said. "
    "Twelve people died in the fighting. The war has killed 300,000 people. "
    "Fifty may die if it goes on. Between three and five soldiers were killed.\n"
)


def _span(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence.of(TEXT, start, start + len(needle))


def _killed(words: str, value: int | None, status: str = "reported", low: int | None = None,
            high: int | None = None, event: int | None = 0) -> Quantity:  # fmt: skip
    qualifier = "range" if value is None else "exact"
    return Quantity("killed", value, low, high, qualifier, status, _span(words), event_index=event)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    fight = Event(
        Actor("Rebels", "Syrian rebels", "SYRREB", "SYR", "REB", _span("Rebels")),
        Actor("troops", "Syrian military", "SYRMIL", "SYR", "MIL", _span("troops")),
        "190", "19", "ASSAULT", 4, -10.0, _span("Rebels fought troops in Aleppo on Friday."), _span("fought"),
        date="2016-02-12", date_precision="day",
    )  # fmt: skip
    figures = (
        _killed("Eight people were killed", 8),
        _killed("Twelve people died", 12),
        _killed("The war has killed 300,000 people", 300000, status="cumulative"),
        _killed("Fifty may die", 50, status="projected"),
        _killed("Between three and five soldiers were killed", None, low=3, high=5, event=1),
    )
    title = "Clashes in Aleppo"
    article = Article(id="aleppo", text=TEXT, title=title, source="Wire", published="2016-02-13")
    db = open_store(tmp_path / "tolls.db")
    db.write(Extraction(article, (fight, fight), figures, (), (), ()))
    yield db
    db.close()


def test_an_events_toll_is_its_highest_reported_figure(store) -> None:  # type: ignore[no-untyped-def]
    found = conflict.tolls(store)
    # 8 and 12 restate one toll: the highest, not 20; the running total and the projection are no toll.
    assert found[("aleppo", 0)] == Toll(12, 12, 12)
    # A range without a point value: its lower bound is the best estimate.
    assert found[("aleppo", 1)] == Toll(3, 3, 5)


def test_reports_of_one_event_give_the_highest_toll_never_the_sum() -> None:
    assert conflict.highest([Toll(12, 12, 12), None, Toll(12, 10, 15), Toll(9, 9, 9)]) == Toll(12, 10, 15)
    assert conflict.highest([None, None]) is None


def test_a_codes_category_is_its_own_else_its_three_digits_else_its_roots() -> None:
    book = conflict.codebook()
    assert book.category("1831").sub_event_type == "Suicide bomb"  # type: ignore[union-attr]
    assert book.category("1832").sub_event_type == "Remote explosive/landmine/IED"  # type: ignore[union-attr]
    assert book.category("1823").event_type == "Violence against civilians"  # type: ignore[union-attr]
    assert book.category("141").inter1 == 6  # type: ignore[union-attr]
    assert book.category("192").state_sub_event_type == "Government regains territory"  # type: ignore[union-attr]
    # Statements, meetings, sanctions and force postures: ACLED does not code them.
    for cameo in ("010", "040", "087", "163", "150", None):
        assert book.category(cameo) is None, cameo


def test_actor_types_follow_the_sector_and_where_the_event_happened() -> None:
    book = conflict.codebook()
    assert book.actor_type("MIL", "SYR", "SYR") == 1
    assert book.actor_type("MIL", "RUS", "UKR") == 8  # state forces abroad are external forces
    assert book.actor_type(None, "SAU", "YEM") == 8 and book.actor_type(None, "SAU", "SAU") == 1
    assert (book.actor_type("REB", "SYR", "SYR"), book.actor_type("UAF", None, "NGA")) == (2, 3)
    assert (book.actor_type("CVL", "UKR", "UKR"), book.actor_type("IGO", None, "MLI")) == (7, 8)
    assert book.actor_type(None, None, "SYR") is None


def test_a_bad_line_in_a_codebook_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "categories.tsv"
    bad.write_text(
        "# a user's categories\n"
        "cameo\tdisorder_type\tevent_type\tsub_event_type\tstate_sub_event_type\tinter1\n"
        "19\tPolitical violence\tBattles\tArmed clash\t\t\n"
        "18\tPolitical violence\tViolence against civilans\tAttack\t\t\n",
        encoding="utf-8",
    )
    named = rf"\[E202\] dictionary {bad}:4 -> event_type: 'Violence against civilans' is not one of ACLED's"
    with pytest.raises(ResourceError, match=named):
        conflict.codebook(categories_file=bad)
    types = tmp_path / "types.tsv"
    types.write_text("sector\tinter\nREB\t9\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=rf"{types}:2 -> inter: '9' is not an ACLED actor type"):
        conflict.codebook(types_file=types)


def test_the_summed_tables_keep_asserted_events_unless_told_otherwise() -> None:
    from newsevents.export import _effective, columns_for
    from newsevents.export.registry import column_sets

    for name in ("acled", "ucdp"):
        chosen = column_sets()[name]
        assert _effective(chosen, EventFilter()).asserted is True
        assert _effective(chosen, EventFilter(asserted=False)).asserted is False
        assert _effective(chosen, EventFilter(country="SYR")) == EventFilter(country="SYR", asserted=True)
        assert columns_for("events", name)[-2:] != ["negated", "modality"]
        assert columns_for("events", name, EventFilter(asserted=False))[-2:] == ["negated", "modality"]

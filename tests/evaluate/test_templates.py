"""Incident dates and casualty counts against MUC-style templates, on a hand-made document."""

from __future__ import annotations

from pathlib import Path

from benchmarks.evaluation.run import run_evaluation
from benchmarks.evaluation.templates import casualty_number, incident_date

from newsevents.model import Event, Evidence, Quantity

TEXT = (
    "Lima, 5 Mar 90 (Radio) -- [Text] Rebels bombed a police post in Ayacucho on 3 March, killing "
    "a guard and a farmer. Two officers were wounded. Army troops later fought rebels in the hills."
)


def _template(**slots):
    base = {
        "template": "1",
        "incident_date": ["03 MAR 90"],
        "incident_type": ["BOMBING"],
        "casualties": [
            {"effect": ["DEATH"], "target": "GUARD", "number": "1"},
            {"effect": ["DEATH"], "target": "FARMER", "number": "1"},
            {"effect": ["INJURY"], "target": "OFFICERS", "number": "2"},
            {"effect": ["NO INJURY"], "target": "CHIEF", "number": "1"},
        ],
    }
    return {**base, **slots}


def _event(word: str, cameo: str, date: str | None, precision: str = "day") -> Event:
    start = TEXT.index(word)
    trigger = Evidence.of(TEXT, start, start + len(word))
    return Event(
        source=None,
        target=None,
        cameo=cameo,
        cameo_root=cameo[:2],
        plover="ASSAULT",
        quad_class=4,
        goldstein=-10.0,
        evidence=trigger,
        trigger=trigger,
        date=date,
        date_precision=precision if date else None,  # type: ignore[arg-type]
    )


def _figure(kind: str, value: int, status: str = "reported") -> Quantity:
    return Quantity(kind, value, None, None, "exact", status, Evidence.of(TEXT, 0, 4))  # type: ignore[arg-type]


def _score(kit, tmp_path: Path, events, quantities, templates=None, relevant=True):
    gold = kit.write_jsonl(
        tmp_path / "gold.jsonl",
        [{"id": "d1", "text": TEXT, "relevant": relevant, "templates": templates or [_template()]}],
    )
    pred = kit.write_jsonl(
        tmp_path / "pred.jsonl", [kit.extraction("d1", TEXT, events, quantities=tuple(quantities))]
    )
    return run_evaluation(gold, pred).datasets[0]


def test_muc_date_fills() -> None:
    assert incident_date(["03 MAR 90"]).days == {"1990-03-03"}
    assert incident_date(["31 MAR 90 - 01 APR 90"]).days == {"1990-03-31", "1990-04-01"}
    open_date = incident_date(["- 06 DEC 89"])
    assert open_date.days == frozenset() and open_date.latest == "1989-12-06"
    assert incident_date(["(08 MAR 90) / (07 MAR 90 - 08 MAR 90)"]).days == {"1990-03-07", "1990-03-08"}
    assert incident_date(["01 JAN 90 - 31 JAN 90"]).days == frozenset()  # a month is no day


def test_muc_numbers() -> None:
    assert casualty_number("6") == {6}
    assert casualty_number("12 / 15 / - 12") == {12, 15}
    assert casualty_number("7 - 10") == {7, 10}
    assert casualty_number("PLURAL") == frozenset()
    # MUC's operators: "2 -" is "at least 2", "~100" about 100 (template-doc-part1, slot notes)
    assert casualty_number("2 -") == {2}
    assert casualty_number("~100") == {100}
    assert casualty_number("- 6 / 8 -") == {6, 8}


def test_date_right_when_an_event_of_the_class_has_the_day(kit, tmp_path: Path) -> None:
    # The fight (19) is of the class too, dated by the dateline: a second day is a false alarm.
    events = [_event("bombed", "183", "1990-03-03"), _event("fought", "190", "1990-03-05")]
    ds = _score(kit, tmp_path, events, [])
    d = ds.levels["date"]
    assert (d.tp, d.fp, d.fn) == (1, 1, 0)
    assert ds.measures["date_right_given_event"] == 1.0


def test_wrong_class_or_coarse_date_is_not_right(kit, tmp_path: Path) -> None:
    events = [_event("bombed", "112", "1990-03-03"), _event("fought", "190", "1990-03-01", "month")]
    d = _score(kit, tmp_path, events, []).levels["date"]
    assert (d.tp, d.fp, d.fn) == (0, 0, 1)


def test_casualties_as_kind_value_and_status(kit, tmp_path: Path) -> None:
    # Two targets killed once each: "2 killed" is their sum; "2 injured" is the officers.
    found = [_figure("killed", 2), _figure("injured", 2, status="projected"), _figure("killed", 40)]
    ds = _score(kit, tmp_path, [], found)
    k, s = ds.levels["kind+value"], ds.levels["kind+value+status"]
    assert (k.tp, k.fp, k.fn) == (2, 1, 0)
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)


def test_optional_templates_and_irrelevant_documents_cost_no_false_alarm(kit, tmp_path: Path) -> None:
    optional = _template(template="1 (OPTIONAL)")
    ds = _score(kit, tmp_path, [_event("bombed", "183", "1990-03-03")], [_figure("killed", 2)], [optional])
    assert ds.levels["kind+value"].to_dict()["tp"] == 0
    assert (ds.levels["kind+value"].fp, ds.levels["kind+value"].fn) == (0, 0)
    assert ds.levels["date"].tp + ds.levels["date"].fn == 0
    ds = _score(kit, tmp_path, [_event("fought", "190", "1990-03-05")], [_figure("killed", 9)], [], False)
    assert ds.levels["date"].fp == 0 and ds.levels["kind+value"].fp == 0


def test_a_figure_of_another_target_of_a_found_figure_is_no_false_alarm(kit, tmp_path: Path) -> None:
    # The guard and the farmer are two DEATH targets: "1 killed" twice is each of them, one hit;
    # after "2 killed" (their sum) a third "1 killed" is one too many.
    each = _score(kit, tmp_path, [], [_figure("killed", 1), _figure("killed", 1)]).levels["kind+value"]
    assert (each.tp, each.fp, each.fn) == (1, 0, 1)  # the officers wounded are not found
    both = _score(kit, tmp_path, [], [_figure("killed", 2), _figure("killed", 1)]).levels["kind+value"]
    assert (both.tp, both.fp, both.fn) == (1, 1, 1)
    again = [_figure("killed", 1), _figure("killed", 1), _figure("killed", 1)]
    assert _score(kit, tmp_path, [], again).levels["kind+value"].fp == 1

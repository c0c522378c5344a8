"""Single-label event types (CASE 2021 Task 2 shape) against hand-made snippets and predictions."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from benchmarks.evaluation.event_types import predicted_type, read_type_table, type_table
from benchmarks.evaluation.gold import detect_kind
from benchmarks.evaluation.run import run_evaluation

from newsevents.errors import ResourceError

SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))

FLOOD = "Floods swept through the valley on Monday, killing four people and destroying homes."
CLASH = "Soldiers clashed with rebels near the border town on Tuesday."
MARCH = "Thousands of teachers marched in the capital to demand higher pay."
FIRE = "A fire at a chemical plant killed two workers, officials said."


def _ev(kit, text: str, plover: str, cameo: str, **fields):
    return replace(kit.event(text, kit.actor("USAMIL", "USA", "MIL"), None, cameo, plover), **fields)


def _run(kit, tmp_path: Path, gold: list[tuple[str, str, str]], events: dict[str, list]):
    gold_path = kit.write_jsonl(
        tmp_path / "gold.jsonl", [{"id": i, "text": t, "event_type": k} for i, t, k in gold]
    )
    pred = kit.write_jsonl(
        tmp_path / "pred.jsonl", [kit.extraction(i, t, events.get(i, [])) for i, t, _ in gold]
    )
    report = run_evaluation(gold_path, pred)
    return report.datasets[0]


def test_format_detection_tells_event_type_snippets_from_event_lists() -> None:
    assert detect_kind({"id": "1", "text": "x", "event_type": "ARREST"}) == "event_types"
    assert detect_kind({"id": "1", "text": "x", "events": [], "event_type": "ARREST"}) == "events"
    assert detect_kind({"id": "1", "text": "x", "events": [{"event_type": "Attack"}]}) is None


def test_perfect_predictions_score_full_marks(kit, tmp_path: Path) -> None:
    ds = _run(
        kit,
        tmp_path,
        [("1", CLASH, "ARMED_CLASH"), ("2", MARCH, "PEACE_PROTEST"), ("3", FLOOD, "NATURAL_DISASTER")],
        {"1": [_ev(kit, CLASH, "ASSAULT", "190")], "2": [_ev(kit, MARCH, "PROTEST", "141")]},
    )
    assert ds.kind == "event_types" and ds.records == 3
    assert ds.measures["accuracy"] == 1.0
    assert ds.measures["false_alarm_share"] == 0.0
    assert ds.measures["type_accuracy_given_event"] == 1.0
    assert (ds.levels["detection"].tp, ds.levels["detection"].fp, ds.levels["detection"].fn) == (2, 0, 0)
    assert ds.levels["plover_type"].f1 == 1.0
    assert not ds.misses and not ds.false_alarms


def test_disaster_without_event_is_right_and_with_event_is_a_false_alarm(kit, tmp_path: Path) -> None:
    ds = _run(
        kit,
        tmp_path,
        [("1", FLOOD, "NATURAL_DISASTER"), ("2", FIRE, "MAN_MADE_DISASTER")],
        {"2": [_ev(kit, FIRE, "ASSAULT", "180")]},
    )
    assert ds.measures["accuracy"] == 0.5
    assert ds.measures["false_alarm_share"] == 0.5
    assert ds.measures["type_accuracy_given_event"] is None  # no political snippet at all
    assert ds.levels["detection"].fp == 1 and ds.levels["detection"].tp == 0
    assert [f.record for f in ds.false_alarms] == ["2"]
    assert ds.breakdown["confusions"] == [{"gold": "MAN_MADE_DISASTER", "ours": "ASSAULT", "n": 1}]


def test_type_mismatch_counts_as_detected_but_wrongly_typed(kit, tmp_path: Path) -> None:
    ds = _run(
        kit,
        tmp_path,
        [("1", MARCH, "PEACE_PROTEST"), ("2", CLASH, "ARMED_CLASH")],
        {"1": [_ev(kit, MARCH, "ASSAULT", "190")]},
    )
    assert ds.levels["detection"].tp == 1 and ds.levels["detection"].fn == 1
    assert ds.measures["accuracy"] == 0.0
    assert ds.measures["type_accuracy_given_event"] == 0.0
    assert ds.levels["plover_type"].fp == 1 and ds.levels["plover_type"].fn == 2
    assert {f.record for f in ds.misses} == {"1", "2"}
    rows = {r["gold"]: r for r in ds.breakdown["types"]}
    assert rows["PEACE_PROTEST"] == {
        "gold": "PEACE_PROTEST", "plover": "PROTEST", "n": 1, "event": 1, "right": 0
    }
    assert json.dumps(ds.to_dict())  # the report stays plain data


def test_our_type_is_the_most_confident_counted_event(kit) -> None:
    data = kit.extraction(
        "1",
        CLASH,
        [
            _ev(kit, CLASH, "PROTEST", "141", confidence=0.9, negated=True),
            _ev(kit, CLASH, "AGREE", "030", confidence=0.95, modality="hypothetical"),
            _ev(kit, CLASH, "COERCE", "173", confidence=0.4),
            _ev(kit, CLASH, "ASSAULT", "190", confidence=0.7),
        ],
    )
    assert predicted_type(data) == "ASSAULT"
    assert predicted_type(kit.extraction("2", FLOOD, [])) == "none"


def test_shipped_table_covers_the_gold_types_and_bad_names_fail(tmp_path: Path) -> None:
    table = type_table()
    assert str(table["ARREST"]) == "COERCE" and "SANCTION" in table["DIPLO"].accepted
    assert not table["ORG_CRIME"].political and table["OTHER"].any_type
    bad = tmp_path / "t.tsv"
    bad.write_text("event_type\tplover\nARREST\tCAPTURE\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="CAPTURE"):
        read_type_table(bad)


@pytest.mark.model
def test_pipeline_on_five_snippets_runs_end_to_end(tmp_path: Path) -> None:
    """The real coder on the first five CASE snippets: scored, nothing fails (figures not pinned)."""
    gold = SHARED / "eval" / "external" / "case2021_task2" / "gold.jsonl"
    if not gold.exists():
        pytest.skip("CASE 2021 gold set not available")
    ds = run_evaluation(gold, None, limit=5).datasets[0]
    assert ds.records == 5 and not ds.problems
    assert ds.measures["accuracy"] is not None
    assert sum(r["n"] for r in ds.breakdown["types"]) == 5

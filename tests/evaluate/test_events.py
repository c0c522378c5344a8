"""Event scoring on hand-made gold sentences and predictions."""

from __future__ import annotations

from pathlib import Path

from benchmarks.evaluation.run import run_evaluation

MEET = "Freedonian officials met Sylvanian diplomats in the capital on Monday."
ATTACK = "Sylvanian troops shelled a Freedonian border post overnight."
QUIET = "The weather in the capital was mild on Tuesday."


def _gold(kit, tmp_path: Path) -> Path:
    return kit.write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "s1",
                "text": MEET,
                "date": "20160213",
                "events": [
                    {
                        "source_actor": "FRDGOV",
                        "target_actor": "SYLGOV",
                        "cameo_code": "042",
                        "plover": "CONSULT",
                    }
                ],
            },
            {
                "id": "s2",
                "text": ATTACK,
                "events": [
                    {
                        "source_actor": "SYLMIL",
                        "target_actor": "FRDMIL",
                        "cameo_code": "190",
                        "plover": "ASSAULT",
                    }
                ],
            },
            {"id": "s3", "text": QUIET, "events": []},
        ],
    )


def _levels(report) -> dict[str, tuple[int, int, int]]:
    (ds,) = report.datasets
    return {name: (c.tp, c.fp, c.fn) for name, c in ds.levels.items()}


def test_perfect_match_scores_one(kit, tmp_path: Path) -> None:
    gov_f, gov_s = kit.actor("FRDGOV", "FRD", "GOV"), kit.actor("SYLGOV", "SYL", "GOV")
    mil_s, mil_f = kit.actor("SYLMIL", "SYL", "MIL"), kit.actor("FRDMIL", "FRD", "MIL")
    pred = kit.write_jsonl(
        tmp_path / "pred.jsonl",
        [
            kit.extraction("s1", MEET, [kit.event(MEET, gov_f, gov_s, "042", "CONSULT")]),
            kit.extraction("s2", ATTACK, [kit.event(ATTACK, mil_s, mil_f, "190", "ASSAULT")]),
            kit.extraction("s3", QUIET),
        ],
    )
    report = run_evaluation(_gold(kit, tmp_path), pred)
    levels = _levels(report)
    assert levels["actors+root"] == (2, 0, 0)
    assert levels["plover"] == (2, 0, 0)
    ds = report.datasets[0]
    assert ds.levels["actors+root"].f1 == 1.0
    assert ds.misses == [] and ds.false_alarms == []
    assert [a.record for a in ds.articles] == ["s1", "s2", "s3"]


def test_miss_and_false_alarm_are_listed_with_sentence_and_triple(kit, tmp_path: Path) -> None:
    gov_f, gov_s = kit.actor("FRDGOV", "FRD", "GOV"), kit.actor("SYLGOV", "SYL", "GOV")
    pred = kit.write_jsonl(
        tmp_path / "pred.jsonl",
        [
            kit.extraction("s1", MEET, [kit.event(MEET, gov_f, gov_s, "042", "CONSULT")]),
            kit.extraction("s2", ATTACK),
            kit.extraction("s3", QUIET, [kit.event(QUIET, gov_f, None, "111", "ACCUSE")]),
        ],
    )
    report = run_evaluation(_gold(kit, tmp_path), pred)
    assert _levels(report)["actors+root"] == (1, 1, 1)
    ds = report.datasets[0]
    assert [(f.record, f.coded) for f in ds.misses] == [("s2", "SYL MIL -> FRD MIL : 190 ASSAULT")]
    assert ds.misses[0].text == ATTACK
    assert [(f.record, f.coded) for f in ds.false_alarms] == [("s3", "FRD GOV -> --- : 111 ACCUSE")]
    text = report.render("text")
    assert "SYL MIL -> FRD MIL : 190 ASSAULT" in text and ATTACK in text


def test_levels_separate_actor_errors_from_detection(kit, tmp_path: Path) -> None:
    wrong_sector = kit.actor("FRDMIL", "FRD", "MIL")
    gov_s = kit.actor("SYLGOV", "SYL", "GOV")
    pred = kit.write_jsonl(
        tmp_path / "pred.jsonl",
        [
            kit.extraction("s1", MEET, [kit.event(MEET, wrong_sector, gov_s, "043", "CONSULT")]),
        ],
    )
    levels = _levels(run_evaluation(_gold(kit, tmp_path), pred, limit=1))
    assert levels["actors+root"] == (0, 1, 1)
    assert levels["countries+root"] == (1, 0, 0)
    assert levels["root"] == (1, 0, 0)
    assert levels["cameo"] == (0, 1, 1)


def test_duplicate_prediction_counts_once_right_once_false(kit, tmp_path: Path) -> None:
    gov_f, gov_s = kit.actor("FRDGOV", "FRD", "GOV"), kit.actor("SYLGOV", "SYL", "GOV")
    twice = [kit.event(MEET, gov_f, gov_s, "042", "CONSULT")] * 2
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("s1", MEET, twice)])
    assert _levels(run_evaluation(_gold(kit, tmp_path), pred, limit=1))["actors+root"] == (1, 1, 0)


def test_negated_events_are_not_counted(kit, tmp_path: Path) -> None:
    gov_f = kit.actor("FRDGOV", "FRD", "GOV")
    pred = kit.write_jsonl(
        tmp_path / "pred.jsonl",
        [
            kit.extraction("x", QUIET, [kit.event(QUIET, gov_f, None, "190", "ASSAULT", negated=True)]),
        ],
    )
    gold = kit.write_jsonl(tmp_path / "gold.jsonl", [{"id": "q", "text": QUIET, "events": []}])
    assert _levels(run_evaluation(gold, pred))["root"] == (0, 0, 0)


def test_predictions_match_by_text_when_ids_differ(kit, tmp_path: Path) -> None:
    gov_f, gov_s = kit.actor("FRDGOV", "FRD", "GOV"), kit.actor("SYLGOV", "SYL", "GOV")
    pred = kit.write_jsonl(
        tmp_path / "pred.jsonl",
        [
            kit.extraction("0123456789abcdef", MEET, [kit.event(MEET, gov_f, gov_s, "042", "CONSULT")]),
        ],
    )
    report = run_evaluation(_gold(kit, tmp_path), pred, limit=1)
    assert _levels(report)["actors+root"] == (1, 0, 0)
    assert report.datasets[0].problems == []


def test_missing_prediction_is_a_problem_and_all_misses(kit, tmp_path: Path) -> None:
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("other", QUIET)])
    report = run_evaluation(_gold(kit, tmp_path), pred, limit=2)
    assert _levels(report)["actors+root"] == (0, 0, 2)
    assert any("s1" in p for p in report.datasets[0].problems)


def test_plover_gold_of_2016_matches_2021_output(kit, tmp_path: Path) -> None:
    """PLOVER 0.5b1 FIGHT (gold) and 0.8 ASSAULT (output) are one type once mapped."""
    text = "Freedonian and Sylvanian soldiers fought along the river."
    gold = kit.write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "p1",
                "text": text,
                "events": [
                    {
                        "source_actor": "FRD",
                        "target_actor": "SYL",
                        "cameo_code": None,
                        "plover": "FIGHT",
                        "source_actors": [{"text": "Freedonian", "code": "FRD", "sector": "MIL"}],
                        "target_actors": [{"text": "Sylvanian", "code": "SYL", "sector": "MIL"}],
                        "reciprocal": False,
                    }
                ],
            }
        ],
    )
    ev = kit.event(
        text, kit.actor("FRDMIL", "FRD", "MIL"), kit.actor("SYLMIL", "SYL", "MIL"), "190", "ASSAULT"
    )
    report = run_evaluation(
        gold, kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("p1", text, [ev])])
    )
    levels = _levels(report)
    assert levels["plover"] == (1, 0, 0)
    assert levels["actors+plover"] == (1, 0, 0)
    assert "root" not in levels  # no CAMEO codes in PLOVER gold: the CAMEO levels are left out
    assert report.datasets[0].main_level == "actors+plover"


def test_reciprocal_compound_actors_expand_both_ways(kit, tmp_path: Path) -> None:
    text = "Freedonian and Sylvanian envoys agreed to reopen the border."
    gold = kit.write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "p2",
                "text": text,
                "events": [
                    {
                        "source_actor": "FRD+SYL",
                        "target_actor": None,
                        "cameo_code": None,
                        "plover": "AGREE",
                        "source_actors": [
                            {"text": "Freedonian", "code": "FRD", "sector": "GOV"},
                            {"text": "Sylvanian", "code": "SYL", "sector": "GOV"},
                        ],
                        "target_actors": [],
                        "reciprocal": True,
                    }
                ],
            }
        ],
    )
    f, s = kit.actor("FRDGOV", "FRD", "GOV"), kit.actor("SYLGOV", "SYL", "GOV")
    pred = kit.write_jsonl(
        tmp_path / "pred.jsonl", [kit.extraction("p2", text, [kit.event(text, f, s, "030", "AGREE")])]
    )
    assert _levels(run_evaluation(gold, pred))["actors+plover"] == (1, 0, 1)


def test_records_expecting_an_input_error_are_skipped(kit, tmp_path: Path) -> None:
    gold = kit.write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {"id": "e", "text": "garbled", "events": [], "expected_error": "empty"},
            {"id": "q", "text": QUIET, "events": []},
        ],
    )
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("q", QUIET)])
    ds = run_evaluation(gold, pred).datasets[0]
    assert (ds.records, ds.skipped) == (1, 1)

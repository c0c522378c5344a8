"""Reading gold files: format detection and one-line errors naming file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.evaluation.gold import GoldError, dateline_date, gold_files, iso_date, read_gold
from benchmarks.evaluation.run import run_evaluation

SHAPES = {
    "events": {"id": "a", "text": "Freedonia protested.", "events": []},
    "toponyms": {"id": "b", "text": "Rain in Springfield.", "toponyms": [{"start": 8, "end": 19}]},
    "quotes": {"id": "c", "text": '"No," he said.', "quotes": []},
    "figures": {"id": "d", "text": "300 people fled.", "figures": [{"quantity": 300}]},
    "templates": {"id": "e", "text": "LIMA, 4 FEB 90 (EFE) -- A BOMB.", "templates": []},
    "event_locations": {
        "id": "f",
        "text": "Troops shelled Kessa.",
        "events": [{"trigger": {"start": 7, "end": 14}, "locations": [{"start": 15, "end": 20}]}],
    },
}
ARGUMENTS = {"id": "w", "text": "x", "events": [{"trigger": {}, "arguments": []}]}


@pytest.mark.parametrize("kind", list(SHAPES))
def test_format_is_detected_from_the_record_shape(kit, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / f"set_{kind}"
    folder.mkdir()
    kit.write_jsonl(folder / "gold.jsonl", [SHAPES[kind]])
    gold = read_gold(gold_files(folder)[0])
    assert gold.kind == kind
    assert gold.name == f"set_{kind}"
    assert gold.records[0].text == SHAPES[kind]["text"]


def test_a_bad_line_names_file_and_line(kit, tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        '{"id": "a", "text": "Freedonia protested.", "events": []}\n\n{"id": "b", "text": oops}\n',
        encoding="utf-8",
    )
    with pytest.raises(GoldError) as err:
        read_gold(path)
    assert err.value.code == "E402"
    assert f"{path}:3:" in str(err.value)
    assert "\n" not in str(err.value)


def test_a_record_of_another_shape_is_refused(kit, tmp_path: Path) -> None:
    path = kit.write_jsonl(tmp_path / "gold.jsonl", [SHAPES["events"], SHAPES["figures"]])
    with pytest.raises(GoldError, match=r"\[E402\].*gold\.jsonl:2: 'events' is not a list"):
        read_gold(path)


def test_unscored_shapes_say_so(kit, tmp_path: Path) -> None:
    path = kit.write_jsonl(tmp_path / "gold.jsonl", [ARGUMENTS])
    with pytest.raises(GoldError, match="event arguments are not scored"):
        read_gold(path)


def test_templates_take_the_dateline_and_the_mixed_case_text(kit, tmp_path: Path) -> None:
    row = dict(SHAPES["templates"], text_mixed_case="Lima, 4 Feb 90 (EFE) -- A bomb.")
    (rec,) = read_gold(kit.write_jsonl(tmp_path / "gold.jsonl", [row])).records
    assert rec.date == "1990-02-04"
    assert rec.text.startswith("Lima, 4 Feb 90")


def test_datelines() -> None:
    assert dateline_date("SAN SALVADOR, 12 JAN 90 (RADIO) -- [TEXT]") == "1990-01-12"
    assert dateline_date("Concepcion, 23 Aug 88 (Domestic Service) --") == "1988-08-23"
    assert dateline_date("No dateline here, 12 people died.") is None


def test_a_split_keeps_its_records_only(kit, tmp_path: Path) -> None:
    rows = [dict(SHAPES["templates"], id=str(i), split=f"TST{i % 2}") for i in range(5)]
    gold = read_gold(kit.write_jsonl(tmp_path / "gold.jsonl", rows), limit=1, split="TST1")
    assert [r.id for r in gold.records] == ["1"]


def test_missing_gold_is_e401(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match=r"\[E401\]"):
        run_evaluation(tmp_path / "nowhere")


def test_a_folder_of_gold_sets_scores_each_and_skips_unscored(kit, tmp_path: Path) -> None:
    for name, rows in {"ev": [SHAPES["events"]], "args": [ARGUMENTS]}.items():
        (tmp_path / name).mkdir()
        kit.write_jsonl(tmp_path / name / "gold.jsonl", rows)
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("a", SHAPES["events"]["text"])])
    report = run_evaluation(tmp_path, pred)
    assert [d.name for d in report.datasets] == ["ev"]
    assert "events" in report.overall


def test_limit_keeps_the_first_records(kit, tmp_path: Path) -> None:
    rows = [dict(SHAPES["events"], id=str(i)) for i in range(5)]
    assert len(read_gold(kit.write_jsonl(tmp_path / "gold.jsonl", rows), limit=2).records) == 2


def test_dates_of_the_gold_sets_become_iso() -> None:
    assert iso_date("20080804") == "2008-08-04"
    assert iso_date("2009-03-20 12:24:52.002364-05") == "2009-03-20"
    assert iso_date(None) is None


def test_a_unicode_line_separator_inside_a_record_is_text(tmp_path: Path) -> None:
    import json

    row = {**SHAPES["toponyms"], "text": "Rain in Springfield.\u2028More rain."}
    path = tmp_path / "gold.jsonl"
    lines = [json.dumps(row, ensure_ascii=False), "\r\n", json.dumps(SHAPES["toponyms"]), "\n"]
    path.write_text("".join(lines), encoding="utf-8")
    gold = read_gold(path)
    assert [r.text for r in gold.records] == [row["text"], SHAPES["toponyms"]["text"]]

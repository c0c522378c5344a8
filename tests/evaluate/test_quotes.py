"""Quote content and speaker scoring on a hand-made article."""

from __future__ import annotations

from pathlib import Path

from benchmarks.evaluation.run import run_evaluation

from newsevents.model import Actor, Evidence, Quote

TEXT = 'Minister Ana Bell said: "The border stays open." Later, officials claimed the talks had failed.'


def _span(words: str) -> list[list[int]]:
    start = TEXT.index(words)
    return [[start, start + len(words)]]


def _gold(kit, tmp_path: Path) -> Path:
    return kit.write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "a1",
                "primary": True,
                "text": TEXT,
                "quotes": [
                    {
                        "source": [{"fragments": _span("Minister Ana Bell"), "text": "Minister Ana Bell"}],
                        "content": [{"fragments": _span("The border stays open."), "text": "x"}],
                        "is_direct_quote": True,
                    },
                    {
                        "source": [{"fragments": _span("officials"), "text": "officials"}],
                        "content": [{"fragments": _span("the talks had failed"), "text": "y"}],
                        "is_direct_quote": False,
                    },
                ],
            },
            {"id": "a1#other", "primary": False, "text": TEXT, "quotes": []},
        ],
    )


def _quote(said: str, speaker: str | None, direct: bool = True) -> Quote:
    start = TEXT.index(said)
    who = None
    if speaker:
        s = TEXT.index(speaker)
        who = Actor(
            text=speaker, name=speaker, code="FRDGOV", evidence=Evidence.of(TEXT, s, s + len(speaker))
        )
    return Quote(
        speaker=who,
        text=said,
        direct=direct,
        cue="said",
        evidence=Evidence.of(TEXT, start, start + len(said)),
    )


def test_content_and_speaker(kit, tmp_path: Path) -> None:
    quotes = (_quote("The border stays open.", "Ana Bell"), _quote("Later", None, direct=False))
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("a1", TEXT, quotes=quotes)])
    ds = run_evaluation(_gold(kit, tmp_path), pred).datasets[0]
    c = ds.levels["content"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    d = ds.levels["direct"]
    assert (d.tp, d.fp, d.fn) == (1, 0, 0)
    assert ds.measures["speaker_accuracy"] == 1.0
    assert (ds.records, ds.skipped) == (1, 1)  # only the primary annotation is scored


def test_wrong_speaker_counts_against_accuracy(kit, tmp_path: Path) -> None:
    quotes = (_quote("The border stays open.", "officials"),)
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("a1", TEXT, quotes=quotes)])
    ds = run_evaluation(_gold(kit, tmp_path), pred).datasets[0]
    assert ds.levels["content"].tp == 1
    assert ds.measures["speaker_accuracy"] == 0.0


def test_a_pronoun_speaker_is_judged_by_the_actor_it_resolves_to(kit, tmp_path: Path) -> None:
    # "he" elsewhere in the text resolved to the minister: his canonical name carries the surname.
    start = TEXT.index("The border stays open.")
    he = Actor(text="he", name="Ana Bell", code="FRDGOV", evidence=Evidence.of(TEXT, 0, 2))
    quote = Quote(he, "The border stays open.", True, "said", Evidence.of(TEXT, start, start + 22))
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("a1", TEXT, quotes=(quote,))])
    ds = run_evaluation(_gold(kit, tmp_path), pred).datasets[0]
    assert ds.measures["speaker_accuracy"] == 1.0
    nobody = Quote(None, "The border stays open.", True, "said", Evidence.of(TEXT, start, start + 22))
    pred = kit.write_jsonl(tmp_path / "pred.jsonl", [kit.extraction("a1", TEXT, quotes=(nobody,))])
    ds = run_evaluation(_gold(kit, tmp_path), pred).datasets[0]
    assert ds.measures["speaker_accuracy"] == 0.0 and ds.measures["speaker_missing"] == 1

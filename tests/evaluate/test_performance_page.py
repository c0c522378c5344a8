"""The performance page: figures from the fastest rounds, and a caveat when rounds met other load."""

from __future__ import annotations

from typing import Any

from benchmarks.performance_page import PARSE, render, summary

INFO = {
    "command": "python benchmarks/performance.py",
    "date": "2026-01-01 00:00 UTC",
    "machine": {
        "cores": "2", "cpu": "cpu", "memory": "8 GiB", "python": "3.11", "spacy": "3.8", "system": "Linux"
    },
    "load_before": "0.10 / 0.10 / 0.10",
    "load_after": "0.20 / 0.20 / 0.20",
    "workers": 2,
    "batch": 64,
    "corpus": "articles",
    "stage_articles": 88,
}


def _round(name: str, number: int, wall: float, cpu: float) -> dict[str, Any]:
    extra = {"events": 4321, "problems": 0} if name == "ours" else {}
    return {"name": name, "round": number, "articles": 1000, "tokens": 500_000, "load_s": 1.0,
            "wall_s": wall, "cpu_s": cpu, "peak_rss": 2**30, "peak_pss": 2**29, "workers": 2, "extra": extra}


def test_ratio_is_of_the_fastest_rounds() -> None:
    runs = [_round("bare", 1, 100, 190), _round("ours", 1, 125, 240), _round("ours", 2, 120, 230),
            _round("bare", 2, 110, 200)]
    s = summary(runs)
    assert s["ratio"] == 1.2 and s["bare_wall"] == 100 and s["ours_wall"] == 120
    page = render(runs, None, INFO)
    assert "**1.20**" in page and "**8.3 articles/s**" in page and "1,024 MB RSS" in page
    assert page.count("| 1 | bare |") == 1 and "Caveat" not in page
    assert "## Where our time goes" not in page


def test_caveat_when_the_fastest_rounds_met_different_load() -> None:
    runs = [_round("bare", 1, 100, 100), _round("ours", 1, 120, 230)]
    assert "**Caveat:**" in render(runs, None, INFO)


def test_stage_table_compares_with_the_parse() -> None:
    page = render([_round("bare", 1, 100, 190), _round("ours", 1, 120, 230)],
                  {"actors": 3.0, "events": 2.0, PARSE: 20.0}, INFO)
    assert "| actors | 3.0 |" in page and "All stages together: 5.0 ms/article, 25% of the parse." in page


def test_start_up_is_the_fastest_build_of_our_rounds() -> None:
    runs = [_round("bare", 1, 100, 190), {**_round("ours", 1, 125, 240), "load_s": 2.5},
            {**_round("ours", 2, 120, 230), "load_s": 1.5}, {**_round("bare", 2, 110, 200), "load_s": 0.2}]
    assert summary(runs)["startup"] == 1.5
    assert "Start-up (a fresh process loading the model and every dictionary" in render(runs, None, INFO)
    assert "**1.50 s** (fastest round; median 2.00 s). Target: under 3 s." in render(runs, None, INFO)

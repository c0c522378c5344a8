"""The load benchmark's section of docs/performance.md: written in place, and kept when the
throughput benchmark rewrites the rest of the page."""

from __future__ import annotations

from benchmarks.load_page import LOAD_HEADING, keep_section, percentile, replace_section

PAGE = "# Performance\n\n## Result\n\nfast\n\n## Notes\n\nnothing\n"


def test_the_section_goes_at_the_end_then_replaces_itself_in_place() -> None:
    first = replace_section(PAGE, LOAD_HEADING, f"{LOAD_HEADING}\n\nalpha\n")
    assert first == PAGE + f"\n{LOAD_HEADING}\n\nalpha\n"
    moved = first.replace("## Notes\n\nnothing\n\n", "") + "## Notes\n\nnothing\n"
    again = replace_section(moved, LOAD_HEADING, f"{LOAD_HEADING}\n\nbeta\n")
    assert again.count(LOAD_HEADING) == 1 and "alpha" not in again
    assert again.endswith(f"{LOAD_HEADING}\n\nbeta\n\n## Notes\n\nnothing\n")


def test_a_page_written_afresh_keeps_the_load_section_of_the_old_one() -> None:
    old = replace_section(PAGE, LOAD_HEADING, f"{LOAD_HEADING}\n\nmeasured\n")
    fresh = "# Performance\n\n## Result\n\nfaster\n"
    kept = keep_section(old, fresh, LOAD_HEADING)
    assert "faster" in kept and f"{LOAD_HEADING}\n\nmeasured\n" in kept
    assert keep_section(PAGE, fresh, LOAD_HEADING) == fresh


def test_percentiles_are_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 99), percentile(values, 100)) == (50.0, 99.0, 100.0)
    assert percentile([3.0], 99) == 3.0

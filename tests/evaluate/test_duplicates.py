"""Deduplication and clustering figures against a list of duplicates, on hand-made groups."""

from __future__ import annotations

from benchmarks.evaluation.duplicates import CorpusFigures, article_pairs, score_clusters, score_groups

STORY = (
    "Gunmen on motorcycles stormed the village of Tunga before dawn on Sunday, killing at least "
    "twelve people and setting fire to dozens of homes, police and residents said on Monday."
)
OTHER = (
    "The central bank raised its main interest rate by half a point on Thursday, citing prices "
    "that kept rising faster than wages for a third month in a row across the country."
)


def test_groups_whole_and_margins() -> None:
    docs = [("a", STORY), ("b", STORY + " More later."), ("c", OTHER)]
    fig = CorpusFigures()
    score_groups(fig, docs, {}, [["a", "b"]])
    assert (fig.groups_whole, fig.groups_found, fig.groups_mixed) == (1, 1, 0)
    assert fig.wrongly_joined == []
    assert fig.weakest_link is not None and fig.weakest_link > 0.8
    assert fig.strongest_other is not None and fig.strongest_other < 0.1


def test_cluster_pairs_right_and_wrong() -> None:
    truth = [["a", "b", "c"], ["d", "e"]]
    clusters = [{"a", "b"}, {"c", "d"}, {"e"}, {"x", "a"}]
    fig = CorpusFigures()
    score_clusters(fig, clusters, truth)
    assert fig.events_whole == 0
    assert (fig.pairs_joined, fig.pairs_total) == (1, 4)
    assert fig.pairs_wrong == 1  # c and d belong to different listed events; x is unlisted
    assert article_pairs([{"b", "a"}]) == {("a", "b")}
    score_clusters(fig, [{"a", "b", "c", "z"}, {"d", "e"}], truth)
    assert fig.events_whole == 2 and fig.pairs_joined == 4 and fig.pairs_wrong == 0

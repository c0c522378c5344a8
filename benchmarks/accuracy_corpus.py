"""The corpus sections of docs/accuracy.md: events placed by source, deduplication and event
clusters, and where the events' dates come from, all measured on one store built from
../shared/corpus (`benchmarks.evaluation.duplicates`)."""

from __future__ import annotations

from benchmarks.evaluation.duplicates import CorpusFigures

SOURCES = ("clause", "sentence", "paragraph", "dateline", "article")


def placed_section(c: CorpusFigures) -> list[str]:
    """The share of the corpus's events with coordinates and a `location_source`, by source."""
    events = c.counts.get("events", 0)
    placed = sum(c.placed_by_source.values())
    share = f"{100 * placed / events:.1f} %" if events else "n/a"
    rows = [f"| {source} | {c.placed_by_source.get(source, 0)} |" for source in SOURCES]
    return [
        f"Events placed on ../shared/corpus ({c.articles} articles, {events} events, the store built for",
        f"the deduplication figures below): {placed} ({share}) have coordinates and a `location_source`.",
        "",
        "| location_source | events |",
        "| --- | --- |",
        *rows,
        "",
    ]


def dedup_section(c: CorpusFigures) -> list[str]:
    """The "Deduplication" section from figures measured on the shared corpus."""

    def num(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    wrong = f" ({', '.join(c.wrongly_joined)})" if c.wrongly_joined else ""
    n = c.counts
    return [
        "## Deduplication",
        "",
        f"Measured on ../shared/corpus ({c.articles} articles from many outlets) against its",
        f"`duplicates.json`, which lists {c.syndicated} groups of syndicated copies and {c.same_event}",
        "groups of articles reporting the same event (`benchmarks.evaluation.duplicates`, run by this",
        "benchmark).",
        "",
        "Near-duplicate articles (`newsevents.corpus.dedup`, word 3-shingle containment; the same",
        "measurement is checked by `tests/corpus/test_dedup.py` on every test run):",
        "",
        "| measure | result |",
        "| --- | --- |",
        f"| syndicated groups found whole | {c.groups_whole} of {c.syndicated} |",
        f"| groups found | {c.groups_found} ({c.groups_mixed} mixing articles of different stories) |",
        f"| unlisted articles wrongly joined to a group | {len(c.wrongly_joined)}{wrong} |",
        f"| lowest similarity tying a listed copy to its group | {num(c.weakest_link)} |",
        f"| highest similarity between articles of different stories | {num(c.strongest_other)} |",
        "",
        "Event clusters (`newsevents.corpus.cluster`, over a store built in a temporary folder with the",
        "pipeline and `recluster()`, as `newsevents extract ../shared/corpus/articles` builds one;",
        f"{n.get('events', 0)} events, {n.get('clusters', 0)} clusters, "
        f"{n.get('multi_report_clusters', 0)} of them reported by more than one article):",
        "",
        "| measure | result |",
        "| --- | --- |",
        f"| same-event groups with all their articles in one cluster | {c.events_whole} of {c.same_event} |",
        f"| article pairs of one listed event sharing a cluster | {c.pairs_joined} of {c.pairs_total} |",
        f"| article pairs of different listed events sharing a cluster | {c.pairs_wrong} |",
        "",
        "Clustering is tuned for precision: a cluster that merges two events miscounts both, while a",
        "missed merge leaves one event counted twice. Most missed merges come from missing dates and",
        f"places: {c.undated_articles} of the {c.articles} articles carry no publication date, and "
        f"{c.undated_events} of the {n.get('events', 0)} events",
        f"have no date and {c.unplaced_events} no place; an undated event joins only the copies of its own",
        'story (two undated "Boko Haram attacks a village in Borno" reports may be years apart), and so',
        "does one dated only to a week, month or year. Better",
        "dates and places in extraction raise these figures without any change to clustering.",
        "",
        *corpus_dates(c, n.get("events", 0)),
    ]


def corpus_dates(c: CorpusFigures, events: int) -> list[str]:
    """Where the corpus events' dates come from (the store built for the clusters above)."""
    order = ["text", "speaker", "published", "inferred", "none"]

    def rank(item: tuple[tuple[str, str], int]) -> tuple[int, tuple[str, str]]:
        (source, _), _ = item
        return (order.index(source) if source in order else len(order), item[0])

    rows = sorted(c.date_sources.items(), key=rank)
    articles = ", ".join(f"{k} {v}" for k, v in sorted(c.published_sources.items(), key=lambda kv: -kv[1]))
    return [
        "Event dates on the corpus (`date_source` and `date_precision` of the same stored events;",
        f"publication date by source over the stored articles: {articles}):",
        "",
        "| date_source | precision | events |",
        "| --- | --- | --- |",
        *[f"| {source} | {precision} | {count} |" for (source, precision), count in rows],
        "",
        f"{c.undated_events} of the {events} events have no date: they are the events of "
        f"{c.undated_event_articles} articles",
        "that state no date anywhere the dating trusts (no metadata, dateline, day or month in the address,",
        "or date with a year in the lead). Every event of an article with any such date is dated.",
        "",
    ]

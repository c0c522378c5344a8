"""Corpus-level views over stored extractions: near-duplicate articles and event clusters.

    dedup.find_groups(docs, published=...) -> list[ArticleGroup]
    cluster.find_clusters(events, groups=...) -> list[EventCluster]

Both are pure functions over plain rows; the store calls them in `recluster()` and persists
what they return.
"""

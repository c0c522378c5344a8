"""Event clusters: reports of one real-world event join; other events stay apart."""

from __future__ import annotations

import random
from typing import Any

from newsevents.corpus.cluster import codes_compatible, find_clusters


def ev(article: str, idx: int = 0, **fields: Any) -> dict[str, Any]:
    """An event row as `Store.events()` gives it, with the fields clustering reads."""
    row: dict[str, Any] = {
        "article_id": article,
        "idx": idx,
        "cameo_root": "19",
        "plover": "FIGHT",
        "quad_class": 4,
        "source_code": "NGAMIL",
        "source_country": "NGA",
        "target_code": "NGAREB",
        "target_country": "NGA",
        "date": "2021-05-02",
        "location_name": "Maiduguri",
        "location_lat": 11.85,
        "location_lon": 13.16,
        "location_country": "NGA",
        "location_precision": "city",
        "evidence_start": 0,
        "evidence_end": 10,
        "evidence_text": f"evidence {article}",
        "source": f"Outlet {article}",
        "published": "2021-05-03",
    }
    row.update(fields)
    return row


def _groups(clusters: list[Any]) -> list[set[tuple[str, int]]]:
    return sorted(({(m.article_id, m.idx) for m in c.members} for c in clusters), key=sorted)


def test_same_event_from_two_outlets_is_one_cluster() -> None:
    (cluster,) = find_clusters(
        [ev("a", published="2021-05-03"), ev("b", published="2021-05-02", source_code=None)]
    )
    assert cluster.n_events == 2 and cluster.n_articles == 2 and cluster.n_sources == 2
    assert cluster.first_article_id == "b" and cluster.first_published == "2021-05-02"
    assert cluster.source_code == "NGAMIL" and cluster.location_name == "Maiduguri"
    assert [m.article_id for m in cluster.members] == ["b", "a"]
    assert cluster.members[0].evidence_text == "evidence b"


def test_adjacent_day_joins_and_a_later_day_does_not() -> None:
    assert len(find_clusters([ev("a"), ev("b", date="2021-05-03")])) == 1
    assert len(find_clusters([ev("a"), ev("b", date="2021-05-05")])) == 2


def test_date_falls_back_to_publication_date() -> None:
    rows = [ev("a", date=None, published="2021-05-02"), ev("b", date="2021-05-02")]
    assert len(find_clusters(rows)) == 1
    assert len(find_clusters([ev("a", date=None, published=None), ev("b")])) == 2


def test_different_country_root_or_actors_stay_apart() -> None:
    elsewhere = dict(location_name="Niamey", location_country="NER", location_lat=13.5, location_lon=2.1)
    assert len(find_clusters([ev("a"), ev("b", **elsewhere)])) == 2
    assert len(find_clusters([ev("a"), ev("b", cameo_root="18")])) == 2
    assert len(find_clusters([ev("a"), ev("b", source_code="CMRMIL")])) == 2
    assert len(find_clusters([ev("a"), ev("b", target_code="NGAGOV")])) == 2


def test_unknown_or_less_specific_actor_is_compatible() -> None:
    assert codes_compatible("NGA", "NGAMIL") and codes_compatible(None, "NGAMIL")
    assert not codes_compatible("NGAREB", "NGAMIL")
    (cluster,) = find_clusters([ev("a", source_code="NGA"), ev("b", target_code=None)])
    assert cluster.source_code == "NGAMIL" and cluster.target_code == "NGAREB"


def test_two_cities_far_apart_in_one_country_stay_apart() -> None:
    lagos = dict(location_name="Lagos", location_lat=6.45, location_lon=3.39)
    assert len(find_clusters([ev("a"), ev("b", **lagos)])) == 2
    region = dict(location_name="Borno", location_precision="admin1", location_lat=11.5, location_lon=13.0)
    assert len(find_clusters([ev("a"), ev("b", **region)])) == 1


def test_daily_fighting_does_not_chain_into_one_cluster() -> None:
    rows = [ev(f"d{day}", date=f"2021-05-{day:02d}") for day in range(1, 8)]
    clusters = find_clusters(rows)
    assert len(clusters) >= 3
    for c in clusters:
        assert c.date_first and c.date_last and int(c.date_last[-2:]) - int(c.date_first[-2:]) <= 2


def test_copies_of_one_story_join_without_date_or_place() -> None:
    copy = dict(date=None, published=None, location_name=None, location_country=None, location_precision=None)
    said = "Gunmen attacked the village of Tunga at dawn on Sunday, killing twelve people."
    rows = [
        ev("a", evidence_text=said),
        ev("b", evidence_text=said.replace("Sunday", "Sunday morning"), **copy),
    ]
    assert len(find_clusters(rows)) == 2
    (cluster,) = find_clusters(rows, {"a": "a", "b": "a"})
    assert cluster.n_articles == 2 and cluster.n_independent == 1
    # Not across roots, nor for another attack the copy mentions in other words.
    other_root = [rows[0], {**rows[1], "cameo_root": "18"}]
    assert len(find_clusters(other_root, {"a": "a", "b": "a"})) == 2
    earlier = [rows[0], {**rows[1], "evidence_text": "Last month the group raided a market in the north."}]
    assert len(find_clusters(earlier, {"a": "a", "b": "a"})) == 2


def test_undated_reports_of_independent_articles_stay_apart() -> None:
    undated = dict(date=None, published=None)
    assert len(find_clusters([ev("a", **undated), ev("b", **undated)])) == 2


def test_events_dated_only_by_the_day_they_were_received_stay_apart_as_undated_ones_do() -> None:
    """Two undated stories read on one day are not two reports of one day's event; copies of
    one story still join."""
    received = dict(date="2026-12-05", date_precision="day", date_source="received", published=None)
    assert len(find_clusters([ev("a", **received), ev("b", **received)])) == 2
    assert len(find_clusters([ev("a", **received), ev("b", **received)], {"a": "a", "b": "a"})) == 1
    stated = dict(date="2026-12-05", date_precision="day", date_source="text", published=None)
    assert len(find_clusters([ev("a", **stated), ev("b", **stated)])) == 1


def test_events_dated_only_to_a_month_stay_apart_as_undated_ones_do() -> None:
    """Two undated articles whose addresses say /2015/04/ both date their events 2015-04-01 at
    month precision: the 1st of April is not their day, so they do not meet on it."""
    month = dict(date="2015-04-01", date_precision="month", published=None)
    assert len(find_clusters([ev("a", **month), ev("b", **month)])) == 2
    day = dict(date="2015-04-01", date_precision="day", published=None)
    assert len(find_clusters([ev("a", **day), ev("b", **day)])) == 1
    clusters = find_clusters([ev("a", **month)])
    assert clusters[0].date_first == "2015-04-01"  # the cluster still says when, as far as known


def test_events_of_one_article_with_different_roots_stay_apart() -> None:
    assert len(find_clusters([ev("a", 0), ev("a", 1, cameo_root="14")])) == 2


def test_clusters_and_their_ids_do_not_depend_on_row_order() -> None:
    rows = [
        ev("a"),
        ev("b"),
        ev("c", date="2021-05-03"),
        ev("d", cameo_root="18"),
        ev("e", date="2021-06-01"),
    ]
    first = find_clusters(rows)
    shuffled = rows[:]
    random.Random(4).shuffle(shuffled)
    assert find_clusters(shuffled) == first
    assert len({c.cluster_id for c in first}) == len(first)


def test_many_events_cluster_quickly() -> None:
    """Blocking by root, country and day keeps 20,000 events well under a few seconds."""
    import time

    rng = random.Random(1)
    countries = ["NGA", "SYR", "IRQ", "YEM", "UKR", "MLI", "SOM", "AFG"]
    rows = [
        ev(
            f"x{i}",
            cameo_root=rng.choice(["18", "19", "14", "04"]),
            location_country=rng.choice(countries),
            location_name=None,
            location_precision="country",
            date=f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            source_code=rng.choice([None, "NGAMIL", "NGA"]),
        )
        for i in range(20_000)
    ]
    start = time.perf_counter()
    clusters = find_clusters(rows)
    assert time.perf_counter() - start < 10
    assert sum(c.n_events for c in clusters) == 20_000


def test_unidentified_armed_men_may_be_any_armed_group() -> None:
    assert codes_compatible("IRQUAF", "IMGISI") and codes_compatible("UAF", "NGAREB")
    assert not codes_compatible("IRQUAF", "IRQMIL")  # never the state's own forces

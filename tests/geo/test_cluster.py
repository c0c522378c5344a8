"""Same-named towns read so that a story's places lie close together (geo/cluster.py).

Logic tests over a hand-built gazetteer: no model, no data beyond the cue words.
"""

from __future__ import annotations

from newsevents.geo.cluster import cluster_towns, km
from newsevents.geo.cues import load_cues
from newsevents.geo.gazetteer import Entry, Gazetteer
from newsevents.geo.resolve import Resolved, _from_entry
from newsevents.geo.toponyms import Toponym


def _gazetteer(*entries: Entry) -> Gazetteer:
    gaz = Gazetteer(load_cues())
    for e in entries:
        gaz.add(e.name, e)
    gaz.names = dict(gaz.names)
    return gaz


def _at(entry: Entry, start: int) -> Resolved:
    return _from_entry(Toponym(start, start + len(entry.name), entry.name, label="GPE"), entry)


# Three towns of one state a few miles apart, each also the name of a larger place far away.
ALEX_HOME = Entry("Alexandria", 45.885, -95.378, "USA", "city", 11_800, "Minnesota", 1)
ALEX_FAR = Entry("Alexandria", 31.202, 29.916, "EGY", "city", 3_800_000, "Alexandria", 2)
ALBANY_HOME = Entry("Albany", 45.630, -94.570, "USA", "city", 2_600, "Minnesota", 3)
ALBANY_FAR = Entry("Albany", 42.653, -73.756, "USA", "city", 97_000, "New York", 4)
OSAKIS_HOME = Entry("Osakis", 45.867, -95.152, "USA", "city", 1_700, "Minnesota", 5)
OSAKIS_FAR = Entry("Osakis", 38.0, -100.0, "USA", "city", 20_000, "Kansas", 6)
ELSEWHERE = Entry("Fargo", 46.877, -96.790, "USA", "city", 120_000, "North Dakota", 7)


def test_towns_far_from_the_story_s_cluster_take_their_namesakes_in_it() -> None:
    gaz = _gazetteer(ALEX_HOME, ALEX_FAR, ALBANY_HOME, ALBANY_FAR, OSAKIS_HOME, OSAKIS_FAR)
    resolved = [_at(ALEX_FAR, 0), _at(ALBANY_FAR, 20), _at(OSAKIS_FAR, 40), _at(ELSEWHERE, 60)]
    out = cluster_towns(resolved, gaz, _from_entry)
    assert [r.admin1 for r in out[:3]] == ["Minnesota"] * 3
    assert out[3] == resolved[3]


def test_two_names_do_not_make_a_cluster() -> None:
    gaz = _gazetteer(ALEX_HOME, ALEX_FAR, ALBANY_HOME, ALBANY_FAR)
    resolved = [_at(ALEX_FAR, 0), _at(ALBANY_FAR, 20), _at(ELSEWHERE, 60)]
    assert cluster_towns(resolved, gaz, _from_entry) == resolved


def test_a_cluster_in_a_country_the_story_does_not_place_moves_nothing() -> None:
    """Paris, London and Cambridge lie close together in Ontario too: a story placing them in France
    and Britain stays there."""
    paris, london, cambridge = (
        Entry("Paris", 48.853, 2.349, "FRA", "city", 2_100_000, "Ile-de-France", 11),
        Entry("London", 51.509, -0.126, "GBR", "city", 8_900_000, "England", 12),
        Entry("Cambridge", 52.2, 0.117, "GBR", "city", 130_000, "England", 13),
    )
    ontario = (
        Entry("Paris", 43.2, -80.383, "CAN", "city", 12_000, "Ontario", 21),
        Entry("London", 42.983, -81.233, "CAN", "city", 350_000, "Ontario", 22),
        Entry("Cambridge", 43.36, -80.31, "CAN", "city", 130_000, "Ontario", 23),
    )
    gaz = _gazetteer(paris, london, cambridge, *ontario)
    resolved = [_at(paris, 0), _at(london, 10), _at(cambridge, 20)]
    assert cluster_towns(resolved, gaz, _from_entry) == resolved


def test_km() -> None:
    assert 65 < km((45.885, -95.378), (45.630, -94.570)) < 75


def test_an_unproven_name_with_a_namesake_among_two_of_the_story_s_towns_is_placed_there() -> None:
    """"Kent", tagged a person, in a story on Falls Village and Sharon is the town between them."""
    falls = Entry("Falls Village", 41.956, -73.363, "USA", "city", 540, "Connecticut", 31)
    sharon = Entry("Sharon", 41.879, -73.477, "USA", "city", 730, "Connecticut", 32)
    kent = Entry("Kent", 41.725, -73.477, "USA", "city", 2_900, "Connecticut", 33)
    kent_far = Entry("Kent", 47.381, -122.235, "USA", "city", 130_000, "Washington", 34)
    gaz = _gazetteer(falls, sharon, kent, kent_far)
    resolved = [_at(falls, 0), _at(sharon, 20)]
    out = cluster_towns(resolved, gaz, _from_entry, [Toponym(40, 44, "Kent", label="PERSON")])
    assert [r.geonameid for r in out] == [31, 32, 33]
    alone = cluster_towns(resolved[:1], gaz, _from_entry, [Toponym(40, 44, "Kent", label="PERSON")])
    assert [r.geonameid for r in alone] == [31]


HENDERSON_TX = Entry("Henderson County", 32.21, -95.85, "USA", "district", 78_000, "Texas", 41)
HENDERSON_NC = Entry("Henderson County", 35.347, -82.469, "USA", "district", 110_000, "North Carolina", 42)
ATHENS_TX = Entry("Athens", 32.205, -95.855, "USA", "city", 12_700, "Texas", 43)
ATHENS_GR = Entry("Athens", 37.984, 23.728, "GRC", "city", 660_000, "Attica", 44)


def test_a_county_and_a_town_within_it_make_a_pair() -> None:
    """ "Athens police" in a story on the Henderson County jail: the county seat in Texas."""
    gaz = _gazetteer(HENDERSON_TX, HENDERSON_NC, ATHENS_TX, ATHENS_GR)
    athens = Toponym(30, 36, "Athens", label="ORG", cue=True, embedded=True)
    out = cluster_towns([_at(HENDERSON_NC, 0)], gaz, _from_entry, [athens])
    assert [r.geonameid for r in out] == [41, 43]


def test_a_pair_beside_another_town_of_its_country_moves_nothing() -> None:
    far_town = Entry("New Haven", 41.308, -72.928, "USA", "city", 130_000, "Connecticut", 45)
    gaz = _gazetteer(HENDERSON_TX, HENDERSON_NC, ATHENS_TX, ATHENS_GR, far_town)
    athens = Toponym(30, 36, "Athens", label="ORG", cue=True, embedded=True)
    resolved = [_at(HENDERSON_NC, 0), _at(far_town, 50)]
    assert cluster_towns(resolved, gaz, _from_entry, [athens]) == resolved


def test_a_name_a_preposition_marks_needs_one_of_the_story_s_towns_beside_it() -> None:
    """ "nuns in Pewaukee" in a story on Milwaukee; a bare unproven name would need two towns."""
    milwaukee = Entry("Milwaukee", 43.039, -87.906, "USA", "city", 600_000, "Wisconsin", 51)
    pewaukee = Entry("Pewaukee", 43.081, -88.261, "USA", "city", 8_000, "Wisconsin", 52)
    gaz = _gazetteer(milwaukee, pewaukee)
    cued = Toponym(30, 38, "Pewaukee", label="NORP", cue=True)
    out = cluster_towns([_at(milwaukee, 0)], gaz, _from_entry, [cued])
    assert [r.geonameid for r in out] == [51, 52]
    bare = Toponym(30, 38, "Pewaukee", label="ORG")
    assert [r.geonameid for r in cluster_towns([_at(milwaukee, 0)], gaz, _from_entry, [bare])] == [51]


def test_a_region_at_the_edge_of_a_longer_name_is_read_in_the_story_s_country() -> None:
    """ "NHS West Midlands" in a story on England is not Zimbabwe's Midlands province."""
    from newsevents.geo.dominant import reread_abroad

    midlands = Entry("Midlands", -19.21, 29.8, "ZWE", "admin1", 1_600_000, "Midlands", 61)
    england = Entry("England", 52.16, -1.5, "GBR", "admin1", 53_000_000, "England", 62)
    gaz = _gazetteer(midlands, england)
    edge = _from_entry(Toponym(0, 8, "Midlands", label="FAC", embedded=True), midlands)
    out = reread_abroad([edge, _at(england, 20)], gaz, lambda r, e: _from_entry(r.toponym, e))
    assert [(r.name, r.country) for r in out] == [("England", "GBR"), ("England", "GBR")]
    alone = _from_entry(Toponym(0, 8, "Midlands", label="GPE"), midlands)
    kept = reread_abroad([alone, _at(england, 20)], gaz, lambda r, e: _from_entry(r.toponym, e))
    assert kept[0].country == "ZWE"


def test_an_office_s_nationality_does_not_keep_an_edge_region_abroad() -> None:
    """ "the Central Plateau" in a story on Haiti that also names the "U.S. Agency for International
    Development" is not Nigeria's Plateau state: the office's "U.S." is no place of the story."""
    from newsevents.geo.dominant import reread_abroad

    plateau = Entry("Plateau", 9.25, 9.33, "NGA", "admin1", 3_200_000, "Plateau", 71)
    haiti = Entry("Haiti", 19.0, -72.42, "HTI", "country", 11_000_000, None, 72)
    usa = Entry("United States", 39.76, -98.5, "USA", "country", 327_000_000, None, 73)
    gaz = _gazetteer(plateau, haiti, usa)
    gaz.countries = {"HTI": haiti, "USA": usa}
    office = _from_entry(Toponym(0, 4, "U.S.", label="ORG", embedded=True), usa)
    edge = _from_entry(Toponym(30, 37, "Plateau", label="LOC", embedded=True), plateau)
    out = reread_abroad([office, _at(haiti, 10), edge], gaz, lambda r, e: _from_entry(r.toponym, e))
    assert [r.country for r in out] == ["USA", "HTI", "HTI"]


def test_the_bare_names_of_a_county_list_many_states_share_are_read_in_the_cluster() -> None:
    """ "Clarke, Oconee and Oglethorpe counties": Clarke and Oconee counties are in Alabama and South
    Carolina too; Oglethorpe is Georgia's alone, and so are the three."""
    ogle = Entry("Oglethorpe County", 33.87, -83.08, "USA", "district", 15_000, "Georgia", None)
    clarke = Entry("Clarke County", 33.95, -83.38, "USA", "district", 128_000, "Georgia", None)
    clarke_al = Entry("Clarke County", 31.71, -87.8, "USA", "district", 24_000, "Alabama", None)
    oconee = Entry("Oconee County", 33.83, -83.43, "USA", "district", 40_000, "Georgia", None)
    oconee_sc = Entry("Oconee County", 34.75, -83.07, "USA", "district", 79_000, "South Carolina", None)
    gaz = _gazetteer(ogle, clarke, clarke_al, oconee, oconee_sc)
    listed = [
        Toponym(0, 6, "Clarke", cue=True, county="Clarke County"),
        Toponym(8, 14, "Oconee", cue=True, county="Oconee County"),
    ]
    placed = _from_entry(Toponym(19, 29, "Oglethorpe", cue=True, county="Oglethorpe County"), ogle)
    out = cluster_towns([placed], gaz, _from_entry, listed)
    assert sorted((r.name, r.admin1) for r in out) == [
        ("Clarke County", "Georgia"), ("Oconee County", "Georgia"), ("Oglethorpe County", "Georgia")
    ]

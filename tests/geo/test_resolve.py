"""find_places on small sentences, one heuristic each, and on the seed article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.geo.conftest import places_by_name as _places

from newsevents.geo import Gazetteer, find_places
from newsevents.model import Article, Evidence

pytestmark = pytest.mark.model


def test_context_country_breaks_a_tie(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Birmingham, England (1.1M people) against Birmingham, Alabama (200,000).
    alone = _places(parse, gaz, "Police patrolled the streets of Birmingham on Monday.")
    assert alone["Birmingham"].country == "GBR"
    text = "Storms hit the United States on Monday. In the city of Birmingham, roads were closed."
    assert _places(parse, gaz, text)["Birmingham"].country == "USA"


def test_a_passing_mention_does_not_move_a_big_city(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Syria and Turkey sent delegates, backed by the US, to the talks in Geneva."
    assert _places(parse, gaz, text)["Geneva"].country == "CHE"


def test_demonym_is_not_a_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "Somali" is also the name of a region of Ethiopia in GeoNames.
    places = _places(parse, gaz, "Somali troops attacked the camp on Monday.")
    assert places == {}


def test_common_word_place_needs_label_and_cue(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    assert _places(parse, gaz, "Victoria said the talks would resume.") == {}
    assert _places(parse, gaz, "Clashes in the North spread.") == {}


def test_a_lower_case_word_is_no_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # the model labels "bush" a person; GeoNames has a Būsh in Egypt
    text = "The fighters hid in the bush for weeks before the army came."
    assert _places(parse, gaz, text) == {}
    # written all in lower case, capitals tell nothing: the names are still looked up
    assert list(_places(parse, gaz, "the fighters hid in kenya for weeks.")) == ["Kenya"]


def test_qualifier_narrows_both_names(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(parse, gaz, "He was arrested in Paris, Texas, on Monday and flown to Atlanta, Georgia.")
    assert places["Paris"].country == "USA" and places["Paris"].admin1 == "Texas"
    assert places["Georgia"].feature == "admin1" and places["Georgia"].country == "USA"


def test_person_named_like_a_town_is_not_a_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    assert _places(parse, gaz, "Kilis said he would run for office again.") == {}


def test_person_label_overruled_by_a_place_cue(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    kilis = _places(parse, gaz, "Refugees gathered near the southern city of Kilis on Friday.")["Kilis"]
    assert (kilis.country, kilis.feature) == ("TUR", "city")


def test_province_is_admin1_and_city_is_city(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    province = _places(parse, gaz, "An offensive is under way in the northern province of Aleppo.")
    assert province["Aleppo"].feature == "admin1"
    city = _places(parse, gaz, "Fighting raged in the city of Aleppo.")
    assert city["Aleppo"].feature == "city"


def test_district_takes_point_of_enclosing_city(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(parse, gaz, "Barrel bombs hit Aleppo's al-Fardous district on Monday.")
    district = places["al-Fardous"]
    assert district.feature == "district" and district.country == "SYR"
    assert (district.lat, district.lon) == (places["Aleppo"].lat, places["Aleppo"].lon)


def test_district_without_known_city_has_no_point(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    district = _places(parse, gaz, "Shelling hit the al-Fardous district overnight.")["al-Fardous"]
    assert district.feature == "district" and district.lat is None and district.country is None


def test_the_larger_name_of_a_district_pair_is_the_city_around(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer,
) -> None:
    first = _places(parse, gaz, "A bomb went off in the Kadhimiya neighborhood of Baghdad.")
    second = _places(parse, gaz, "He was shot at his home in the Nairobi suburb of Syokimau.")
    assert first["Baghdad"].feature == "city" and first["Kadhimiya"].feature == "district"
    assert first["Kadhimiya"].country == "IRQ"
    assert second["Nairobi"].feature == "city" and second["Syokimau"].feature == "district"
    assert (second["Syokimau"].lat, second["Syokimau"].lon) == (second["Nairobi"].lat, second["Nairobi"].lon)


def test_furniture_is_skipped_but_headline_counts(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Fighting in Homs\n\nA boy runs in Aleppo's al-Fardous district\n\nTroops fired on crowds."
    caption = text.index("A boy")
    furniture = (Evidence.of(text, caption, text.index("\n\nTroops")),)
    places = _places(parse, gaz, text, furniture=furniture)
    assert "Aleppo" not in places and "al-Fardous" not in places
    assert places["Homs"].country == "SYR"


def test_mentions_are_grouped_in_order_of_first_mention(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    article, doc = parse("Clashes spread from Syria to Iraq. Syria blamed Iraq.")
    places = find_places(doc, article, gaz)
    assert [p.name for p in places] == ["Syria", "Iraq"]
    assert [len(p.mentions) for p in places] == [2, 2]
    assert all(article.text[m.start : m.end] == m.text for p in places for m in p.mentions)


def _seed_furniture(text: str) -> tuple[Evidence, ...]:
    spans = []
    for pattern in (
        r"Photo by: Reuters",
        r"A boy carries[^\n]*",
        r"Syrian children walk[^\n]*",
        r"Updated Feb 13, 2016",
        r"TRTWorld and agencies",
    ):
        spans += [Evidence.of(text, m.start(), m.end()) for m in re.finditer(pattern, text)]
    return tuple(spans)


def test_seed_article_places(nlp, gaz: Gazetteer, seed_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = seed_path.read_text(encoding="utf-8")
    article = Article(id="seed", text=text, published="2016-02-13", furniture=_seed_furniture(text))
    places = find_places(nlp(text), article, gaz)
    by = {(p.name, p.feature): p for p in places}
    aleppo = by[("Aleppo", "city")]
    assert aleppo.country == "SYR" and aleppo.lat == pytest.approx(36.2, abs=0.05)
    assert aleppo.lon == pytest.approx(37.16, abs=0.05)
    assert ("Aleppo", "admin1") in by  # "the northern province of Aleppo"
    assert by[("Kilis", "city")].country == "TUR"
    assert by[("Geneva", "city")].country == "CHE"
    for name, iso3 in [
        ("Turkey", "TUR"),
        ("Syria", "SYR"),
        ("Saudi Arabia", "SAU"),
        ("Jordan", "JOR"),
        ("Iraq", "IRQ"),
    ]:
        assert by[(name, "country")].country == iso3
    names = {p.name for p in places}
    assert not names & {"Syrian", "Turkish", "al-Fardous", "Reuters"}
    assert not any(article.in_furniture(m.start, m.end) for p in places for m in p.mentions)


def test_district_mentions_with_and_without_city_are_one_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling hit the al-Fardous district. Later, Aleppo's al-Fardous district was hit again."
    article, doc = parse(text)
    districts = [p for p in find_places(doc, article, gaz) if p.feature == "district"]
    assert len(districts) == 1 and len(districts[0].mentions) == 2 and districts[0].country == "SYR"


def test_a_name_placed_once_is_that_place_everywhere(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # The second "Alexandria" has no cue of its own; the first one places both.
    text = "Police in Alexandria arrested two men on Monday. Alexandria officials said the streets were calm."
    assert len(_places(parse, gaz, text)["Alexandria"].mentions) == 2


def test_a_town_of_a_named_region_needs_no_cue(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Storms hit Connecticut on Monday. Torrington closed two schools."
    town = _places(parse, gaz, text)["Torrington"]
    assert (town.country, town.admin1) == ("USA", "Connecticut")
    # without the region, nothing says the word is a place
    assert "Torrington" not in _places(parse, gaz, "Torrington closed two schools.")


def test_a_named_region_prefers_its_own_town(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    alone = _places(parse, gaz, "In Springfield, the governor signed the budget.")["Springfield"]
    assert alone.admin1 != "Illinois"
    text = "Lawmakers in Illinois met on Monday. In Springfield, the governor signed the budget."
    assert _places(parse, gaz, text)["Springfield"].admin1 == "Illinois"


def test_a_country_inside_a_longer_name_is_a_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    army = _places(parse, gaz, "Pakistan Army troops crossed the river on Monday.")
    assert [m.text for m in army["Pakistan"].mentions] == ["Pakistan"]
    led = _places(parse, gaz, "The U.S.-led coalition struck targets near the border.")
    assert [m.text for m in led["United States"].mentions] == ["U.S."]
    red_cross = _places(parse, gaz, "The Kenya Red Cross Society said 40 people were missing.")
    assert [m.text for m in red_cross["Kenya"].mentions] == ["Kenya"]
    # "US" is a stop word in lower case, never as an acronym starting a name
    navy = _places(parse, gaz, "A US Navy destroyer sailed near the islands on Tuesday.")
    assert [m.text for m in navy["United States"].mentions] == ["US"]
    # the name's known start wins over its end: Manila's bay is not the Somali region Bay
    text = "Rebels detonated a bomb inside the ship near the Manila Bay, killing 100 passengers."
    assert "Bay" not in _places(parse, gaz, text)


def test_a_town_inside_a_longer_name_needs_the_article_to_name_it(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    assert _places(parse, gaz, "Buffalo Public Schools closed on Monday.") == {}
    assert _places(parse, gaz, "The Washington Post reported the deal on Monday.") == {}
    text = "Officers from the Mansfield Police Department arrived. The fire spread across Mansfield, Ohio."
    assert len(_places(parse, gaz, text)["Mansfield"].mentions) == 2


def test_a_person_named_like_a_country_is_not_embedded(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    assert _places(parse, gaz, "Jordan Henderson scored twice on Saturday.") == {}


def test_an_upper_case_dateline_is_a_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "MANSFIELD -- The city council voted on Monday to close two schools."
    assert [m.text for m in _places(parse, gaz, text)["Mansfield"].mentions] == ["MANSFIELD"]
    # a headline joined to the story by a full stop, as local news feeds give them
    text = "Crash victim's condition upgraded to stable. MIDDLETOWN — Police said the driver was hurt."
    assert [m.text for m in _places(parse, gaz, text)["Middletown"].mentions] == ["MIDDLETOWN"]
    text = "DETROIT The Transportation Department on Wednesday issued new rules."
    assert [m.text for m in _places(parse, gaz, text)["Detroit"].mentions] == ["DETROIT"]
    # an upper-case word inside a sentence is no dateline
    assert _places(parse, gaz, "The report said MANSFIELD, a code name, was closed.") == {}


def test_a_town_used_as_a_modifier_is_a_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "police" after the name proves it a place as "in" would; the bare name proves nothing
    roselle = _places(parse, gaz, "Roselle police ticketed hundreds of drivers last year.")["Roselle"]
    assert (roselle.country, roselle.admin1) == ("USA", "Illinois")
    assert _places(parse, gaz, "Roselle ticketed hundreds of drivers last year.") == {}
    assert "Lombard" in _places(parse, gaz, "Lombard residents voted on Tuesday.")


def test_a_town_before_an_office_is_a_place_in_a_name_tagged_a_person(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads the office and the officer as one person's name; "Police" is in no one's name
    text = (
        "The body was found in Virginia in December. Police did not say how they found him, but "
        "Alexandria Police Spokeswoman Ashley Hildebrandt said the arrest was quick."
    )
    assert [m.text for m in _places(parse, gaz, text)["Alexandria"].mentions] == ["Alexandria"]


def test_both_places_a_hyphen_joins_are_found(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(parse, gaz, "The return Amsterdam-London leg of the trip is made without a change.")
    assert [m.text for m in places["London"].mentions] == ["London"]
    assert [m.text for m in places["Amsterdam"].mentions] == ["Amsterdam"]
    # a part that is no place leaves the pair a name of its own
    assert _places(parse, gaz, "Mercedes-Benz sold more cars this year.") == {}


def test_a_town_before_its_hospital_is_a_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Crash victim upgraded. MIDDLETOWN — The driver recovers from a car crash at Hartford Hospital."
    assert [m.text for m in _places(parse, gaz, text)["Hartford"].mentions] == ["Hartford"]


def test_world_regions_news_names_are_places(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    places = _places(parse, gaz, "Ships carried goods among West Africa, the Caribbean and Southeast Asia.")
    assert {"West Africa", "Caribbean", "Southeast Asia"} <= set(places)
    assert places["West Africa"].country is None

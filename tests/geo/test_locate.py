"""locate_events: an event is placed only by its own sentence."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.events_made import assault

from newsevents.geo import Gazetteer, find_places, locate_events
from newsevents.model import Event
from newsevents.nlp.parsed import ParsedArticle

pytestmark = pytest.mark.model



def _locate(parse, gaz: Gazetteer, text: str, trigger: str) -> Event:  # type: ignore[no-untyped-def]
    article, doc = parse(text)
    places = find_places(doc, article, gaz)
    return locate_events(ParsedArticle.of(doc, article), [assault(text, trigger)], places, gaz.cues)[0]


def test_north_of_places_the_event(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    event = _locate(
        parse, gaz, "Syrian regime forces advanced against opposition forces north of Aleppo.", "advanced"
    )
    loc = event.location
    assert loc is not None and loc.name == "Aleppo" and loc.country == "SYR" and loc.precision == "city"
    assert loc.evidence is not None and loc.evidence.text == "Aleppo"


def test_preposition_through_feature_noun(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Some 35,000 refugees have arrived at the border, near the southern city of Kilis."
    loc = _locate(parse, gaz, text, "arrived").location
    assert loc is not None and (loc.name, loc.country) == ("Kilis", "TUR")


def test_province_gives_admin1_precision(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "A major offensive is under way in the northern province of Aleppo."
    loc = _locate(parse, gaz, text, "offensive").location
    assert loc is not None and loc.precision == "admin1"


def test_place_in_another_clause_does_not_place_the_event(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer,
) -> None:
    text = (
        "The envoy halted the Geneva peace talks after the regime advanced against opposition "
        "forces north of Aleppo."
    )
    halted = _locate(parse, gaz, text, "halted").location
    advanced = _locate(parse, gaz, text, "advanced").location
    assert halted is not None and halted.name == "Geneva"
    assert advanced is not None and advanced.name == "Aleppo"


def test_no_location_across_sentences(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    event = _locate(
        parse, gaz, "Rebels attacked a checkpoint. Officials in Damascus condemned it.", "attacked"
    )
    assert event.location is None


def test_destination_does_not_place_the_event(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    event = _locate(parse, gaz, "Thousands of people started to flee from their homes to Turkey.", "flee")
    assert event.location is None


def test_existing_location_is_kept_and_order_preserved(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer,
) -> None:
    text = "Rebels attacked a checkpoint in Idlib. Police arrested ten men."
    article, doc = parse(text)
    places = find_places(doc, article, gaz)
    events = [assault(text, "attacked"), assault(text, "arrested")]
    located = locate_events(ParsedArticle.of(doc, article), events, places, gaz.cues)
    assert located[0].location is not None and located[0].location.name == "Idlib"
    # the unplaced one is unchanged but for the reason it has no place
    assert located[1].location_reason == "no_focus_place"
    assert replace(located[1], location_reason=None) == events[1]


def test_town_as_object_places_the_event(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    loc = _locate(parse, gaz, "Government troops captured the town of Idlib on Sunday.", "captured").location
    assert loc is not None and loc.name == "Idlib"


def test_country_as_object_is_an_actor_not_a_place(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer,
) -> None:
    text = "Assad blamed Turkey for the violence."
    article, doc = parse(text)
    blamed = replace(assault(text, "blamed"), cameo="112", cameo_root="11", plover="ACCUSE", quad_class=3)
    places = find_places(doc, article, gaz)
    assert locate_events(ParsedArticle.of(doc, article), [blamed], places, gaz.cues)[0].location is None


def test_country_a_force_is_used_on_is_where(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    loc = _locate(parse, gaz, "NATO bombed Serbia in 1999 to end the war.", "bombed").location
    assert loc is not None and loc.name == "Serbia" and loc.precision == "country"


def test_over_places_a_use_of_force(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    loc = _locate(parse, gaz, "His plane was shot down over Lebanon in 1986.", "shot").location
    assert loc is not None and loc.name == "Lebanon"


def test_the_land_a_noun_of_force_is_done_to_places_it(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    for text, trigger, where in (
        ("Western leaders condemned Russia's invasion of Ukraine again on Tuesday.", "invasion", "Ukraine"),
        ("Officials said the war against Yemen had cost billions.", "war", "Yemen"),
    ):
        loc = _locate(parse, gaz, text, trigger).location
        assert loc is not None and loc.name == where and loc.evidence is not None


def test_the_land_a_noun_of_force_is_done_to_beats_a_place_elsewhere_in_its_clause(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer
) -> None:
    """The invaded land is the invasion's own argument: a locative the parser hangs elsewhere in
    the clause ("flights near Alaska") does not place it, finer as a region is than a country."""
    text = (
        "But unlike most members of the United Nations, China has never condemned Russia's full-scale"
        " invasion of Ukraine, and their military partnership — from joint bomber flights near the U.S."
        " state of Alaska to votes in the Security Council — has only grown."
    )
    loc = _locate(parse, gaz, text, "invasion").location
    assert loc is not None and loc.name == "Ukraine"


def test_of_places_nothing_under_another_noun_than_the_act(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked the convoy of the president of Kenya."
    loc = _locate(parse, gaz, text, "attacked").location
    assert loc is None or loc.name != "Kenya" or loc.evidence is None


def test_over_a_name_under_another_noun_places_nothing(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer,
) -> None:
    text = "Protesters clashed with police over Kenya's new tax law."
    assert _locate(parse, gaz, text, "clashed").location is None


def test_finer_place_within_the_chosen_one(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In scattered violence across Iraq, gunmen shot dead a police officer walking near his home "
        "in the northern city of Mosul."
    )
    loc = _locate(parse, gaz, text, "shot").location
    assert loc is not None and loc.name == "Mosul" and loc.precision == "city"


def test_direction_after_a_name_says_where_that_name_is(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer,
) -> None:
    text = "In Hilla, also just south of Baghdad, a civilian was killed in a drive-by shooting."
    loc = _locate(parse, gaz, text, "killed").location
    assert loc is not None and loc.evidence is not None and loc.evidence.text == "Hilla"


def test_name_on_the_subject_is_nationality_not_place(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer,
) -> None:
    text = "A US Marine was killed in combat on Saturday in the western province of Anbar."
    loc = _locate(parse, gaz, text, "killed").location
    assert loc is not None and loc.name == "Anbar" and loc.precision == "admin1"


def test_distance_from_a_place_is_not_the_place(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer,
) -> None:
    text = "A car bomb exploded at a market in Suwayrah, some 50 km south of Baghdad."
    assert _locate(parse, gaz, text, "exploded").location is None


def test_finer_place_wins_a_tie(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Dozens of people were killed in fighting in Syria's Aleppo province on Friday."
    loc = _locate(parse, gaz, text, "killed").location
    assert loc is not None and loc.name == "Aleppo"


def test_country_on_the_trigger_is_the_actor(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Lysychansk is a key battleground in Russia's assault."
    assert _locate(parse, gaz, text, "assault").location is None


def test_land_a_force_is_used_on_places_it(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Riot police patrolled Bangladesh's cities and towns on Saturday."
    patrolled = _locate(parse, gaz, text, "patrolled")
    captured = _locate(parse, gaz, "The Serbs have captured 70 percent of Bosnia in the war.", "captured")
    assert patrolled.location is not None and patrolled.location.name == "Bangladesh"
    assert captured.location is not None and captured.location.country == "BIH"


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("Aleppo was shelled again on Monday.", "shelled", "Aleppo"),
        ("Baghdad's streets were heavily patrolled by troops on Friday.", "patrolled", "Baghdad"),
    ],
)
def test_the_land_a_passive_force_verb_is_done_to_places_it(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer, text: str, trigger: str, place: str
) -> None:
    loc = _locate(parse, gaz, text, trigger).location
    assert loc is not None and loc.evidence is not None and loc.evidence.text == place


def test_a_passive_subject_of_talk_places_nothing(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Aleppo was praised by the envoy on Monday."
    event = replace(assault(text, "praised"), cameo="051", cameo_root="05", quad_class=1)
    article, doc = parse(text)
    placed = locate_events(ParsedArticle.of(doc, article), [event], find_places(doc, article, gaz), gaz.cues)
    assert placed[0].location is None


def test_a_place_of_a_country_refines_a_sea(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Japan and China have been disputing the uninhabited Senkaku/Diaoyu islands in the East China Sea."
    loc = _locate(parse, gaz, text, "disputing").location
    assert loc is not None and loc.name == "Senkaku Islands"


def test_between_the_towns_of_places_the_event_there(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # the land between two named towns is where the villages are; a bare "between" is a route
    text = "Gunmen attacked several villages between the towns of Kilis and Azaz on Monday."
    loc = _locate(parse, gaz, text, "attacked").location
    assert loc is not None and loc.name in ("Kilis", "Azaz")
    text = "Gunmen attacked a convoy travelling between Kilis and Azaz on Monday."
    loc = _locate(parse, gaz, text, "attacked").location
    assert loc is None or loc.name not in ("Kilis", "Azaz")

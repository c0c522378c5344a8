"""Demonyms as places of their own kind: found on real sentences, resolved to their country from
the actor dictionary, listed with the article's places, and never placing an event."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsevents
from newsevents.geo import Gazetteer, name_places
from newsevents.geo.demonyms import DemonymTable, find_demonyms
from newsevents.model import Place, named_places
from newsevents.nlp.parsed import ParsedArticle
from newsevents.settings import load_settings

pytestmark = pytest.mark.model


def _demonyms(parse, gaz: Gazetteer, table: DemonymTable, text: str) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    article, doc = parse(text)
    parsed = ParsedArticle.of(doc, article)
    found = find_demonyms(parsed, table, name_places(parsed, gaz), gaz)
    return {p.name: p for p in found}


@pytest.fixture(scope="module")
def table(actor_dictionary, gaz: Gazetteer) -> DemonymTable:  # type: ignore[no-untyped-def]
    return DemonymTable.of(actor_dictionary, gaz)


def test_nationality_words_are_their_countries(parse, gaz, table) -> None:  # type: ignore[no-untyped-def]
    text = "Sudanese officials met Russian and Syrian envoys in Khartoum on Monday."
    found = _demonyms(parse, gaz, table, text)
    assert {p.country for p in found.values()} == {"SDN", "RUS", "SYR"}
    sudan = next(p for p in found.values() if p.country == "SDN")
    assert sudan.kind == "demonym" and sudan.feature == "country"
    assert [m.text for m in sudan.mentions] == ["Sudanese"]
    assert (sudan.lat, sudan.lon) == (gaz.countries["SDN"].lat, gaz.countries["SDN"].lon)


def test_every_mention_of_one_country_is_one_place(parse, gaz, table) -> None:  # type: ignore[no-untyped-def]
    text = "Turkish troops crossed the border. Turkish jets struck the town, and Turks celebrated."
    turkey = [p for p in _demonyms(parse, gaz, table, text).values() if p.country == "TUR"]
    assert len(turkey) == 1
    assert [m.text for m in turkey[0].mentions] == ["Turkish", "Turkish", "Turks"]


def test_a_region_demonym_is_its_continent_and_a_peoples_region_is_none(parse, gaz, table) -> None:  # type: ignore[no-untyped-def]
    found = _demonyms(parse, gaz, table, "European ministers and Kurdish fighters met in Geneva.")
    assert [(p.name, p.country, p.feature) for p in found.values()] == [("Europe", None, "other")]


def test_a_demonym_inside_a_named_place_is_the_place(parse, gaz, table) -> None:  # type: ignore[no-untyped-def]
    text = "The storm reached American Samoa on Friday."
    assert _demonyms(parse, gaz, table, text) == {}


def test_a_users_dictionary_adds_a_demonym_and_it_is_no_town(tmp_path: Path) -> None:
    # GeoNames lists "Gazan" as a name of Jizan, Saudi Arabia; once the actor dictionary knows
    # the word as Palestinian, it is a demonym of Palestine and no town.
    extra = tmp_path / "people.yml"
    extra.write_text(
        "countries:\n"
        "  - {code: PSE, name: Palestine, aliases: [Gaza], demonyms: [Gazan, Gazans, Palestinian]}\n",
        encoding="utf-8",
    )
    text = "Gazan families queued for water in Rafah on Monday."
    before = newsevents.extract(text).locations
    assert [(p.country, p.kind) for p in before if p.mentions[0].text == "Gazan"] == [("SAU", "name")]
    settings = load_settings().with_stage("actors", dictionaries=[str(extra)])
    after = newsevents.extract(text, settings).locations
    gazan = [p for p in after if p.mentions[0].text == "Gazan"]
    assert [(p.country, p.kind) for p in gazan] == [("PSE", "demonym")]


def test_a_demonym_is_listed_but_places_no_event() -> None:
    text = "Turkish forces shelled the town of Afrin on Monday, killing 12 people."
    extraction = newsevents.extract(text)
    kinds = {p.country: p.kind for p in extraction.locations}
    assert kinds.get("TUR") == "demonym"
    assert extraction.events, "the shelling is an event"
    assert all(e.location is None or e.location.country != "TUR" for e in extraction.events)
    assert all(q.location is None or q.location.country != "TUR" for q in extraction.quantities)
    assert "TUR" not in {p.country for p in named_places(extraction.locations)}
    assert extraction.to_dict()["locations"][-1]["kind"] == "demonym"


def test_a_country_name_that_is_also_an_adjective_stays_a_name() -> None:
    # The actor dictionary lists "Myanmar" among the country's demonyms ("Myanmar troops").
    extraction = newsevents.extract("Floods hit Myanmar on Monday, and Myanmar troops helped.")
    myanmar = [p for p in extraction.locations if p.country == "MMR"]
    assert [p.kind for p in myanmar] == ["name"]
    assert [m.text for m in myanmar[0].mentions] == ["Myanmar", "Myanmar"]
    # "Philippine" is a demonym, and "Philippines" would read as its plural.
    philippines = newsevents.extract("A typhoon struck the Philippines on Monday.").locations
    assert [(p.country, p.kind) for p in philippines] == [("PHL", "name")]


def test_a_country_is_at_geonames_point_and_an_event_in_it_at_its_capital(gaz: Gazetteer) -> None:
    text = "Troops clashed with rebels in Sudan on Monday, killing 12 soldiers."
    extraction = newsevents.extract(text)
    sudan = next(p for p in extraction.locations if p.country == "SDN")
    assert (sudan.lat, sudan.lon) == (16.0, 30.0)  # GeoNames' point, 239 km from the median of its towns
    located = [e.location for e in extraction.events if e.location is not None]
    assert located and all(loc.precision == "country" for loc in located)
    khartoum = gaz.capital_points["SDN"]
    assert all((loc.lat, loc.lon) == khartoum for loc in located)
    assert 15.0 < khartoum[0] < 16.0 and 32.0 < khartoum[1] < 33.0  # Khartoum, not Sudan's centre


def test_a_demonym_of_a_region_of_its_country_has_the_region_s_point(parse, gaz, table) -> None:  # type: ignore[no-untyped-def]
    """ "the English city of Salisbury" lies in England, far from the United Kingdom's point; a
    British official stays the United Kingdom's."""
    text = "The pair were found in the southern English city of Salisbury, British officials said."
    found = _demonyms(parse, gaz, table, text)
    assert found["England"].feature == "admin1" and found["England"].country == "GBR"
    assert [m.text for m in found["England"].mentions] == ["English"]
    assert found["United Kingdom"].feature == "country"

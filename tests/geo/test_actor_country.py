"""The actor-country chain (geo/actors.py): an agent whose words name no country takes its event's
place's, else the article's focus country, and every actor says where its country came from."""

from __future__ import annotations

from dataclasses import replace

import pytest

import newsevents
from newsevents.geo.actors import Homes, Homing, focus_country
from newsevents.geo.fallback import ArticlePlaces
from newsevents.model import Actor, ActorMention, Event, EventLocation, Evidence, Extraction

# An article about Russia: "civilians" alone get Russia as the article's focus country.
RUSSIA = (
    "Russia says it will keep up pressure on Ukraine\n\n"
    "Russia's defence ministry said on Tuesday that Russian forces had repelled attacks. "
    "Moscow said Russia would not back down, and Russian officials said Russia was ready.\n"
)
# An article about Somalia, with a dateline; the gunmen's own words name no country.
SOMALIA = (
    "Gunmen storm hotel in Somali capital\n\n"
    "MOGADISHU, Somalia (AP) - Gunmen attacked a hotel on Sunday, a Somali police officer said. "
    "Somalia's government condemned the attack and Somali officials promised an inquiry.\n"
)


def _side(extraction: Extraction, words: str) -> Actor:
    """The source or target of an event whose words are `words`."""
    found = [a for e in extraction.events for a in (e.source, e.target) if a is not None and a.text == words]
    assert found, [(e.trigger.text, e.source, e.target) for e in extraction.events]
    return found[0]


@pytest.mark.model
def test_gunmen_in_an_article_about_somalia_are_somali_by_a_guess_that_says_so() -> None:
    gunmen = _side(newsevents.extract(SOMALIA), "Gunmen")
    assert (gunmen.country, gunmen.code, gunmen.sector) == ("SOM", "SOMUAF", "UAF")
    assert gunmen.country_source in ("article", "place")


@pytest.mark.model
def test_syrian_troops_keep_their_own_country_from_the_text() -> None:
    troops = _side(newsevents.extract(RUSSIA + "Syrian troops shelled a village near Idlib on Monday.\n"),
                   "Syrian troops")  # fmt: skip
    assert (troops.code, troops.country_source) == ("SYRMIL", "text")


@pytest.mark.model
def test_every_actor_says_where_its_country_came_from() -> None:
    extraction = newsevents.extract(SOMALIA)
    actors = [m.actor for m in extraction.actors] + [
        a for e in extraction.events for a in (e.source, e.target, e.attributed_to) if a is not None
    ]
    assert actors
    for actor in actors:
        assert (actor.country is None) == (actor.country_source is None), actor
    assert {"text", "article"} <= {a.country_source for a in actors}


@pytest.mark.model
def test_victims_in_a_foreign_city_take_its_country() -> None:
    text = RUSSIA + "Five civilians were killed in an air strike in Mykolaiv on Monday, officials said.\n"
    target = _side(newsevents.extract(text), "civilians")
    assert (target.code, target.country, target.country_source) == ("UKRCVL", "UKR", "place")
    assert target.name == "Ukrainian civilians"


@pytest.mark.model
def test_explicit_demonym_is_kept() -> None:
    text = RUSSIA + "Three Russian soldiers were killed in shelling in Kharkiv on Monday, officials said.\n"
    target = _side(newsevents.extract(text), "Russian soldiers")
    assert (target.code, target.country_source) == ("RUSMIL", "text")


@pytest.mark.model
def test_country_level_place_leaves_the_article_country() -> None:
    text = RUSSIA + "Five civilians were killed in an air strike in Ukraine on Monday, officials said.\n"
    target = _side(newsevents.extract(text), "civilians")
    assert (target.code, target.country_source) == ("RUSCVL", "article")


@pytest.mark.model
def test_victims_at_home_take_the_place_too() -> None:
    text = RUSSIA + "Five civilians were killed in an air strike in Belgorod on Monday, officials said.\n"
    target = _side(newsevents.extract(text), "civilians")
    assert (target.code, target.country_source) == ("RUSCVL", "place")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "needs"),
    [("Five civilians were killed.", True), ("Five Syrian civilians were killed.", False),
     ("Five Kyiv police were hurt.", False), ("Aid workers were hurt.", False)],
)  # fmt: skip
def test_the_actors_stage_marks_who_awaits_a_country(nlp, actor_dictionary, text: str, needs: bool) -> None:  # type: ignore[no-untyped-def]
    from newsevents import ingest
    from newsevents.actors import mention_actors
    from newsevents.nlp.parsed import ParsedArticle

    article = ingest.article_from_text(RUSSIA + text + "\n")
    last = mention_actors(ParsedArticle.of(nlp(article.text), article), actor_dictionary)[-1]
    assert last.needs_country is needs
    assert last.actor.country_source == (None if needs or last.actor.country is None else "text")


# Unit tests on hand-made events: the rules, without the parse.

TEXT = "soldiers attacked civilians in Kyiv; Syrian refugees; police"


def _actor(text: str, sector: str) -> Actor:
    i = TEXT.index(text)
    return Actor(text, sector.lower(), sector, None, sector, Evidence.of(TEXT, i, i + len(text)))


def _event(source: Actor | None, target: Actor | None, precision: str = "city", quad: int = 4,
           where: str = "clause") -> Event:  # fmt: skip
    loc = EventLocation("Kyiv", 50.45, 30.52, "UKR", precision, Evidence.of(TEXT, 31, 35))  # type: ignore[arg-type]
    ev, trigger = Evidence.of(TEXT, 0, 35), Evidence.of(TEXT, 9, 17)
    return Event(source, target, "190", "19", "ASSAULT", quad, -10.0, ev, trigger, location=loc,
                 location_source=where)  # type: ignore[arg-type]


def _homing(*actors: Actor, focus: str | None = "RUS") -> Homing:
    spans = {(a.evidence.start, a.evidence.end): None for a in actors if a.evidence is not None}
    return Homing(Homes(spans, focus), None)


def test_unit_victim_takes_the_place_and_says_so() -> None:
    civ = _actor("civilians", "CVL")
    out = _homing(civ).event(_event(None, civ))
    assert out.target is not None
    assert (out.target.code, out.target.country, out.target.country_source) == ("UKRCVL", "UKR", "place")


def test_unit_attacking_army_takes_the_article_not_the_place() -> None:
    mil = _actor("soldiers", "MIL")
    out = _homing(mil).event(_event(mil, None))
    assert out.source is not None and (out.source.code, out.source.country_source) == ("RUSMIL", "article")


@pytest.mark.parametrize(
    ("precision", "quad", "where"),
    [
        ("country", 4, "clause"),  # country-level place
        ("city", 1, "clause"),  # a statement, not a material act
        ("city", 4, "dateline"),  # the article's evidence, not the event's
        ("city", 4, "sentence"),  # a sentence's place not named as a location (no "in")
    ],
)
def test_unit_weak_places_leave_the_article_country(precision: str, quad: int, where: str) -> None:
    civ = _actor("civilians", "CVL")
    out = _homing(civ).event(_event(None, civ, precision, quad, where))
    assert out.target is not None and (out.target.code, out.target.country_source) == ("RUSCVL", "article")


def test_unit_police_take_the_place_of_any_act_a_statement_too() -> None:
    """Police and courts act where they live: "according to prosecutors" in a paragraph about a
    New York trial is American in an article about Iran, though an accusation is no material act;
    a statement's place still leaves other agents the article's country."""
    police, civ = _actor("police", "COP"), _actor("civilians", "CVL")
    out = _homing(police, civ).event(_event(police, civ, quad=3))
    assert out.source is not None and (out.source.code, out.source.country_source) == ("UKRCOP", "place")
    assert out.target is not None and (out.target.code, out.target.country_source) == ("RUSCVL", "article")


def test_unit_refugees_never_take_the_place_and_nothing_means_no_country() -> None:
    ref = _actor("refugees", "REF")
    assert _homing(ref).event(_event(None, ref)).target.code == "RUSREF"  # type: ignore[union-attr]
    unplaced = _homing(ref, focus=None).event(_event(None, ref))
    assert unplaced.target == ref and unplaced.target.country_source is None  # type: ignore[union-attr]


def test_unit_an_actor_whose_words_named_its_country_is_never_touched() -> None:
    syr = Actor("soldiers", "Syrian military", "SYRMIL", "SYR", "MIL", Evidence.of(TEXT, 0, 8), "text")
    ev = _event(syr, None)
    out = _homing(syr).event(ev)
    assert out.source == syr
    # the act abroad with no target is aimed at the place's country (actors/abroad.py)
    assert out.target is not None and (out.target.code, out.target.country_source) == ("UKR", "place")


def test_unit_focus_is_the_most_mentioned_country_else_the_dateline() -> None:
    class Parsed:  # the one question focus_country asks of the parse
        @staticmethod
        def in_headline(start: int, end: int) -> bool:
            return False

    def mention(country: str) -> ActorMention:
        return ActorMention(Actor(country, country, country, country, None, None, "text"), 0, 1, 0)

    empty = ArticlePlaces((), (), None, None)
    assert focus_country(Parsed(), [mention("KEN"), mention("KEN"), mention("SOM")], empty) == "KEN"  # type: ignore[arg-type]
    assert focus_country(Parsed(), [mention("KEN"), mention("SOM")], empty) is None  # type: ignore[arg-type]


def test_unit_events_made_equal_by_their_countries_are_settled_and_say_where_they_went() -> None:
    """The coder's rules on codes hold again after homing: no self-event, one event per sides,
    code and sentence (the most confident); figures linked by index follow the kept events."""
    from newsevents.geo.actors import home_actors

    mil = Actor("soldiers", "Syrian military", "SYRMIL", "SYR", "MIL", Evidence.of(TEXT, 0, 8), "text")
    civ = Actor("civilians", "Syrian civilians", "SYRCVL", "SYR", "CVL", Evidence.of(TEXT, 18, 27), "text")
    itself, attack = _event(mil, mil), _event(mil, civ)
    weaker = replace(attack, confidence=0.1)
    empty = ArticlePlaces((), (), None, None)
    kept, _, _, where = home_actors(None, empty, [itself, weaker, attack], [])  # type: ignore[arg-type]
    assert kept == [attack] and where == [None, None, 0]


ISRAEL = (
    "Israel tightens security in Jerusalem\n\n"
    "Israel said on Sunday it would tighten security in Jerusalem. Israeli officials said Israel was ready. "
    "The Israeli prime minister said he had met with senior officials on Sunday.\n"
)


@pytest.mark.model
def test_a_meeting_homing_would_make_a_self_event_keeps_its_country_less_side() -> None:
    """The officials would take Israel as the article's country and the meeting would become one
    of the Israeli government with itself, and be dropped; the act was told, so it stays, the
    officials left as the coder found them. Security officials are the police (COP), of another
    code than the prime minister's, so they take Israel."""
    met = [e for e in newsevents.extract(ISRAEL).events if e.trigger.text == "met"]
    sides = {(e.source.code if e.source else None, e.target.code if e.target else None) for e in met}
    assert sides == {("ISRGOV", "GOV"), ("GOV", "ISRGOV")}
    police = ISRAEL.replace("senior officials", "security officials")
    met = [e for e in newsevents.extract(police).events if e.trigger.text == "met"]
    sides = {(e.source.code if e.source else None, e.target.code if e.target else None) for e in met}
    assert sides == {("ISRGOV", "ISRCOP"), ("ISRCOP", "ISRGOV")}

"""reconcile_countries: an actor whose country was only guessed takes the country of its event's place."""

from __future__ import annotations

import pytest

import newsevents
from newsevents.geo import reconcile_countries
from newsevents.model import Actor, ActorMention, Event, EventLocation, Evidence

# An article about Russia: "civilians" alone get Russia as the article's dominant country.
RUSSIA = (
    "Russia says it will keep up pressure on Ukraine\n\n"
    "Russia's defence ministry said on Tuesday that Russian forces had repelled attacks. "
    "Moscow said Russia would not back down, and Russian officials said Russia was ready.\n"
)


def _target(text: str, words: str) -> Actor:
    """The target of the event coded on the victims named by `words`."""
    extraction = newsevents.extract(text)
    found = [e.target for e in extraction.events if e.target is not None and e.target.text == words]
    assert found, [(e.trigger.text, e.target) for e in extraction.events]
    return found[0]


@pytest.mark.model
def test_victims_in_a_foreign_city_take_its_country() -> None:
    text = RUSSIA + "Five civilians were killed in an air strike in Mykolaiv on Monday, officials said.\n"
    target = _target(text, "civilians")
    assert (target.code, target.country, target.sector) == ("UKRCVL", "UKR", "CVL")
    assert target.name == "Ukrainian civilians"


@pytest.mark.model
def test_explicit_demonym_is_kept() -> None:
    text = RUSSIA + "Three Russian soldiers were killed in shelling in Kharkiv on Monday, officials said.\n"
    target = _target(text, "Russian soldiers")
    assert target.code == "RUSMIL"


@pytest.mark.model
def test_country_level_place_is_ignored() -> None:
    text = RUSSIA + "Five civilians were killed in an air strike in Ukraine on Monday, officials said.\n"
    target = _target(text, "civilians")
    assert target.code == "RUSCVL"


@pytest.mark.model
def test_victims_at_home_are_unchanged() -> None:
    text = RUSSIA + "Five civilians were killed in an air strike in Belgorod on Monday, officials said.\n"
    target = _target(text, "civilians")
    assert target.code == "RUSCVL"


# Unit tests on hand-made events: the rules, without the parse.

TEXT = "soldiers attacked civilians in Kyiv; Syrian refugees"


def _actor(text: str, code: str, country: str, sector: str) -> Actor:
    i = TEXT.index(text)
    return Actor(text, f"{country} {sector}", code, country, sector, Evidence.of(TEXT, i, i + len(text)))


def _mention(actor: Actor, kind: str = "noun", guessed: bool = True) -> ActorMention:
    return ActorMention(actor, 0, 1, 0, kind, country_guessed=guessed)


def _event(source: Actor | None, target: Actor | None, precision: str = "city", quad: int = 4) -> Event:
    loc = EventLocation("Kyiv", 50.45, 30.52, "UKR", precision, Evidence.of(TEXT, 31, 35))  # type: ignore[arg-type]
    ev, trigger = Evidence.of(TEXT, 0, 35), Evidence.of(TEXT, 9, 17)
    return Event(source, target, "190", "19", "ASSAULT", quad, -10.0, ev, trigger, location=loc)


def test_unit_target_rehomed_keeps_sector() -> None:
    civ = _actor("civilians", "RUSCVL", "RUS", "CVL")
    out = reconcile_countries([_event(None, civ)], [_mention(civ)])[0]
    assert out.target is not None and (out.target.code, out.target.sector) == ("UKRCVL", "CVL")


def test_unit_attacking_army_keeps_its_country() -> None:
    mil = _actor("soldiers", "RUSMIL", "RUS", "MIL")
    out = reconcile_countries([_event(mil, None)], [_mention(mil)])[0]
    assert out.source is not None and out.source.code == "RUSMIL"


@pytest.mark.parametrize(
    ("kind", "precision", "quad", "guessed"),
    [
        ("demonym", "city", 4, True),  # words that named the country
        ("noun", "country", 4, True),  # country-level place
        ("noun", "city", 1, True),  # a statement, not a material act
        ("noun", "city", 4, False),  # the actors stage read the country from the noun's own words
    ],
)
def test_unit_nothing_changes(kind: str, precision: str, quad: int, guessed: bool) -> None:
    actor = _actor("civilians", "SYRCVL", "SYR", "CVL")
    ev = _event(None, actor, precision, quad)
    assert reconcile_countries([ev], [_mention(actor, kind, guessed)])[0] == ev


def test_unit_refugees_and_igos_are_never_rehomed() -> None:
    ref = _actor("civilians", "SYRREF", "SYR", "REF")
    ev = _event(None, ref)
    assert reconcile_countries([ev], [_mention(ref)])[0] == ev


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "guessed"),
    [("Five civilians were killed.", True), ("Five Syrian civilians were killed.", False),
     ("Five Kyiv police were hurt.", False)],
)  # fmt: skip
def test_the_actors_stage_says_whose_country_it_guessed(text: str, guessed: bool) -> None:
    mentions = newsevents.extract(RUSSIA + text + "\n").actors
    last = mentions[-1]
    assert last.country_guessed is guessed and last.actor.code.endswith(("CVL", "COP"))

"""The converted PETRARCH2 verb dictionary on real sentences through the real pipeline.

Each verb here ("move", "burn") has no entry in the curated `verbs.yml`, so what is coded comes
from `data/petrarch/`; the discard test shows the same sentence coded without its phrase.
"""

from __future__ import annotations

import hashlib

import pytest

import newsevents
from newsevents.data import reader, shipped
from newsevents.events.codes import load_code_table
from newsevents.model import Article, Event

pytestmark = pytest.mark.model


def _events(text: str) -> list[Event]:
    article = Article(id=hashlib.sha1(text.encode()).hexdigest()[:16], text=text, published="2016-02-13")
    return list(newsevents.extract(article).events)


def _curated(lemma: str) -> bool:
    return any(rec.get("verb") == lemma for rec in reader.entries(shipped("events/verbs.yml")))


def test_a_pattern_with_its_preposition() -> None:
    """`- $ TROOP * TOWARD +`-style: "moved troops toward X" mobilises against X (154)."""
    assert not _curated("move")
    [event] = _events("The Russian army moved troops toward the Ukrainian border.")
    assert (event.cameo, event.plover, event.plover_mode) == ("154", "MOBILIZE", "troops")
    assert event.source is not None and event.source.country == "RUS"
    assert event.target is not None and event.target.country == "UKR"
    assert event.trigger.text == "moved troops toward"
    assert _events("The Russian army moved troops on Friday.") == []  # no preposition, no pattern


def test_a_four_digit_code_takes_its_plover_type_and_mode() -> None:
    assert not _curated("burn")
    [event] = _events("Boko Haram militants burned the homes of Christian villagers in Borno state.")
    assert event.cameo == "1712" and event.cameo_root == "17"
    assert (event.plover, event.plover_mode) == load_code_table().plover("1712") == ("ASSAULT", "seize")
    assert event.source is not None and event.source.country == "NGA"


def test_a_passive_takes_its_by_agent_as_source() -> None:
    [event] = _events("The homes of Christian villagers were burned by Boko Haram militants in Borno state.")
    assert event.cameo == "1712"
    assert event.source is not None and event.source.country == "NGA" and event.source.sector == "REB"
    assert event.target is not None and event.target.sector == "CVL"


def test_a_coordinated_object_meets_the_pattern() -> None:
    """`* HOUSES [1712]`: "cars and houses" meets it through the second conjunct."""
    [event] = _events("Boko Haram militants burned cars and houses in Borno state.")
    assert event.cameo == "1712"
    assert "houses" in event.trigger.text


def test_coordinated_verbs_share_their_object() -> None:
    events = _events("Nigerian soldiers attacked and killed Boko Haram fighters near Maiduguri.")
    assert events and all(e.cameo_root == "19" for e in events)
    assert all(e.target is not None and e.target.sector == "REB" for e in events)


def test_a_discard_phrase_codes_no_event_in_its_sentence() -> None:
    """A sports result reads like an attack ("beat"); the World Cup marks it as sport. The next
    sentence of the same story is coded: discards hold per sentence."""
    assert [e.cameo_root for e in _events("Brazil beat Argentina 2-1 in Rio on Tuesday.")]
    text = (
        "Brazil beat Argentina 2-1 in a World Cup qualifier in Rio on Tuesday.\n\n"
        "In Syria, Syrian troops shelled rebel positions near Aleppo."
    )
    events = _events(text)
    assert events and all("Aleppo" in e.evidence.text for e in events)


def test_a_phrase_that_only_tells_the_order_of_acts_discards_nothing() -> None:
    """PETRARCH discarded "months later" (it coded the day's news only); past acts are coded with
    their date here."""
    events = _events("Several months later, North Korea invaded.")
    assert [(e.source.country if e.source else None, e.cameo_root) for e in events] == [("PRK", "19")]


def test_a_pattern_of_who_acts_alone_needs_a_verb_with_no_object_of_its_own() -> None:
    """`- &MILITARY * [154]` under "increase", `[190]` under "continue": troops that pour in or an
    army that continues mobilise and fight, but an army that "increased the violence" or "continues
    to defy calls" does what its object or infinitive says, which the pattern does not name."""
    assert not _curated("increase") and not _curated("continue") and not _curated("pour")
    assert [e.cameo for e in _events("Myanmar troops poured into Shan state on Friday.")] == ["154"]
    assert [e.cameo for e in _events("The Myanmar army continued in Shan state on Friday.")] == ["190"]
    assert _events("The Myanmar army increased the violence in Yangon.") == []
    defied = _events("The Myanmar military continues to defy calls from the United Nations.")
    assert [e.cameo for e in defied] == ["128"]


def test_a_claim_with_a_that_clause_is_no_demand() -> None:
    """`reiterate` codes `* CLAIM [100]`: "its claim to the islands" is a demand, but "the claim that
    X did it" states what is asserted (cues.yml `assertion_nouns`), so the claim meets no pattern."""
    assert not _curated("reiterate")
    [event] = _events("China reiterated its claim to the disputed islands.")
    assert event.cameo == "100"
    said = _events("Pakistan reiterated the claim that Afghanistan shelters the militants.")
    assert [e for e in said if e.trigger.text.startswith("reiterated")] == []
